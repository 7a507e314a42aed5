import { existsSync, readFileSync } from 'node:fs';
import { assemble, DEFAULT_KNOWLEDGE_DIR, fingerprint } from '../knowledge/kb.js';
import { type CachedLibrary, LIBRARY_CACHE_FILE, type Library } from './library-cache.js';

export { type CachedLibrary, LIBRARY_CACHE_FILE, type Library } from './library-cache.js';

/** The library from the build cache when it matches the files, else built now (build-library.ts). */
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
  const { buildLibrary } = await import('./build-library.js');
  return buildLibrary(knowledgeDir);
}
