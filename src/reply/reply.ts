import type { Answer } from '../answer/answer.js';
import type { Language } from '../text/language.js';
import type { TriageNotice } from '../triage/notices.js';
import type { TriageView } from '../triage/view.js';

/** A guided triage named on a button: offered under an answer, or one of the trees to choose from. */
export interface TreeChoice {
  treeId: string;
  title: string;
}

/** A cited answer to a question, a picked lead or a diagnosed message. */
export interface AnswerReply {
  kind: 'answer';
  language: Language;
  answer: Answer;
  /** A guided triage that fits this answer, offered as a button. */
  triageOffer?: TreeChoice;
  notice?: TriageNotice;
  /** A private answer being posted for everyone ("Partager dans le canal"). */
  shared?: boolean;
}

/** "diagnostic" without a symptom a tree fits: which guided triage to start. */
export interface ChooseTreeReply {
  kind: 'choose-tree';
  language: Language;
  trees: TreeChoice[];
}

/** One step of a guided triage: a question, an outcome, the escalation summary or the stop. */
export interface TriageStepReply {
  kind: 'triage';
  language: Language;
  view: TriageView;
  /** An off-script question answered in the middle of a triage. */
  answer?: Answer;
  notice?: TriageNotice;
}

/** What the bot can do, with examples to click; `welcome` when it has just been added. */
export interface HelpReply {
  kind: 'help';
  language: Language;
  welcome?: boolean;
}

/** A greeting or thanks said on its own ("bonjour", "merci"): a word back, nothing to answer. */
export interface CourtesyReply {
  kind: 'courtesy';
  language: Language;
  courtesy: 'greeting' | 'thanks';
}

/** "Ce n'était pas ça": the other candidates of an answer. */
export interface AlternativesReply {
  kind: 'alternatives';
  language: Language;
  answer: Answer;
}

/** A feedback click acknowledged in one short line. */
export interface FeedbackAckReply {
  kind: 'feedback-ack';
  language: Language;
  useful: boolean;
}

/** The whole text of an entry whose section was cut. */
export interface FullTextReply {
  kind: 'full-text';
  language: Language;
  id: string;
  title: string;
  text: string;
  citation: string;
}

/** Everything the bot can say, platform-neutral: every adapter renders these through the view. */
export type Reply =
  | AnswerReply
  | ChooseTreeReply
  | TriageStepReply
  | HelpReply
  | CourtesyReply
  | AlternativesReply
  | FeedbackAckReply
  | FullTextReply;
