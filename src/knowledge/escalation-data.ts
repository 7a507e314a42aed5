import { z } from 'zod';

/**
 * What to collect before escalating (knowledge/escalation.yaml): per product, the entries whose
 * items make the case form's checklist outside a guided triage, and, per entry, which of its lines
 * are information to collect when not all of them are. Data citing the sources, never invented.
 */
export const EscalationData = z
  .object({
    products: z
      .record(z.string().min(1), z.object({ checklist: z.array(z.string().min(1)).min(1) }).strict())
      .default({}),
    items: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).default({}),
  })
  .strict();

export type Escalation = z.infer<typeof EscalationData>;

/** A knowledge directory without escalation.yaml: no product checklist, every entry read whole. */
export const NO_ESCALATION: Escalation = { products: {}, items: {} };
