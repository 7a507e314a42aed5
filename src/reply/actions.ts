import { CASE_ACTION_KINDS, type CaseAction, parseCaseAction } from '../cases/actions.js';
import type { Language } from '../text/language.js';
import { parseTriageAction, type TriageAction } from '../triage/actions.js';
import { upgradeLegacyAction } from './legacy-actions.js';

/**
 * The one action vocabulary: what every button of every platform carries back. Adapters encode
 * and decode it only through this module, and hand it to TriageBot.handle.
 */
export type CoreAction =
  /** Ask a question as if typed (a follow-up, an example): in an active triage it is a step. */
  | { kind: 'ask'; q: string; l?: Language }
  /** Show the full answer of one entry (an alternative, a "did you mean"); q: the question it answers. */
  | { kind: 'pick'; id: string; q?: string; l?: Language }
  /** "Ce n'était pas ça": the other candidates of the answer to q. */
  | { kind: 'alternatives'; q: string; l?: Language }
  /** Post a private answer in the conversation for everyone; `to`: where, as the adapter wrote it. */
  | { kind: 'share'; q: string; id?: string; to?: string; l?: Language }
  /** The whole text of an entry whose section was cut. */
  | { kind: 'full'; id: string; l?: Language }
  /**
   * Diagnose a whole message (a Slack message shortcut, a Teams message action): every finding,
   * outside any guided triage. Handed to TriageBot.handle by adapters, never carried by a button.
   */
  | { kind: 'diagnose'; text: string; l?: Language }
  /** "Utile" / "Pas utile" about the answer to q (id: the entry answered). */
  | { kind: 'feedback'; useful: boolean; q: string; id?: string; l?: Language }
  | (TriageAction & { l?: Language })
  /** Escalation as a case: "Escalader", the filled case form, the experts' commands (cases/actions.ts). */
  | (CaseAction & { l?: Language });

/** A carried question is cut to this length: a button value is at most 2000 characters (Slack). */
export const MAX_CARRIED_QUESTION = 1500;

function language(value: unknown): Language | undefined {
  return value === 'en' || value === 'fr' ? value : undefined;
}

function withLanguage(action: CoreAction, l: Language | undefined): CoreAction {
  return l ? { ...action, l } : action;
}

/** The action as a compact JSON string (Slack button values); questions are cut, never the JSON. */
export function encodeAction(action: CoreAction): string {
  const carried =
    'q' in action && typeof action.q === 'string' ? { q: action.q.slice(0, MAX_CARRIED_QUESTION) } : {};
  return JSON.stringify({ ...action, ...carried });
}

/**
 * An action from a button value: a JSON string (Slack) or an object (Teams Action.Submit data).
 * `buttonId`: a Slack button's action_id, which gave the kind of some earlier Slack buttons.
 */
export function decodeAction(raw: unknown, buttonId?: string): CoreAction | null {
  if (typeof raw === 'string') {
    try {
      return parseAction(JSON.parse(raw), buttonId);
    } catch (error) {
      // A value that is not JSON is not an action; anything else is a bug and must surface.
      if (error instanceof SyntaxError) return null;
      throw error;
    }
  }
  return parseAction(raw);
}

/** The one validator: anything that is not exactly a core action (or an earlier version's) is refused (null). */
export function parseAction(value: unknown, buttonId?: string): CoreAction | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = upgradeLegacyAction(value as Record<string, unknown>, buttonId);
  if (!v) return null;
  const l = language(v.l);
  const q = typeof v.q === 'string' ? v.q : undefined;
  const id = typeof v.id === 'string' && v.id.length > 0 ? v.id : undefined;
  switch (v.kind) {
    case 'ask':
      return q !== undefined ? withLanguage({ kind: 'ask', q }, l) : null;
    case 'pick':
      return id ? withLanguage({ kind: 'pick', id, ...(q !== undefined ? { q } : {}) }, l) : null;
    case 'alternatives':
      return q !== undefined ? withLanguage({ kind: 'alternatives', q }, l) : null;
    case 'share': {
      const to = typeof v.to === 'string' && v.to.length <= 200 ? { to: v.to } : {};
      return q !== undefined ? withLanguage({ kind: 'share', q, ...(id ? { id } : {}), ...to }, l) : null;
    }
    case 'full':
      return id ? withLanguage({ kind: 'full', id }, l) : null;
    case 'diagnose':
      return typeof v.text === 'string' ? withLanguage({ kind: 'diagnose', text: v.text }, l) : null;
    case 'feedback':
      return typeof v.useful === 'boolean' && q !== undefined
        ? withLanguage({ kind: 'feedback', useful: v.useful, q, ...(id ? { id } : {}) }, l)
        : null;
    case 'triage-start':
    case 'triage-choice':
    case 'triage-control': {
      const triage = parseTriageAction(v);
      return triage ? withLanguage(triage, l) : null;
    }
  }
  if (typeof v.kind === 'string' && CASE_ACTION_KINDS.has(v.kind)) {
    const action = parseCaseAction(v);
    return action ? withLanguage(action, l) : null;
  }
  return null;
}
