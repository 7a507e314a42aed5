import type { Language } from '../text/language.js';
import { CaseInputError, CaseTransitionError } from './errors.js';
import { allows, type CaseCommandKind, type CaseState, TARGET } from './states.js';

export { allows, CASE_STATES, type CaseCommandKind, type CaseState } from './states.js';

/** What an expert does to a case. */
export type CaseCommand =
  | { kind: 'take'; by: string }
  | { kind: 'resolve'; by: string; answer: string; entry?: string }
  | { kind: 'close'; by: string }
  | { kind: 'reopen'; by: string };

/** One transition of a case's history: who did what, when, from which state. */
export interface CaseEvent {
  at: string;
  by: string;
  action: 'open' | CaseCommandKind;
  from: CaseState | null;
  to: CaseState;
  /** A resolution's answer and entry, kept here when a reopen clears them from the case. */
  answer?: string;
  entry?: string;
}

/** One item of the checklist to collect, as the source words it, with the technician's answer. */
export interface ChecklistAnswer {
  item: string;
  /** The source section the item is quoted from. */
  citation: string;
  /** Null when the technician skipped it. */
  answer: string | null;
}

/** The technician's conversation: where the case was opened, to be told when it is resolved (a ConversationRef). */
export interface CaseConversation {
  platform: string;
  workspace: string;
  channel: string;
  thread: string;
}

/** What an escalation saw, from the draft the form carries to the case the experts read. */
export interface EscalationFacts {
  /** A product id of sources.yaml, or null when the escalation named none. */
  product: string | null;
  title: string;
  /** The question, message or summary that led to the case (edited by the technician in the form). */
  summary: string;
  /** The guided triage's path, question → answer. */
  path: { question: string; answer: string }[];
  codes: string[];
  logLines: string[];
  /** The guided triage the case came from, if any: its tree's checklist is the form's. */
  treeId?: string;
}

/** An escalation as a case, from the technician's form to the expert's answer. Pure data (JSON in the stores). */
export interface Case extends EscalationFacts {
  /** A short number, allocated by the store: "Dossier 12". */
  id: number;
  state: CaseState;
  /** The technician's language: the notices sent back to their conversation. */
  language: Language;
  checklist: ChecklistAnswer[];
  /** The source sections the case stands on: the answer or outcome shown, the checklist's entries. */
  citations: string[];
  conversation: CaseConversation;
  /** Where the card was posted for the experts: opaque to the core, written and read by an adapter. */
  expertsPost?: string;
  openedAt: string;
  openedBy: string;
  takenBy?: string;
  takenAt?: string;
  resolvedBy?: string;
  resolvedAt?: string;
  closedAt?: string;
  /** The expert's answer, once resolved. */
  answer?: string;
  /** The entry of the knowledge base the answer relates to (validated when the case is resolved). */
  entry?: string;
  /** Every transition, oldest first: the first is the opening. */
  history: CaseEvent[];
  /**
   * A transition made outside a chat (the CLI) that the technician's conversation and the experts'
   * card have not been told of yet: the running bot of the case's platform delivers it (the case as it
   * now is, with its last transition's notice) and clears this. Absent: nothing waits (older cases too).
   */
  undelivered?: true;
}

/** A case before the store gives it its number. */
export type NewCase = Omit<Case, 'id'>;

/** The fields an outcome (taken, resolved, closed) sets: a reopen or a new outcome clears them. */
function withoutOutcome(c: Case): Case {
  const { resolvedBy, resolvedAt, closedAt, answer, entry, ...rest } = c;
  return rest;
}

/**
 * The state machine: a command applied to a case at `at` (ISO time), pure. A command the state
 * does not allow is a CaseTransitionError; a resolution without an answer a CaseInputError.
 */
export function applyCommand(c: Case, command: CaseCommand, at: string): Case {
  if (!allows(c.state, command.kind)) throw new CaseTransitionError(c, command.kind);
  const to = TARGET[command.kind];
  const event: CaseEvent = { at, by: command.by, action: command.kind, from: c.state, to };
  switch (command.kind) {
    case 'take':
      return { ...c, state: to, takenBy: command.by, takenAt: at, history: [...c.history, event] };
    case 'resolve': {
      const answer = command.answer.trim();
      if (!answer) throw new CaseInputError('empty-answer', c.id);
      const entry = command.entry ? { entry: command.entry } : {};
      return {
        ...withoutOutcome(c),
        state: to,
        resolvedBy: command.by,
        resolvedAt: at,
        answer,
        ...entry,
        history: [...c.history, { ...event, answer, ...entry }],
      };
    }
    case 'close':
      return { ...withoutOutcome(c), state: to, closedAt: at, history: [...c.history, event] };
    case 'reopen': {
      const { takenBy, takenAt, ...rest } = withoutOutcome(c);
      return { ...rest, state: to, history: [...c.history, event] };
    }
  }
}

/** The opening of a case: its first history event. */
export function openingEvent(at: string, by: string): CaseEvent {
  return { at, by, action: 'open', from: null, to: 'open' };
}
