import { type Activity, MessageFactory, type TurnContext } from 'botbuilder';
import { actsOnTriageCard, decodeAction, detectLanguage, strings } from '../../../src/index.js';
import { questionText } from '../activity-text.js';
import { caseApplied, caseOpened } from '../case-replies.js';
import { incomingOf, type TeamsDeps } from '../context.js';
import { replyActivity } from '../reply.js';
import { sendWithRetry, updateWithRetry } from '../send.js';
import { onTriageCard, postReply } from '../triage-card.js';

function isMentioned(activity: Activity): boolean {
  return (activity.entities ?? []).some(
    (e) =>
      e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );
}

/**
 * A message: in a personal chat every message is a question; in a group chat only when the bot is
 * mentioned (Teams delivers channel messages to a bot only when it is mentioned). A card button
 * (Action.Submit) comes back as a message whose `value` is a core action: the same door; a guided
 * triage's buttons update their card in place (triage-card.ts).
 */
export async function answerMessage(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const clicked = activity.value !== undefined && activity.value !== null;
  const action = clicked ? decodeAction(activity.value) : null;
  const text = questionText(context);
  if (clicked && !action && !text) {
    await sendWithRetry(context, MessageFactory.text(strings('fr').ui.staleButton));
    return;
  }
  if (!action) {
    if (activity.conversation?.conversationType === 'groupChat' && !isMentioned(activity)) return;
    if (!text) return postReply(deps, context, { kind: 'help', language: detectLanguage(text) });
  }
  if (action && actsOnTriageCard(action)) return onTriageCard(deps, context, action);
  const reply = await deps.bot.handle(await incomingOf(deps, context, { text, action }));
  // A reason given after "Pas utile" replaces the card that asked why (as Slack replaces its
  // private message): once answered, its buttons are gone, and a second reason cannot be clicked.
  if (action?.kind === 'feedback' && action.reason && activity.replyToId)
    return updateWithRetry(context, activity.replyToId, replyActivity(deps, reply));
  // A case's buttons sent as a message (a client without dialogs or Universal Actions).
  if (reply.kind === 'case-opened') return caseOpened(deps, context, reply);
  if (reply.kind === 'case-card') return caseApplied(deps, context, reply);
  await postReply(deps, context, reply);
}
