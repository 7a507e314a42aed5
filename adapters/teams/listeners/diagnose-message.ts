import {
  CardFactory,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TurnContext,
} from 'botbuilder';
import { type CoreAction, decodeAction, strings } from '../../../src/index.js';
import { attachmentsText, messageBodyText } from '../activity-text.js';
import { renderCard } from '../cards.js';
import { incomingOf, localeOf, type TeamsDeps } from '../context.js';
import { dialog, formDialog, lineDialog } from '../dialogs.js';
import { submitDialog } from './dialog-submit.js';

/** The message action of the manifest (composeExtensions): "Diagnostiquer ce message". */
export const DIAGNOSE_COMMAND_ID = 'diagnoseMessage';

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
    return lineDialog(strings(localeOf(context.activity) ?? 'fr').answer.apology);
  }
}

async function diagnose(
  deps: TeamsDeps,
  context: TurnContext,
  submitted: MessagingExtensionAction,
): Promise<MessagingExtensionActionResponse> {
  const activity = context.activity;
  const language = localeOf(activity);
  // The case form of "Escalader", filled in this dialog: as any dialog's (an empty answer closes it).
  if (typeof submitted.data?.form === 'object' && submitted.data.form !== null)
    return ((await submitDialog(deps, context, { data: submitted.data })) ??
      {}) as MessagingExtensionActionResponse;
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
      return lineDialog(strings(language ?? 'fr').ui.emptyMessage);
    action = { kind: 'diagnose', text };
  }
  const reply = await deps.bot.handle(await incomingOf(deps, context, { action }));
  // "Escalader": the case form, in this dialog.
  const form = deps.bot.form(reply);
  if (form) return formDialog(form) as MessagingExtensionActionResponse;
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
  return dialog(card, 'UC Triage');
}
