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
  | 'from-symptom';
