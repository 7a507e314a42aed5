import { z } from 'zod';

/**
 * The record kept in shared state, as JSON: what a reply showed, by reference to the knowledge base
 * (its results and findings by id), the question bounded, the language, the conversation and where
 * a share of it posts.
 */
export const RecordSchema = z.object({
  v: z.literal(1),
  q: z.string(),
  l: z.enum(['fr', 'en']),
  c: z.object({ platform: z.string(), workspace: z.string(), channel: z.string(), thread: z.string() }),
  to: z.string().optional(),
  a: z.object({
    answered: z.boolean(),
    decision: z.enum(['answer', 'suggest', 'decline']),
    reason: z.enum(['empty', 'unknown-code', 'low-confidence', 'out-of-scope']).optional(),
    unknownCodes: z.array(z.string()),
    outOfScope: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
    results: z.array(z.object({ id: z.string(), score: z.number(), codes: z.array(z.string()) })),
    findings: z.array(z.object({ id: z.string(), code: z.string(), line: z.string() })),
  }),
});
export type ShownRecord = z.infer<typeof RecordSchema>;
