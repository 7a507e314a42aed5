import MiniSearch, { type Options } from 'minisearch';
import { generalRank } from '../knowledge/general-words.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { EnglishMatch } from '../knowledge/overlays.js';
import type { Entry, Product } from '../knowledge/types.js';
import { coverage, matchesTopic, sureWeight, type WeightedWord } from './coverage.js';
import { CueReader, type Cues, NO_CUES } from './cues.js';
import type { TextNormalizer } from './normalize.js';
import { type ProductNames, productNamesOf } from './product-names.js';
import type { Candidate } from './retrieval.js';
import { rerankSiblings, titleCoverage } from './siblings.js';

/**
 * Field boosts: technicians search by the words of a title or an error message; the section
 * path says where it lives; long bodies match many words by chance, so they weigh least.
 */
const BOOST = { title: 3, keywords: 2.5, english: 2.5, path: 1.5, text: 1 };
/** Prefix matching only for words at least this long (shorter prefixes match everything). */
const PREFIX_MIN_LENGTH = 4;
/** Typo matching only for words at least this long, within this share of their length (MiniSearch fuzzy). */
const FUZZY_MIN_LENGTH = 5;
const FUZZY_DISTANCE = 0.2;
/** What a prefix or typo match is worth against an exact one (MiniSearch weights). */
const LOOSE_WEIGHTS = { fuzzy: 0.5, prefix: 0.6 };
/** Posting-list entries one free-text query may score (see withoutUbiquitousWords). */
const POSTINGS_BUDGET = 5_000;
/** A word in more than this share of a large index tells nothing apart there... */
const UBIQUITOUS_SHARE = 0.1;
/** ...once the index is larger than this (the real knowledge base never is). */
const UBIQUITOUS_MIN_ENTRIES = 1000;
/**
 * The product hint re-ranks the best few hundred results (a boostDocument callback would be called
 * for every matching document: most of the cost of a query in a large index).
 */
const HINT_RERANKED = 300;
const HINTED_PRODUCT_FACTOR = 1.4;
const OTHER_PRODUCT_FACTOR = 0.7;
/** Results kept per query: the answer, its alternatives and the sibling re-ranking pool. */
const CANDIDATES = 20;

/**
 * How much a word says, from how ordinary it is in general language (general-words.ts): a word
 * people never say (rank beyond the lists) counts fully, "user" (rank 9,498) 0.92, "screen" (2,370)
 * 0.78, "call" (160) 0.51, at least EVERYDAY_FLOOR. A word of a synonym phrase counts fully.
 */
const EVERYDAY_SCALE = Math.log(20_000);
const EVERYDAY_FLOOR = 0.3;
function everydayFactor(word: string): number {
  const rank = generalRank(word);
  return rank === undefined ? 1 : Math.min(1, Math.max(EVERYDAY_FLOOR, Math.log(rank) / EVERYDAY_SCALE));
}

/** The candidates of a free-text search, and the query terms some candidate matched (exactly or loosely). */
export interface TextSearch {
  candidates: Candidate[];
  matched: ReadonlySet<string>;
}
const NO_TERMS: ReadonlySet<string> = new Set();

/** What the sibling re-ranking reads of an entry's title. */
interface TitleFacts {
  terms: ReadonlySet<string>;
  cues: Cues;
}

interface IndexedDoc {
  id: string;
  keywords: string;
  /** The entry's English match text (overlays/english.yaml): technicians write English against French sources. */
  english: string;
  title: string;
  path: string;
  text: string;
}

/** A code row is read in the context of its table's introduction ("... sur le portail d'activation"). */
function docOf(entry: Entry, keywords: string[] = [], english?: EnglishMatch, tableIntro = ''): IndexedDoc {
  const base = {
    id: entry.id,
    keywords: keywords.join(' '),
    english: english ? [english.title, ...english.terms].join(' ') : '',
  };
  if (entry.kind === 'code') {
    const text = [entry.cause, entry.action].filter(Boolean).join(' ');
    return {
      ...base,
      title: entry.message,
      path: `${entry.sectionPath.slice(2).join(' ')} ${tableIntro}`,
      text,
    };
  }
  return { ...base, title: entry.title, path: entry.sectionPath.slice(2, -1).join(' '), text: entry.body };
}

/**
 * The version of how documents become terms (normalisation, stemming, fields): a cache written by
 * another version is rebuilt, even when the knowledge base has not changed.
 */
export const INDEX_FORMAT = 5;

/** The built index, saved next to the knowledge cache so start-up does not stem every document. */
export interface SerializedIndex {
  fingerprint: string;
  format?: number;
  index: string;
  documentFrequency: [string, number][];
}

/** The free-text side of the search: MiniSearch over the entries, with document frequencies. */
export class TextIndex {
  readonly normalizer: TextNormalizer;
  private readonly mini: MiniSearch<IndexedDoc>;
  private readonly documentFrequency = new Map<string, number>();
  private readonly sure: number;
  /** What the re-ranking reads of each entry's title, computed on first use. */
  private readonly titles = new Map<string, TitleFacts>();
  /** Reads the failure/recovery and quantifier cues of titles (and of queries, for SearchIndex). */
  readonly cues: CueReader;
  /** The search terms of the polarity words: compared as cues, not as separating words. */
  private readonly cueTerms: ReadonlySet<string>;
  /** The terms of the products' names: a title that matches only a product's name is not on topic. */
  private readonly nameTerms: ReadonlySet<string>;

  constructor(
    private readonly kb: KnowledgeBase,
    normalizer: TextNormalizer,
    prebuilt?: SerializedIndex,
    names: ProductNames = productNamesOf(kb.overlays.products, normalizer),
  ) {
    this.normalizer = normalizer;
    const options: Options<IndexedDoc> = {
      fields: ['title', 'keywords', 'english', 'path', 'text'],
      storeFields: [],
      tokenize: (text) => normalizer.words(text, 'index'),
      processTerm: (word) => normalizer.termsOfWord(word, 'index'),
      searchOptions: {
        tokenize: (text) => normalizer.words(text),
        processTerm: (word) => normalizer.termsOfWord(word),
        boost: BOOST,
        combineWith: 'OR',
        // Prefix and typo matching only for a word the index does not know as such (a truncation or
        // a typo), and long enough to be unambiguous: expanding known words costs without helping.
        prefix: (term) => term.length >= PREFIX_MIN_LENGTH && this.isUnknownTerm(term),
        fuzzy: (term) =>
          term.length >= FUZZY_MIN_LENGTH && this.isUnknownTerm(term) ? FUZZY_DISTANCE : false,
        maxFuzzy: 2,
        weights: LOOSE_WEIGHTS,
      },
    };
    this.sure = sureWeight(kb.entries.length);
    this.cueTerms = new Set(normalizer.terms(kb.vocabulary.polarityTerms));
    this.cues = new CueReader(kb.vocabulary);
    this.nameTerms = names.terms;
    if (prebuilt) {
      this.mini = MiniSearch.loadJSON<IndexedDoc>(prebuilt.index, options);
      for (const [term, df] of prebuilt.documentFrequency) this.documentFrequency.set(term, df);
      return;
    }
    this.mini = new MiniSearch<IndexedDoc>(options);
    const intros = new Map<string, string>();
    for (const e of kb.entries)
      if (e.kind === 'section') intros.set(e.sectionPath.join('\u0000'), e.body.split('\n')[0] ?? '');
    const docs = kb.entries.map((e) =>
      docOf(
        e,
        kb.overlays.keywords[e.id],
        kb.overlays.english[e.id],
        e.kind === 'code' ? intros.get(e.sectionPath.join('\u0000')) : '',
      ),
    );
    this.mini.addAll(docs);
    for (const doc of docs) {
      for (const term of new Set(
        normalizer.terms(`${doc.title} ${doc.keywords} ${doc.english} ${doc.path} ${doc.text}`),
      )) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    }
  }

  serialize(): SerializedIndex {
    return {
      fingerprint: this.kb.fingerprint,
      format: INDEX_FORMAT,
      index: JSON.stringify(this.mini),
      documentFrequency: [...this.documentFrequency],
    };
  }

  /** A term the index has never seen (synonym tokens and numbers are never loose). */
  isUnknownTerm(term: string): boolean {
    return !term.startsWith('zzsyn') && !/^\d+$/.test(term) && !this.documentFrequency.has(term);
  }

  /** A word none of whose terms the index knows. */
  isUnknownWord(word: string): boolean {
    return this.normalizer.termsOfWord(word).every((t) => this.isUnknownTerm(t));
  }

  /**
   * Bounds the work of one query in a large knowledge base: words found in more than
   * UBIQUITOUS_SHARE of it are stop words there, and the others are taken rarest first until their
   * posting lists add up to POSTINGS_BUDGET entries (a common word ranks nothing and costs a scan
   * of much of the index). The real knowledge base reaches neither bound.
   */
  withoutUbiquitousWords(words: string[]): string[] {
    const frequency = (w: string) =>
      Math.min(...this.normalizer.termsOfWord(w).map((t) => this.documentFrequency.get(t) ?? 0));
    const ubiquitous = Math.max(UBIQUITOUS_MIN_ENTRIES, UBIQUITOUS_SHARE * this.kb.entries.length);
    const byRarity = [...new Set(words)]
      .map((w) => ({ w, df: frequency(w) }))
      .filter(({ df }) => df <= ubiquitous)
      .sort((a, b) => a.df - b.df);
    const kept = new Set<string>();
    let postings = 0;
    for (const { w, df } of byRarity) {
      // Words the index does not know cost nothing; at least one known word is always searched.
      if (postings > 0 && postings + df > POSTINGS_BUDGET) break;
      kept.add(w);
      postings += df;
    }
    return words.filter((w) => kept.has(w));
  }

  /** Rarity of a term: a word found in few entries says more about what the user means. */
  private idf(term: string): number {
    return Math.log(1 + this.kb.entries.length / (this.documentFrequency.get(term) ?? 0.5));
  }

  /** The search terms and cues of an entry's title (a code's message, a section's heading), computed once. */
  private titleOf(id: string): TitleFacts {
    let facts = this.titles.get(id);
    if (!facts) {
      const entry = this.kb.byId.get(id);
      const title = entry ? (entry.kind === 'code' ? entry.message : entry.title) : '';
      facts = { terms: new Set(this.normalizer.terms(title)), cues: entry ? this.cues.of(title) : NO_CUES };
      this.titles.set(id, facts);
    }
    return facts;
  }

  /** The best entries for the query's words, each with its confidence; `loose` adds prefix and typo matching. */
  search(
    words: string[],
    hint: Product | undefined,
    loose: boolean,
    technical: ReadonlySet<string> = new Set(),
    cues: Cues = NO_CUES,
  ): TextSearch {
    const results = this.mini
      .search(words.join(' '), loose ? {} : { prefix: false, fuzzy: false })
      .slice(0, HINT_RERANKED);
    // The results are this search's own objects: rescored in place (a copy each was most of the
    // garbage a query left, and garbage collections are what the slowest queries wait for).
    if (hint)
      for (const r of results)
        r.score *=
          this.kb.byId.get(String(r.id))?.product === hint ? HINTED_PRODUCT_FACTOR : OTHER_PRODUCT_FACTOR;
    results.sort((a, b) => b.score - a.score);
    if (results.length === 0) return { candidates: [], matched: NO_TERMS };
    const { results: ranked } = rerankSiblings(
      results.slice(0, CANDIDATES).map((result) => {
        const title = this.titleOf(String(result.id));
        return { result, titleTerms: title.terms, titleCues: title.cues };
      }),
      cues,
      this.cueTerms,
    );
    // The words MiniSearch searched: joining can form a synonym phrase ("synchro [de l'] annuaire").
    const searched = this.normalizer.words(words.join(' '));
    const weighted: WeightedWord[] = searched.map((word) => {
      // A word weighs what its known stem weighs; a word the sources never use weighs the most.
      const terms = this.normalizer.termsOfWord(word);
      const known = terms.filter((t) => this.documentFrequency.has(t));
      const rarity = known.length > 0 ? Math.min(...known.map((t) => this.idf(t))) : this.idf('');
      return {
        terms,
        known: known.length > 0,
        technical: technical.has(word),
        weight: rarity * everydayFactor(word),
      };
    });
    const top = ranked[0]?.score ?? 1;
    const matched = new Set<string>();
    for (const result of ranked) for (const term of result.queryTerms) matched.add(term);
    const candidates = ranked.map((result, rank): Candidate => {
      const entry = this.kb.byId.get(String(result.id)) as Entry;
      // A failure (or recovery) the query states in other words than the entry's title ("presence
      // subscription failed" / "Impossible de s'abonner à la présence") is matched in meaning.
      const agreed =
        cues.polarity !== 'neutral' && this.titleOf(String(result.id)).cues.polarity === cues.polarity
          ? this.cueTerms
          : undefined;
      const covered = coverage(result, weighted, this.sure, this.nameTerms, agreed);
      const scoreRatio = top > 0 ? result.score / top : 0;
      // The ranking's confidence: the share of the query's meaning the entry covers, scaled by how
      // close it is to the best score.
      const confidence = covered * (rank === 0 ? 1 : Math.min(1, scoreRatio));
      return {
        entry,
        confidence: Math.round(confidence * 1000) / 1000,
        via: 'text',
        match: {
          coverage: Math.round(covered * 1000) / 1000,
          scoreRatio: Math.round(scoreRatio * 1000) / 1000,
          topic: matchesTopic(result, this.nameTerms),
          titleCoverage:
            Math.round(titleCoverage(this.titleOf(String(result.id)).terms, result) * 1000) / 1000,
        },
      };
    });
    return { candidates, matched };
  }
}
