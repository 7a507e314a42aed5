import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { firstDelivery } from '../dedupe.js';
import type { Metrics } from '../metrics.js';
import type { SlackDeps } from './context.js';

/**
 * Slack redelivers an event it thinks was missed (X-Slack-Retry-Num), with the same event_id:
 * the first delivery is processed, the others are dropped, across every instance sharing state.
 */
export function dedupeEvents(deps: SlackDeps, metrics?: Metrics): Middleware<AnyMiddlewareArgs> {
  const report = { platform: 'slack', logger: deps.logger, metrics };
  return async ({ body, next }) => {
    const b = body as { event_id?: unknown; event?: { type?: unknown; client_msg_id?: unknown } };
    if (typeof b.event_id === 'string') {
      const event = { ...report, message: 'duplicate Slack event dropped', fields: { eventId: b.event_id } };
      if (!(await firstDelivery(deps.state, `slack:event:${b.event_id}`, event))) return;
      const msg = b.event?.client_msg_id;
      if (
        typeof msg === 'string' &&
        !(await firstDelivery(deps.state, `slack:msg:${String(b.event?.type)}:${msg}`, {
          ...report,
          message: 'duplicate Slack message dropped',
          fields: { clientMsgId: msg },
        }))
      )
        return;
    }
    await next();
  };
}
