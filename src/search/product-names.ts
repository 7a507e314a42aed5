import type { Overlays } from '../knowledge/overlays.js';
import { foldText } from '../text/fold.js';
import { lazily } from '../text/lazy.js';
import type { TextNormalizer } from './normalize.js';

/** The covered products' names, in the three forms the search compares them in, derived once. */
export interface ProductNames {
  /** Search words of the aliases ("webex", "skype"): product names steer, they are not the question. */
  readonly words: ReadonlySet<string>;
  /** Search terms (stems, synonym tokens) of the aliases: a title matching only a name is not on topic. */
  readonly terms: ReadonlySet<string>;
  /**
   * Plain folded words of the aliases and hints ("control", "hub", "exchange"): the names that may
   * stand before a code. Not search words: "control hub" is one synonym token for search.
   */
  readonly plain: ReadonlySet<string>;
}

/** Each form is derived when first read: a bare code never stems a product name. */
export function productNamesOf(products: Overlays['products'], normalizer: TextNormalizer): ProductNames {
  const all = Object.values(products);
  return lazily<ProductNames>({
    words: () => new Set(all.flatMap(({ aliases }) => aliases.flatMap((a) => normalizer.words(a)))),
    terms: () => new Set(all.flatMap(({ aliases }) => aliases.flatMap((a) => normalizer.terms(a)))),
    plain: () =>
      new Set(
        all.flatMap(({ aliases, hints }) =>
          [...aliases, ...hints].flatMap((w) =>
            foldText(w)
              .split(/[^\p{L}\p{N}]+/u)
              .filter(Boolean),
          ),
        ),
      ),
  });
}
