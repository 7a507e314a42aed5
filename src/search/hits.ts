import type { OutOfScopeMention } from '../intent/products.js';
import type { Entry } from '../knowledge/types.js';

export type HitSource = 'code' | 'mention' | 'text';

export interface Hit {
  entry: Entry;
  /** 0..1: 1 for an exact known code, the weighted share of the query matched for free text. */
  confidence: number;
  via: HitSource;
  /** For a code hit: the code as typed and where it stands in the message (see CodeMention.at). */
  mention?: { code: string; at: number };
}

export type NoAnswerReason = 'empty' | 'unknown-code' | 'low-confidence' | 'out-of-scope';

export interface SearchOutcome {
  answered: boolean;
  hits: Hit[];
  unknownCodes: string[];
  reason?: NoAnswerReason;
  /** With reason "out-of-scope": the uncovered systems the message names (may be empty for a bare protocol status). */
  outOfScope?: OutOfScopeMention[];
}

/** At most this many results per answer (the `ask --json` contract). */
export const MAX_RESULTS = 5;

/** A suggestion is shown under an honest "I don't know", never as the answer: its confidence is capped here. */
export const SUGGESTION_CONFIDENCE = 0.4;

/**
 * HTTP and SIP statuses have three digits, like the Azure callEndReason codes and the provisioning
 * bridge's statuses; the Webex (6-digit) and UCWA (5-digit) codes are specific to the sources.
 */
export const PROTOCOL_STATUS_DIGITS = 3;

/** A hit only the sources could give: a code longer than a protocol status, or a section quoting the code. */
export function isSourceSpecific(hit: Hit): boolean {
  return (
    hit.via === 'mention' || (hit.entry.kind === 'code' && hit.entry.code.length > PROTOCOL_STATUS_DIGITS)
  );
}
