import type { Answer } from '../answer/answer.js';
import { foldText } from '../text/fold.js';
import type { TriageTree } from './tree.js';

/** The tree whose symptom words (or whose entries, given the text's answer) best match a text. */
export function treeFor(
  trees: ReadonlyMap<string, TriageTree>,
  text: string,
  top: Answer,
): TriageTree | null {
  const folded = foldText(text);
  const topIds = top.answered ? top.results.slice(0, 2).map((r) => r.id) : [];
  let best: { tree: TriageTree; score: number } | null = null;
  for (const tree of trees.values()) {
    let score = tree.triggers.filter((t) => folded.includes(foldText(t))).length;
    if (topIds.some((id) => tree.entries.includes(id))) score += 2;
    if (score > 0 && (!best || score > best.score)) best = { tree, score };
  }
  return best?.tree ?? null;
}

/** A guided triage fits an answer when its best entry is one the tree starts from. */
export function offerFor(
  trees: ReadonlyMap<string, TriageTree>,
  answer: Answer,
): { treeId: string; title: string } | undefined {
  const best = answer.results[0];
  if (!answer.answered || !best) return undefined;
  for (const tree of trees.values()) {
    if (tree.entries.includes(best.id)) return { treeId: tree.id, title: tree.title };
  }
  return undefined;
}
