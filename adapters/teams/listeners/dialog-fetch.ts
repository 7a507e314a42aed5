import type { TaskModuleRequest, TaskModuleResponse, TurnContext } from 'botbuilder';
import { decodeAction, strings, triageCardUpdate } from '../../../src/index.js';
import { incomingOf, localeOf, type TeamsDeps } from '../context.js';
import { formDialog, lineDialog, viewDialog } from '../dialogs.js';

/**
 * A button whose reply is a form ("Escalader", "Résoudre") fetched its dialog (task/fetch): the
 * core's reply is the form (the case form, the summary prefilled, each item to collect an input;
 * the expert's resolution), or, when it is none (a refusal, an expired button), its one line in
 * a small dialog that only the person who clicked sees. A failure is an apology in the dialog.
 */
export async function fetchDialog(
  deps: TeamsDeps,
  context: TurnContext,
  request: TaskModuleRequest,
): Promise<TaskModuleResponse> {
  try {
    const action = decodeAction(request?.data);
    if (!action) return lineDialog(strings(localeOf(context.activity) ?? 'fr').ui.staleButton);
    const reply = await deps.bot.handle(await incomingOf(deps, context, { action }));
    // "Escalader" on a triage's card that has moved on, or on a triage over: its one line.
    const card = action.kind === 'triage-control' ? triageCardUpdate(reply) : null;
    const ui = strings(reply.language).ui;
    if (card === 'stale') return lineDialog(ui.staleTriageCard);
    if (card === 'ended') return lineDialog(ui.endedTriageCard);
    const form = deps.bot.form(reply);
    return form ? formDialog(form) : viewDialog(deps.bot.view(reply, { private: true }));
  } catch (error) {
    deps.metrics?.outboundFailures.inc({ platform: 'teams' });
    deps.logger.error({ err: error }, 'Teams dialog could not be fetched');
    return lineDialog(strings(localeOf(context.activity) ?? 'fr').answer.apology);
  }
}
