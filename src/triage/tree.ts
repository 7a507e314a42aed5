import { z } from 'zod';

const Option = z
  .object({
    label: z.string().min(1).max(70),
    /** Words or phrases that pick this option when typed (accent- and case-insensitive). */
    match: z.array(z.string().min(1)).default([]),
    next: z.string().min(1),
  })
  .strict();

const QuestionNode = z
  .object({ question: z.string().min(1), cite: z.string().min(1), options: z.array(Option).min(1).max(8) })
  .strict();

const OutcomeNode = z
  .object({
    /** The entry whose text (cause, action or procedure) is the outcome, verbatim. */
    outcome: z.object({ cite: z.string().min(1), fixed: z.boolean() }).strict(),
  })
  .strict();

export const TriageTreeSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    product: z.string().min(1),
    title: z.string().min(1),
    /** Symptom words that make this tree the one to offer or to jump to. */
    triggers: z.array(z.string().min(1)).min(1),
    /** Entries whose answer offers this tree. */
    entries: z.array(z.string().min(1)).default([]),
    escalation: z.object({ checklist: z.array(z.string().min(1)).min(1) }).strict(),
    start: z.string().min(1),
    nodes: z.record(z.string(), z.union([QuestionNode, OutcomeNode])),
  })
  .strict();

export type TriageTree = z.infer<typeof TriageTreeSchema>;
export type TriageNode = TriageTree['nodes'][string];
export type QuestionNodeT = z.infer<typeof QuestionNode>;
