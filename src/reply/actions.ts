import { CASE_ACTION_KINDS, type CaseAction, parseCaseAction } from '../cases/actions.js';
import type { NotUsefulReason } from '../feedback/events.js';
import { parseJsonOrNull } from '../text/json.js';
import type { Language } from '../text/language.js';
import { parseTriageAction, type TriageAction } from '../triage/actions.js';
import { upgradeLegacyAction } from './legacy-actions.js';

/**
 * What a button of an earlier version carried instead of a reference to what was shown: the
 * question it answered (cut at 1,500 characters, and so sometimes not the question shown) and the
 * entry it named. Only legacy-actions.ts produces it; today's buttons carry a `ref`.
 */
export interface CarriedQuestion {
  q: string;
  id?: string;
}

/**
 * What a button acts on: `ref`, the id of the record of what the reply showed (src/app/shown.ts),
 * or, on a button posted by an earlier version, what it carried.
 */
export type Subject = { ref: string; carried?: never } | { carried: CarriedQuestion; ref?: never };

/**
 * The one action vocabulary: what every button of every platform carries back. Adapters encode
 * and decode it only through this module, and hand it to TriageBot.handle. A button that acts on
 * a reply (share it, rate it, its other leads, one of its leads, escalate it) refers to the record
 * of what was shown: it never carries the question, nor where a share posts.
 */
export type CoreAction =
  /** Ask a question as if typed (a follow-up, an example): in an active triage it is a step. */
  | { kind: 'ask'; q: string; l?: Language }
  /** Show the full answer of one entry (an alternative, a "did you mean", a finding's details). */
  | ({ kind: 'pick'; id: string; l?: Language } & ({ ref?: string; carried?: never } | Subject))
  /** "Ce n'était pas ça": the other candidates of the answer shown. */
  | ({ kind: 'alternatives'; l?: Language } & Subject)
  /** Post a private answer for everyone, where the record of what was shown says. */
  | ({ kind: 'share'; l?: Language } & Subject)
  /** The whole text of an entry whose section was cut. */
  | { kind: 'full'; id: string; l?: Language }
  /**
   * Diagnose a whole message (a Slack message shortcut, a Teams message action): every finding,
   * outside any guided triage. Handed to TriageBot.handle by adapters, never carried by a button.
   */
  | { kind: 'diagnose'; text: string; l?: Language }
  /**
   * "Utile" / "Pas utile" about the answer shown; with `reason` (only not useful), one of the reasons
   * the "Pas utile" acknowledgement offers: why the answer shown was not useful.
   */
  | ({ kind: 'feedback'; useful: boolean; reason?: NotUsefulReason; l?: Language } & Subject)
  /** A guided triage's buttons; "Lancer le diagnostic guidé" under an answer refers to it (`ref`). */
  | (TriageAction & { ref?: string; l?: Language })
  /**
   * "Escalader" under an answer, an "I don't know" or a diagnosis: the case form of what was shown.
   * (A guided triage escalates with its own control, triage-control escalate.)
   */
  | ({ kind: 'escalate'; l?: Language } & Subject)
  /** The filled case form, the experts' commands (cases/actions.ts). */
  | (CaseAction & { l?: Language });

/** What an action acts on, for the kinds that act on a reply shown (a pick of an earlier version's may carry none). */
export function subjectOf(action: CoreAction): Subject | undefined {
  if (
    action.kind !== 'pick' &&
    action.kind !== 'alternatives' &&
    action.kind !== 'share' &&
    action.kind !== 'feedback' &&
    action.kind !== 'escalate'
  )
    return undefined;
  if (action.ref !== undefined) return { ref: action.ref };
  return action.carried ? { carried: action.carried } : undefined;
}

/** Slack's limit on a button value: every encoded action fits. */
export const MAX_ACTION_VALUE = 2000;
/** A carried question ('ask': a follow-up, an example) is cut to this length before encoding. */
export const MAX_CARRIED_QUESTION = 1500;
/** A ref is the short random id shown.ts makes: anything else is no ref (and never a key to look up). */
const REF = /^[A-Za-z0-9_-]{8,64}$/;

const NOT_USEFUL_REASONS: ReadonlySet<unknown> = new Set<NotUsefulReason>(['wrong-topic', 'does-not-answer']);

/** A reason of "not useful" only: an unknown one (or one on "useful") is dropped, the rating kept. */
function reasonOf(v: Record<string, unknown>): { reason: NotUsefulReason } | Record<string, never> {
  return v.useful === false && NOT_USEFUL_REASONS.has(v.reason)
    ? { reason: v.reason as NotUsefulReason }
    : {};
}

function language(value: unknown): Language | undefined {
  return value === 'en' || value === 'fr' ? value : undefined;
}

function withLanguage(action: CoreAction, l: Language | undefined): CoreAction {
  return l ? { ...action, l } : action;
}

/** Cuts a string to `length` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/**
 * The action as a compact JSON string (Slack button values): a carried question is cut until its
 * escaped JSON fits MAX_ACTION_VALUE (quotes and backslashes take two), never the JSON. Today only
 * 'ask' carries one (a follow-up, an example); the buttons that act on a reply carry a ref.
 */
export function encodeAction(action: CoreAction): string {
  if (!('q' in action) || typeof action.q !== 'string') return JSON.stringify(action);
  let q = cut(action.q, Math.min(action.q.length, MAX_CARRIED_QUESTION));
  for (;;) {
    const value = JSON.stringify({ ...action, q });
    if (value.length <= MAX_ACTION_VALUE) return value;
    q = cut(q, Math.max(0, q.length - (value.length - MAX_ACTION_VALUE)));
  }
}

/**
 * An action from a button value: a JSON string (Slack) or an object (Teams Action.Submit data).
 * `buttonId`: a Slack button's action_id, which gave the kind of some earlier Slack buttons.
 */
export function decodeAction(raw: unknown, buttonId?: string): CoreAction | null {
  if (typeof raw === 'string') {
    // A value that is not JSON is not an action.
    const value = parseJsonOrNull(raw);
    return value === null ? null : parseAction(value, buttonId);
  }
  return parseAction(raw);
}

/** What the action acts on: a well-formed ref, or what an earlier version's button carried; null for neither. */
function parseSubject(v: Record<string, unknown>): Subject | null {
  if (typeof v.ref === 'string') return REF.test(v.ref) ? { ref: v.ref } : null;
  const carried = v.carried as Record<string, unknown> | undefined;
  if (typeof carried !== 'object' || carried === null || typeof carried.q !== 'string') return null;
  const id = typeof carried.id === 'string' && carried.id.length > 0 ? { id: carried.id } : {};
  return { carried: { q: carried.q, ...id } };
}

/** The one validator: anything that is not exactly a core action (or an earlier version's) is refused (null). */
export function parseAction(value: unknown, buttonId?: string): CoreAction | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = upgradeLegacyAction(value as Record<string, unknown>, buttonId);
  if (!v) return null;
  const l = language(v.l);
  const id = typeof v.id === 'string' && v.id.length > 0 ? v.id : undefined;
  const subject = parseSubject(v);
  switch (v.kind) {
    case 'ask':
      return typeof v.q === 'string' ? withLanguage({ kind: 'ask', q: v.q }, l) : null;
    case 'pick':
      if (!id || (v.ref !== undefined && !subject)) return null;
      return withLanguage({ kind: 'pick', id, ...(subject ?? {}) }, l);
    case 'alternatives':
    case 'share':
    case 'escalate':
      return subject ? withLanguage({ kind: v.kind, ...subject }, l) : null;
    case 'full':
      return id ? withLanguage({ kind: 'full', id }, l) : null;
    case 'diagnose':
      return typeof v.text === 'string' ? withLanguage({ kind: 'diagnose', text: v.text }, l) : null;
    case 'feedback':
      return typeof v.useful === 'boolean' && subject
        ? withLanguage({ kind: 'feedback', useful: v.useful, ...reasonOf(v), ...subject }, l)
        : null;
    case 'triage-start':
    case 'triage-choice':
    case 'triage-control': {
      const triage = parseTriageAction(v);
      if (!triage) return null;
      const ref = triage.kind === 'triage-start' && typeof v.ref === 'string' && REF.test(v.ref);
      return withLanguage(ref ? { ...triage, ref: v.ref as string } : triage, l);
    }
  }
  if (typeof v.kind === 'string' && CASE_ACTION_KINDS.has(v.kind)) {
    const action = parseCaseAction(v);
    return action ? withLanguage(action, l) : null;
  }
  return null;
}
