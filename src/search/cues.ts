import { foldText } from '../text/fold.js';

/**
 * Cues: the small words that tell sibling entries apart and that search drops as stop words.
 * "Impossible d'accéder à Exchange pour la recherche de contact" and "Récupération de l'échec de la
 * recherche de contact dans Exchange" share every search term; "aucun cluster n'est associé" and
 * "le cluster associé est occupé" differ by "aucun"; "tous les contacts" by "tous". The sibling
 * re-ranking (siblings.ts) compares the cues of the query with the cues of each candidate's title.
 *
 * - polarity: "recovery" (the source's "Récupération de l'échec ...", a user's "rétabli", "back
 *   online"), "failure" (impossible, échec, indisponible, n'est pas ..., can't, failed...) or
 *   "neutral" (neither: "Initialisation d'UCWA", "est en cours pour le ConfigSet");
 * - quantifiers: none (aucun, pas de, sans, no, without, introuvable), all (tous, all), several (plusieurs, multiple),
 *   single (un seul, unique but not "authentification unique", single, mono-), partial (partiellement, une partie, some).
 */
export type Polarity = 'failure' | 'recovery' | 'neutral';
export type Quantifier = 'none' | 'all' | 'several' | 'single' | 'partial';

export interface Cues {
  polarity: Polarity;
  quantifiers: ReadonlySet<Quantifier>;
}

/** The polarity words as the search index knows them (see rerankSiblings' `cueTerms`). */
export const POLARITY_WORDS =
  'échec échecs échoué échoue échouer fail failed failure fails impossible unable indisponible unavailable recovered recovery rétabli restored';

export const NO_CUES: Cues = { polarity: 'neutral', quantifiers: new Set() };

// Patterns read folded text (lower case, no accents, apostrophes and hyphens as spaces).
const RECOVERY =
  /(?<!\b(?:pas|not|never|jamais|plus|toujours pas) )\b(?:recuperation de (?:l|la|le)|recupere(?:e|s|es)?|retabli(?:e|s|es)?|revenue?s?|refonctionnes?|remarche|reconnecte(?:e|s|es)?|reconnexion reussie|(?:fonctionne|marche|joignable|disponible|ok|operationnel(?:le)?) (?:a|de) nouveau|(?:a|de) nouveau (?:disponible|joignable|operationnel|ok)|recovered|recovery|restored|back (?:online|up|to normal)|is back|works again|working again|reconnected)\b/;
const FAILURE =
  /\b(?:impossible|echecs?|echoue\w*|ko|plante\w*|injoignable|indisponible|down|hs|fail\w*|unable|cannot|can t|cant|unavailable|unreachable|ne (?:\w+ ){0,2}(?:pas|plus)|n (?:\w+ ){0,2}(?:pas|plus)|refus\w*|bloque\w*|erreurs?|errors?|exceptions?|introuvable|not found|interdit|forbidden|occupe\w*|busy|interrompue?|conflits?|conflicts?|incorrecte?|aucune?|problemes?|problems?|issues?|expire\w*|timeout|time out|no longer|doesn t|don t|didn t|won t|isn t|not)\b/;
const QUANTIFIERS: [Quantifier, RegExp][] = [
  ['none', /\b(?:aucune?|none|no|zero|introuvable|not found|pas de?|sans|without)\b/],
  ['all', /\b(?:tous|toutes|all|every)\b/],
  ['several', /\b(?:plusieurs|several|multiple|many|doublons?|duplicates?)\b/],
  ['single', /\b(?:seule?|single|mono)\b|(?<!authentification )\bunique\b/],
  ['partial', /\b(?:partiel\w*|partially|partial|une partie|certaine?s?|some)\b/],
];

function folded(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The cues of a text (a query, or the title of an entry). */
export function cuesOf(text: string): Cues {
  const t = folded(text);
  const polarity: Polarity = RECOVERY.test(t) ? 'recovery' : FAILURE.test(t) ? 'failure' : 'neutral';
  const quantifiers = new Set<Quantifier>();
  for (const [q, pattern] of QUANTIFIERS) if (pattern.test(t)) quantifiers.add(q);
  return { polarity, quantifiers };
}
