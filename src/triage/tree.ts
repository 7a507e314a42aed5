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

export function isQuestion(node: TriageNode): node is QuestionNodeT {
  return 'question' in node;
}

export function citeOf(node: TriageNode): string {
  return isQuestion(node) ? node.cite : node.outcome.cite;
}

/**
 * Problems that make a tree unusable: a reference to a missing node or entry, a node no path
 * reaches, a node from which no outcome can be reached (a dead end), or a step without a citation.
 */
export function treeProblems(
  tree: TriageTree,
  entryIds: ReadonlySet<string>,
  products?: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const where = (id: string) => `triage/${tree.id}.yaml: node ${id}`;
  if (products && !products.has(tree.product))
    problems.push(`triage/${tree.id}.yaml: product ${tree.product} is not a product of sources.yaml`);
  if (!tree.nodes[tree.start])
    problems.push(`triage/${tree.id}.yaml: start node ${tree.start} does not exist`);
  for (const id of [...tree.entries, ...tree.escalation.checklist]) {
    if (!entryIds.has(id)) problems.push(`triage/${tree.id}.yaml: ${id} names no entry`);
  }
  for (const [id, node] of Object.entries(tree.nodes)) {
    const cite = citeOf(node);
    if (!cite) problems.push(`${where(id)} cites nothing`);
    else if (!entryIds.has(cite)) problems.push(`${where(id)} cites ${cite}, which is no entry`);
    if (isQuestion(node)) {
      for (const option of node.options) {
        if (!tree.nodes[option.next])
          problems.push(`${where(id)}: option "${option.label}" goes to missing node ${option.next}`);
      }
    }
  }
  const reachable = new Set<string>();
  const visit = (id: string) => {
    const node = tree.nodes[id];
    if (!node || reachable.has(id)) return;
    reachable.add(id);
    if (isQuestion(node)) for (const option of node.options) visit(option.next);
  };
  visit(tree.start);
  for (const id of Object.keys(tree.nodes))
    if (!reachable.has(id)) problems.push(`${where(id)} is unreachable from ${tree.start}`);
  // A node is alive when some path from it ends at an outcome.
  const alive = new Set(
    Object.entries(tree.nodes)
      .filter(([, n]) => !isQuestion(n))
      .map(([id]) => id),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, node] of Object.entries(tree.nodes)) {
      if (!alive.has(id) && isQuestion(node) && node.options.some((o) => alive.has(o.next))) {
        alive.add(id);
        changed = true;
      }
    }
  }
  for (const id of Object.keys(tree.nodes))
    if (!alive.has(id)) problems.push(`${where(id)} is a dead end: no outcome can be reached from it`);
  return problems;
}
