import type { SearchResult } from 'minisearch';

/**
 * Prefix and typo matching run only when the query's exact terms cover less than this of the best
 * entry, and the query holds a word the index does not know (a truncation, a typo).
 */
export const LOOSE_SEARCH_BELOW = 0.55;
/** A word found only through a prefix or a typo counts this much of a word found as such. */
export const LOOSE_MATCH_SHARE = 0.6;
/**
 * A sure answer matches at least this much of the query's known meaning (the rarity of the words the
 * sources use) for each unit it misses: "limite de participants dans un appel de groupe" matches
 * "participants" and "appel" of acs-603 but misses "limite" and "groupe", as rare: it is about
 * something else. Words the sources never use do not count against it (a paraphrase has many).
 */
const SURE_MIN_KNOWN_RATIO = 1;
/**
 * A word the entry holds only in its body or section path counts this much of a word in its title
 * or keywords: "rapport", "appels" and "client" scattered in a section's prose are weaker evidence
 * than the words of its heading ("migrer" + "utilisateurs" both in the Contacts section's prose
 * about migrating the support tools was a full match). On the share path, a word written as a
 * name or an identifier ("PrimaryPhoneNumber", "XSP", "Support Case Manager") keeps its full weight.
 */
const OFF_TOPIC_EVIDENCE = 0.5;
/** The fields that say what an entry is about (see matchesTopic). */
const TOPIC_FIELDS: ReadonlySet<string> = new Set(['title', 'keywords', 'english']);
/** One rare word alone ("printer" -> "print" in a code sample) is a coincidence, not an answer. */
const SURE_MIN_WORDS = 2;

/** The matched rarity that makes an answer sure on its own: about two words found in a few entries. */
export function sureWeight(entries: number): number {
  return 2 * Math.log(1 + entries / 2);
}

/** A query word: the terms it stands for and how much it says (its rarity). */
export interface WeightedWord {
  terms: string[];
  weight: number;
  /** Whether the sources use the word at all (a word they never use is a paraphrase, not a miss). */
  known: boolean;
  /** Written as a name or an identifier ("PrimaryPhoneNumber", "XSP"): specific even in a body. */
  technical?: boolean;
}

/**
 * Whether the entry matches the query in what it is about: its title (a code's message, a section's
 * heading) or its curated keywords. Rare words found only in a long body or a section path are
 * coincidences of vocabulary ("la fin du mois", "mise à jour" in a paragraph about something else).
 */
export function matchesTopic(result: SearchResult, names: ReadonlySet<string> = NONE): boolean {
  for (const term in result.match)
    if (!names.has(term) && (result.match[term] ?? []).some((f) => TOPIC_FIELDS.has(f))) return true;
  return false;
}

/** The default of the optional term sets (a default `new Set()` would allocate on every call). */
const NONE: ReadonlySet<string> = new Set();

/**
 * How much of a query a free-text candidate covers, 0..1: a signal of the decision (src/decision),
 * whose probability is the confidence users see. It is the rarity-weighted share of the query's words
 * the entry matches (each word weighing the idf of its rarest known stem; a word the sources never
 * use weighs the most), or, when at least SURE_MIN_WORDS words matched, one of them in the entry's
 * title or keywords (matchesTopic), their evidence (rarity, halved for words found only in the body:
 * OFF_TOPIC_EVIDENCE) against `sureWeight`, provided it outweighs the known words the entry misses
 * (SURE_MIN_KNOWN_RATIO). A paraphrase with a few words the sources never use is still sure when it
 * matches two rare words of the knowledge base in what the entry is about.
 */
export function coverage(
  result: SearchResult,
  words: readonly WeightedWord[],
  sure: number,
  names: ReadonlySet<string> = NONE,
  agreed: ReadonlySet<string> = NONE,
): number {
  // `agreed`: polarity terms ("failed", "échec") that the entry's title says in its own words
  // ("Impossible de s'abonner"): matched in meaning, on topic. Plain loops: this runs for every
  // candidate of every query, and closures are garbage.
  const exact = result.terms;
  const loose = result.queryTerms;
  const fields = result.match as Record<string, string[] | undefined>;
  let matched = 0;
  let total = 0;
  let matchedWords = 0;
  let missedKnown = 0;
  let evidence = 0;
  for (const w of words) {
    let share = 0;
    let onTopic = false;
    for (const t of w.terms) {
      if (agreed.has(t)) {
        share = 1;
        onTopic = true;
      } else if (exact.includes(t)) {
        share = 1;
        // A loose match (a typo, a truncation) is found under another term: it counts as off topic.
        if (fields[t]?.some((f) => TOPIC_FIELDS.has(f))) onTopic = true;
      } else if (share === 0 && loose.includes(t)) share = LOOSE_MATCH_SHARE;
    }
    total += w.weight;
    if (share === 0) {
      if (w.known) missedKnown += w.weight;
    } else {
      matchedWords++;
      evidence += share * w.weight * (onTopic ? 1 : OFF_TOPIC_EVIDENCE);
      // The share of meaning: an identifier or a name is specific wherever the entry holds it.
      matched += share * w.weight * (onTopic || w.technical ? 1 : OFF_TOPIC_EVIDENCE);
    }
  }
  const bySureWords =
    matchedWords >= SURE_MIN_WORDS &&
    matchesTopic(result, names) &&
    evidence >= SURE_MIN_KNOWN_RATIO * missedKnown
      ? Math.min(1, evidence / sure)
      : 0;
  return Math.max(total > 0 ? matched / total : 0, bySureWords);
}
