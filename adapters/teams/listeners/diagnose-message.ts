import {
  CardFactory,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TurnContext,
} from 'botbuilder';
import { type CoreAction, decodeAction, strings } from '../../../src/index.js';
import { attachmentsText, messageBodyText } from '../activity-text.js';
import { renderCard } from '../cards.js';
import { conversationOf, localeOf, type TeamsDeps } from '../context.js';

/** The message action of the manifest (composeExtensions): "Diagnostiquer ce message". */
export const DIAGNOSE_COMMAND_ID = 'diagnoseMessage';

/** One paragraph in a small dialog: an empty message, an apology. */
function dialog(text: string): MessagingExtensionActionResponse {
  const card = renderCard({ language: 'fr', blocks: [{ type: 'paragraph', text }] });
  return {
    task: {
      type: 'continue',
      value: { title: 'UC Triage', height: 'small', width: 'medium', card: CardFactory.adaptiveCard(card) },
    },
  };
}

/**
 * "Diagnostiquer ce message" (message action, composeExtension/submitAction): the diagnosis is
 * shown to the user in a dialog; its buttons come back here; "Partager" puts the diagnosis as it
 * was shown (from the record its button refers to) in the compose box, for the user to post in
 * the conversation. A failure is an apology in the dialog: the user always gets an answer.
 */
export async function diagnoseMessage(
  deps: TeamsDeps,
  context: TurnContext,
  submitted: MessagingExtensionAction,
): Promise<MessagingExtensionActionResponse> {
  try {
    return await diagnose(deps, context, submitted);
  } catch (error) {
    deps.metrics?.outboundFailures.inc({ platform: 'teams' });
    deps.logger.error({ err: error, command: submitted.commandId }, 'Teams message action failed');
    return dialog(strings(localeOf(context.activity) ?? 'fr').answer.apology);
  }
}

async function diagnose(
  deps: TeamsDeps,
  context: TurnContext,
  submitted: MessagingExtensionAction,
): Promise<MessagingExtensionActionResponse> {
  const activity = context.activity;
  const language = localeOf(activity);
  const clicked = decodeAction(submitted.data);
  let action: CoreAction;
  if (clicked) action = clicked;
  else {
    const note = typeof submitted.data?.note === 'string' ? submitted.data.note : '';
    const payload = submitted.messagePayload;
    const body = messageBodyText(payload?.body?.content ?? '');
    // The bot's own answers are Adaptive Cards: their text is in the attachments.
    const cards = attachmentsText(payload?.attachments as { content?: unknown }[] | undefined);
    const text = [note, body, cards].filter((t) => t.trim()).join('\n');
    if (submitted.commandId !== DIAGNOSE_COMMAND_ID || !text)
      return dialog(strings(language ?? 'fr').ui.emptyMessage);
    action = { kind: 'diagnose', text };
  }
  const reply = await deps.bot.handle({
    conversation: conversationOf(activity),
    text: '',
    action,
    ...(activity.from?.id ? { user: activity.from.id } : {}),
    ...(language ? { locale: language } : {}),
  });
  // "Partager": the diagnosis as shown (its record), in the compose box; an expired one says so in the dialog.
  const shared = reply.kind === 'answer' && reply.shared === true;
  const card = renderCard(deps.bot.view(reply, { private: !shared }));
  if (shared)
    return {
      composeExtension: {
        type: 'result',
        attachmentLayout: 'list',
        attachments: [CardFactory.adaptiveCard(card)],
      },
    };
  return {
    task: {
      type: 'continue',
      value: { title: 'UC Triage', height: 'large', width: 'large', card: CardFactory.adaptiveCard(card) },
    },
  };
}
