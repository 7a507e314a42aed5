import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ProductInfo } from './types.js';

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
    product: z.string().min(1),
    title: z.string().min(1),
    /**
     * Which table headers hold a code table's columns. A guide without code tables (procedures
     * only) leaves it out: its tables, if any, are read as section text.
     */
    columns: ColumnRoles.optional(),
    chapterPrefix: z.string().optional(),
    junkHeadings: z.array(z.string()).default([]),
    skipSections: z.array(z.string()).default([]),
    statusHeadingSections: z.array(z.string()).default([]),
    /** A bold-only line with this text opens a chapter's table of contents ("Contenu du chapitre"). */
    tocMarker: z.string().optional(),
    /** Text repairs this file needs before parsing (see REPAIRS in ingest.ts). */
    repairs: z.array(z.enum(['mojibake', 'bullet-fences', 'windows-paths'])).default([]),
    /** Cell values that mean "nothing" in a cause/action column ("N/A"). */
    notApplicable: z.array(z.string()).default([]),
  })
  .strict();

export type SourceSpec = z.infer<typeof SourceSpec>;
export type ColumnRole = keyof z.infer<typeof ColumnRoles>;

const ProductSpec = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    label: z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict(),
  })
  .strict();

const Registry = z
  .object({ products: z.array(ProductSpec).min(1), sources: z.array(SourceSpec).min(1) })
  .strict();

export interface Registry {
  products: ProductInfo[];
  sources: SourceSpec[];
}

/** knowledge/sources.yaml: the covered products and their source documents; a source's product must be listed. */
export function loadRegistry(knowledgeDir: string): Registry {
  const file = join(knowledgeDir, 'sources.yaml');
  const parsed = Registry.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  const ids = new Set(parsed.data.products.map((p) => p.id));
  for (const source of parsed.data.sources) {
    if (!ids.has(source.product))
      throw new Error(
        `${file}: source ${source.id} names product ${source.product}, which is not in products`,
      );
  }
  return parsed.data;
}
