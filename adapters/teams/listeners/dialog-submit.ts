import type { TaskModuleRequest, TaskModuleResponse, TurnContext } from 'botbuilder';
import {
  type CaseRefusedReply,
  type IncomingMessage,
  renderText,
  strings,
  submitForm,
} from '../../../src/index.js';
import { DEDUPE_TTL_SECONDS } from '../../dedupe.js';
import { caseApplied, caseOpened } from '../case-replies.js';
import { incomingOf, localeOf, type TeamsDeps } from '../context.js';
import { dialog, formCard, lineDialog, submittedValues, viewDialog } from '../dialogs.js';
import { replyActivity } from '../reply.js';
import { sendWithRetry } from '../send.js';

/** The refusals a dialog shows above its form, the values kept, for the expert to correct. */
const CORRECTABLE: ReadonlySet<string> = new Set(['empty-answer', 'unknown-entry']);

/**
 * A dialog's form submitted (task/submit): its values and the FormSubmit it carried become the
 * one core action (submitForm). The case form opens a case (once per dialog, however often Teams
 * delivers it), the resolution resolves one; the dialog closes. What the expert must correct (an
 * empty answer, an unknown entry) is said at the top of the same form, the values kept; any other
 * refusal is its one line in the dialog, seen only by the person who submitted it.
 */
export async function submitDialog(
  deps: TeamsDeps,
  context: TurnContext,
  request: TaskModuleRequest,
): Promise<TaskModuleResponse | undefined> {
  try {
    return await submit(deps, context, request);
  } catch (error) {
    deps.metrics?.outboundFailures.inc({ platform: 'teams' });
    deps.logger.error({ err: error }, 'Teams dialog submission failed');
    return lineDialog(strings(localeOf(context.activity) ?? 'fr').answer.apology);
  }
}

async function submit(
  deps: TeamsDeps,
  context: TurnContext,
  request: TaskModuleRequest,
): Promise<TaskModuleResponse | undefined> {
  const language = localeOf(context.activity) ?? 'fr';
  const { form, once, values } = submittedValues(request?.data);
  const action = submitForm(form, values);
  if (!action) return lineDialog(strings(language).cases.formUnreadable);
  if (
    action.kind === 'case-open' &&
    once &&
    !(await deps.state.firstSeen(`teams:case-form:${once}`, DEDUPE_TTL_SECONDS))
  ) {
    const opened = await deps.state.get(`teams:case-opened:${once}`);
    deps.logger.info({ once, case: opened }, 'case form submitted again: nothing more opened');
    return opened ? lineDialog(strings(language).cases.opened(Number(opened))) : undefined;
  }
  const incoming = await incomingOf(deps, context, { action });
  const reply = await deps.bot.handle(incoming);
  switch (reply.kind) {
    case 'case-opened':
      if (once) await deps.state.put(`teams:case-opened:${once}`, String(reply.case.id), DEDUPE_TTL_SECONDS);
      await caseOpened(deps, context, reply);
      return undefined;
    case 'case-card':
      await caseApplied(deps, context, reply);
      return undefined;
    case 'case-refused':
      return refused(deps, context, incoming, reply, values);
    default:
      return viewDialog(deps.bot.view(reply, { private: true }));
  }
}

async function refused(
  deps: TeamsDeps,
  context: TurnContext,
  incoming: IncomingMessage,
  reply: CaseRefusedReply,
  values: Record<string, string>,
): Promise<TaskModuleResponse | undefined> {
  const view = deps.bot.view(reply, { private: true });
  // A case that could not be stored: the technician gets it whole, to forward, in the conversation.
  if (reply.unopened) {
    await sendWithRetry(context, replyActivity(deps, reply));
    return undefined;
  }
  if (!CORRECTABLE.has(reply.refusal) || reply.caseId === undefined) return viewDialog(view);
  const again = await deps.bot.handle({
    ...incoming,
    action: { kind: 'case-resolve', id: reply.caseId, l: reply.language },
  });
  const form = deps.bot.form(again);
  if (!form) return viewDialog(deps.bot.view(again, { private: true }));
  return dialog(formCard(form, { values, error: renderText(view).text }), form.title);
}
