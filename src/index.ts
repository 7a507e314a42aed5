// The core's one public entry: adapters import from here only (enforced by dependency-cruiser).

export { type Answer, type AnswerResult, citationOf, noAnswerLead, productLabel } from './answer/answer.js';
export { ellipsize, LABELS, labels } from './answer/labels.js';
export { renderAnswerText, renderResultText } from './answer/render-text.js';
export { HELP_TEXT, isHelpRequest } from './app/help.js';
export { buildLibrary, type Library, loadLibrary } from './app/library.js';
export {
  type ConversationRef,
  conversationKey,
  type IncomingMessage,
  type Platform,
  parseTriageAction,
  type Reply,
  type TriageAction,
  type TriageNotice,
} from './app/messages.js';
export { TriageBot } from './app/triage-bot.js';
export { answerJson, parseAskArgs, runAsk } from './cli/ask.js';
export * from './cli/kb.js';
export type { KnowledgeBase } from './knowledge/kb.js';
export * from './knowledge/types.js';
export { MemoryState, type SharedState } from './state/shared-state.js';
export { detectLanguage, type Language } from './text/language.js';
export { parseControl, type TriageControl, type TriageSession } from './triage/engine.js';
export { NOTICES } from './triage/notices.js';
export { renderTriageText, TRIAGE_LABELS } from './triage/render-text.js';
export { MemorySessionStore, type SessionStore, type StoredSession } from './triage/store.js';
export type { TriageView } from './triage/view.js';
