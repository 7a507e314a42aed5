import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, type KnowledgeBase } from '../knowledge/kb.js';
import type { CoreLogger } from '../ports/logger.js';
import { SearchIndex } from './search-index.js';
import { INDEX_FORMAT, type SerializedIndex } from './text-index.js';

const INDEX_FILE = join(CACHE_DIR, 'search-index.json');

export function writeSearchCache(kb: KnowledgeBase): string {
  writeFileSync(INDEX_FILE, JSON.stringify(new SearchIndex(kb).serialize()));
  return INDEX_FILE;
}

/**
 * The search index, its free-text part read from the build cache on first use (a code lookup never
 * needs it: `uc-triage ask 200039` starts without parsing it), or built then if the cache is
 * missing, stale or unreadable.
 */
export function loadSearchIndex(kb: KnowledgeBase, logger: CoreLogger): SearchIndex {
  return new SearchIndex(kb, () => {
    if (!existsSync(INDEX_FILE)) return undefined;
    try {
      const cached = JSON.parse(readFileSync(INDEX_FILE, 'utf8')) as SerializedIndex;
      return cached.fingerprint === kb.fingerprint && cached.format === INDEX_FORMAT ? cached : undefined;
    } catch (error) {
      // A corrupt or partial cache file is rebuilt, like a stale one (npm run build rewrites it).
      logger.warn({ err: error, file: INDEX_FILE }, 'search index cache unreadable: rebuilding the index');
      return undefined;
    }
  });
}
