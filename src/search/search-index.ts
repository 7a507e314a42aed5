import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { CODE_KEYWORD_SOURCE, type CodeMention, STATUS_REASON_SOURCE } from '../intent/codes.js';
import type { Intent } from '../intent/intent.js';
import type { OutOfScopeMention } from '../intent/products.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { CodeEntry, Entry, Product, SectionEntry } from '../knowledge/types.js';
import { TextNormalizer, WEAK_WORDS } from './normalize.js';
import { rerankSiblings } from './siblings.js';

export type HitSource = 'code' | 'mention' | 'text';

export interface Hit {
  entry: Entry;
  /** 0..1: 1 for an exact known code, the weighted share of the query matched for free text. */
  confidence: number;
  via: HitSource;
}

export type NoAnswerReason = 'empty' | 'unknown-code' | 'low-confidence' | 'out-of-scope';

export interface SearchOutcome {
  answered: boolean;
  hits: Hit[];
  unknownCodes: string[];
  reason?: NoAnswerReason;
  /** With reason "out-of-scope": the uncovered systems the message names (may be empty for a bare protocol status). */
  outOfScope?: OutOfScopeMention[];
}

/**
 * HTTP and SIP statuses have three digits, like the Azure callEndReason codes and the provisioning
 * bridge's statuses; the Webex (6-digit) and UCWA (5-digit) codes are specific to the sources. A
 * longer known code is the question; a 3-digit status beside it is context.
 */
const PROTOCOL_STATUS_DIGITS = 3;

/** A suggestion is shown under an honest "I don't know", never as the answer. */
const SUGGESTION_CONFIDENCE = 0.4;

/** Below this share of the query's meaning matched, the bot says it does not know. */
export const CONFIDENCE_THRESHOLD = 0.55;
/**
 * The bar for free text that names an unknown system (see namesUnknownSystem) and no covered
 * product. Set on the tuned set (test/eval/queries.yaml, category near-domain): every wrong answer
 * to such text scored at most 0.85; answers that match the sources' own words score 0.99 or more.
 */
export const UNKNOWN_SYSTEM_CONFIDENCE_THRESHOLD = 0.9;

/** An HTTP status ("200", "409") is a provisioning-bridge code only in a provisioning context. */
const STATUS_CONTEXT =
  /provision|pslog|pont|bridge|conflit|conflict|interdit|forbidden|bad request|demande incorrecte|\bok\b|im&p|subscriberprofile/i;
export const MAX_RESULTS = 5;
/** Posting-list entries one free-text query may score (see withoutUbiquitousWords). */
const POSTINGS_BUDGET = 5_000;

interface IndexedDoc {
  id: string;
  keywords: string;
  title: string;
  path: string;
  text: string;
}

/**
 * Field boosts: technicians search by the words of a title or an error message; the section
 * path says where it lives; long bodies match many words by chance, so they weigh least.
 */
const BOOST = { title: 3, keywords: 2.5, path: 1.5, text: 1 };

/** A code row is read in the context of its table's introduction ("... sur le portail d'activation"). */
function docOf(entry: Entry, keywords: string[] = [], tableIntro = ''): IndexedDoc {
  const base = { id: entry.id, keywords: keywords.join(' ') };
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

/** The built index, saved next to the knowledge cache so start-up does not stem every document. */
export interface SerializedIndex {
  fingerprint: string;
  index: string;
  documentFrequency: [string, number][];
}

export class SearchIndex {
  readonly normalizer: TextNormalizer;
  private readonly mini: MiniSearch<IndexedDoc>;
  private readonly codes = new Map<string, CodeEntry[]>();
  private readonly mentions = new Map<string, SectionEntry[]>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly productWords: Set<string>;
  /** The matched rarity that makes an answer sure on its own: about two words found in a few entries. */
  private readonly sureWeight: number;

  constructor(
    private readonly kb: KnowledgeBase,
    prebuilt?: SerializedIndex,
  ) {
    this.normalizer = new TextNormalizer(kb.overlays.synonyms);
    const normalizer = this.normalizer;
    const options: Options<IndexedDoc> = {
      fields: ['title', 'keywords', 'path', 'text'],
      storeFields: [],
      tokenize: (text) => normalizer.words(text, 'index'),
      processTerm: (word) => normalizer.termsOfWord(word),
      searchOptions: {
        tokenize: (text) => normalizer.words(text),
        boost: BOOST,
        combineWith: 'OR',
        // Prefix and typo tolerance only where a word is long enough to be unambiguous.
        // Prefix and typo matching only for a word the index does not know as such (a truncation or
        // a typo), and long enough to be unambiguous: expanding known words costs without helping.
        prefix: (term) => term.length >= 4 && this.isLooseCandidate(term),
        fuzzy: (term) => (term.length >= 5 && this.isLooseCandidate(term) ? 0.2 : false),
        maxFuzzy: 2,
        weights: { fuzzy: 0.5, prefix: 0.6 },
      },
    };
    this.mini = prebuilt
      ? MiniSearch.loadJSON<IndexedDoc>(prebuilt.index, options)
      : new MiniSearch<IndexedDoc>(options);
    const intros = new Map<string, string>();
    for (const e of kb.entries)
      if (e.kind === 'section') intros.set(e.sectionPath.join('\u0000'), e.body.split('\n')[0] ?? '');
    const docs = prebuilt
      ? []
      : kb.entries.map((e) =>
          docOf(
            e,
            kb.overlays.keywords[e.id],
            e.kind === 'code' ? intros.get(e.sectionPath.join('\u0000')) : '',
          ),
        );
    if (!prebuilt) this.mini.addAll(docs);
    kb.entries.forEach((entry, i) => {
      if (entry.kind === 'code') this.codes.set(entry.code, [...(this.codes.get(entry.code) ?? []), entry]);
      else
        for (const code of entry.mentionedCodes)
          this.mentions.set(code, [...(this.mentions.get(code) ?? []), entry]);
      if (prebuilt) return;
      const doc = docs[i] as IndexedDoc;
      for (const term of new Set(normalizer.terms(`${doc.title} ${doc.keywords} ${doc.path} ${doc.text}`))) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    });
    if (prebuilt) for (const [term, df] of prebuilt.documentFrequency) this.documentFrequency.set(term, df);
    this.sureWeight = 2 * Math.log(1 + kb.entries.length / 2);
    // Product names steer the ranking (boostDocument); they are not what the user asks about.
    this.productWords = new Set(
      Object.values(kb.overlays.products).flatMap(({ aliases }) =>
        aliases.flatMap((w) => normalizer.words(w)),
      ),
    );
  }

  serialize(): SerializedIndex {
    return {
      fingerprint: this.kb.fingerprint,
      index: JSON.stringify(this.mini),
      documentFrequency: [...this.documentFrequency],
    };
  }

  isKnownCode(code: string): boolean {
    return this.codes.has(code) || this.mentions.has(code);
  }

  /**
   * Bounds the work of one query in a large knowledge base: words found in more than 10 % of it
   * are stop words there, and the others are taken rarest first until their posting lists add up
   * to POSTINGS_BUDGET entries (a common word ranks nothing and costs a scan of much of the
   * index). The real knowledge base reaches neither bound.
   */
  private withoutUbiquitousWords(words: string[]): string[] {
    const frequency = (w: string) =>
      Math.min(...this.normalizer.termsOfWord(w).map((t) => this.documentFrequency.get(t) ?? 0));
    // A word in more than 10 % of a large index (over 1,000 entries) tells nothing apart.
    const ubiquitous = Math.max(1000, 0.1 * this.kb.entries.length);
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

  /**
   * Whether the message names something the sources never mention: a capitalised word ("Okta",
   * "Starface", "PBX", "CamelCase") none of whose terms is in the index. A Title-case first word
   * followed by a lowercase word is grammar, not a name ("Hier, l'utilisateur..."), unless it is a
   * ticket's "Name: ..." prefix; a message
   * written all in capitals says nothing by its capitals.
   */
  private namesUnknownSystem(text: string): boolean {
    if (!/\p{Ll}/u.test(text)) return false;
    const tokens = text.split(/[^\p{L}\p{N}.]+/u).filter(Boolean);
    return tokens.some((token, i) => {
      const word = token.replace(/\.+$/, '');
      if (!/^\p{Lu}/u.test(word) && !/\p{Ll}\p{Lu}/u.test(word)) return false;
      const titleCase = /^\p{Lu}[\p{Ll}\p{N}]*$/u.test(word);
      // A ticket's "Product: symptom" prefix is a name even at the start.
      const prefix =
        i === 0 && new RegExp(`^\\W*${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'u').test(text);
      if (i === 0 && titleCase && !prefix && /^\p{Ll}/u.test(tokens[1] ?? '')) return false;
      const words = this.normalizer.words(word);
      return (
        words.length > 0 &&
        words.every(
          (w) =>
            !this.productWords.has(w) &&
            this.normalizer.termsOfWord(w).every((t) => this.isLooseCandidate(t)),
        )
      );
    });
  }

  private readonly titleTerms = new Map<string, ReadonlySet<string>>();

  /** The search terms of an entry's title (a code's message, a section's heading), computed once. */
  private titleTermsOf(id: string): ReadonlySet<string> {
    let terms = this.titleTerms.get(id);
    if (!terms) {
      const entry = this.kb.byId.get(id);
      const title = entry ? (entry.kind === 'code' ? entry.message : entry.title) : '';
      terms = new Set(this.normalizer.terms(title));
      this.titleTerms.set(id, terms);
    }
    return terms;
  }

  private isLooseCandidate(term: string): boolean {
    return !term.startsWith('zzsyn') && !/^\d+$/.test(term) && !this.documentFrequency.has(term);
  }

  /** Rarity of a term: a word found in few entries says more about what the user means. */
  private idf(term: string): number {
    const n = this.kb.entries.length;
    return Math.log(1 + n / (this.documentFrequency.get(term) ?? 0.5));
  }

  search(intent: Intent): SearchOutcome {
    const codeHits: Hit[] = [];
    const unknownCodes: string[] = [];
    const hint = intent.products[0]?.product;
    const inContext = new Set(intent.products.map((p) => p.product));
    const resolved = this.resolveCodes(intent.codes, hint, intent.text, inContext);
    codeHits.push(...resolved.hits);
    const textWithoutCodes = intent.codes.reduce((t, m) => {
      const number = m.parts ? m.parts.join('[ .\\u00a0]') : m.code;
      // A status's reason phrase ("503 Service Unavailable") belongs to the status, not to the symptom.
      const reason = m.status ? `(?:\\W{0,3}${STATUS_REASON_SOURCE})?` : '';
      return t.replace(new RegExp(`(?:${CODE_KEYWORD_SOURCE}\\W{0,4})?${number}${reason}`, 'i'), ' ');
    }, intent.text);
    const allWords = this.normalizer.words(textWithoutCodes).filter((w) => !/^\d+$/.test(w));
    // Only words that say what is wrong are searched: "merci pour ton aide" or "Webex problème"
    // alone name no problem (a product alone is a hint, weak words alone are politeness).
    const words = allWords.filter((w) => !WEAK_WORDS.has(w) && !this.productWords.has(w));
    for (const mention of resolved.unknown) {
      // A stray number inside a long log line is noise; one the user asked about is an unknown code.
      if (mention.form === 'explicit' || words.length <= 3) unknownCodes.push(mention.code);
    }
    // Exact terms first: cheap, and enough for most queries; prefix and typo matching only when
    // that is not confident (and never just to fill the alternatives of a known code).
    const searched = this.withoutUbiquitousWords(words);
    const query = searched.join(' ');
    // Beside a known code, text only adds alternatives: worth it when the user wrote a sentence.
    const wantText = searched.length > 0 && (codeHits.length === 0 || searched.length >= 2);
    let textHits = wantText ? this.searchText(query, searched, hint, false) : [];
    const unknownWords = searched.some((w) =>
      this.normalizer.termsOfWord(w).every((t) => this.isLooseCandidate(t)),
    );
    if (
      wantText &&
      codeHits.length === 0 &&
      unknownWords &&
      (textHits[0]?.confidence ?? 0) < CONFIDENCE_THRESHOLD
    ) {
      textHits = this.searchText(query, searched, hint, true);
    }

    // A message about a system the sources do not cover gets suggestions, not an answer, unless it
    // names a covered product or holds a code only the sources know (a Webex or UCWA code).
    const specific = codeHits.some(
      (h) => h.via === 'mention' || codeLength(h.entry) > PROTOCOL_STATUS_DIGITS,
    );
    const named = intent.products.some((p) => p.named);
    if (intent.outOfScope.length > 0 && !named && !specific) {
      return this.outOfScope(
        [...codeHits, ...resolved.contextless, ...textHits],
        unknownCodes,
        intent.outOfScope,
      );
    }
    if (codeHits.length === 0 && resolved.contextless.length > 0 && !named) {
      // A protocol status ("503 Service Unavailable") and no word of the product it would be a code
      // of: the message is about whatever system answered it; the known code is a suggestion.
      return this.outOfScope([...resolved.contextless, ...textHits], unknownCodes, []);
    }

    if (codeHits.length > 0) {
      const seen = new Set(codeHits.map((h) => h.entry.id));
      const related = codeHits
        .flatMap((h) => this.kb.relatedOf(h.entry))
        .map((entry): Hit => ({ entry, confidence: 0.5, via: 'text' }));
      const extra = [...related, ...textHits].filter((h) => !seen.has(h.entry.id) && seen.add(h.entry.id));
      return { answered: true, hits: [...codeHits, ...extra].slice(0, MAX_RESULTS), unknownCodes };
    }
    if (unknownCodes.length > 0) {
      const near = unknownCodes.flatMap((code) => this.nearCodes(code));
      return {
        answered: false,
        hits: [...near, ...textHits].slice(0, MAX_RESULTS),
        unknownCodes,
        reason: 'unknown-code',
      };
    }
    if (textHits.length === 0) {
      // Nothing to search (a greeting, an empty line) asks for a question; words found nowhere are "I don't know".
      return {
        answered: false,
        hits: [],
        unknownCodes,
        reason: words.length === 0 ? 'empty' : 'low-confidence',
      };
    }
    // "Okta: users cannot sign in with their password" names a system the sources never mention and
    // no covered product: shared words alone must then be much surer to answer.
    const threshold =
      intent.products.length === 0 && this.namesUnknownSystem(intent.text)
        ? UNKNOWN_SYSTEM_CONFIDENCE_THRESHOLD
        : CONFIDENCE_THRESHOLD;
    const answered = (textHits[0]?.confidence ?? 0) >= threshold;
    return {
      answered,
      hits: textHits.slice(0, MAX_RESULTS),
      unknownCodes,
      ...(answered ? {} : { reason: 'low-confidence' as const }),
    };
  }

  private outOfScope(hits: Hit[], unknownCodes: string[], systems: OutOfScopeMention[]): SearchOutcome {
    const seen = new Set<string>();
    const suggestions = hits
      .filter((h) => !seen.has(h.entry.id) && seen.add(h.entry.id))
      .map((h) => ({ ...h, confidence: Math.min(h.confidence, SUGGESTION_CONFIDENCE) }));
    return {
      answered: false,
      hits: suggestions.slice(0, MAX_RESULTS),
      unknownCodes,
      reason: 'out-of-scope',
      outOfScope: systems,
    };
  }

  /**
   * Known codes answer exactly; a code shared by products is ordered by the product hint. A 3-digit
   * number presented as a protocol status ("HTTP 503", "503 Service Unavailable") is a callEndReason
   * only when its product is in the message's context; otherwise it comes back as `contextless`, a
   * suggestion. A longer, product-specific code outranks the 3-digit statuses beside it.
   */
  private resolveCodes(
    mentions: CodeMention[],
    hint: Product | undefined,
    text: string,
    inContext: ReadonlySet<Product>,
  ): { hits: Hit[]; unknown: CodeMention[]; contextless: Hit[] } {
    const bareQuery =
      mentions.length === 1 && text.replace(/\D/g, '').length >= text.replace(/\s/g, '').length - 1;
    const statusContext = bareQuery || STATUS_CONTEXT.test(text);
    const hits: Hit[] = [];
    const statusHits = new Set<Hit>();
    const contextless: Hit[] = [];
    const unknown: CodeMention[] = [];
    for (const mention of mentions) {
      const candidates = [mention.code, ...(this.isKnownCode(mention.code) ? [] : (mention.parts ?? []))];
      let found = false;
      for (const code of candidates) {
        const known = this.codes.get(code) ?? [];
        const entries: Entry[] = [
          ...known.filter((e) =>
            e.origin === 'table'
              ? !mention.status || inContext.has(e.product)
              : statusContext || e.product === hint,
          ),
          ...(this.mentions.get(code) ?? []),
        ];
        for (const e of known) {
          if (e.origin === 'table' && !entries.includes(e))
            contextless.push({ entry: e, confidence: SUGGESTION_CONFIDENCE, via: 'code' });
        }
        if (entries.length === 0) {
          // "StatusCode=200" in a log line is a success, not a provisioning-bridge answer: not unknown either.
          if (this.codes.has(code)) found = true;
          continue;
        }
        found = true;
        const products = new Set(entries.map((e) => e.product));
        const ordered = [...entries].sort(
          (a, b) =>
            Number(b.product === hint) - Number(a.product === hint) ||
            Number(a.kind === 'section') - Number(b.kind === 'section'),
        );
        const ambiguous = products.size > 1 && !(hint && products.has(hint));
        for (const entry of ordered) {
          const exact = entry.kind === 'code';
          const onHint = !hint || entry.product === hint || products.size === 1;
          const hit: Hit = {
            entry,
            confidence: exact ? (ambiguous || !onHint ? 0.9 : 1) : 0.85,
            via: exact ? 'code' : 'mention',
          };
          hits.push(hit);
          if (mention.status) statusHits.add(hit);
        }
      }
      if (!found) unknown.push(mention);
    }
    // "HTTP 400 {errorCode: 200050}": the Webex code is the question, the HTTP status is context.
    const specific = hits.filter((h) => h.via === 'mention' || codeLength(h.entry) > PROTOCOL_STATUS_DIGITS);
    if (specific.length === 0) return { hits, unknown, contextless };
    const specificProducts = new Set(specific.map((h) => h.entry.product));
    const statuses = hits.filter(
      (h) =>
        !specific.includes(h) &&
        !statusHits.has(h) &&
        (specificProducts.has(h.entry.product) || inContext.has(h.entry.product)),
    );
    return { hits: [...specific, ...statuses], unknown, contextless: [] };
  }

  /** Known codes one typo away from an unknown one: the "did you mean" of a mistyped code. */
  private nearCodes(code: string): Hit[] {
    const near: Hit[] = [];
    for (const [known, entries] of this.codes) {
      if (Math.abs(known.length - code.length) <= 1 && editDistance(known, code) === 1) {
        near.push(...entries.map((entry): Hit => ({ entry, confidence: 0.3, via: 'code' })));
      }
    }
    return near;
  }

  private searchText(text: string, words: string[], hint: Product | undefined, loose: boolean): Hit[] {
    // The product hint re-ranks the best few hundred results (a boostDocument callback would be
    // called for every matching document: most of the cost of a query in a large index).
    const results = this.mini
      .search(text, loose ? {} : { prefix: false, fuzzy: false })
      .slice(0, 300)
      .map((r) =>
        hint ? { ...r, score: r.score * (this.kb.byId.get(String(r.id))?.product === hint ? 1.4 : 0.7) } : r,
      )
      .sort((a, b) => b.score - a.score);
    if (results.length === 0) return [];
    const { results: ranked } = rerankSiblings(
      results.slice(0, 20).map((result) => ({ result, titleTerms: this.titleTermsOf(String(result.id)) })),
    );
    const weights = words.map((word) => {
      // A word weighs what its known stem weighs; a word the sources never use weighs the most.
      const terms = this.normalizer.termsOfWord(word);
      const known = terms.filter((t) => this.documentFrequency.has(t));
      const weight = known.length > 0 ? Math.min(...known.map((t) => this.idf(t))) : this.idf('');
      return { terms, weight };
    });
    const total = weights.reduce((sum, w) => sum + w.weight, 0);
    // A word found as such counts fully; one found only through a prefix or a typo counts less.
    // Two ways to be sure: most of the query's meaning is matched, or enough rare words of the
    // knowledge base are (a paraphrase with a few words the sources never use).
    const coverage = (result: SearchResult) => {
      const exact = new Set(result.terms);
      const loose = new Set(result.queryTerms);
      let matched = 0;
      let matchedWords = 0;
      for (const w of weights) {
        const share = w.terms.some((t) => exact.has(t)) ? 1 : w.terms.some((t) => loose.has(t)) ? 0.6 : 0;
        matched += share * w.weight;
        if (share > 0) matchedWords++;
      }
      // One rare word alone ("printer" -> "print" in a code sample) is a coincidence, not an answer.
      const sure = matchedWords >= 2 ? Math.min(1, matched / this.sureWeight) : 0;
      return Math.max(matched / total, sure);
    };
    const top = ranked[0]?.score ?? 1;
    const hits = ranked.map((result, rank) => {
      const entry = this.kb.byId.get(String(result.id)) as Entry;
      // The share of the query's meaning this entry covers, scaled by how close it is to the best score.
      const confidence = coverage(result) * (rank === 0 ? 1 : Math.min(1, result.score / top));
      return { entry, confidence: Math.round(confidence * 1000) / 1000, via: 'text' as const };
    });
    return hits;
  }
}

function codeLength(entry: Entry): number {
  return entry.kind === 'code' ? entry.code.length : 0;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] as number;
}
