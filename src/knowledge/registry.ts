import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PRODUCTS } from './types.js';

const ColumnRoles = z
  .object({
    code: z.array(z.string()).min(1),
    message: z.array(z.string()).default([]),
    action: z.array(z.string()).default([]),
    severity: z.array(z.string()).default([]),
    causeAndAction: z.array(z.string()).default([]),
  })
  .strict();

const SourceSpec = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    file: z.string().min(1),
    product: z.enum(PRODUCTS),
    title: z.string().min(1),
    columns: ColumnRoles,
    chapterPrefix: z.string().optional(),
    junkHeadings: z.array(z.string()).default([]),
    skipSections: z.array(z.string()).default([]),
    statusHeadingSections: z.array(z.string()).default([]),
  })
  .strict();

export type SourceSpec = z.infer<typeof SourceSpec>;
export type ColumnRole = keyof z.infer<typeof ColumnRoles>;

const Registry = z.object({ sources: z.array(SourceSpec).min(1) }).strict();

export function loadRegistry(knowledgeDir: string): SourceSpec[] {
  const file = join(knowledgeDir, 'sources.yaml');
  const parsed = Registry.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.sources;
}
