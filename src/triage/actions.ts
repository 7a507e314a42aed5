import type { TriageControl } from './engine.js';

/** A button of a guided triage, as clicked in any adapter. */
export type TriageAction =
  /** q: the question the triage was offered for (kept as the triage's origin). */
  | { kind: 'triage-start'; treeId: string; q?: string }
  /** `step` guards against a click on the buttons of an earlier step. */
  | { kind: 'triage-choice'; treeId: string; step: number; option: number }
  | { kind: 'triage-control'; control: TriageControl };

const CONTROLS = new Set<string>(['back', 'restart', 'stop', 'escalate', 'resume']);

/** A triage action carried back by a button, validated; null for anything else. */
export function parseTriageAction(value: unknown): TriageAction | null {
  if (typeof value !== 'object' || value === null) return null;
  const a = value as Record<string, unknown>;
  if (a.kind === 'triage-start' && typeof a.treeId === 'string')
    return { kind: 'triage-start', treeId: a.treeId, ...(typeof a.q === 'string' ? { q: a.q } : {}) };
  if (
    a.kind === 'triage-choice' &&
    typeof a.treeId === 'string' &&
    Number.isInteger(a.step) &&
    Number.isInteger(a.option)
  ) {
    return { kind: 'triage-choice', treeId: a.treeId, step: a.step as number, option: a.option as number };
  }
  if (a.kind === 'triage-control' && CONTROLS.has(String(a.control))) {
    return { kind: 'triage-control', control: a.control as TriageControl };
  }
  return null;
}
