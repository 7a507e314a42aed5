import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { foldText } from '../text/fold.js';

const ProductsOverlay = z
  .object({
    products: z.record(
      z.string().min(1),
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

const ScopeOverlay = z
  .object({
    outOfScope: z.record(
      z.string().regex(/^[a-z0-9-]+$/),
      z
        .object({
          label: z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict(),
          aliases: z.array(z.string().min(1)).min(1),
        })
        .strict(),
    ),
  })
  .strict();

/** A system the bot does not cover (knowledge/overlays/scope.yaml). */
export type OutOfScopeSystem = z.infer<typeof ScopeOverlay>['outOfScope'][string];

export interface Overlays {
  /** Extra search phrases per entry id: how technicians say what the source says differently. */
  keywords: Record<string, string[]>;
  products: z.infer<typeof ProductsOverlay>['products'];
  synonyms: string[][];
  followUps: Record<string, string[]>;
  related: Record<string, string[]>;
  /** Systems people ask about that the sources do not cover, by id. */
  outOfScope: Record<string, OutOfScopeSystem>;
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
  const { outOfScope } = readYaml(join(dir, 'scope.yaml'), ScopeOverlay);
  return { products, synonyms, followUps, related, keywords, outOfScope };
}

/** Every overlay item must point at an existing entry or product. */
export function danglingOverlayRefs(
  overlays: Overlays,
  ids: ReadonlySet<string>,
  products?: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  for (const product of Object.keys(overlays.products)) {
    if (products && !products.has(product))
      problems.push(`products.yaml: ${product} is not a product of sources.yaml`);
  }
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
  // A name cannot be both covered and not covered.
  const inScope = new Set(
    Object.values(overlays.products).flatMap(({ aliases, hints }) => [...aliases, ...hints].map(foldText)),
  );
  for (const [id, system] of Object.entries(overlays.outOfScope)) {
    for (const alias of system.aliases)
      if (inScope.has(foldText(alias)))
        problems.push(`scope.yaml: outOfScope.${id} "${alias}" is an in-scope name`);
  }
  return problems;
}
