import type { QuestionNodeT, TriageNode } from './tree.js';

/** Tree nodes at run time, without the schema (tree.ts loads zod, which start-up does not need). */
export function isQuestion(node: TriageNode): node is QuestionNodeT {
  return 'question' in node;
}

export function citeOf(node: TriageNode): string {
  return isQuestion(node) ? node.cite : node.outcome.cite;
}
