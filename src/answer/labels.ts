import { CATALOGUE } from '../text/catalogue.js';
import type { Language } from '../text/language.js';

export { listOf } from '../text/catalogue.js';

/** The answer phrases of the catalogue (src/text/catalogue.ts). */
export const LABELS = { fr: CATALOGUE.fr.answer, en: CATALOGUE.en.answer } as const;

export function labels(language: Language) {
  return LABELS[language];
}

/** Cuts a text to at most max characters (code points, so accents and emoji stay whole), with an ellipsis. */
export function ellipsize(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
