import type { TriageControl } from './engine.js';

/** A button of a guided triage, as clicked in any adapter. */
export type TriageAction =
  /** q: the question the triage was offered for (kept as the triage's origin). */
  | { kind: 'triage-start'; treeId: string; q?: string }
  /** `step` guards against a click on the buttons of an earlier step. */
  | { kind: 'triage-choice'; treeId: string; step: number; option: number }
  /**
   * `treeId` and `step`: the card the control was on (left out by a typed control and by the buttons
   * of earlier versions). A control from a card whose triage has moved on acts on nothing.
   */
  | { kind: 'triage-control'; control: TriageControl; treeId?: string; step?: number };

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
    if (
      (a.treeId !== undefined && typeof a.treeId !== 'string') ||
      (a.step !== undefined && !Number.isInteger(a.step))
    )
      return null;
    return {
      kind: 'triage-control',
      control: a.control as TriageControl,
      ...(typeof a.treeId === 'string' ? { treeId: a.treeId } : {}),
      ...(Number.isInteger(a.step) ? { step: a.step as number } : {}),
    };
  }
  return null;
}
