import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { foldText } from '../text/fold.js';
import { CACHE_DIR } from './kb.js';

/**
 * How ordinary a word is in general French and English: its rank in the frequency-ranked word
 * lists of @zxcvbn-ts/language-fr and @zxcvbn-ts/language-en (from film subtitles: the words people
 * say, 28,000 French and 56,000 English). "call" (160), "user" (9,498) and "problème" (209) are
 * ordinary; "MCU", "BroadWorks", "Okta" are in neither list. The rarity of a word among 155 entries
 * says little about how telling it is: "fin d'année" is rare in the sources and ordinary in life.
 * `kb build` writes the merged list to dist/ (reading the packages takes ~150 ms; the file ~15 ms).
 */

const FILE = join(CACHE_DIR, 'general-words.json');
/** Only so many of each list are kept: past them a word is rare enough to count as unknown. */
const KEPT = 40_000;

type Ranks = Map<string, number>;
let ranks: Ranks | undefined;

function fromPackages(): Record<string, number> {
  const require = createRequire(import.meta.url);
  const lists = [
    (require('@zxcvbn-ts/language-fr') as { dictionary: Record<string, string[]> }).dictionary[
      'commonWords-fr'
    ],
    (require('@zxcvbn-ts/language-en') as { dictionary: Record<string, string[]> }).dictionary[
      'commonWords-en'
    ],
  ];
  const merged: Record<string, number> = {};
  for (const list of lists)
    (list ?? []).slice(0, KEPT).forEach((word, rank) => {
      const folded = foldText(word).replace(/['’]/g, '');
      if (!folded || /\s/.test(folded)) return;
      merged[folded] = Math.min(merged[folded] ?? Number.POSITIVE_INFINITY, rank + 1);
    });
  return merged;
}

/** Writes the merged list next to the knowledge cache (`kb build`). */
export function writeGeneralWords(): string {
  writeFileSync(FILE, JSON.stringify(fromPackages()));
  return FILE;
}

function load(): Ranks {
  if (!ranks) {
    const data = existsSync(FILE)
      ? (JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, number>)
      : fromPackages();
    ranks = new Map(Object.entries(data));
  }
  return ranks;
}

/** The word's rank among the words people use most (1 = the most common), or undefined when rare. */
export function generalRank(word: string): number | undefined {
  return load().get(foldText(word).replace(/['’]/g, ''));
}
