import type { Answer } from '../answer/answer.js';
import type { Case, CaseCommandKind, CaseState } from '../cases/case.js';
import type { CaseOpening } from '../cases/cases.js';
import type { CaseDraft, ChecklistItem } from '../cases/draft.js';
import type { CaseRefusal } from '../cases/errors.js';
import type { NotUsefulReason } from '../feedback/events.js';
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
  /** A shared answer: where it posts, from the record of what was shown (the adapter's words, e.g. a thread). */
  to?: string;
  /** The record of what this reply shows, which its buttons refer to (src/app/shown.ts). */
  ref?: string;
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
  /** The record of the off-script answer, which its buttons refer to. */
  ref?: string;
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
  /** The record of what this reply shows, which its leads refer to. */
  ref?: string;
}

/** A button whose record of what was shown has expired: one line, ask again. */
export interface ExpiredReply {
  kind: 'expired';
  language: Language;
}

/**
 * A feedback click acknowledged in one short line. A "Pas utile" on a reply shown also asks why:
 * its reasons are buttons that refer to the same record (`ref`); a reason clicked is thanked for.
 */
export interface FeedbackAckReply {
  kind: 'feedback-ack';
  language: Language;
  useful: boolean;
  /** The reason just given (a reason's button). */
  reason?: NotUsefulReason;
  /** A "Pas utile" without reason: the record of the reply rated, which the reason buttons refer to. */
  ref?: string;
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

/**
 * "Escalader": the case form, the checklist to collect and the summary prefilled. A form (a Slack
 * modal, a Teams dialog, the terminal's prompts: bot.form) or, where there is none, a card whose
 * button opens the case with the checklist unanswered.
 */
export interface CaseFormReply {
  kind: 'case-form';
  language: Language;
  draft: CaseDraft;
  checklist: ChecklistItem[];
}

/**
 * The case is opened: "Dossier 12 ouvert", for the technician. `card` is for the experts: an
 * adapter with an experts' channel posts it there (and views this reply with `expertsChannel`);
 * without one, the view gives the card to the technician to forward.
 */
export interface CaseOpenedReply {
  kind: 'case-opened';
  language: Language;
  case: Case;
  card: CaseCardReply;
}

/**
 * The experts' card of a case, with its buttons ("Je prends", "Résoudre", "Fermer sans réponse",
 * "Rouvrir") for its state. After an expert's command, `notify` is what the technician's
 * conversation (`case.conversation`) is told.
 */
export interface CaseCardReply {
  kind: 'case-card';
  language: Language;
  case: Case;
  notify?: CaseNoticeReply;
}

/** Told in the technician's conversation: the case taken, resolved (with the expert's answer), closed or reopened. */
export interface CaseNoticeReply {
  kind: 'case-notice';
  /** The technician's language (the case's), whatever the expert's. */
  language: Language;
  case: Case;
  event: CaseCommandKind;
}

/** "Résoudre" without an answer yet: the form that asks the expert for it (and the entry it relates to). */
export interface CaseResolveFormReply {
  kind: 'case-resolve-form';
  language: Language;
  case: Case;
}

/**
 * A case action the core refused, and why (a CaseError's refusal). A case that could not be
 * stored (`unopened`) is shown whole, for the technician to forward as before cases existed.
 */
export interface CaseRefusedReply {
  kind: 'case-refused';
  language: Language;
  refusal: CaseRefusal;
  caseId?: number;
  /** With invalid-transition: the command refused, the case's state, and who has it when taken. */
  command?: CaseCommandKind;
  state?: CaseState;
  takenBy?: string;
  /** With unknown-entry: the id given. */
  entry?: string;
  unopened?: CaseOpening;
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
  | FullTextReply
  | ExpiredReply
  | CaseFormReply
  | CaseOpenedReply
  | CaseCardReply
  | CaseNoticeReply
  | CaseResolveFormReply
  | CaseRefusedReply;
