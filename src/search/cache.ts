import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, type KnowledgeBase } from '../knowledge/kb.js';
import type { CoreLogger } from '../ports/logger.js';
import { SearchIndex } from './search-index.js';
import type { SerializedIndex } from './text-index.js';

const INDEX_FILE = join(CACHE_DIR, 'search-index.json');

export function writeSearchCache(kb: KnowledgeBase): string {
  writeFileSync(INDEX_FILE, JSON.stringify(new SearchIndex(kb).serialize()));
  return INDEX_FILE;
}

/** The search index from the build cache when it was built from this knowledge base, else built now. */
export function loadSearchIndex(kb: KnowledgeBase, logger: CoreLogger): SearchIndex {
  if (existsSync(INDEX_FILE)) {
    try {
      const cached = JSON.parse(readFileSync(INDEX_FILE, 'utf8')) as SerializedIndex;
      if (cached.fingerprint === kb.fingerprint) return new SearchIndex(kb, cached);
    } catch (error) {
      // A corrupt or partial cache file is rebuilt below, like a stale one (npm run build rewrites it).
      logger.warn({ err: error, file: INDEX_FILE }, 'search index cache unreadable: rebuilding the index');
    }
  }
  return new SearchIndex(kb);
}
