import { type CaseDraft, parseCaseDraft } from './draft.js';

/** The longest expert answer or form answer a button or form may carry. */
export const MAX_CASE_TEXT = 4000;
/** The longest entry id a resolution may name. */
export const MAX_ENTRY_ID = 200;
/** At most this many checklist answers in one form. */
const MAX_ANSWERS = 50;

/**
 * The buttons and forms of cases, as clicked or submitted in any adapter (additive to the core
 * action vocabulary, reply/actions.ts). Expert commands name the case by its number. "Escalader"
 * acts on the reply it is under: it is in reply/actions.ts, referring to the record of what was shown.
 */
export type CaseAction =
  /** The case form filled: the draft it showed, the answers to its checklist in order ('' skipped). */
  | { kind: 'case-open'; draft: CaseDraft; answers: string[] }
  /** "Je prends". */
  | { kind: 'case-take'; id: number }
  /** "Résoudre": without an answer, the form that asks for it; entry: the entry it relates to. */
  | { kind: 'case-resolve'; id: number; answer?: string; entry?: string }
  /** "Fermer sans réponse". */
  | { kind: 'case-close'; id: number }
  /** "Rouvrir" a resolved or closed case. */
  | { kind: 'case-reopen'; id: number };

export const CASE_ACTION_KINDS: ReadonlySet<string> = new Set([
  'case-open',
  'case-take',
  'case-resolve',
  'case-close',
  'case-reopen',
]);

/** Whether an action (as clicked or submitted in any adapter) is one of cases: narrowed to it. */
export function isCaseAction<A extends { kind: string }>(
  action: A,
): action is Extract<A, { kind: CaseAction['kind'] }> {
  return CASE_ACTION_KINDS.has(action.kind);
}

const caseNumber = (v: unknown): number | null =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null;

/** A case action carried back by a button or a form, validated; null for anything else. */
export function parseCaseAction(v: Record<string, unknown>): CaseAction | null {
  const text = (x: unknown) => (typeof x === 'string' && x.length <= MAX_CASE_TEXT ? x : undefined);
  const id = caseNumber(v.id);
  switch (v.kind) {
    case 'case-open': {
      const draft = parseCaseDraft(v.draft);
      const answers = Array.isArray(v.answers) && v.answers.length <= MAX_ANSWERS ? v.answers : null;
      if (!draft || !answers?.every((a) => text(a) !== undefined)) return null;
      return { kind: 'case-open', draft, answers: answers as string[] };
    }
    case 'case-take':
    case 'case-close':
    case 'case-reopen':
      return id ? { kind: v.kind, id } : null;
    case 'case-resolve': {
      if (!id) return null;
      const answer = text(v.answer);
      const entry =
        typeof v.entry === 'string' && v.entry.length <= MAX_ENTRY_ID ? v.entry.trim() : undefined;
      // An answer or entry that is there but not text (or far too long) is a forged value, not "ask for it".
      if ((v.answer !== undefined && answer === undefined) || (v.entry !== undefined && entry === undefined))
        return null;
      return {
        kind: 'case-resolve',
        id,
        ...(answer !== undefined ? { answer } : {}),
        ...(entry ? { entry } : {}),
      };
    }
  }
  return null;
}
