import type { Overlays } from '../knowledge/overlays.js';
import type { Product } from '../knowledge/types.js';
import { foldText } from '../text/fold.js';

export interface ProductHint {
  product: Product;
  /** Aliases name the product; hints (component, SDK names) only suggest it. */
  weight: number;
  /** True when one of its aliases (its name) is in the message, not only a hint. */
  named: boolean;
  /** The product's names (aliases) found in the message, folded: "skype entreprise", "webex". */
  aliases: string[];
}

/** A system the message names that the sources do not cover (knowledge/overlays/scope.yaml). */
export interface OutOfScopeMention {
  id: string;
  label: { fr: string; en: string };
  /** The words of the message that named it. */
  matched: string;
}

export interface ProductMentions {
  products: ProductHint[];
  outOfScope: OutOfScopeMention[];
}

type Meaning =
  | { kind: 'product'; product: Product; weight: number }
  | { kind: 'out-of-scope'; id: string; label: { fr: string; en: string } };

/** A product's name counts twice a hint (a component or SDK name) when several products are suggested. */
const ALIAS_WEIGHT = 2;
const HINT_WEIGHT = 1;

/**
 * Finds the products a message names or suggests, and the systems it names that the bot does not
 * cover. In-scope and out-of-scope names share one alternation, longest first and without
 * overlaps: "webex meetings" (out of scope) wins over "webex", and "webex teams" (in scope) over
 * "teams".
 */
export class ProductDetector {
  private readonly byWord = new Map<string, Meaning[]>();
  /** Every name in one alternation: a message is scanned once. */
  private readonly pattern: RegExp;

  constructor(products: Overlays['products'], outOfScope: Overlays['outOfScope'] = {}) {
    const add = (word: string, meaning: Meaning) => {
      const key = foldText(word);
      this.byWord.set(key, [...(this.byWord.get(key) ?? []), meaning]);
    };
    for (const [product, { aliases, hints }] of Object.entries(products) as [
      Product,
      Overlays['products'][Product],
    ][]) {
      for (const alias of aliases) add(alias, { kind: 'product', product, weight: ALIAS_WEIGHT });
      for (const hint of hints) add(hint, { kind: 'product', product, weight: HINT_WEIGHT });
    }
    for (const [id, { label, aliases }] of Object.entries(outOfScope)) {
      for (const alias of aliases) add(alias, { kind: 'out-of-scope', id, label });
    }
    const alternatives = [...this.byWord.keys()]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
    this.pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** Products named or suggested by the text (strongest first), and the uncovered systems it names. */
  detect(text: string): ProductMentions {
    const scores = new Map<Product, number>();
    const named = new Set<Product>();
    const aliases = new Map<Product, string[]>();
    const outOfScope = new Map<string, OutOfScopeMention>();
    const seen = new Set<string>();
    for (const match of foldText(text).matchAll(this.pattern)) {
      const key = match[0].replace(/\s+/g, ' ');
      if (seen.has(key)) continue;
      seen.add(key);
      for (const meaning of this.byWord.get(key) ?? []) {
        if (meaning.kind === 'product') {
          scores.set(meaning.product, (scores.get(meaning.product) ?? 0) + meaning.weight);
          if (meaning.weight >= ALIAS_WEIGHT) {
            named.add(meaning.product);
            aliases.set(meaning.product, [...(aliases.get(meaning.product) ?? []), key]);
          }
        } else if (!outOfScope.has(meaning.id))
          outOfScope.set(meaning.id, { id: meaning.id, label: meaning.label, matched: key });
      }
    }
    return {
      products: [...scores.entries()]
        .map(([product, weight]) => ({
          product,
          weight,
          named: named.has(product),
          aliases: aliases.get(product) ?? [],
        }))
        .sort((a, b) => b.weight - a.weight),
      outOfScope: [...outOfScope.values()],
    };
  }
}
