import type { Overlays } from '../knowledge/overlays.js';
import type { Vocabulary } from '../knowledge/vocabulary.js';
import { HAS_LETTER } from '../text/letters.js';
import { cleanMessage } from './clean.js';
import { type CodeMention, CodeReader } from './codes.js';
import { IN_HOUSE_APPLICATION, ownApplicationOf } from './elsewhere.js';
import { type OutOfScopeMention, ProductDetector, type ProductHint } from './products.js';

/** What a raw message asks: codes, products and the cleaned text to search. */
export interface Intent {
  raw: string;
  text: string;
  codes: CodeMention[];
  products: ProductHint[];
  /** Systems named in the message that the sources do not cover. */
  outOfScope: OutOfScopeMention[];
}

/**
 * The words of a message are searched, and its language told, in its first this many characters:
 * a long paste is mostly log lines, and search's cost grows with the words.
 */
export const MAX_QUERY_LENGTH = 4000;

/**
 * Codes are looked for in the whole message up to this many characters (a pasted log, a message
 * with its attached files): a linear scan, so every finding of a long paste is reported.
 */
export const MAX_MESSAGE_LENGTH = 1_000_000;

export class IntentParser {
  private readonly products: ProductDetector;
  readonly codes: CodeReader;

  constructor(overlays: Overlays, vocabulary: Vocabulary) {
    this.products = new ProductDetector(overlays.products, overlays.outOfScope);
    this.codes = new CodeReader(vocabulary);
  }

  /** `maxLength`: how much of the text is read for codes (search reads the words of its first MAX_QUERY_LENGTH). */
  parse(raw: string, maxLength = MAX_MESSAGE_LENGTH): Intent {
    const text = cleanMessage(raw.slice(0, maxLength));
    // A message without a letter ("200039") names no product, no system, no application.
    const worded = HAS_LETTER.test(text);
    const { products, outOfScope } = worded ? this.products.detect(text) : { products: [], outOfScope: [] };
    // "notre appli de notes de frais": an application of the organisation, named by no product.
    const own =
      worded && products.length === 0 && outOfScope.length === 0 ? ownApplicationOf(text) : undefined;
    if (own)
      outOfScope.push({ ...IN_HOUSE_APPLICATION, label: { ...IN_HOUSE_APPLICATION.label }, matched: own });
    return {
      raw,
      text,
      codes: this.codes.extract(text),
      products,
      outOfScope,
    };
  }
}
