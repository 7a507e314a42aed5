import { foldText } from '../knowledge/fold.js';
import type { Overlays } from '../knowledge/overlays.js';
import type { Product } from '../knowledge/types.js';

export interface ProductHint {
  product: Product;
  /** Aliases name the product; hints (component, SDK names) only suggest it. */
  weight: number;
}

export class ProductDetector {
  private readonly patterns: { product: Product; pattern: RegExp; weight: number }[] = [];

  constructor(products: Overlays['products']) {
    for (const [product, { aliases, hints }] of Object.entries(products) as [Product, Overlays["products"][Product]][]) {
      for (const [words, weight] of [
        [aliases, 2],
        [hints, 1],
      ] as const) {
        for (const word of words) {
          const escaped = foldText(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
          this.patterns.push({
            product,
            weight,
            pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u'),
          });
        }
      }
    }
  }

  /** Products named or suggested by the text, strongest first. */
  detect(text: string): ProductHint[] {
    const folded = foldText(text);
    const scores = new Map<Product, number>();
    for (const { product, pattern, weight } of this.patterns) {
      if (pattern.test(folded)) scores.set(product, (scores.get(product) ?? 0) + weight);
    }
    return [...scores.entries()].map(([product, weight]) => ({ product, weight })).sort((a, b) => b.weight - a.weight);
  }
}
