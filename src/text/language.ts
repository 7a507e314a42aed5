import { foldText } from './fold.js';
import { LOG_RECORD } from './log-lines.js';

export type Language = 'fr' | 'en';

/** A locale tag ("fr-FR", "en_US.UTF-8") as a language, when it is one we speak. */
export function languageOfLocale(tag: string): Language | undefined {
  const prefix = tag.slice(0, 2).toLowerCase();
  return prefix === 'fr' || prefix === 'en' ? prefix : undefined;
}

const ENGLISH = new Set(
  'the is are how do does what why when where which who can cant cannot not my our your with without after before from on in for of to it this that get gets getting user users error fails failed failure sign login logs collect call calls calling calls shows show see missing keeps help please any an was were i we they there code means mean meaning'.split(
    ' ',
  ),
);
const FRENCH = new Set(
  'le la les des du un une est sont pas ne je comment quoi pour avec sur dans l d qu que qui erreur utilisateur utilisateurs impossible apres au aux ou se n a mon ma mes il elle on nous vous echec journaux appel appels connexion recoit voit plus depuis lors quand pourquoi quel quelle ca cela c s y j m t est-ce'.split(
    ' ',
  ),
);

/** The words a person wrote: log lines dropped, and tokens that are identifiers, codes or paths. */
export function humanWords(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !LOG_RECORD.test(line))
    .join(' ')
    .split(/\s+/)
    .filter(
      (token) =>
        !/\d/.test(token) && // codes, ids, versions, times
        !/[a-z][A-Z]/.test(token) && // camelCase identifiers
        !/[_=/\\{}<>]|\.\w/.test(token) && // snake_case, key=value, paths, json, dotted names
        !/^[A-Z]{2,}\W*$/.test(token), // ERROR, WARN, HTTP
    )
    .join(' ');
}

/** The language of the human words of a text, or null when they say nothing either way. */
export function detectHumanLanguage(text: string): Language | null {
  const words = humanWords(text);
  if (/[àâçéèêëîïôûùüÿœ]/i.test(words)) return 'fr';
  let en = 0;
  let fr = 0;
  for (const w of foldText(words).split(/[^a-z]+/)) {
    if (ENGLISH.has(w)) en++;
    if (FRENCH.has(w)) fr++;
  }
  if (en === fr) return null;
  return en > fr ? 'en' : 'fr';
}

/** Marks a program leaves in a line that a person's sentence does not carry: key=value, JSON, a [tag]. */
const PASTED_MARKS = /\w=\S|[{}]|\[[^\]]*\]/;

/**
 * The language of the sentences a person wrote in a message, or null when they wrote none: the
 * lines a program wrote are set aside (log records, and lines with key=value, JSON or a [tag]),
 * then identifiers and codes, as for detectHumanLanguage.
 */
export function detectSentenceLanguage(text: string): Language | null {
  return detectHumanLanguage(
    text
      .split(/\r?\n/)
      .filter((line) => !PASTED_MARKS.test(line))
      .join('\n'),
  );
}

/** French unless the words say English: French is the help desk's default. */
export function detectLanguage(text: string): Language {
  return detectHumanLanguage(text) ?? 'fr';
}
