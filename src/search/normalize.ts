import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as frenchStem } from '@orama/stemmers/french';
import { foldText } from '../text/fold.js';

/** Snowball stemming is slow per call; words repeat a lot, so each is stemmed once. */
function memo(stem: (word: string) => string): { stem: (word: string) => string } {
  const cache = new Map<string, string>();
  return {
    stem(word) {
      let stemmed = cache.get(word);
      if (stemmed === undefined) {
        stemmed = stem(word);
        if (cache.size < 200_000) cache.set(word, stemmed);
      }
      return stemmed;
    },
  };
}
const frenchStemmer = memo(frenchStem);
const englishStemmer = memo(englishStem);

/**
 * Folding comes before stemming, and the French stemmer reads a folded feminine participle as
 * another word: "activée" stems to "activ" but "activee" to "active", so "pas activée" missed
 * "activer". "-ee(s)" (from "-ée(s)") is read as "-e(s)", the form of the masculine participle.
 */
function stemFrench(folded: string): string {
  return frenchStemmer.stem(folded.replace(/ee(s?)$/, 'e$1'));
}

/**
 * Words that carry no meaning for search, in both languages (folded: no accents). Not "im": IM is
 * instant messaging here ("MCU de conférence IM"), and "I'm" splits into one-letter words anyway.
 */
export const STOP_WORDS = new Set(
  `le la les l un une des du de d et ou a au aux en dans sur pour par avec sans ce cet cette ces se s sa son ses
  leur leurs que qu qui quoi dont ou ne n pas plus est sont ete etre avoir ai as ont il elle ils elles on nous vous
  je j me m te t tu y c ca cela ceci mon ma mes ton ta tes notre votre vos nos comme mais si lors depuis vers chez
  entre aussi tout tous toute toutes tres peut peuvent doit faire fait quel quelle quels quelles comment pourquoi
  quand mon moi toi lui eux fois encore deja bien alors donc car ni soit avez ai suis es sommes etes
  bonjour salut merci svp stp coucou bonsoir hello hi hey thanks thank please cordialement
  the an and or of to in on at for with without from by is are was were be been being it its this that these those
  i you he she we they my your our their me us them do does did done how what why when where which who can could
  should would will no yes if then than so as about into after before up out got have has had there here just
  also any some am ive dont doesnt cant isnt ok okay oui non yes no won not during already sous under apres avant combien since avons
  get gets getting idea ideas anyone someone somebody anybody guys team says said tell told know think
  idee quelqu personne equipe gars`.split(/\s+/),
);

const SYNONYM_TOKEN = 'zzsyn';

function phraseKey(phrase: string): string {
  return phrase.replace(/['\s]+/g, ' ').trim();
}

/**
 * Turns text into search terms, the same way for the index and for queries: case and accent
 * folding, elisions (l', d', qu') and apostrophe variants, French and English stems, and FR<->EN
 * synonym groups collapsed onto one shared term.
 */
export class TextNormalizer {
  /** Single-word variants by stem, built on first use (a bare code lookup never stems a word). */
  private stems: Map<string, string> | undefined;
  private readonly singleWords: [string, string][] = [];
  /** Multi-word variants ("authentification unique", "sign in"), keyed by their spaced form. */
  private readonly phraseToGroup = new Map<string, string>();
  /** All multi-word variants in one alternation, longest first, so a text is scanned once. */
  private readonly phrasePattern: RegExp | null;

  constructor(synonymGroups: readonly (readonly string[])[]) {
    const phrases: string[] = [];
    synonymGroups.forEach((group, index) => {
      const token = `${SYNONYM_TOKEN}${index}`;
      for (const variant of group) {
        const folded = foldText(variant);
        if (/[\s'-]/.test(folded)) {
          const key = phraseKey(folded);
          if (!this.phraseToGroup.has(key)) this.phraseToGroup.set(key, token);
          phrases.push(folded);
        } else {
          this.singleWords.push([folded, token]);
        }
      }
    });
    const alternatives = [...new Set(phrases)]
      .sort((a, b) => b.length - a.length)
      .map((p) =>
        p
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/ /g, '\\s+')
          .replace(/'/g, "(?:'\\s*|\\s+)"),
      );
    this.phrasePattern =
      alternatives.length > 0
        ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
        : null;
  }

  /**
   * Folded words of a text, elisions dropped, synonym phrases replaced by their group term. For
   * the index, a phrase also keeps its own words, so a query with a typo in them still finds it.
   */
  words(text: string, mode: 'query' | 'index' = 'query'): string[] {
    let folded = foldText(text);
    if (this.phrasePattern) {
      folded = folded.replace(this.phrasePattern, (phrase) => {
        const token = this.phraseToGroup.get(phraseKey(phrase)) ?? '';
        return mode === 'index' ? ` ${token} ${phrase} ` : ` ${token} `;
      });
    }
    return folded
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0 && !STOP_WORDS.has(w) && !(w.length === 1 && !/\d/.test(w)));
  }

  private get stemToGroup(): Map<string, string> {
    if (!this.stems) {
      const stems = new Map<string, string>();
      // A word listed in a group belongs to it, before any other group's stem ("use" is listed with
      // "utilisé"; the English stem of "useful" is also "use").
      for (const [folded, token] of this.singleWords) if (!stems.has(folded)) stems.set(folded, token);
      for (const [folded, token] of this.singleWords) {
        for (const stem of [stemFrench(folded), englishStemmer.stem(folded)]) {
          if (!stems.has(stem)) stems.set(stem, token);
        }
      }
      this.stems = stems;
    }
    return this.stems;
  }

  /**
   * The search terms one word stands for: its synonym group, else its French and English stems. For
   * the index, a word of a group also keeps its own stem, so a typo in it ("authentfication") can
   * still be matched loosely: queries search the group, never that stem.
   */
  termsOfWord(word: string, mode: 'query' | 'index' = 'query'): string[] {
    if (word.startsWith(SYNONYM_TOKEN) || /^\d+$/.test(word)) return [word];
    const fr = stemFrench(word);
    const en = englishStemmer.stem(word);
    const group = this.stemToGroup.get(word) ?? this.stemToGroup.get(fr) ?? this.stemToGroup.get(en);
    if (group) return mode === 'index' ? [group, fr] : [group];
    return fr === en ? [fr] : [fr, en];
  }

  terms(text: string): string[] {
    return this.words(text).flatMap((w) => this.termsOfWord(w));
  }
}
