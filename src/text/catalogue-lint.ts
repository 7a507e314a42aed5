import { CATALOGUE } from './catalogue.js';
import { detectHumanLanguage, type Language } from './language.js';

/** What only French writes: its accents, its quotes, a space before a colon or a question mark. */
const FRENCH_MARKS = /[àâçéèêëîïôûùüÿœ«»]| [:;?!]/i;

type Phrases = Record<Language, unknown>;

/**
 * An argument for any phrase function: "2" as a text or a number, a list of one "2", and "2" for
 * any field of an object (a report's totals).
 */
const SAMPLE: unknown = new Proxy(['2'], {
  get: (list, key) => {
    if (key === Symbol.toPrimitive) return () => 2;
    return key in list ? Reflect.get(list, key) : '2';
  },
});

/** A phrase as a reply shows it: a function is called with the sample for each of its arguments. */
function shown(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function')
    return [String(value(...Array.from({ length: value.length }, () => SAMPLE)))];
  if (Array.isArray(value)) return value.flatMap(shown);
  return [];
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'function') return `a function of ${value.length}`;
  return typeof value === 'string' ? 'a text' : 'a group';
}

/**
 * Every phrase of the catalogue in both languages, of the same kind (a text, a function of as
 * many arguments, a list as long), and each in its own language: a French phrase left in the
 * English catalogue (or the reverse) is a reply that mixes languages.
 */
export function catalogueProblems(catalogue: Record<Language, object> = CATALOGUE): string[] {
  const problems: string[] = [];
  const walk = (phrases: Phrases, path: string) => {
    const { fr, en } = phrases;
    if (fr === undefined || en === undefined) {
      problems.push(`catalogue: ${path} has no ${fr === undefined ? 'French' : 'English'}`);
      return;
    }
    if (kindOf(fr) !== kindOf(en)) {
      problems.push(`catalogue: ${path} is ${kindOf(fr)} in French, ${kindOf(en)} in English`);
      return;
    }
    if (typeof fr === 'object' && fr !== null && !Array.isArray(fr)) {
      const keys = new Set([...Object.keys(fr), ...Object.keys(en as object)]);
      for (const key of keys)
        walk(
          {
            fr: (fr as Record<string, unknown>)[key],
            en: (en as Record<string, unknown>)[key],
          },
          path ? `${path}.${key}` : key,
        );
      return;
    }
    let french: string[];
    let english: string[];
    try {
      french = shown(fr);
      english = shown(en);
    } catch (error) {
      problems.push(`catalogue: ${path} could not be read with sample arguments (${String(error)})`);
      return;
    }
    english.forEach((text, i) => {
      // Words the same in both that say a language were left untranslated ("Cause", "callEndReason
      // 487" are both).
      if (FRENCH_MARKS.test(text) || (text === french[i] && detectHumanLanguage(text) !== null))
        problems.push(`catalogue: ${path} reads as French in English: "${text}"`);
    });
    for (const text of french)
      if (detectHumanLanguage(text) === 'en')
        problems.push(`catalogue: ${path} reads as English in French: "${text}"`);
    for (const text of [...french, ...english])
      if (text.trim().length === 0) problems.push(`catalogue: ${path} is empty`);
  };
  walk(catalogue as Phrases, '');
  return problems;
}
