import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Metrics } from '../metrics.js';
import { DEDUPE_TTL_SECONDS, type SlackDeps } from './context.js';

/**
 * Slack redelivers an event it thinks was missed (X-Slack-Retry-Num), with the same event_id:
 * the first delivery is processed, the others are dropped, across every instance sharing state.
 */
export function dedupeEvents(deps: SlackDeps, metrics?: Metrics): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const b = body as { event_id?: unknown; event?: { type?: unknown; client_msg_id?: unknown } };
    if (typeof b.event_id === 'string') {
      if (!(await deps.state.firstSeen(`slack:event:${b.event_id}`, DEDUPE_TTL_SECONDS))) {
        metrics?.dedupeHits.inc({ platform: 'slack' });
        deps.logger.info({ eventId: b.event_id }, 'duplicate Slack event dropped');
        return;
      }
      const msg = b.event?.client_msg_id;
      if (
        typeof msg === 'string' &&
        !(await deps.state.firstSeen(`slack:msg:${String(b.event?.type)}:${msg}`, DEDUPE_TTL_SECONDS))
      ) {
        metrics?.dedupeHits.inc({ platform: 'slack' });
        deps.logger.info({ clientMsgId: msg }, 'duplicate Slack message dropped');
        return;
      }
    }
    await next();
  };
}
