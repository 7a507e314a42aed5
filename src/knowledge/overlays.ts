import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PRODUCTS } from './types.js';

const ProductsOverlay = z
  .object({
    products: z.record(
      z.enum(PRODUCTS),
      z
        .object({ aliases: z.array(z.string().min(1)), hints: z.array(z.string().min(1)).default([]) })
        .strict(),
    ),
  })
  .strict();

const SynonymsOverlay = z.object({ synonyms: z.array(z.array(z.string().min(1)).min(2)) }).strict();

const FollowUpsOverlay = z
  .object({
    followUps: z.record(z.string(), z.array(z.string().min(1))).default({}),
    related: z.record(z.string(), z.array(z.string().min(1))).default({}),
  })
  .strict();

const KeywordsOverlay = z.object({ keywords: z.record(z.string(), z.array(z.string().min(1))) }).strict();

export interface Overlays {
  /** Extra search phrases per entry id: how technicians say what the source says differently. */
  keywords: Record<string, string[]>;
  products: z.infer<typeof ProductsOverlay>['products'];
  synonyms: string[][];
  followUps: Record<string, string[]>;
  related: Record<string, string[]>;
}

function readYaml<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function loadOverlays(knowledgeDir: string): Overlays {
  const dir = join(knowledgeDir, 'overlays');
  const { products } = readYaml(join(dir, 'products.yaml'), ProductsOverlay);
  const { synonyms } = readYaml(join(dir, 'synonyms.yaml'), SynonymsOverlay);
  const { followUps, related } = readYaml(join(dir, 'followups.yaml'), FollowUpsOverlay);
  const { keywords } = readYaml(join(dir, 'keywords.yaml'), KeywordsOverlay);
  return { products, synonyms, followUps, related, keywords };
}

/** Every overlay item must point at an existing entry. */
export function danglingOverlayRefs(overlays: Overlays, ids: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(overlays.keywords)) {
    if (!ids.has(key)) problems.push(`keywords.yaml: keywords.${key} names no entry`);
  }
  for (const key of Object.keys(overlays.followUps)) {
    if (!ids.has(key)) problems.push(`followups.yaml: followUps.${key} names no entry`);
  }
  for (const [key, targets] of Object.entries(overlays.related)) {
    if (!ids.has(key)) problems.push(`followups.yaml: related.${key} names no entry`);
    for (const t of targets)
      if (!ids.has(t)) problems.push(`followups.yaml: related.${key} -> ${t} names no entry`);
  }
  return problems;
}
