import { type Activity, MessageFactory, type ResourceResponse, type TurnContext } from 'botbuilder';
import { type Reply, renderText, type ViewOptions } from '../../src/index.js';
import { cardActivity, renderCard } from './cards.js';
import type { TeamsDeps } from './context.js';
import { sendWithRetry } from './send.js';

/** A core reply as a message of the turn's conversation: an Adaptive Card, or one line of text. */
export function replyActivity(deps: TeamsDeps, reply: Reply, options: ViewOptions = {}): Partial<Activity> {
  const view = deps.bot.view(reply, options);
  // A rating is acknowledged in one line of text (the answer is not posted again); an expired button
  // too. A "Pas utile" that asks why is a card: the line and its reasons' buttons.
  const asksWhy = reply.kind === 'feedback-ack' && reply.ref !== undefined;
  if ((reply.kind === 'feedback-ack' && !asksWhy) || reply.kind === 'expired')
    return MessageFactory.text(renderText(view).text);
  return cardActivity(renderCard(view), view);
}

/** A core reply posted in the turn's conversation: its id, to update it later. */
export async function sendReply(
  deps: TeamsDeps,
  context: TurnContext,
  reply: Reply,
  options: ViewOptions = {},
): Promise<ResourceResponse | undefined> {
  return sendWithRetry(context, replyActivity(deps, reply, options));
}
