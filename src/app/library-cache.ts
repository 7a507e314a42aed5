import { join } from 'node:path';
import { CACHE_DIR, type KnowledgeBase } from '../knowledge/kb.js';
import type { Overlays } from '../knowledge/overlays.js';
import type { Entry, ProductInfo } from '../knowledge/types.js';
import type { TriageTree } from '../triage/tree.js';

/** What the bot knows: the knowledge base and the guided-triage trees that cite it. */
export interface Library {
  kb: KnowledgeBase;
  trees: TriageTree[];
}

/** The build cache of the library, next to the compiled code (npm run build writes it). */
export const LIBRARY_CACHE_FILE = join(CACHE_DIR, 'knowledge-base.json');

export interface CachedLibrary {
  fingerprint: string;
  entries: Entry[];
  overlays: Overlays;
  products: ProductInfo[];
  trees: TriageTree[];
}
