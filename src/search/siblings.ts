import type { SearchResult } from 'minisearch';
import { type Cues, NO_CUES } from './cues.js';

/**
 * Sibling re-ranking. MiniSearch scores each entry against the whole index (BM25+), so among
 * entries whose messages share most words ("La synchronisation des utilisateurs de l'annuaire
 * externe BroadWorks ... n'est pas activée pour le ConfigSet / pour CustomerConfig / est en cours
 * pour le ConfigSet"), the shared words dominate and the one word that tells them apart is a small
 * part of the score. This pass looks only at the close candidates and lets the words that separate
 * them decide.
 *
 * For the candidates within SIBLING_SCORE_RATIO of the best score (at most SIBLING_POOL of them):
 * - each query term t gets a local weight d(t) = ln(1 + n / n_t), where n is the number of
 *   candidates and n_t the number of them that match t: a term every candidate matches is worth
 *   ln 2, a term only one matches is worth ln(1 + n);
 * - discrimination(c) = sum of d(t) over the terms c matches / sum of d(t) over all terms matched
 *   by some candidate (0..1);
 * - titleCoverage(c) = share of c's own title terms that the query matches (0..1): "Le MCU X n'est
 *   pas disponible" is a better answer to "MCU X indisponible" than "Récupération de l'échec de la
 *   connexion au MCU X", whose title says more than the query asked;
 * - cues(c) (see cues.ts): the small words search drops as stop words but that tell siblings apart.
 *   POLARITY_WEIGHT when the query and c's title agree on failure ("impossible", "en échec") or
 *   recovery ("Récupération de l'échec ...", "rétabli"), NEUTRAL_POLARITY_WEIGHT when neither says
 *   either ("initialisation en cours" / "Initialisation d'UCWA"), plus QUANTIFIER_WEIGHT for each
 *   quantifier both hold ("aucun cluster", "tous les contacts", "plusieurs utilisateurs");
 * - final(c) = score(c) / best score + DISCRIMINATION_WEIGHT * discrimination(c)
 *   + TITLE_COVERAGE_WEIGHT * titleCoverage(c) + cues(c).
 * Candidates below the ratio keep their order after the re-ranked ones.
 */

/** Candidates scoring at least this share of the best are siblings worth re-ranking. */
export const SIBLING_SCORE_RATIO = 0.5;
/** At most this many candidates are re-ranked: siblings are a handful, not the whole index. */
export const SIBLING_POOL = 12;
/**
 * How much the separating words may move a candidate, in units of the best BM25 score: enough to
 * overturn a lead built on shared words (typically 10-30 %), not enough to lift a weak match.
 */
export const DISCRIMINATION_WEIGHT = 0.5;
/** How much a title that the query covers entirely weighs, in units of the best BM25 score. */
export const TITLE_COVERAGE_WEIGHT = 0.3;

/** Agreement on failure or recovery between the query and a title, in units of the best BM25 score. */
export const POLARITY_WEIGHT = 0.3;
/** Agreement on saying neither: a weaker cue (a symptom often comes without "impossible"). */
export const NEUTRAL_POLARITY_WEIGHT = 0.15;
/** Each quantifier (none, all, several, single, partial) the query and a title share. */
export const QUANTIFIER_WEIGHT = 0.25;

export interface Candidate {
  result: SearchResult;
  /** The normalised terms of the candidate's title (the message of a code, the heading of a section). */
  titleTerms: ReadonlySet<string>;
  /** The cues of the candidate's title. */
  titleCues?: Cues;
}

export interface Reranked {
  results: SearchResult[];
}

/**
 * `cueTerms`: the search terms of the polarity words ("échec", "impossible", "récupération"): the
 * cues compare them by meaning, so they do not also count as separating words ("en échec" must not
 * favour "Récupération de l'échec ..." for sharing the word "échec").
 */
export function rerankSiblings(
  candidates: Candidate[],
  query: Cues = NO_CUES,
  cueTerms: ReadonlySet<string> = new Set(),
): Reranked {
  const top = candidates[0]?.result.score ?? 0;
  const unchanged = { results: candidates.map((c) => c.result) };
  if (candidates.length < 2 || top <= 0) return unchanged;
  const pool = candidates.filter((c, i) => i < SIBLING_POOL && c.result.score >= SIBLING_SCORE_RATIO * top);
  if (pool.length < 2) return unchanged;
  const rest = candidates.slice(pool.length).map((c) => c.result);

  const matchers = new Map<string, number>();
  for (const c of pool)
    for (const term of c.result.terms)
      if (!cueTerms.has(term)) matchers.set(term, (matchers.get(term) ?? 0) + 1);
  const local = (term: string) => Math.log(1 + pool.length / (matchers.get(term) ?? pool.length));
  let total = 0;
  for (const term of matchers.keys()) total += local(term);

  const rescored = pool.map((c, rank) => {
    const matched = new Set(c.result.terms);
    let separating = 0;
    for (const term of matched) if (!cueTerms.has(term)) separating += local(term);
    const discrimination = total > 0 ? separating / total : 0;
    const final =
      c.result.score / top +
      DISCRIMINATION_WEIGHT * discrimination +
      TITLE_COVERAGE_WEIGHT * titleCoverage(c.titleTerms, c.result) +
      cueAgreement(query, c.titleCues ?? NO_CUES);
    return { result: c.result, final, rank };
  });
  rescored.sort((a, b) => b.final - a.final || a.rank - b.rank);
  return { results: [...rescored.map((r) => r.result), ...rest] };
}

/** The share of a title's terms (a code's message, a section's heading) that the query matched (0..1). */
export function titleCoverage(
  titleTerms: ReadonlySet<string>,
  result: Pick<SearchResult, 'terms' | 'queryTerms'>,
): number {
  if (titleTerms.size === 0) return 0;
  let covered = 0;
  for (const term of titleTerms)
    if (result.terms.includes(term) || result.queryTerms.includes(term)) covered++;
  return covered / titleTerms.size;
}

function cueAgreement(query: Cues, title: Cues): number {
  let agreement = 0;
  if (query.polarity === title.polarity)
    agreement += query.polarity === 'neutral' ? NEUTRAL_POLARITY_WEIGHT : POLARITY_WEIGHT;
  for (const q of query.quantifiers) if (title.quantifiers.has(q)) agreement += QUANTIFIER_WEIGHT;
  return agreement;
}
