import type { Overlays } from '../knowledge/overlays.js';
import { foldText } from '../text/fold.js';
import { once } from '../text/lazy.js';
import type { TextNormalizer } from './normalize.js';

/** The covered products' names, in the three forms the search compares them in, derived once. */
export class ProductNames {
  private readonly all: Overlays['products'][string][];
  private readonly lazy: {
    words: () => ReadonlySet<string>;
    terms: () => ReadonlySet<string>;
    plain: () => ReadonlySet<string>;
  };

  /** Each form is derived when first read: a bare code never stems a product name. */
  constructor(products: Overlays['products'], normalizer: TextNormalizer) {
    this.all = Object.values(products);
    this.lazy = {
      words: once(
        () => new Set(this.all.flatMap(({ aliases }) => aliases.flatMap((a) => normalizer.words(a)))),
      ),
      terms: once(
        () => new Set(this.all.flatMap(({ aliases }) => aliases.flatMap((a) => normalizer.terms(a)))),
      ),
      plain: once(
        () =>
          new Set(
            this.all.flatMap(({ aliases, hints }) =>
              [...aliases, ...hints].flatMap((w) =>
                foldText(w)
                  .split(/[^\p{L}\p{N}]+/u)
                  .filter(Boolean),
              ),
            ),
          ),
      ),
    };
  }

  /** Search words of the aliases ("webex", "skype"): product names steer, they are not the question. */
  get words(): ReadonlySet<string> {
    return this.lazy.words();
  }

  /** Search terms (stems, synonym tokens) of the aliases: a title matching only a name is not on topic. */
  get terms(): ReadonlySet<string> {
    return this.lazy.terms();
  }

  /**
   * Plain folded words of the aliases and hints ("control", "hub", "exchange"): the names that may
   * stand before a code. Not search words: "control hub" is one synonym token for search.
   */
  get plain(): ReadonlySet<string> {
    return this.lazy.plain();
  }
}
