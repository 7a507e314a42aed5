import type { OutOfScopeMention } from '../intent/products.js';
import type { Product } from '../knowledge/types.js';
import type { Hit } from './hits.js';

/**
 * What search hands to the decision: ranked candidates and named signals, never a verdict. Whether
 * to answer, to ask "did you mean", or to say "I don't know" is decided in one place, src/decision.
 */

/** Why a candidate may be shown as a lead only, whatever the decision's probability. */
export type Guard =
  /** The code follows another system's name ("Sage : erreur 20027", "Jabber error 200039"). */
  | 'owned'
  /** The number follows a noun phrase ("bon de livraison 200049", "la mission 600003"): a thing's number. */
  | 'thing'
  /** A known code one typo away from the unknown one typed. */
  | 'near-code'
  /** A protocol status ("503 Service Unavailable") in a message with no word of its product. */
  | 'contextless'
  /** A section the overlays relate to an answered code: shown below it. */
  | 'related';

/** How a free-text candidate matched the query. */
export interface TextMatch {
  /** The rarity-weighted share of the query's meaning the entry covers, 0..1 (coverage.ts). */
  coverage: number;
  /** Its ranking score over the best candidate's (after the sibling re-ranking). */
  scoreRatio: number;
  /** Whether it matches in what it is about: its title, keywords or English match text. */
  topic: boolean;
  /** The share of its own title's terms the query holds (0..1): the question is nearly its title. */
  titleCoverage: number;
}

export interface Candidate extends Hit {
  guard?: Guard;
  match?: TextMatch;
}

/** What the message says about itself, for the decision. */
export interface QuerySignals {
  /** Words searched (without codes, the products' names and weak words). */
  words: number;
  /** Of those, the words the sources never use. */
  unknownWords: number;
  /** Covered products the message names, and those it only hints at (component, SDK names). */
  named: Product[];
  hinted: Product[];
  /** It names something the sources never mention (a capitalised word unknown to the index). */
  unknownSystem: boolean;
  /** It asks what a product can do, costs or allows (capability.ts). */
  capability: boolean;
  /** It asks how to do something ("How can I share my screen?", "comment configurer …"). */
  howTo: boolean;
  /** It names a thing by its number ("facture 200045"). */
  thingNumber: boolean;
  /** It says nothing but its codes, their keywords and reason phrases ("409 Conflict", "erreur 200039"). */
  bare: boolean;
  /** It speaks of a call ending ("callEndReason", "the call ended", "disconnected", "fin d'appel"). */
  callEnd: boolean;
  /** It gives a sub-code beside its code ("subCode: 5300", "sub code 0"): how ACS reports a call's end. */
  subCode: boolean;
  /** Its lines, and how many of them a program wrote (log lines). */
  lines: number;
  logLines: number;
  /** Its length in characters. */
  length: number;
  /** Its human words are English. */
  english: boolean;
  /**
   * It is about a system the sources do not cover: it names one (or writes one's name before its
   * code) and names no covered product, and holds no code only the sources know.
   */
  elsewhere: boolean;
}

export interface Retrieval {
  /** Best first: the message's known codes, then guarded leads, then free-text candidates. */
  candidates: Candidate[];
  /** Codes the message gives that no entry knows. */
  unknownCodes: string[];
  /** The uncovered systems the message names (scope.yaml, an in-house application, a code's owner). */
  outOfScope: OutOfScopeMention[];
  signals: QuerySignals;
  /** Nothing to search: no word that says what is wrong, no code. */
  empty: boolean;
}
