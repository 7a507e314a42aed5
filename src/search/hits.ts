import type { Entry } from '../knowledge/types.js';

export type HitSource = 'code' | 'mention' | 'text';

export interface Hit {
  entry: Entry;
  /**
   * 0..1. From the decision (decide.ts): p, what users see as the confidence (1 for a lead the user
   * picks). From search, before the decision replaces it: for free text, the weighted share of the
   * query matched, scaled by the score next to the best (below LOOSE_SEARCH_BELOW the search retries
   * with prefix and typo matching); for a code, a fixed value per kind of code hit (exact-codes.ts)
   * that no output reads.
   */
  confidence: number;
  via: HitSource;
  /** For a code hit: the code as typed, where it stands in the message (see CodeMention.at), and how. */
  mention?: {
    code: string;
    at: number;
    form?: 'explicit' | 'bare';
    status?: boolean;
    /** A bare number right after a word that may name a thing ("bon de livraison 200049"). */
    afterWord?: boolean;
  };
}

/**
 * Search's confidence in a code it gives only as a lead (a code owned elsewhere, a status without
 * its product): nothing ranks by it, and the decision replaces it with p.
 */
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
