import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { foldText } from '../text/fold.js';
import { type Escalation, EscalationData, NO_ESCALATION } from './escalation-data.js';
import type { VocabularyLists } from './vocabulary.js';

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

/** A follow-up question in both languages: each reply shows it in its own. */
const FollowUp = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();

const FollowUpsOverlay = z
  .object({
    followUps: z.record(z.string(), z.array(FollowUp)).default({}),
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

const EnglishOverlay = z
  .object({
    entries: z.record(
      z.string(),
      z
        .object({
          title: z.string().min(1),
          terms: z.array(z.string().min(1)).default([]),
          origin: z.url().optional(),
        })
        .strict(),
    ),
  })
  .strict();

const Words = z.array(z.string().min(1));
const VocabularyOverlay = z
  .object({
    vocabulary: z
      .object({
        codeKeywords: Words,
        failure: Words,
        recovery: Words,
        polarityTerms: Words,
        call: Words,
        callEnd: Words,
        provisioning: Words,
        weak: Words,
      })
      .strict(),
  })
  .strict();

const Probability = z.number().min(0).max(1);
const DecisionData = z
  .object({
    thresholds: z.object({ answer: Probability, suggest: Probability }).strict(),
    bias: z.number(),
    weights: z.record(z.string(), z.number()),
    fitted: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((d) => d.thresholds.suggest <= d.thresholds.answer, {
    message: 'thresholds.suggest must not exceed thresholds.answer',
  });

/** The decision model's data (knowledge/decision.yaml): weights per named feature, two thresholds. */
export type DecisionData = z.infer<typeof DecisionData>;

/** An entry's English match text (knowledge/overlays/english.yaml): only to find it, never shown. */
export type EnglishMatch = z.infer<typeof EnglishOverlay>['entries'][string];

/** A follow-up question of overlays/followups.yaml, in both languages. */
export type FollowUpQuestion = z.infer<typeof FollowUp>;

/** A system the bot does not cover (knowledge/overlays/scope.yaml). */
export type OutOfScopeSystem = z.infer<typeof ScopeOverlay>['outOfScope'][string];

export interface Overlays {
  /** Extra search phrases per entry id: how technicians say what the source says differently. */
  keywords: Record<string, string[]>;
  products: z.infer<typeof ProductsOverlay>['products'];
  synonyms: string[][];
  /** Follow-up questions per entry id, French and English. */
  followUps: Record<string, FollowUpQuestion[]>;
  related: Record<string, string[]>;
  /** Systems people ask about that the sources do not cover, by id. */
  outOfScope: Record<string, OutOfScopeSystem>;
  /** English match text per entry id: technicians write English against French sources. */
  english: Record<string, EnglishMatch>;
  /** The decision model (knowledge/decision.yaml). */
  decision: DecisionData;
  /** The words several parts of the bot read (overlays/vocabulary.yaml), as lists. */
  vocabulary: VocabularyLists;
  /** What to collect before escalating (knowledge/escalation.yaml): never read by search. */
  escalation: Escalation;
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
  const { entries: english } = readYaml(join(dir, 'english.yaml'), EnglishOverlay);
  const decision = readYaml(join(knowledgeDir, 'decision.yaml'), DecisionData);
  const { vocabulary } = readYaml(join(dir, 'vocabulary.yaml'), VocabularyOverlay);
  const escalationFile = join(knowledgeDir, 'escalation.yaml');
  const escalation = existsSync(escalationFile) ? readYaml(escalationFile, EscalationData) : NO_ESCALATION;
  return {
    products,
    synonyms,
    followUps,
    related,
    keywords,
    outOfScope,
    english,
    decision,
    vocabulary,
    escalation,
  };
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
  for (const key of Object.keys(overlays.english)) {
    if (!ids.has(key)) problems.push(`english.yaml: entries.${key} names no entry`);
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
