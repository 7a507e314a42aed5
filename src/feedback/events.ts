import type { NoAnswerReason } from '../decision/decide.js';
import type { Language } from '../text/language.js';

interface EventBase {
  /** ISO-8601 time of the event. */
  at: string;
  platform: string;
  language: Language;
  /** A keyed hash of the user id, never the id itself; absent when the platform gives none. */
  user?: string;
  /** The question, redacted (see redact.ts). */
  query: string;
}

/** A question asked in chat and what the bot did with it. */
export interface QuestionEvent extends EventBase {
  type: 'question';
  answered: boolean;
  reason?: NoAnswerReason;
  /** The entry answered, or the closest one when not answered. */
  top?: string;
  confidence?: number;
  /** The suggestions shown under "I don't know". */
  suggestions?: string[];
}

/** Why an answer was not useful, when the person said: not the right topic, or the right one that does not answer. */
export type NotUsefulReason = 'wrong-topic' | 'does-not-answer';

/** "Utile" / "Pas utile" ("Ce n'était pas ça" counts as not useful). */
export interface HelpfulnessEvent extends EventBase {
  type: 'feedback';
  useful: boolean;
  entry?: string;
  /** With a "not useful": why, when the button said (absent from earlier events and plain "Pas utile" clicks). */
  reason?: NotUsefulReason;
  /**
   * Which rated reply: a keyed hash of the record of the reply rated (never its ref, which works its
   * buttons for 7 days), set when the button referred to one. The reason clicked after a "Pas utile"
   * carries the same hash: the reports read it as that rating's reason, not as a second rating
   * (ratings.ts).
   */
  rating?: string;
}

/** The entry that was right for a question: an alternative picked, or where a guided triage ended. */
export interface CorrectionEvent extends EventBase {
  type: 'correction';
  entry: string;
  via: 'pick' | 'triage';
}

/**
 * A guided triage started, or finished (it reached an outcome, with or without a fix). `query` is
 * the question it started from ('' when none). Escalations are the cases, not events.
 */
export interface TriageEvent extends EventBase {
  type: 'triage';
  step: 'started' | 'finished';
  tree: string;
  /** When the triage started (ISO-8601): with the tree, which run a step belongs to, counted once. */
  startedAt: string;
  /** When finished: the entry the outcome cites, if any. */
  outcome?: string;
}

export type FeedbackEvent = QuestionEvent | HelpfulnessEvent | CorrectionEvent | TriageEvent;

/** Where events are kept: SQLite in a file (embedded default) or a Redis stream (several instances). */
export interface FeedbackStore {
  /**
   * Resolves once the event is stored. `signal` aborts when the recorder has given up on the event
   * (counted as dropped): a store that still holds it then never writes it.
   */
  append(event: FeedbackEvent, signal?: AbortSignal): Promise<void>;
  /**
   * How long an event may wait in this store before it counts as dropped (default 2 s). SQLite
   * keeps events queued while another process holds the file's write lock.
   */
  readonly appendTimeoutMs?: number;
  /** Events at or after `since`, oldest first. */
  events(since: Date): Promise<FeedbackEvent[]>;
  /** Deletes events older than `before`; returns how many. */
  purge(before: Date): Promise<number>;
  /** A random secret kept by the store, for the keyed hash of user ids (the same for every instance). */
  secret(): Promise<string>;
  close(): Promise<void>;
}
