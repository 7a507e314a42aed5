import { asksAboutCapability, asksHowTo } from '../intent/capability.js';
import {
  BEFORE_A_CODE,
  type CodeMention,
  CodeReader,
  namesThingByNumber,
  STATUS_REASON_SOURCE,
} from '../intent/codes.js';
import { type Intent, MAX_QUERY_LENGTH } from '../intent/intent.js';
import type { OutOfScopeMention } from '../intent/products.js';
import { generalRank } from '../knowledge/general-words.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Product } from '../knowledge/types.js';
import { foldText } from '../text/fold.js';
import { detectLanguage } from '../text/language.js';
import { lazily, once } from '../text/lazy.js';
import { HAS_LETTER } from '../text/letters.js';
import { programWrote } from '../text/log-lines.js';
import { LOOSE_SEARCH_BELOW } from './coverage.js';
import { ExactCodes } from './exact-codes.js';
import { type Hit, isSourceSpecific } from './hits.js';
import { TextNormalizer } from './normalize.js';
import { type ProductNames, productNamesOf } from './product-names.js';
import type { Candidate, Guard, QuerySignals, Retrieval } from './retrieval.js';
import { type SerializedIndex, TextIndex, type TextSearch } from './text-index.js';
import { namesUnknownSystem, writesAsSubject } from './unknown-system.js';

export type { Hit, HitSource } from './hits.js';
export type { SerializedIndex } from './text-index.js';

/** A noun phrase ends right before the number: a determiner or "de/of", then one word ("la mission 600003"). */
const NOUN_PHRASE_BEFORE =
  /(?:^|[\s(])(?:le|la|les|l['’]|un|une|du|de|des|d['’]|au|aux|mon|ma|mes|ton|ta|notre|nos|votre|vos|son|sa|ses|leur|leurs|ce|cet|cette|the|a|an|my|our|your|his|her|their|this|that|of|for)\s*[\p{L}][\p{L}'’-]*\s+$/iu;

/** A sub-code beside a code ("subCode: 5300", "sub code 0", "_subCode"): how ACS reports a call's end. */
const SUB_CODE = /sub[\s_-]?code/i;

/**
 * The search: exact codes first, then free text over the knowledge base, ranked, with the signals
 * the decision reads (src/decision). It never says whether the best candidate is the answer.
 */
export class SearchIndex {
  private readonly exact: ExactCodes;
  private textIndex: TextIndex | undefined;
  /** The covered products' names: they steer the ranking, they are not what the user asks about. */
  private namesBuilt: ProductNames | undefined;

  private normalizerBuilt: TextNormalizer | undefined;
  /** How the message's codes and their keywords are read (the shared vocabulary). */
  private readonly codeReader: CodeReader;

  /** `prebuilt`: the serialized free-text index, or a function that reads it when it is first needed. */
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly prebuilt?: SerializedIndex | (() => SerializedIndex | undefined),
  ) {
    this.exact = new ExactCodes(kb.entries, kb.vocabulary);
    this.codeReader = new CodeReader(kb.vocabulary);
  }

  /** Words as search reads them: built on the first message with words (a bare code needs none). */
  get normalizer(): TextNormalizer {
    this.normalizerBuilt ??= new TextNormalizer(this.kb.overlays.synonyms);
    return this.normalizerBuilt;
  }

  private get names(): ProductNames {
    this.namesBuilt ??= productNamesOf(this.kb.overlays.products, this.normalizer);
    return this.namesBuilt;
  }

  /** Loads (or builds) the free-text index now: servers warm it at start, the benchmark measures it. */
  warm(): void {
    void this.text;
  }

  /** The MiniSearch index, loaded (or built) on the first free-text search. */
  private get text(): TextIndex {
    if (!this.textIndex) {
      const serialized = typeof this.prebuilt === 'function' ? this.prebuilt() : this.prebuilt;
      this.textIndex = new TextIndex(this.kb, this.normalizer, serialized, this.names);
    }
    return this.textIndex;
  }

  serialize(): SerializedIndex {
    return this.text.serialize();
  }

  isKnownCode(code: string): boolean {
    return this.exact.isKnown(code);
  }

  /**
   * How a bare number stands in a sentence a person wrote: right after a noun of a noun phrase ("bon
   * de livraison 200049", "la mission 600003", "the order 200041") it is that thing's number, never
   * a code ('thing'); right after another word that does not usually introduce a code ("Intermittent
   * 200026") it may be one ('word', a signal for the decision). Words that usually stand before a
   * code are function words, the verbs and nouns that introduce a message (BEFORE_A_CODE), and the
   * products' names and hints ("Webex 200039", "MCU 20013"); lines a program wrote name their fields
   * before their codes ("precheck 300005").
   */
  private numberAfter(text: string, mention: CodeMention): 'thing' | 'word' | null {
    if (mention.form !== 'bare' || mention.status) return null;
    const lineStart = text.lastIndexOf('\n', mention.at) + 1;
    const lineEnd = text.indexOf('\n', mention.at);
    const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    if (programWrote(line)) return null;
    const before = text.slice(Math.max(0, mention.at - 60), mention.at);
    const word = /([\p{L}][\p{L}'’-]*)\s+$/u.exec(before)?.[1];
    if (!word) return null;
    const last = foldText(word).split(/['’-]/).pop() ?? '';
    if (last.length === 0 || BEFORE_A_CODE.has(last) || this.names.plain.has(last)) return null;
    return NOUN_PHRASE_BEFORE.test(before) ? 'thing' : 'word';
  }

  /**
   * The system a code is attributed to when the message writes another system's name before it and
   * names no covered product ("Sage : erreur 20027", "Jabber error 200039": the sources' meaning of
   * the number is then a suggestion, never the answer). A capitalised everyday word before the code
   * is grammar, not a name ("Got error 200050", "Random error 500"), unless the message writes it
   * as its subject ("Sage : erreur 20027"); a covered product's name or hint owns nothing.
   */
  private ownersOf(intent: Intent, named: ReadonlySet<Product>): Map<CodeMention, string> {
    const owners = new Map<CodeMention, string>();
    if (named.size > 0) return owners;
    for (const mention of intent.codes) {
      const owner = this.codeReader.ownerOf(intent.text, mention);
      if (!owner || this.isInScopeName(owner)) continue;
      if (generalRank(owner) !== undefined && !writesAsSubject(intent.text, owner)) continue;
      owners.set(mention, owner);
    }
    return owners;
  }

  /**
   * The candidates of a message and what it says about itself: its known codes first (as the
   * message gives them, the hinted product first), then the leads no answer may come from (a code
   * owned by another system, a thing's number, a status without its product, codes one typo away
   * from an unknown one, the sections related to an answered code), then free text. Whether any of
   * them is the answer is for the decision (src/decision) to say.
   */
  retrieve(intent: Intent): Retrieval {
    const hint = intent.products[0]?.product;
    const inContext = new Set(intent.products.map((p) => p.product));
    const named = new Set(intent.products.filter((p) => p.named).map((p) => p.product));
    // Codes are read in the whole text; words only in its beginning (a diagnosed log can be long).
    const head = intent.text.slice(0, MAX_QUERY_LENGTH);
    const words = this.searchWords(intent, head);
    // Whether the message names a system the sources never mention: asked at most once.
    const namesUnknown = once(() => namesUnknownSystem(intent.text, (word) => this.isUnknownName(word)));
    const codes = this.codeCandidates(intent, words, { hint, inContext, named, namesUnknown });
    const text = this.searchText(words, hint, codes.hits.length > 0, head);
    const candidates = [...codes.candidates, ...text.candidates];
    const ids = new Set<string>();
    const unique = candidates.filter((c) => !ids.has(c.entry.id) && ids.add(c.entry.id));
    const { owners, specific } = codes;
    // Systems the message writes before its codes are named systems too ("Sage : erreur 20027").
    const ownerSystems: OutOfScopeMention[] = [...new Set(owners.values())].map((name) => ({
      id: 'named-system',
      label: { fr: name, en: name },
      matched: name,
    }));
    const elsewhere =
      !specific &&
      (owners.size > 0 ||
        (intent.outOfScope.length > 0 && named.size === 0) ||
        (codes.hits.length === 0 && codes.contextless > 0 && named.size === 0));
    return {
      candidates: unique,
      unknownCodes: codes.unknown,
      outOfScope: elsewhere && intent.outOfScope.length === 0 ? ownerSystems : intent.outOfScope,
      empty: words.length === 0 && intent.codes.length === 0,
      signals: this.signalsOf(intent, head, words, text.matched, {
        named,
        inContext,
        namesUnknown,
        things: codes.things,
        elsewhere,
      }),
    };
  }

  /**
   * The words a message's search reads: without its codes (and their keywords and reason phrases),
   * its weak words ("merci pour ton aide" or "Webex problème" alone name no problem) and the names
   * of the products it holds (they steer the ranking, they are not what the user asks about; only
   * those: "entreprise" is a word of "Skype Entreprise" and of "toute une entreprise").
   */
  private searchWords(intent: Intent, head: string): string[] {
    // Without a letter there is no word to search: numbers are never searched as words.
    if (!HAS_LETTER.test(head)) return [];
    const textWithoutCodes = intent.codes.reduce((t, m) => {
      const number = m.parts ? m.parts.join('[ .\\u00a0]') : m.code;
      // A status's reason phrase ("503 Service Unavailable") belongs to the status, not to the symptom.
      const reason = m.status ? `(?:\\W{0,3}${STATUS_REASON_SOURCE})?` : '';
      return t.replace(new RegExp(`(?:${this.codeReader.keyword}\\W{0,4})?${number}${reason}`, 'iu'), ' ');
    }, head);
    const productWords = new Set(
      intent.products.flatMap((p) => p.aliases.flatMap((a) => this.normalizer.words(a))),
    );
    return this.normalizer
      .words(textWithoutCodes)
      .filter((w) => !/^\d+$/.test(w) && !this.kb.vocabulary.weak.has(w) && !productWords.has(w));
  }

  /**
   * The message's codes as candidates, in the order the decision reads them: a code owned by another
   * system (when no code only the sources know stands beside it), the codes found, the sections the
   * overlays relate to them, then the leads no answer may come from (a status without its product,
   * a thing's number, codes one typo away from an unknown one).
   */
  private codeCandidates(
    intent: Intent,
    words: readonly string[],
    context: {
      hint: Product | undefined;
      inContext: ReadonlySet<Product>;
      named: ReadonlySet<Product>;
      namesUnknown: () => boolean;
    },
  ) {
    const { hint, inContext, named, namesUnknown } = context;
    const owners = this.ownersOf(intent, named);
    const after = new Map(intent.codes.map((m) => [m.at, this.numberAfter(intent.text, m)]));
    const things = intent.codes.filter((m) => after.get(m.at) === 'thing');
    const resolved = this.exact.resolve(
      intent.codes.filter((m) => !owners.has(m) && !things.includes(m)),
      {
        hint,
        text: intent.text,
        inContext,
        named,
        bare: words.length === 0,
        namesUnknownSystem: namesUnknown,
      },
    );
    const hits = resolved.hits.map((h) =>
      h.mention && after.get(h.mention.at) === 'word'
        ? { ...h, mention: { ...h.mention, afterWord: true } }
        : h,
    );
    // A stray number inside a long log line is noise; one the user asked about is an unknown code.
    const unknown = resolved.unknown
      .filter((m) => m.form === 'explicit' || words.length <= 3)
      .map((m) => m.code);
    const specific = hits.some(isSourceSpecific);
    const guarded = (leads: Hit[], guard: Guard): Candidate[] => leads.map((h) => ({ ...h, guard }));
    const related = hits
      .flatMap((h) => this.kb.relatedOf(h.entry))
      .map((entry): Hit => ({ entry, confidence: 0, via: 'text' }));
    const candidates: Candidate[] = [
      ...(owners.size > 0 && !specific
        ? guarded(
            [...owners.keys()].flatMap((m) => this.exact.suggestionsOf(m.code)),
            'owned',
          )
        : []),
      ...hits,
      ...guarded(related, 'related'),
      ...guarded(resolved.contextless, 'contextless'),
      ...guarded(
        things.flatMap((m) => this.exact.suggestionsOf(m.code)),
        'thing',
      ),
      ...guarded(
        unknown.flatMap((code) => this.exact.near(code, hint)),
        'near-code',
      ),
    ];
    return { candidates, hits, unknown, owners, things, specific, contextless: resolved.contextless.length };
  }

  /**
   * What the message says about itself, each signal computed when the decision first reads it: a
   * bare code reads few of them, and the first question of a process pays for compiling every
   * pattern it reads.
   */
  private signalsOf(
    intent: Intent,
    head: string,
    words: readonly string[],
    matched: ReadonlySet<string>,
    context: {
      named: ReadonlySet<Product>;
      inContext: ReadonlySet<Product>;
      namesUnknown: () => boolean;
      things: readonly CodeMention[];
      elsewhere: boolean;
    },
  ): QuerySignals {
    const { named, inContext, namesUnknown, things, elsewhere } = context;
    const lines = once(() => intent.raw.split(/\r?\n/).filter((l) => l.trim()));
    return lazily<QuerySignals>({
      words: () => words.length,
      // A typo that search matched loosely ("authentfication") is not a word the sources never use.
      unknownWords: () =>
        words.filter(
          (w) => this.text.isUnknownWord(w) && !this.normalizer.termsOfWord(w).some((t) => matched.has(t)),
        ).length,
      named: () => [...named],
      hinted: () => [...inContext].filter((p) => !named.has(p)),
      unknownSystem: () => words.length > 0 && namesUnknown(),
      capability: () => asksAboutCapability(intent.text),
      howTo: () => asksHowTo(intent.text),
      thingNumber: () => things.length > 0 || (words.length > 0 && namesThingByNumber(intent.text)),
      bare: () => words.length === 0 && intent.codes.length > 0,
      subCode: () => SUB_CODE.test(intent.text),
      callEnd: () => this.kb.vocabulary.callEnd.test(intent.text),
      lines: () => lines().length,
      logLines: () => lines().filter(programWrote).length,
      length: () => intent.raw.length,
      english: () => detectLanguage(head) === 'en',
      elsewhere: () => elsewhere,
    });
  }

  /**
   * Exact terms first: cheap, and enough for most queries; prefix and typo matching only when that
   * is not confident (and never just to fill the alternatives of a known code). Beside a known code,
   * text only adds alternatives: worth it when the user wrote a sentence.
   */
  /**
   * The words a message writes as names or identifiers ("PrimaryPhoneNumber", "XSP", "ap373197",
   * "config-wxt.xml", "Android" in mid-sentence): a match of one in an entry's body is specific,
   * unlike ordinary words ("migrer", "utilisateurs") that any paragraph may hold.
   */
  private technicalWords(text: string): Set<string> {
    const technical = new Set<string>();
    const tokens = text.split(/[\s,;:!?()"'’«»[\]{}<>]+/u).filter(Boolean);
    tokens.forEach((token, i) => {
      const core = token.replace(/^\W+|\W+$/gu, '');
      if (
        /\p{Lu}.*\p{Lu}/u.test(core.slice(1)) ||
        /\p{Ll}\p{Lu}/u.test(core) ||
        (/\p{L}/u.test(core) && /\d/.test(core)) ||
        /\p{L}[._/\\=-]\p{L}/u.test(core) ||
        /^\p{Lu}{2,}$/u.test(core) ||
        (i > 0 && /^\p{Lu}\p{Ll}+$/u.test(core) && !/[.!?]$/.test(tokens[i - 1] ?? ''))
      )
        for (const w of this.normalizer.words(core)) technical.add(w);
    });
    return technical;
  }

  private searchText(
    words: string[],
    hint: Product | undefined,
    besideCode: boolean,
    message: string,
  ): TextSearch {
    const none = { candidates: [], matched: new Set<string>() };
    if (words.length === 0) return none;
    const searched = this.text.withoutUbiquitousWords(words);
    if (searched.length === 0 || (besideCode && searched.length < 2)) return none;
    // Only when there is text to score: a bare code never pays for this scan.
    const technical = this.technicalWords(message);
    const cues = this.text.cues.of(message);
    const exact = this.text.search(searched, hint, false, technical, cues);
    const unknownWords = searched.some((w) => this.text.isUnknownWord(w));
    if (!besideCode && unknownWords && (exact.candidates[0]?.confidence ?? 0) < LOOSE_SEARCH_BELOW) {
      return this.text.search(searched, hint, true, technical, cues);
    }
    return exact;
  }

  /**
   * A word of a covered product's names or hints ("Webex", "UCWA", "Hub" of "Control Hub",
   * "Exchange"): a code after it is read as the product's, as before this rule.
   */
  private isInScopeName(name: string): boolean {
    return this.names.plain.has(foldText(name));
  }

  private isUnknownName(word: string): boolean {
    const words = this.normalizer.words(word);
    return words.length > 0 && words.every((w) => !this.names.words.has(w) && this.text.isUnknownWord(w));
  }
}
