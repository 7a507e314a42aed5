import { foldText } from '../knowledge/fold.js';
import type { Overlays } from '../knowledge/overlays.js';
import type { Product } from '../knowledge/types.js';

export interface ProductHint {
  product: Product;
  /** Aliases name the product; hints (component, SDK names) only suggest it. */
  weight: number;
}

export class ProductDetector {
  private readonly byWord = new Map<string, { product: Product; weight: number }[]>();
  /** Every alias and hint in one alternation: a message is scanned once. */
  private readonly pattern: RegExp;

  constructor(products: Overlays['products']) {
    const words: string[] = [];
    for (const [product, { aliases, hints }] of Object.entries(products) as [
      Product,
      Overlays['products'][Product],
    ][]) {
      for (const [list, weight] of [
        [aliases, 2],
        [hints, 1],
      ] as const) {
        for (const word of list) {
          const key = foldText(word);
          this.byWord.set(key, [...(this.byWord.get(key) ?? []), { product, weight }]);
          words.push(key);
        }
      }
    }
    const alternatives = [...new Set(words)]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
    this.pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  }

  /** Products named or suggested by the text, strongest first. */
  detect(text: string): ProductHint[] {
    const scores = new Map<Product, number>();
    const seen = new Set<string>();
    for (const match of foldText(text).matchAll(this.pattern)) {
      const key = match[0].replace(/\s+/g, ' ');
      if (seen.has(key)) continue;
      seen.add(key);
      for (const { product, weight } of this.byWord.get(key) ?? [])
        scores.set(product, (scores.get(product) ?? 0) + weight);
    }
    return [...scores.entries()]
      .map(([product, weight]) => ({ product, weight }))
      .sort((a, b) => b.weight - a.weight);
  }
}
