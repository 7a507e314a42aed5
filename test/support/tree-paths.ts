import { isQuestion } from '../../src/triage/node.js';
import type { TriageTree } from '../../src/triage/tree.js';

/** Every path from a tree's start to an outcome: the option labels to click, and the outcome node. */
export function treePaths(
  tree: TriageTree,
): { labels: string[]; end: string; cite: string; fixed: boolean }[] {
  const out: { labels: string[]; end: string; cite: string; fixed: boolean }[] = [];
  const walk = (id: string, labels: string[]) => {
    const node = tree.nodes[id];
    if (!node) return;
    if (!isQuestion(node)) {
      out.push({ labels, end: id, cite: node.outcome.cite, fixed: node.outcome.fixed });
      return;
    }
    for (const option of node.options) walk(option.next, [...labels, option.label]);
  };
  walk(tree.start, []);
  return out;
}
