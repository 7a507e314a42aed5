import { foldForCues, type Vocabulary } from '../knowledge/vocabulary.js';

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

export const NO_CUES: Cues = { polarity: 'neutral', quantifiers: new Set() };

// The grammar of a failure and of a negated recovery, around the vocabulary's words (folded text:
// lower case, no accents, apostrophes and hyphens as spaces).
const NEGATION = /\b(?:ne|n) (?:\w+ ){0,2}(?:pas|plus)\b/;
const NOT_BEFORE_RECOVERY = /\b(?:pas|not|never|jamais|plus|toujours pas) $/;
const QUANTIFIERS: [Quantifier, RegExp][] = [
  ['none', /\b(?:aucune?|none|no|zero|introuvable|not found|pas de?|sans|without)\b/],
  ['all', /\b(?:tous|toutes|all|every)\b/],
  ['several', /\b(?:plusieurs|several|multiple|many|doublons?|duplicates?)\b/],
  ['single', /\b(?:seule?|single|mono)\b|(?<!authentification )\bunique\b/],
  ['partial', /\b(?:partiel\w*|partially|partial|une partie|certaine?s?|some)\b/],
];

/** Reads the cues of a text with the failure and recovery words of the shared vocabulary. */
export class CueReader {
  private readonly recovery: RegExp;

  constructor(private readonly vocabulary: Pick<Vocabulary, 'failure' | 'recovery'>) {
    this.recovery = new RegExp(vocabulary.recovery.source, 'g');
  }

  /** The cues of a text (a query, or the title of an entry). */
  of(text: string): Cues {
    const t = foldForCues(text);
    const polarity: Polarity = this.recovers(t)
      ? 'recovery'
      : this.vocabulary.failure.test(t) || NEGATION.test(t)
        ? 'failure'
        : 'neutral';
    const quantifiers = new Set<Quantifier>();
    for (const [q, pattern] of QUANTIFIERS) if (pattern.test(t)) quantifiers.add(q);
    return { polarity, quantifiers };
  }

  /** A recovery word not negated ("récupérée", not "pas récupérée"). */
  private recovers(folded: string): boolean {
    for (const match of folded.matchAll(this.recovery))
      if (!NOT_BEFORE_RECOVERY.test(folded.slice(0, match.index))) return true;
    return false;
  }
}
