import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Language } from '../text/language.js';
import type { CoreAction } from './actions.js';

/** A button: its label, the core action it carries, and a hint of how much it matters. */
export interface ViewButton {
  /** At most MAX_BUTTON_LABEL characters, cut after a word: every platform shows it whole. */
  label: string;
  /** The whole text the label stands for, when it says more (the product, the rest of a title): shown beside the button. */
  text?: string;
  action: CoreAction;
  style?: 'primary' | 'danger';
}

/**
 * One block of a reply, in reading order. Renderers map each type to their platform (Block Kit,
 * Adaptive Card, plain text) and apply their own size limits; they decide nothing else.
 */
export type ViewBlock =
  /** The reply's headline. */
  | { type: 'title'; text: string }
  /** A short remark about the conversation (triage paused, session expired...), shown subdued. */
  | { type: 'notice'; text: string }
  | { type: 'paragraph'; text: string }
  /** A labelled part of an answer (Cause, Action, Procédure, Étape 2). */
  | { type: 'section'; label: string; text: string }
  /** Small print: type, citation, confidence, hints. */
  | { type: 'meta'; text: string }
  /** A block to copy as is (the escalation summary). */
  | { type: 'preformatted'; text: string }
  /** Things to pick from, one per line (follow-ups, options, leads, trees, examples). */
  | { type: 'choices'; label?: string; buttons: ViewButton[] }
  /** What can be done with the reply (share, not it, start triage, back, stop...), in a row. */
  | { type: 'controls'; buttons: ViewButton[] }
  | { type: 'divider' };

export interface ReplyView {
  language: Language;
  blocks: ViewBlock[];
}

export interface ViewOptions {
  /** The reply is shown to one person only (Slack ephemeral, a message action): offer to share it. */
  private?: boolean;
  /** List the other candidates in the answer itself (terminal, CLI) instead of behind a button. */
  inlineAlternatives?: boolean;
  /**
   * The adapter posts a case's card in the experts' channel: the case-opened reply says so
   * instead of giving the card to the technician to forward.
   */
  expertsChannel?: boolean;
  /**
   * A guided-triage step as the trail its card keeps once the triage has moved on to its result
   * (a platform that updates the step's card in place posts the result as a new message): the
   * title, the answers given, "Résultat ci-dessous." (or that it was stopped).
   */
  triageTrail?: boolean;
  /** Typed numbers and + / - stand for the buttons (the terminal chat): the help says so. */
  typedChoices?: boolean;
}

/** What the view needs from the knowledge base: the covered products' names, an entry's citation, the follow-ups in each language. */
export type ViewKnowledge = Pick<KnowledgeBase, 'products' | 'productLabel' | 'byId' | 'followUpIn'>;
