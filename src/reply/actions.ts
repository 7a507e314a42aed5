import type { Language } from '../text/language.js';
import { parseTriageAction, type TriageAction } from '../triage/actions.js';

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
  | (TriageAction & { l?: Language });

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

/** An action from a button value: a JSON string (Slack) or an object (Teams Action.Submit data). */
export function decodeAction(raw: unknown): CoreAction | null {
  if (typeof raw === 'string') {
    try {
      return parseAction(JSON.parse(raw));
    } catch (error) {
      // A value that is not JSON is not an action; anything else is a bug and must surface.
      if (error instanceof SyntaxError) return null;
      throw error;
    }
  }
  return parseAction(raw);
}

/** The one validator: anything that is not exactly a core action is refused (null). */
export function parseAction(value: unknown): CoreAction | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const l = language(v.l);
  const q = typeof v.q === 'string' ? v.q : undefined;
  const id = typeof v.id === 'string' && v.id.length > 0 ? v.id : undefined;
  switch (v.kind) {
    case 'ask':
      return q !== undefined ? withLanguage({ kind: 'ask', q }, l) : null;
    case 'pick': {
      // Teams cards posted before the one vocabulary carried the question as `context`.
      const question = q ?? (typeof v.context === 'string' ? v.context : undefined);
      return id
        ? withLanguage({ kind: 'pick', id, ...(question !== undefined ? { q: question } : {}) }, l)
        : null;
    }
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
  return parseLegacyAction(v, l, q, id);
}

/**
 * Buttons posted before the one vocabulary existed stay clickable: Slack values {q, l} / {id, l},
 * Teams data {kind: followUp|pick|full, ...} and {kind: 'triage', triage: {...}}.
 */
function parseLegacyAction(
  v: Record<string, unknown>,
  l: Language | undefined,
  q: string | undefined,
  id: string | undefined,
): CoreAction | null {
  const context = typeof v.context === 'string' ? v.context : undefined;
  if (v.kind === 'triage') {
    const triage = parseTriageAction(v.triage);
    return triage ? withLanguage(triage, l) : null;
  }
  if (v.kind === 'followUp') return q !== undefined ? withLanguage({ kind: 'ask', q }, l) : null;
  if (v.kind === 'full' && id) return withLanguage({ kind: 'full', id }, l);
  if (v.kind === undefined && id) {
    const question = context ?? q;
    return withLanguage({ kind: 'pick', id, ...(question !== undefined ? { q: question } : {}) }, l);
  }
  if (v.kind === undefined && q !== undefined) return withLanguage({ kind: 'ask', q }, l);
  return null;
}
