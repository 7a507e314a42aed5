import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTriageTrees } from '../triage/load.js';
import { treeProblems } from '../triage/tree.js';
import { ingestSource } from './ingest.js';
import { assemble, CACHE_FILE, DEFAULT_KNOWLEDGE_DIR, fingerprint, type KnowledgeBase } from './kb.js';
import { danglingOverlayRefs, loadOverlays } from './overlays.js';
import { loadRegistry } from './registry.js';
import type { Entry } from './types.js';

export function ingestAll(knowledgeDir: string): Entry[] {
  return loadRegistry(knowledgeDir).flatMap((spec) =>
    ingestSource(spec, readFileSync(join(knowledgeDir, 'sources', spec.file), 'utf8')),
  );
}

/** Ingests the sources and merges the overlays; dangling overlay references fail here. */
export function buildKnowledgeBase(knowledgeDir = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const entries = ingestAll(knowledgeDir);
  const overlays = loadOverlays(knowledgeDir);
  const dangling = danglingOverlayRefs(overlays, new Set(entries.map((e) => e.id)));
  if (dangling.length > 0)
    throw new Error(`Knowledge overlays point at missing entries:\n${dangling.join('\n')}`);
  const trees = loadTriageTrees(knowledgeDir);
  const ids = new Set(entries.map((e) => e.id));
  const broken = trees.flatMap((tree) => treeProblems(tree, ids));
  if (broken.length > 0) throw new Error(`Guided-triage trees are broken:\n${broken.join('\n')}`);
  return assemble(entries, overlays, fingerprint(knowledgeDir), trees);
}

/** Writes the ingested knowledge base next to the compiled code, so start-up skips the markdown parse. */
export function writeKnowledgeCache(knowledgeDir = DEFAULT_KNOWLEDGE_DIR): {
  file: string;
  kb: KnowledgeBase;
} {
  const kb = buildKnowledgeBase(knowledgeDir);
  const payload = {
    fingerprint: kb.fingerprint,
    entries: kb.entries,
    overlays: kb.overlays,
    trees: kb.trees,
  };
  writeFileSync(CACHE_FILE, JSON.stringify(payload));
  return { file: CACHE_FILE, kb };
}
