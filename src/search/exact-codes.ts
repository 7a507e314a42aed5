import type { CodeMention } from '../intent/codes.js';
import type { CodeEntry, Entry, Product, SectionEntry } from '../knowledge/types.js';
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { type Hit, isSourceSpecific, SUGGESTION_CONFIDENCE } from './hits.js';

/** An exact code of the asked product. */
const EXACT_CONFIDENCE = 1;
/** An exact code that two products share, or of a product the message does not hint at. */
const SHARED_CODE_CONFIDENCE = 0.9;
/** A section that quotes the code in its text ("[Erreur 18215]"). */
const MENTION_CONFIDENCE = 0.85;
/** A known code one typo away from the unknown one typed: a lead, never an answer. */
const NEAR_CODE_CONFIDENCE = 0.3;

/** What the rest of the message says about its codes. */
export interface CodeContext {
  /** The product the message points to first (named or hinted at). */
  hint: Product | undefined;
  text: string;
  /** Every product the message names or hints at. */
  inContext: ReadonlySet<Product>;
  /** Products the message names ("Webex", "BroadWorks"), not only hints at ("SBC", "XSP"). */
  named: ReadonlySet<Product>;
  /** The message says nothing but its codes, their keywords and reason phrases ("409 Conflict"). */
  bare: boolean;
  /**
   * Whether it names a system the sources never mention ("Ribbon SBC: 403 Forbidden"): a hint then
   * no longer makes a status the product's. Asked only when that decides (it may load the index).
   */
  namesUnknownSystem: () => boolean;
}

export interface ResolvedCodes {
  hits: Hit[];
  /** Mentions no entry knows. */
  unknown: CodeMention[];
  /** Known codes refused for lack of context (a protocol status with no word of its product): suggestions. */
  contextless: Hit[];
}

/** The exact-code side of the search: a map from every code (and every code quoted in a section) to its entries. */
export class ExactCodes {
  private readonly codes = new Map<string, CodeEntry[]>();
  private readonly mentions = new Map<string, SectionEntry[]>();

  /**
   * `vocabulary.provisioning`: an HTTP status ("200", "409") is a provisioning-bridge code only in a
   * provisioning context; its reason phrase ("403 Forbidden") is not one (every server prints it).
   * `vocabulary.call`: a 3-digit callEndReason ("487", "603") is also what any web server or SIP
   * trunk answers: in a sentence that names neither its product nor a call, it is a lead, not an
   * answer ("erreur 500 sur l'application de notes de frais").
   */
  constructor(
    entries: readonly Entry[],
    private readonly vocabulary: Pick<Vocabulary, 'provisioning' | 'call'>,
  ) {
    for (const entry of entries) {
      if (entry.kind === 'code') this.codes.set(entry.code, [...(this.codes.get(entry.code) ?? []), entry]);
      else
        for (const code of entry.mentionedCodes)
          this.mentions.set(code, [...(this.mentions.get(code) ?? []), entry]);
    }
  }

  isKnown(code: string): boolean {
    return this.codes.has(code) || this.mentions.has(code);
  }

  /**
   * Known codes answer exactly; a code shared by products is ordered by the product hint. A 3-digit
   * number presented as a protocol status ("HTTP 503", "503 Service Unavailable") is a callEndReason
   * only when its product is in the message's context; otherwise it comes back as `contextless`, a
   * suggestion. A product-specific code outranks the 3-digit statuses beside it: "HTTP 400
   * {errorCode: 200050}" answers 200050.
   */
  resolve(mentions: CodeMention[], context: CodeContext): ResolvedCodes {
    const { hint, text, inContext, named, bare } = context;
    const statusContext = (bare && mentions.length === 1) || this.vocabulary.provisioning.test(text);
    // A 3-digit code in a sentence about something else: no product named, no call mentioned.
    const elsewhere = !bare && !hint && !this.vocabulary.call.test(text);
    const hits: Hit[] = [];
    const statusHits = new Set<Hit>();
    const contextless: Hit[] = [];
    const unknown: CodeMention[] = [];
    for (const mention of mentions) {
      const candidates = [mention.code, ...(this.isKnown(mention.code) ? [] : (mention.parts ?? []))];
      let found = false;
      for (const code of candidates) {
        const known = this.codes.get(code) ?? [];
        const entries: Entry[] = [
          ...known.filter((e) =>
            e.origin === 'table'
              ? inContext.has(e.product) || !(mention.status || (elsewhere && code.length === 3))
              : statusContext ||
                (e.product === hint && (named.has(e.product) || !context.namesUnknownSystem())),
          ),
          ...(this.mentions.get(code) ?? []),
        ];
        for (const e of known) {
          if (e.origin === 'table' && !entries.includes(e))
            contextless.push({ entry: e, confidence: SUGGESTION_CONFIDENCE, via: 'code' });
        }
        if (entries.length === 0) {
          // "StatusCode=200" in a log line is a success, not a provisioning-bridge answer: not unknown either.
          if (this.codes.has(code)) found = true;
          continue;
        }
        found = true;
        for (const ranked of this.ranked(entries, hint)) {
          const hit = {
            ...ranked,
            mention: {
              code,
              at: mention.at,
              form: mention.form,
              ...(mention.status ? { status: true } : {}),
            },
          };
          hits.push(hit);
          if (mention.status) statusHits.add(hit);
        }
      }
      if (!found) unknown.push(mention);
    }
    const specific = hits.filter(isSourceSpecific);
    if (specific.length === 0) return { hits, unknown, contextless };
    const specificProducts = new Set(specific.map((h) => h.entry.product));
    const beside = hits.filter(
      (h) =>
        !specific.includes(h) &&
        !statusHits.has(h) &&
        (specificProducts.has(h.entry.product) || inContext.has(h.entry.product)),
    );
    return { hits: [...specific, ...beside], unknown, contextless: [] };
  }

  /** The entries of one code, the hinted product first, codes before the sections quoting them. */
  private ranked(entries: Entry[], hint: Product | undefined): Hit[] {
    const products = new Set(entries.map((e) => e.product));
    const ambiguous = products.size > 1 && !(hint && products.has(hint));
    return [...entries]
      .sort(
        (a, b) =>
          Number(b.product === hint) - Number(a.product === hint) ||
          Number(a.kind === 'section') - Number(b.kind === 'section'),
      )
      .map((entry) => {
        if (entry.kind !== 'code') return { entry, confidence: MENTION_CONFIDENCE, via: 'mention' };
        const onHint = !hint || entry.product === hint || products.size === 1;
        return {
          entry,
          confidence: ambiguous || !onHint ? SHARED_CODE_CONFIDENCE : EXACT_CONFIDENCE,
          via: 'code',
        };
      });
  }

  /** The entries of a known code as suggestions (a code that belongs to another system here). */
  suggestionsOf(code: string): Hit[] {
    return (this.codes.get(code) ?? []).map(
      (entry): Hit => ({ entry, confidence: SUGGESTION_CONFIDENCE, via: 'code' }),
    );
  }

  /**
   * Known codes one typo away from an unknown one: the "did you mean" of a mistyped code. A code of
   * the same length (one digit wrong) comes before one with a digit more or less, and the hinted
   * product's before the others ("200038 au portail": 200039 before UCWA's 20003).
   */
  near(code: string, hint?: Product): Hit[] {
    const near: Hit[] = [];
    for (const [known, entries] of this.codes) {
      if (Math.abs(known.length - code.length) <= 1 && editDistance(known, code) === 1) {
        near.push(...entries.map((entry): Hit => ({ entry, confidence: NEAR_CODE_CONFIDENCE, via: 'code' })));
      }
    }
    const rank = (h: Hit) =>
      Number(h.entry.kind === 'code' && h.entry.code.length !== code.length) * 2 +
      Number(hint !== undefined && h.entry.product !== hint);
    return near.sort((a, b) => rank(a) - rank(b));
  }
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}
