import type { TurnContext } from 'botbuilder';
import { type CoreAction, type Reply, strings, triageCardUpdate } from '../../src/index.js';
import { incomingOf, localeOf, type TeamsDeps } from './context.js';
import { replyActivity, sendReply } from './reply.js';
import { sendWithRetry, updateWithRetry } from './send.js';

/**
 * How long a conversation's live triage card is remembered: as long as a triage session lasts by
 * default (TRIAGE_SESSION_TTL_SECONDS). Past it, the core's own step check still refuses a click on
 * an earlier step.
 */
const LIVE_CARD_TTL_SECONDS = 86_400;

/** The key of a conversation's live triage card: the message its triage's clicks update. */
const liveKey = (context: TurnContext) => `teams:triage-card:${context.activity.conversation?.id ?? ''}`;

/**
 * A reply posted as a new message; a triage's step or result becomes the conversation's live
 * triage card (the one message its buttons update), so the cards before it are stale.
 */
export async function postReply(deps: TeamsDeps, context: TurnContext, reply: Reply): Promise<void> {
  const posted = await sendReply(deps, context, reply);
  if (reply.kind === 'triage' && posted?.id)
    await deps.state.put(liveKey(context), posted.id, LIVE_CARD_TTL_SECONDS);
}

/**
 * A click on a guided triage's card (an option, back, restart, stop; activity.replyToId is the
 * card): the next step replaces the card in place (updateActivity), keeping the trail of the
 * answers given; the result is a new message and the card keeps only its trail. A card that is
 * not the conversation's live one, a step already answered, or a triage over or expired gets one
 * line and nothing changes. Without replyToId (a client that does not say which card), a new message.
 */
export async function onTriageCard(deps: TeamsDeps, context: TurnContext, action: CoreAction): Promise<void> {
  const card = context.activity.replyToId;
  const ui = strings(action.l ?? localeOf(context.activity) ?? 'fr').ui;
  const line = (text: string) => sendWithRetry(context, { type: 'message', text });
  const live = card ? await deps.state.get(liveKey(context)) : null;
  if (card && live && live !== card) return void (await line(ui.staleTriageCard));
  const reply = await deps.bot.handle(await incomingOf(deps, context, { action }));
  const update = triageCardUpdate(reply);
  if (update === 'stale') return void (await line(ui.staleTriageCard));
  if (update === 'ended') return void (await line(ui.endedTriageCard));
  if (!card || update === 'new') return postReply(deps, context, reply);
  if (update === 'update') return updateWithRetry(context, card, replyActivity(deps, reply));
  await updateWithRetry(context, card, replyActivity(deps, reply, { triageTrail: true }));
  if (update === 'result') await postReply(deps, context, reply);
}
