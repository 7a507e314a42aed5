import { Document, isScalar, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { strings } from '../text/catalogue.js';
import { foldText } from '../text/fold.js';
import type { Language } from '../text/language.js';
import { isMenuPick, isSmallTalk } from './question-kind.js';

/** Phrases proposed for one entry, and where they come from (cases, corrections). */
export interface KeywordProposal {
  entry: string;
  phrases: string[];
  /** Case numbers whose expert named this entry, and how many corrections did. */
  cases: number[];
  corrections: number;
}

/** A keyword is a phrase a technician would type: one line, this long at most. */
const MAX_PHRASE = 150;

/** What redaction left in a question (redact.ts): such a phrase would find nothing. */
const PLACEHOLDER = /<(?:email|phone|ip|uuid|token|url)>/;

/** The phrase as it would be added, or null when it is not worth a keyword. */
function phraseOf(text: string): string | null {
  const phrase = text.replace(/\s+/g, ' ').trim();
  if (!phrase || [...phrase].length > MAX_PHRASE || PLACEHOLDER.test(phrase)) return null;
  if (isSmallTalk(phrase) || isMenuPick(phrase)) return null;
  return phrase;
}

/**
 * The keywords a maintainer could add to knowledge/overlays/keywords.yaml, as a YAML document shaped
 * like that file (`keywords:`, an entry, its phrases), with a comment per entry saying which cases
 * and corrections propose it. Phrases the file already has for the entry (`existing`), and repeats,
 * are left out; an entry left with none is left out. Written by the YAML library: ids and
 * questions are data, never markup. Empty when there is nothing to propose.
 */
export function keywordsPatch(
  proposals: KeywordProposal[],
  existing: Readonly<Record<string, readonly string[]>>,
  language: Language,
): string {
  const byEntry = new Map<string, KeywordProposal>();
  for (const p of proposals) {
    const known = byEntry.get(p.entry) ?? { entry: p.entry, phrases: [], cases: [], corrections: 0 };
    byEntry.set(p.entry, {
      entry: p.entry,
      phrases: [...known.phrases, ...p.phrases],
      cases: [...new Set([...known.cases, ...p.cases])].sort((a, b) => a - b),
      corrections: known.corrections + p.corrections,
    });
  }
  const kept: KeywordProposal[] = [];
  for (const p of byEntry.values()) {
    const seen = new Set((existing[p.entry] ?? []).map(foldText));
    const phrases: string[] = [];
    for (const candidate of p.phrases) {
      const phrase = phraseOf(candidate);
      if (phrase === null || seen.has(foldText(phrase))) continue;
      seen.add(foldText(phrase));
      phrases.push(phrase);
    }
    if (phrases.length > 0) kept.push({ ...p, phrases });
  }
  if (kept.length === 0) return '';
  const say = strings(language).report.patch;
  const doc = new Document({ keywords: Object.fromEntries(kept.map((p) => [p.entry, p.phrases])) });
  doc.commentBefore = say.header.map((line) => ` ${line}`).join('\n');
  const map = doc.get('keywords', true) as YAMLMap<Scalar, YAMLSeq<Scalar>>;
  map.items.forEach((pair, i) => {
    const p = kept[i] as KeywordProposal;
    if (isScalar(pair.key)) pair.key.commentBefore = ` ${say.from(p.cases, p.corrections)}`;
    for (const phrase of pair.value?.items ?? []) phrase.type = 'QUOTE_DOUBLE';
  });
  return doc.toString({ lineWidth: 0 });
}
