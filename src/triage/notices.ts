/** Something the bot adds to its reply about guided triage. */
export type TriageNotice =
  | 'unavailable'
  | 'expired'
  | 'stale-choice'
  | 'not-understood'
  | 'switched-tree'
  | 'paused'
  | 'no-session'
  | 'choose-tree'
  /** "escalader" typed where there is nothing to escalate (no triage, no answer to click under). */
  | 'nothing-to-escalate';
