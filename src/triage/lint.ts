import { citeOf, isQuestion } from './node.js';
import type { TriageTree } from './tree.js';

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
