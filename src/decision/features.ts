import { PROTOCOL_STATUS_DIGITS } from '../search/hits.js';
import type { Candidate, Retrieval } from '../search/retrieval.js';

/**
 * The named inputs of the decision: what search says about one candidate and what the message
 * says about itself. Each is a number (0/1 for yes/no); the decision model (knowledge/decision.yaml)
 * gives each a weight. Adding a feature: a line here, then `uc-triage calibrate --write`.
 */
interface Feature {
  name: string;
  /** What it measures, for `kb lint`, `calibrate` and docs/answering.md. */
  about: string;
  of(candidate: Candidate, retrieval: Retrieval, others: readonly Candidate[]): number;
}

const yes = (b: boolean) => (b ? 1 : 0);
const isCode = (c: Candidate) => c.via === 'code' || c.via === 'mention';
const digits = (c: Candidate) => (c.entry.kind === 'code' ? c.entry.code.length : 0);

/** Free-text inputs count for free-text candidates only; code inputs for code candidates only. */
const forText = (c: Candidate, value: () => number) => (c.via === 'text' && !c.guard ? value() : 0);
const forCode = (c: Candidate, value: () => number) => (isCode(c) && !c.guard ? value() : 0);
const logShare = (r: Retrieval) => (r.signals.lines > 0 ? r.signals.logLines / r.signals.lines : 0);
const unknownShare = (r: Retrieval) => (r.signals.words > 0 ? r.signals.unknownWords / r.signals.words : 0);
/** The message names or hints at the candidate's product. */
const inContext = (c: Candidate, r: Retrieval) =>
  r.signals.named.includes(c.entry.product) || r.signals.hinted.includes(c.entry.product);

export const FEATURES: readonly Feature[] = [
  // What kind of candidate it is.
  {
    name: 'sourceCode',
    about: 'an exact code only the sources use (5-6 digits: Webex, UCWA) or a section quoting it',
    of: (c) =>
      yes(!c.guard && (c.via === 'mention' || (c.via === 'code' && digits(c) > PROTOCOL_STATUS_DIGITS))),
  },
  {
    name: 'statusCode',
    about: 'an exact 3-digit code (ACS callEndReason, provisioning-bridge status): also any server’s status',
    of: (c) => yes(!c.guard && c.via === 'code' && digits(c) === PROTOCOL_STATUS_DIGITS),
  },
  {
    name: 'freeText',
    about: 'found by free-text search (not by a code)',
    of: (c) => forText(c, () => 1),
  },
  // How a code candidate was given.
  {
    name: 'codeExplicit',
    about: 'code: introduced by a keyword (erreur, callEndReason, Event ID, #)',
    of: (c) => forCode(c, () => yes(c.mention?.form === 'explicit')),
  },
  {
    name: 'codeProductInContext',
    about: 'code: the message names or hints at the code’s product',
    of: (c, r) => forCode(c, () => yes(inContext(c, r))),
  },
  {
    name: 'statusInContext',
    about: 'code: a 3-digit code whose product the message names or hints at (ACS for a callEndReason)',
    of: (c, r) => forCode(c, () => yes(digits(c) === PROTOCOL_STATUS_DIGITS && inContext(c, r))),
  },
  {
    name: 'statusCallEnd',
    about:
      'code: a 3-digit code in a message about a call ending (callEndReason, "the call ended", "raccroché")',
    of: (c, r) => forCode(c, () => yes(digits(c) === PROTOCOL_STATUS_DIGITS && r.signals.callEnd)),
  },
  {
    name: 'statusUnknownSystem',
    about: 'code: a 3-digit code in a message that names something the sources never mention',
    of: (c, r) => forCode(c, () => yes(digits(c) === PROTOCOL_STATUS_DIGITS && r.signals.unknownSystem)),
  },
  {
    name: 'codeAsStatus',
    about: 'code: written as a protocol status ("HTTP/1.1 503", "403 Forbidden", "status=400")',
    of: (c) => forCode(c, () => yes(c.mention?.status ?? false)),
  },
  {
    name: 'codeBare',
    about: 'code: the message says nothing but its codes and their keywords',
    of: (c, r) => forCode(c, () => yes(r.signals.bare)),
  },
  {
    name: 'codeSubCode',
    about: 'code: a sub-code stands beside it ("subCode: 0"), as ACS reports a call’s end',
    of: (c, r) => forCode(c, () => yes(r.signals.subCode)),
  },
  {
    name: 'codeAfterWord',
    about: 'code: a bare number right after a word that may name a thing ("bon de livraison 200049")',
    of: (c) => forCode(c, () => yes(c.mention?.afterWord ?? false)),
  },
  {
    name: 'codeWords',
    about: 'code: ln(1 + the words around it): a code in a long story is one fact among others',
    of: (c, r) => forCode(c, () => Math.log1p(r.signals.words)),
  },
  // How a free-text candidate matched.
  {
    name: 'coverage',
    about: 'free text: the rarity-weighted share of the query’s meaning the candidate covers (0..1)',
    of: (c) => forText(c, () => c.match?.coverage ?? 0),
  },
  {
    name: 'margin',
    about: 'free text: its coverage minus the best other free-text candidate’s (-1..1)',
    of: (c, _r, others) =>
      forText(c, () => {
        let best = 0;
        for (const o of others) if (o !== c && o.match && !o.guard) best = Math.max(best, o.match.coverage);
        return (c.match?.coverage ?? 0) - best;
      }),
  },
  {
    name: 'topic',
    about: 'free text: it matches in what it is about (title, keywords, English match text)',
    of: (c) => forText(c, () => yes(c.match?.topic ?? false)),
  },
  {
    name: 'titleCoverage',
    about: 'free text: the share of the candidate’s own title the query holds (0..1)',
    of: (c) => forText(c, () => c.match?.titleCoverage ?? 0),
  },
  {
    name: 'textProductInContext',
    about: 'free text: the message names or hints at the candidate’s product',
    of: (c, r) => forText(c, () => yes(inContext(c, r))),
  },
  {
    name: 'textRow',
    about: 'free text: the candidate is a code’s row (an error, an event), not a procedure',
    of: (c) => forText(c, () => yes(c.entry.kind === 'code')),
  },
  {
    name: 'textHowTo',
    about: 'free text: the message asks how to do something',
    of: (c, r) => forText(c, () => yes(r.signals.howTo)),
  },
  {
    name: 'textCapability',
    about: 'free text: the message asks what a product can do, costs or allows',
    of: (c, r) => forText(c, () => yes(r.signals.capability)),
  },
  {
    name: 'textWords',
    about: 'free text: ln(1 + the number of words searched)',
    of: (c, r) => forText(c, () => Math.log1p(r.signals.words)),
  },
  {
    name: 'textUnknownWords',
    about: 'free text: the share of the searched words the sources never use (0..1)',
    of: (c, r) => forText(c, () => unknownShare(r)),
  },
  {
    name: 'textEnglish',
    about: 'free text: the message’s human words are English (the sources are French)',
    of: (c, r) => forText(c, () => yes(r.signals.english)),
  },
  {
    name: 'textLogShare',
    about: 'free text: the share of the message’s lines a program wrote (0..1)',
    of: (c, r) => forText(c, () => logShare(r)),
  },
  // What the message says about itself, for any candidate.
  {
    name: 'namedProduct',
    about: 'the message names a covered product',
    of: (_c, r) => yes(r.signals.named.length > 0),
  },
  {
    name: 'otherProduct',
    about: 'free text: the message names covered products, not the candidate’s',
    of: (c, r) =>
      forText(c, () => yes(r.signals.named.length > 0 && !r.signals.named.includes(c.entry.product))),
  },
  {
    name: 'elsewhere',
    about: 'the message is about an uncovered system and names no covered product',
    of: (_c, r) => yes(r.signals.elsewhere),
  },
  {
    name: 'uncoveredNamed',
    about: 'the message names an uncovered system (scope.yaml), beside covered products or not',
    of: (_c, r) => yes(r.outOfScope.length > 0),
  },
  {
    name: 'unknownSystem',
    about: 'the message names something the sources never mention (a capitalised unknown word)',
    of: (_c, r) => yes(r.signals.unknownSystem),
  },
  {
    name: 'thingNumber',
    about: 'the message names a thing by its number (an invoice, a badge, a room)',
    of: (_c, r) => yes(r.signals.thingNumber),
  },
  {
    name: 'unknownCode',
    about: 'the message gives a code no entry knows',
    of: (_c, r) => yes(r.unknownCodes.length > 0),
  },
];

export const FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);

/** The feature vector of one candidate, in FEATURES' order. */
export function featuresOf(candidate: Candidate, retrieval: Retrieval): number[] {
  return FEATURES.map((f) => f.of(candidate, retrieval, retrieval.candidates));
}
