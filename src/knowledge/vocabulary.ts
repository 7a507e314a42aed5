import { foldText } from '../text/fold.js';
import { lazily } from '../text/lazy.js';

/** The word lists of overlays/vocabulary.yaml, as written. */
export interface VocabularyLists {
  codeKeywords: string[];
  failure: string[];
  recovery: string[];
  polarityTerms: string[];
  call: string[];
  callEnd: string[];
  provisioning: string[];
  weak: string[];
}

/**
 * The shared vocabulary compiled once: patterns that read raw text (case and accents ignored, any
 * spacing, any apostrophe) and patterns that read folded text (cues.ts folds before it reads).
 */
export interface Vocabulary {
  /** Regex source (for the `iu` flags) of the code keywords, longest first. */
  codeKeyword: string;
  /** Regex source of the one-word code keywords a number can be glued to ("ERR200047", "code600003"). */
  gluedKeyword: string;
  /** Folded text: a word that says something failed / recovered. */
  failure: RegExp;
  recovery: RegExp;
  /** The words whose meaning the failure/recovery cue compares (they do not separate siblings). */
  polarityTerms: string;
  /** Raw text: a word of a call, a call ending, provisioning. */
  call: RegExp;
  callEnd: RegExp;
  provisioning: RegExp;
  /** Folded words that say something is wrong without saying what. */
  weak: ReadonlySet<string>;
}

/**
 * One word as a pattern over raw text: case free, any spacing, any apostrophe, "*" any ending; an
 * accented letter also matches its bare form ("événement" matches "evenement"). Only the letters the
 * word accents become classes: a pattern of plain classes for every vowel compiles slowly, and the
 * first question of a process pays for it.
 */
function rawPattern(word: string): string {
  const open = word.endsWith('*');
  const body = [...(open ? word.slice(0, -1) : word).toLowerCase()]
    .map((ch) => {
      const bare = foldText(ch);
      if (bare !== ch && /^[a-z]$/.test(bare)) return `[${bare}${ch}]`;
      if (/\s/.test(ch)) return '\\s+';
      if (ch === "'" || ch === '’') return "['’]?\\s*";
      return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return open ? `${body}[\\p{L}\\p{N}]*` : body;
}

const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);

/** Words as one alternation over raw text, whole words only. */
function rawWords(words: readonly string[]): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${byLength(words).map(rawPattern).join('|')})(?![\\p{L}\\p{N}])`,
    'iu',
  );
}

/** Folded as cues.ts reads text: lower case, no accents, every other character a space. */
export function foldForCues(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words as one alternation over folded text ("*" any ending). */
function foldedWords(words: readonly string[]): RegExp {
  const patterns = byLength(words).map((w) => {
    const open = w.endsWith('*');
    const body = foldForCues(open ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return open ? `${body}\\w*` : body;
  });
  return new RegExp(`\\b(?:${patterns.join('|')})\\b`);
}

/** Each part is compiled when first read: `uc-triage ask 200039` reads few of them. */
export function compileVocabulary(lists: VocabularyLists): Vocabulary {
  return lazily<Vocabulary>({
    codeKeyword: () => `(?:${byLength(lists.codeKeywords).map(rawPattern).join('|')})`,
    gluedKeyword: () =>
      `(?:${byLength(lists.codeKeywords.filter((k) => /^[\p{L}]+$/u.test(k)))
        .map(rawPattern)
        .join('|')})`,
    failure: () => foldedWords(lists.failure),
    recovery: () => foldedWords(lists.recovery),
    polarityTerms: () => lists.polarityTerms.join(' '),
    call: () => rawWords(lists.call),
    callEnd: () => rawWords(lists.callEnd),
    provisioning: () => rawWords(lists.provisioning),
    weak: () => new Set(lists.weak.map((w) => foldText(w))),
  });
}

/** What `kb lint` says of the lists: an empty list, a word listed twice in one list. */
export function vocabularyProblems(lists: VocabularyLists): string[] {
  const problems: string[] = [];
  for (const [name, words] of Object.entries(lists) as [string, string[]][]) {
    if (words.length === 0) problems.push(`vocabulary.yaml: ${name} is empty`);
    const seen = new Set<string>();
    for (const word of words) {
      const key = foldText(word);
      if (seen.has(key)) problems.push(`vocabulary.yaml: "${word}" is listed twice in ${name}`);
      seen.add(key);
    }
  }
  return problems;
}
