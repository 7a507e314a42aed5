import type { Overlays } from '../knowledge/overlays.js';
import { cleanMessage } from './clean.js';
import { type CodeMention, extractCodes } from './codes.js';
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

/** Longest message we read: a pasted log beyond this is cut, not rejected. */
export const MAX_QUERY_LENGTH = 4000;

export class IntentParser {
  private readonly products: ProductDetector;

  constructor(overlays: Overlays) {
    this.products = new ProductDetector(overlays.products, overlays.outOfScope);
  }

  /** `maxLength`: how much of the text is read (a diagnosed log is read far beyond a question). */
  parse(raw: string, maxLength = MAX_QUERY_LENGTH): Intent {
    const text = cleanMessage(raw.slice(0, maxLength));
    const { products, outOfScope } = this.products.detect(text);
    // "notre appli de notes de frais": an application of the organisation, named by no product.
    const own = products.length === 0 && outOfScope.length === 0 ? ownApplicationOf(text) : undefined;
    if (own)
      outOfScope.push({ ...IN_HOUSE_APPLICATION, label: { ...IN_HOUSE_APPLICATION.label }, matched: own });
    return {
      raw,
      text,
      codes: extractCodes(text),
      products,
      outOfScope,
    };
  }
}
