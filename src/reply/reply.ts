import type { Answer } from '../answer/answer.js';
import type { Language } from '../text/language.js';
import type { TriageReply } from '../triage/dispatch.js';

/** An answer reply; `shared` when a private answer is being posted for everyone. */
export type AnswerReply = Extract<TriageReply, { kind: 'answer' }> & { shared?: boolean };

/** Everything the bot can say, platform-neutral: every adapter renders these through the view. */
export type Reply =
  | AnswerReply
  | Extract<TriageReply, { kind: 'triage' }>
  | { kind: 'help'; language: Language; welcome?: boolean }
  /** "Ce n'était pas ça": the other candidates of an answer. */
  | { kind: 'alternatives'; language: Language; answer: Answer }
  /** A feedback click acknowledged in one short line. */
  | { kind: 'feedback-ack'; language: Language; useful: boolean }
  /** The whole text of an entry. */
  | { kind: 'full-text'; language: Language; id: string; title: string; text: string; citation: string };
