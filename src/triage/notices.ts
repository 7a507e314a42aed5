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
  /** "diagnostic <symptom>": the symptom answered the first question, the triage asks the next. */
  | 'from-symptom'
  /** "escalader" typed where there is nothing to escalate (no triage, no answer to click under). */
  | 'nothing-to-escalate';
