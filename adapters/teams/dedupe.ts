import type { Activity } from 'botbuilder';
import { firstDelivery } from '../dedupe.js';
import type { TeamsDeps } from './context.js';

/**
 * False for a redelivered activity (same conversation, same id), which must not be answered
 * twice. An id is unique only within its conversation: a channel post's id is its millisecond
 * timestamp, so two channels can send the same one.
 */
export async function firstTeamsDelivery(deps: TeamsDeps, activity: Activity): Promise<boolean> {
  const id = activity.id;
  const conversation = activity.conversation?.id;
  if (!id || !conversation) return true;
  return firstDelivery(deps.state, `teams:activity:${conversation}:${id}`, {
    platform: 'teams',
    logger: deps.logger,
    metrics: deps.metrics,
    message: 'duplicate Teams activity dropped',
    fields: { activityId: id, conversation },
  });
}
