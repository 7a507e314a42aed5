/**
 * Where a case is: `open` (waiting for an expert, also after a reopen), `taken` (an expert has it),
 * `resolved` (the expert answered), `closed` (closed without an answer).
 */
export type CaseState = 'open' | 'taken' | 'resolved' | 'closed';
export const CASE_STATES: readonly CaseState[] = ['open', 'taken', 'resolved', 'closed'];

/** What an expert can do to a case. */
export type CaseCommandKind = 'take' | 'resolve' | 'close' | 'reopen';

/** From which states each command may be taken. */
const ALLOWED_FROM: Record<CaseCommandKind, readonly CaseState[]> = {
  take: ['open'],
  resolve: ['open', 'taken'],
  close: ['open', 'taken'],
  reopen: ['resolved', 'closed'],
};

/** Where each command takes a case. */
export const TARGET: Record<CaseCommandKind, CaseState> = {
  take: 'taken',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'open',
};

/** Whether a command may be taken on a case in this state (and so which buttons its card shows). */
export function allows(state: CaseState, command: CaseCommandKind): boolean {
  return ALLOWED_FROM[command].includes(state);
}
