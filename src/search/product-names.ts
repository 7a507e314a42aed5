import type { Overlays } from '../knowledge/overlays.js';
import { foldText } from '../text/fold.js';
import type { TextNormalizer } from './normalize.js';

/** The covered products' names, in the three forms the search compares them in, derived once. */
export class ProductNames {
  /** Search words of the aliases ("webex", "skype"): product names steer, they are not the question. */
  readonly words: ReadonlySet<string>;
  /** Search terms (stems, synonym tokens) of the aliases: a title matching only a name is not on topic. */
  readonly terms: ReadonlySet<string>;
  /**
   * Plain folded words of the aliases and hints ("control", "hub", "exchange"): the names that may
   * stand before a code. Not search words: "control hub" is one synonym token for search.
   */
  readonly plain: ReadonlySet<string>;

  constructor(products: Overlays['products'], normalizer: TextNormalizer) {
    const all = Object.values(products);
    this.words = new Set(all.flatMap(({ aliases }) => aliases.flatMap((a) => normalizer.words(a))));
    this.terms = new Set(all.flatMap(({ aliases }) => aliases.flatMap((a) => normalizer.terms(a))));
    this.plain = new Set(
      all.flatMap(({ aliases, hints }) =>
        [...aliases, ...hints].flatMap((w) =>
          foldText(w)
            .split(/[^\p{L}\p{N}]+/u)
            .filter(Boolean),
        ),
      ),
    );
  }
}
