import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escalationProblems } from './escalation.js';
import { ingestSource } from './ingest.js';
import { assemble, DEFAULT_KNOWLEDGE_DIR, fingerprint, type KnowledgeBase } from './kb.js';
import { danglingOverlayRefs, loadOverlays } from './overlays.js';
import { loadRegistry } from './registry.js';
import type { Entry } from './types.js';

export function ingestAll(knowledgeDir: string): Entry[] {
  return loadRegistry(knowledgeDir).sources.flatMap((spec) =>
    ingestSource(spec, readFileSync(join(knowledgeDir, 'sources', spec.file), 'utf8')),
  );
}

/** Ingests the sources and merges the overlays; dangling overlay references fail here. */
export function buildKnowledgeBase(knowledgeDir = DEFAULT_KNOWLEDGE_DIR): KnowledgeBase {
  const { products } = loadRegistry(knowledgeDir);
  const entries = ingestAll(knowledgeDir);
  const overlays = loadOverlays(knowledgeDir);
  const productIds = new Set(products.map((p) => p.id));
  const dangling = [
    ...danglingOverlayRefs(overlays, new Set(entries.map((e) => e.id)), productIds),
    // A checklist item the source does not say would be shown to technicians as if it did.
    ...escalationProblems(overlays.escalation, new Map(entries.map((e) => [e.id, e])), productIds),
  ];
  if (dangling.length > 0)
    throw new Error(`Knowledge overlays point at missing entries:\n${dangling.join('\n')}`);
  return assemble(entries, overlays, fingerprint(knowledgeDir), products);
}
