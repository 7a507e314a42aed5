import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKnowledgeBase } from '../knowledge/build.js';
import {
  assemble,
  CACHE_DIR,
  DEFAULT_KNOWLEDGE_DIR,
  fingerprint,
  type KnowledgeBase,
} from '../knowledge/kb.js';
import type { Overlays } from '../knowledge/overlays.js';
import type { Entry, ProductInfo } from '../knowledge/types.js';
import { checkTriageTrees, loadTriageTrees } from '../triage/load.js';
import type { TriageTree } from '../triage/tree.js';

/** What the bot knows: the knowledge base and the guided-triage trees that cite it. */
export interface Library {
  kb: KnowledgeBase;
  trees: TriageTree[];
}

export const LIBRARY_CACHE_FILE = join(CACHE_DIR, 'knowledge-base.json');

/** Ingests the sources, merges the overlays and loads the trees; any broken reference stops here. */
export function buildLibrary(knowledgeDir = DEFAULT_KNOWLEDGE_DIR): Library {
  const kb = buildKnowledgeBase(knowledgeDir);
  const trees = loadTriageTrees(knowledgeDir);
  checkTriageTrees(trees, new Set(kb.entries.map((e) => e.id)), new Set(kb.products.map((p) => p.id)));
  return { kb, trees };
}

interface CachedLibrary {
  fingerprint: string;
  entries: Entry[];
  overlays: Overlays;
  products: ProductInfo[];
  trees: TriageTree[];
}

/** The library from the build cache when it matches the files, else built now. */
export async function loadLibrary(knowledgeDir = DEFAULT_KNOWLEDGE_DIR): Promise<Library> {
  if (knowledgeDir === DEFAULT_KNOWLEDGE_DIR && existsSync(LIBRARY_CACHE_FILE)) {
    const cached = JSON.parse(readFileSync(LIBRARY_CACHE_FILE, 'utf8')) as CachedLibrary;
    if (cached.fingerprint === fingerprint(knowledgeDir)) {
      return {
        kb: assemble(cached.entries, cached.overlays, cached.fingerprint, cached.products),
        trees: cached.trees,
      };
    }
  }
  return buildLibrary(knowledgeDir);
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
