import type { Overlays } from '../knowledge/overlays.js';
import { cleanMessage } from './clean.js';
import { type CodeMention, extractCodes } from './codes.js';
import { detectLanguage, type Language } from './language.js';
import { ProductDetector, type ProductHint } from './products.js';

/** What a raw message asks: codes, products, language and the cleaned text to search. */
export interface Intent {
  raw: string;
  text: string;
  codes: CodeMention[];
  products: ProductHint[];
  language: Language;
}

/** Longest message we read: a pasted log beyond this is cut, not rejected. */
export const MAX_QUERY_LENGTH = 4000;

export class IntentParser {
  private readonly products: ProductDetector;

  constructor(overlays: Overlays) {
    this.products = new ProductDetector(overlays.products);
  }

  parse(raw: string): Intent {
    const text = cleanMessage(raw.slice(0, MAX_QUERY_LENGTH));
    return {
      raw,
      text,
      codes: extractCodes(text),
      products: this.products.detect(text),
      language: detectLanguage(text),
    };
  }
}
