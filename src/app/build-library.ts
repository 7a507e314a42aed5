import { writeFileSync } from 'node:fs';
import { buildKnowledgeBase } from '../knowledge/build.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/kb.js';
import { checkTriageTrees, loadTriageTrees } from '../triage/load.js';
import { type CachedLibrary, LIBRARY_CACHE_FILE, type Library } from './library-cache.js';

/**
 * Ingests the sources, merges the overlays and loads the trees; any broken reference stops here.
 * Loaded only when the build cache is missing or stale: the markdown parser and the schema
 * validation would double the start-up time.
 */
export function buildLibrary(knowledgeDir = DEFAULT_KNOWLEDGE_DIR): Library {
  const kb = buildKnowledgeBase(knowledgeDir);
  const trees = loadTriageTrees(knowledgeDir);
  checkTriageTrees(trees, new Set(kb.entries.map((e) => e.id)), new Set(kb.products.map((p) => p.id)));
  return { kb, trees };
}

/** Writes the library next to the compiled code, so start-up skips the markdown parse. */
export function writeLibraryCache(knowledgeDir = DEFAULT_KNOWLEDGE_DIR): { file: string; library: Library } {
  const library = buildLibrary(knowledgeDir);
  const { kb, trees } = library;
  const payload: CachedLibrary = {
    fingerprint: kb.fingerprint,
    entries: kb.entries,
    overlays: kb.overlays,
    products: kb.products,
    trees,
  };
  writeFileSync(LIBRARY_CACHE_FILE, JSON.stringify(payload));
  return { file: LIBRARY_CACHE_FILE, library };
}
