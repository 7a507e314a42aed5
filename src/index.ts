// The core's one public entry: adapters import from here only (enforced by dependency-cruiser).

export { type Answer, type AnswerResult, citationOf } from './answer/answer.js';
export {
  type CaseDelivery,
  CaseOutbox,
  type OutboxRound,
} from './app/case-outbox.js';
export { isHelpRequest } from './app/help.js';
export { type Library, loadLibrary } from './app/library.js';
export {
  type ConversationRef,
  conversationKey,
  type IncomingMessage,
  type Platform,
} from './app/messages.js';
export { TriageBot, type TriageBotOptions } from './app/triage-bot.js';
export { type CaseAction, isCaseAction } from './cases/actions.js';
export {
  applyCommand,
  type Case,
  type CaseCommand,
  type CaseCommandKind,
  type CaseConversation,
  type CaseEvent,
  type CaseState,
  type ChecklistAnswer,
  type NewCase,
} from './cases/case.js';
export { type CaseOpening, Cases } from './cases/cases.js';
export { type CaseDraft, type ChecklistItem, MAX_DRAFT_JSON } from './cases/draft.js';
export {
  CaseError,
  CaseInputError,
  CaseNotAuthorised,
  CaseNotFound,
  type CaseRefusal,
  CaseStoreUnavailable,
  CaseTransitionError,
} from './cases/errors.js';
export { type CaseStore, MemoryCaseStore, type StoredCase } from './cases/store.js';
export { ASK_COMMAND, answerJson, parseAskArgs, runAsk } from './cli/ask.js';
export { CALIBRATE_COMMAND, parseCalibrateArgs, runCalibrate } from './cli/calibrate.js';
export {
  CASES_USAGE,
  type CaseListItem,
  parseCasesArgs,
  runCases,
} from './cli/cases.js';
export {
  type CommandSpec,
  parseCommandLine,
  UsageError,
  wantsHelp,
} from './cli/command-line.js';
export * from './cli/kb.js';
export { parseReportArgs, REPORT_COMMANDS, ReportArgsError, runReport } from './cli/report.js';
export type { FeedbackEvent, FeedbackStore } from './feedback/events.js';
export { DROP_REASONS, type DropReason, FeedbackRecorder } from './feedback/recorder.js';
export { redact } from './feedback/redact.js';
export { type KnowledgeBase, packageRoot } from './knowledge/kb.js';
export * from './knowledge/types.js';
export { type CoreAction, decodeAction, encodeAction, MAX_CARRIED_QUESTION } from './reply/actions.js';
export {
  ANSWER_FIELD,
  ENTRY_FIELD,
  type FormField,
  type FormSubmit,
  type FormView,
  opensForm,
  submitForm,
} from './reply/form.js';
export { LEGACY_SLACK_ACTION_IDS } from './reply/legacy-actions.js';
export { renderText, type TextRendering } from './reply/render-text.js';
export type {
  AlternativesReply,
  AnswerReply,
  CaseCardReply,
  CaseFormReply,
  CaseNoticeReply,
  CaseOpenedReply,
  CaseRefusedReply,
  CaseResolveFormReply,
  ChooseTreeReply,
  CourtesyReply,
  FeedbackAckReply,
  FullTextReply,
  HelpReply,
  Reply,
  TreeChoice,
  TriageStepReply,
} from './reply/reply.js';
export { actsOnTriageCard, type TriageCardUpdate, triageCardUpdate } from './reply/triage-card.js';
export {
  FOLLOW_UPS_SHOWN,
  FULL_TEXT_AFTER,
  type ReplyView,
  type ViewBlock,
  type ViewButton,
  type ViewOptions,
} from './reply/view.js';
export { MemoryState, type SharedState } from './state/shared-state.js';
export { CATALOGUE, strings } from './text/catalogue.js';
export { ellipsize } from './text/ellipsize.js';
export { parseJsonOrNull } from './text/json.js';
export { detectLanguage, type Language, languageOfLocale } from './text/language.js';
export type { TriageAction } from './triage/actions.js';
export { asksToEscalate, type TriageControl, type TriageSession } from './triage/engine.js';
export type { TriageNotice } from './triage/notices.js';
export { MemorySessionStore, type SessionStore, type StoredSession } from './triage/store.js';
