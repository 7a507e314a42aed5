import { asksAboutCapability } from '../intent/capability.js';
import {
  BEFORE_A_CODE,
  CODE_KEYWORD_SOURCE,
  type CodeMention,
  namesThingByNumber,
  ownerOf,
  STATUS_REASON_SOURCE,
} from '../intent/codes.js';
import { type Intent, MAX_QUERY_LENGTH } from '../intent/intent.js';
import type { OutOfScopeMention } from '../intent/products.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Product } from '../knowledge/types.js';
import { foldText } from '../text/fold.js';
import { LOG_LINE } from '../text/language.js';
import {
  CONFIDENCE_THRESHOLD,
  namesUnknownSystem,
  UNKNOWN_SYSTEM_CONFIDENCE_THRESHOLD,
} from './confidence.js';
import { cuesOf } from './cues.js';
import { ExactCodes } from './exact-codes.js';
import {
  type Hit,
  isSourceSpecific,
  MAX_RESULTS,
  type SearchOutcome,
  SUGGESTION_CONFIDENCE,
} from './hits.js';
import { TextNormalizer, WEAK_WORDS } from './normalize.js';
import { ProductNames } from './product-names.js';
import { type SerializedIndex, TextIndex } from './text-index.js';

export { CONFIDENCE_THRESHOLD } from './confidence.js';
export type { Hit, HitSource, NoAnswerReason, SearchOutcome } from './hits.js';
export { MAX_RESULTS } from './hits.js';
export type { SerializedIndex } from './text-index.js';

/** Marks of a line a program wrote: key=value, a time, a [tag], JSON, a camelCase or snake_case name. */
const PROGRAM_WROTE = /\w=\S|\b\d{1,2}:\d{2}|\[[^\]]*\]|[{}]|\b\p{Ll}+\p{Lu}\p{L}*|\b\w+_\w+/u;

/** A section the answered code's overlay relates to: a lead below the code, not an answer. */
const RELATED_CONFIDENCE = 0.5;

/**
 * The answer policy: exact codes first, then free text, scope and confidence decide whether the
 * best hit is an answer or only a suggestion under an honest "I don't know".
 */
export class SearchIndex {
  private readonly exact: ExactCodes;
  private textIndex: TextIndex | undefined;
  /** The covered products' names: they steer the ranking, they are not what the user asks about. */
  private readonly names: ProductNames;

  readonly normalizer: TextNormalizer;

  /** `prebuilt`: the serialized free-text index, or a function that reads it when it is first needed. */
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly prebuilt?: SerializedIndex | (() => SerializedIndex | undefined),
  ) {
    this.exact = new ExactCodes(kb.entries);
    this.normalizer = new TextNormalizer(kb.overlays.synonyms);
    this.names = new ProductNames(kb.overlays.products, this.normalizer);
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
   * A bare number right after a word that names a thing ("bon de livraison 200049", "chambre
   * 20015"): that thing's number, not a code. Words that may stand before a code are function
   * words, the verbs and nouns that introduce a message (BEFORE_A_CODE), and the products' names
   * and hints ("Webex 200039", "MCU 20013").
   */
  private isThingNumber(text: string, mention: CodeMention): boolean {
    if (mention.form !== 'bare' || mention.status) return false;
    // A line a program wrote names its fields and components before its codes ("precheck 300005").
    const lineStart = text.lastIndexOf('\n', mention.at) + 1;
    const lineEnd = text.indexOf('\n', mention.at);
    const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    if (LOG_LINE.test(line) || PROGRAM_WROTE.test(line)) return false;
    const word = /([\p{L}][\p{L}'’-]*)\s+$/u.exec(text.slice(Math.max(0, mention.at - 40), mention.at))?.[1];
    if (!word) return false;
    const last = foldText(word).split(/['’-]/).pop() ?? '';
    return last.length > 0 && !BEFORE_A_CODE.has(last) && !this.names.plain.has(last);
  }

  /**
   * The intent's codes as the search reads them: without the numbers of things (isThingNumber), and
   * with the system each remaining code is attributed to when the message writes another system's
   * name before it and names no covered product ("Exchange event 20011", "Sage : erreur 20027":
   * the sources' meaning of the number is then a suggestion, never the answer).
   */
  private codesInContext(
    intent: Intent,
    named: ReadonlySet<Product>,
  ): { codes: CodeMention[]; owners: Map<CodeMention, string>; things: CodeMention[] } {
    const codes: CodeMention[] = [];
    const things: CodeMention[] = [];
    for (const mention of intent.codes)
      (this.isThingNumber(intent.text, mention) ? things : codes).push(mention);
    const owners = new Map<CodeMention, string>();
    if (named.size === 0)
      for (const mention of codes) {
        const owner = ownerOf(intent.text, mention);
        if (owner && !this.isInScopeName(owner)) owners.set(mention, owner);
      }
    return { codes, owners, things };
  }

  search(intent: Intent): SearchOutcome {
    const hint = intent.products[0]?.product;
    const inContext = new Set(intent.products.map((p) => p.product));
    // Codes are read in the whole text; words only in its beginning (a diagnosed log can be long).
    const head = intent.text.slice(0, MAX_QUERY_LENGTH);
    const textWithoutCodes = intent.codes.reduce((t, m) => {
      const number = m.parts ? m.parts.join('[ .\\u00a0]') : m.code;
      // A status's reason phrase ("503 Service Unavailable") belongs to the status, not to the symptom.
      const reason = m.status ? `(?:\\W{0,3}${STATUS_REASON_SOURCE})?` : '';
      return t.replace(new RegExp(`(?:${CODE_KEYWORD_SOURCE}\\W{0,4})?${number}${reason}`, 'i'), ' ');
    }, head);
    // Only words that say what is wrong are searched: "merci pour ton aide" or "Webex problème"
    // alone name no problem (a product alone is a hint, weak words alone are politeness).
    // The product names the message holds steer the ranking; they are not what the user asks about.
    // Only those: "entreprise" is a word of "Skype Entreprise" and of "toute une entreprise".
    const productWords = new Set(
      intent.products.flatMap((p) => p.aliases.flatMap((a) => this.normalizer.words(a))),
    );
    const words = this.normalizer
      .words(textWithoutCodes)
      .filter((w) => !/^\d+$/.test(w) && !WEAK_WORDS.has(w) && !productWords.has(w));
    const named = new Set(intent.products.filter((p) => p.named).map((p) => p.product));
    // Whether the message names a system the sources never mention: asked at most once.
    let unknownSystem: boolean | undefined;
    const namesUnknown = () =>
      (unknownSystem ??= namesUnknownSystem(intent.text, (word) => this.isUnknownName(word)));
    const { codes, owners, things } = this.codesInContext(intent, named);
    const resolved = this.exact.resolve(
      codes.filter((m) => !owners.has(m)),
      {
        hint,
        text: intent.text,
        inContext,
        named,
        bare: words.length === 0,
        namesUnknownSystem: namesUnknown,
      },
    );
    const codeHits = resolved.hits;
    const unknownCodes: string[] = [];
    for (const mention of resolved.unknown) {
      // A stray number inside a long log line is noise; one the user asked about is an unknown code.
      if (mention.form === 'explicit' || words.length <= 3) unknownCodes.push(mention.code);
    }
    const textHits = this.searchText(words, hint, codeHits.length > 0, head);

    if (owners.size > 0 && !codeHits.some(isSourceSpecific)) {
      const owned = [...owners.keys()].flatMap((m) => this.exact.suggestionsOf(m.code));
      const systems: OutOfScopeMention[] =
        intent.outOfScope.length > 0
          ? intent.outOfScope
          : [...new Set(owners.values())].map((name) => ({
              id: 'named-system',
              label: { fr: name, en: name },
              matched: name,
            }));
      return this.outOfScope(
        [...owned, ...codeHits, ...resolved.contextless, ...textHits],
        unknownCodes,
        systems,
      );
    }
    // A message about a system the sources do not cover gets suggestions, not an answer, unless it
    // names a covered product or holds a code only the sources know (a Webex or UCWA code).
    if (intent.outOfScope.length > 0 && named.size === 0 && !codeHits.some(isSourceSpecific)) {
      return this.outOfScope(
        [...codeHits, ...resolved.contextless, ...textHits],
        unknownCodes,
        intent.outOfScope,
      );
    }
    if (codeHits.length === 0 && resolved.contextless.length > 0 && named.size === 0) {
      // A protocol status ("503 Service Unavailable") and no word of the product it would be a code
      // of: the message is about whatever system answered it; the known code is a suggestion.
      return this.outOfScope([...resolved.contextless, ...textHits], unknownCodes, []);
    }
    if (codeHits.length > 0) {
      const seen = new Set(codeHits.map((h) => h.entry.id));
      const related = codeHits
        .flatMap((h) => this.kb.relatedOf(h.entry))
        .map((entry): Hit => ({ entry, confidence: RELATED_CONFIDENCE, via: 'text' }));
      const extra = [...related, ...textHits].filter((h) => !seen.has(h.entry.id) && seen.add(h.entry.id));
      return { answered: true, hits: [...codeHits, ...extra].slice(0, MAX_RESULTS), unknownCodes };
    }
    if (unknownCodes.length > 0) {
      const near = unknownCodes.flatMap((code) => this.exact.near(code));
      return {
        answered: false,
        hits: [...near, ...textHits].slice(0, MAX_RESULTS),
        unknownCodes,
        reason: 'unknown-code',
      };
    }
    // "bon de livraison 200049": the delivery note's number, yet 200049 is a Webex code: a lead
    // worth showing first when nothing is answered.
    const thingLeads = things.flatMap((m) => this.exact.suggestionsOf(m.code));
    if (textHits.length === 0) {
      // Nothing to search (a greeting, an empty line) asks for a question; words found nowhere are "I don't know".
      return {
        answered: false,
        hits: thingLeads.slice(0, MAX_RESULTS),
        unknownCodes,
        reason: words.length === 0 && thingLeads.length === 0 ? 'empty' : 'low-confidence',
      };
    }
    // "Okta: users cannot sign in with their password" names a system the sources never mention and
    // no covered product, "badge 20017 désactivé" is about a badge, "Can ACS do video calls with 350
    // participants?" asks what a product can do: shared words alone must then be much surer to answer.
    const threshold =
      (intent.products.length === 0 &&
        (namesUnknown() || things.length > 0 || namesThingByNumber(intent.text))) ||
      asksAboutCapability(intent.text)
        ? UNKNOWN_SYSTEM_CONFIDENCE_THRESHOLD
        : CONFIDENCE_THRESHOLD;
    // "Webex : programmer un renvoi d'appel" answered with an ACS section is a coincidence of words:
    // when the message names the products it is about, an entry of another product is only a lead.
    const otherProduct = named.size > 0 && !named.has(textHits[0]?.entry.product as Product);
    const answered = !otherProduct && (textHits[0]?.confidence ?? 0) >= threshold;
    // The leads of the products the message names come first (a stable sort keeps the ranking).
    const leads = otherProduct
      ? [...textHits].sort(
          (a, b) => Number(!named.has(a.entry.product)) - Number(!named.has(b.entry.product)),
        )
      : textHits;
    const seen = new Set<string>();
    const hits = (answered ? leads : [...thingLeads, ...leads]).filter(
      (h) => !seen.has(h.entry.id) && seen.add(h.entry.id),
    );
    return {
      answered,
      hits: hits.slice(0, MAX_RESULTS),
      unknownCodes,
      ...(answered ? {} : { reason: 'low-confidence' as const }),
    };
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
  ): Hit[] {
    if (words.length === 0) return [];
    const searched = this.text.withoutUbiquitousWords(words);
    if (searched.length === 0 || (besideCode && searched.length < 2)) return [];
    // Only when there is text to score: a bare code never pays for this scan.
    const technical = this.technicalWords(message);
    const cues = cuesOf(message);
    const hits = this.text.search(searched, hint, false, technical, cues);
    const unknownWords = searched.some((w) => this.text.isUnknownWord(w));
    if (!besideCode && unknownWords && (hits[0]?.confidence ?? 0) < CONFIDENCE_THRESHOLD) {
      return this.text.search(searched, hint, true, technical, cues);
    }
    return hits;
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
}
