import type { SharedState } from '../src/index.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

/** How long a delivered event, activity or click is remembered: platforms redeliver within minutes. */
export const DEDUPE_TTL_SECONDS = 3600;

/**
 * True for the first delivery of `key` across every instance sharing state. A redelivery (Slack's
 * X-Slack-Retry-Num, a Bot Connector retry) is counted and logged, and must be dropped.
 */
export async function firstDelivery(
  state: SharedState,
  key: string,
  report: {
    platform: string;
    logger: Logger;
    metrics?: Metrics | undefined;
    message: string;
    fields: Record<string, unknown>;
  },
): Promise<boolean> {
  if (await state.firstSeen(key, DEDUPE_TTL_SECONDS)) return true;
  report.metrics?.dedupeHits.inc({ platform: report.platform });
  report.logger.info(report.fields, report.message);
  return false;
}
