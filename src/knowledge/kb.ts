import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../text/language.js';
import type { Overlays } from './overlays.js';
import type { Entry, Product, ProductInfo, SectionEntry } from './types.js';
import { compileVocabulary, type Vocabulary } from './vocabulary.js';

export interface KnowledgeBase {
  /** Hash of the files it was built from: caches derived from it (the search index) key on it. */
  fingerprint: string;
  entries: Entry[];
  overlays: Overlays;
  /** The covered products, in the order of sources.yaml. */
  products: ProductInfo[];
  /** A product's name in a language (its id when unknown). */
  productLabel(product: Product, language?: Language): string;
  byId: Map<string, Entry>;
  /** Follow-up questions per entry id (its own, or those of the section holding it), in French. */
  followUpsOf(entry: Entry): string[];
  /**
   * A follow-up question (as followUpsOf gives it, or a related section's title) in a language:
   * its English rendering for English replies; unchanged in French or when it has none.
   */
  followUpIn(question: string, language: Language): string;
  relatedOf(entry: Entry): SectionEntry[];
  /** The shared vocabulary (overlays/vocabulary.yaml), compiled once. */
  vocabulary: Vocabulary;
}

/** The package root: where package.json and knowledge/ live, from src/ or from dist/src/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the knowledge module');
    dir = parent;
  }
  return dir;
}

export const DEFAULT_KNOWLEDGE_DIR = join(packageRoot(), 'knowledge');
export const CACHE_DIR = join(packageRoot(), 'dist');

/** Hash of everything the ingest reads: the cache is used only when it was built from the same files. */
export function fingerprint(knowledgeDir: string): string {
  const hash = createHash('sha256');
  const files = [
    join(knowledgeDir, 'sources.yaml'),
    join(knowledgeDir, 'decision.yaml'),
    ...(existsSync(join(knowledgeDir, 'escalation.yaml')) ? [join(knowledgeDir, 'escalation.yaml')] : []),
    ...readdirSync(join(knowledgeDir, 'sources')).map((f) => join(knowledgeDir, 'sources', f)),
    ...readdirSync(join(knowledgeDir, 'overlays')).map((f) => join(knowledgeDir, 'overlays', f)),
    ...(existsSync(join(knowledgeDir, 'triage'))
      ? readdirSync(join(knowledgeDir, 'triage')).map((f) => join(knowledgeDir, 'triage', f))
      : []),
  ].sort();
  for (const file of files) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

export function assemble(
  entries: Entry[],
  overlays: Overlays,
  hash: string,
  products: ProductInfo[],
): KnowledgeBase {
  const labels = new Map(products.map((p) => [p.id, p.label]));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const sectionIdOf = new Map<string, string>();
  for (const e of entries) if (e.kind === 'section') sectionIdOf.set(e.sectionPath.join('\u0000'), e.id);
  const containerOf = (entry: Entry) => sectionIdOf.get(entry.sectionPath.join('\u0000'));
  // Every follow-up in English: the curated questions, and the related sections' titles.
  const english = new Map<string, string>();
  for (const e of entries) {
    const title = overlays.english[e.id]?.title;
    if (e.kind === 'section' && title) english.set(e.title, title);
  }
  for (const questions of Object.values(overlays.followUps))
    for (const q of questions) english.set(q.fr, q.en);
  return {
    fingerprint: hash,
    entries,
    overlays,
    vocabulary: compileVocabulary(overlays.vocabulary),
    products,
    productLabel: (product, language = 'fr') => labels.get(product)?.[language] ?? product,
    byId,
    followUpsOf(entry) {
      const container = entry.kind === 'code' ? containerOf(entry) : undefined;
      const questions =
        overlays.followUps[entry.id] ?? (container ? overlays.followUps[container] : undefined) ?? [];
      return questions.map((q) => q.fr);
    },
    followUpIn: (question, language) => (language === 'en' && english.get(question)) || question,
    relatedOf(entry) {
      return (overlays.related[entry.id] ?? [])
        .map((id) => byId.get(id))
        .filter((e): e is SectionEntry => e?.kind === 'section');
    },
  };
}
