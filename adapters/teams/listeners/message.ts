import { type Activity, MessageFactory, type TurnContext } from 'botbuilder';
import { decodeAction, detectLanguage, strings } from '../../../src/index.js';
import { questionText } from '../activity-text.js';
import { conversationOf, localeOf, type TeamsDeps } from '../context.js';
import { sendReply } from '../reply.js';
import { sendWithRetry } from '../send.js';

function isMentioned(activity: Activity): boolean {
  return (activity.entities ?? []).some(
    (e) =>
      e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );
}

/**
 * A message: in a personal chat every message is a question; in a group chat only when the bot is
 * mentioned (Teams delivers channel messages to a bot only when it is mentioned). A card button
 * (Action.Submit) comes back as a message whose `value` is a core action: the same door.
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
    if (!text) return sendReply(deps, context, { kind: 'help', language: detectLanguage(text) });
  }
  const locale = localeOf(activity);
  const reply = await deps.bot.handle({
    conversation: conversationOf(activity),
    text,
    ...(activity.from?.id ? { user: activity.from.id } : {}),
    ...(action ? { action } : {}),
    ...(locale ? { locale } : {}),
  });
  await sendReply(deps, context, reply);
}
