import { createHmac } from 'node:crypto';
import type { CoreLogger } from '../ports/logger.js';
import type { FeedbackEvent, FeedbackStore } from './events.js';
import { redactStart } from './redact.js';

/** A store call slower than this is abandoned (the event counts as dropped), unless the store says otherwise. */
const APPEND_TIMEOUT_MS = 2000;
/** Events written at once at most: beyond, new ones are dropped rather than queued in memory. */
export const MAX_IN_FLIGHT = 500;
/** The stored question is cut to this many characters (redacted after the cut, see redactStart). */
export const MAX_STORED_QUERY = 2000;

/** Why an event was not recorded: too many waiting, the store too slow, or the store refused it. */
export type DropReason = 'full' | 'timeout' | 'error';
export const DROP_REASONS: readonly DropReason[] = ['full', 'timeout', 'error'];

class StoreTimeoutError extends Error {
  constructor(ms: number) {
    super(`feedback store slower than ${ms} ms`);
    this.name = 'StoreTimeoutError';
  }
}

/**
 * An event as the core hands it over: raw question, raw user id, no time yet; a rating with the ref
 * of the reply rated (`ratedRef`), stored only as a keyed hash (`rating`).
 */
export type UnrecordedEvent = FeedbackEvent extends infer E
  ? E extends FeedbackEvent
    ? Omit<E, 'at' | 'user' | 'rating'> & { userId?: string } & (E extends { type: 'feedback' }
          ? { ratedRef?: string }
          : unknown)
    : never
  : never;

/**
 * Records what users ask and say, off the answer's path: `record` returns at once, the store is
 * written in the background; a slow or broken store drops the event, counts it, and logs once per
 * outage. The question is cut and redacted, and the user id hashed, before anything leaves this
 * class: only the stored part of a long message is ever read.
 */
export class FeedbackRecorder {
  dropped = 0;
  recorded = 0;
  /** Told of every dropped event (the /metrics counter). */
  onDrop: ((reason: DropReason) => void) | undefined;
  private inFlight = 0;
  private failing = false;

  constructor(
    private readonly store: FeedbackStore,
    private readonly secret: string,
    private readonly logger: CoreLogger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(event: UnrecordedEvent): void {
    if (this.inFlight >= MAX_IN_FLIGHT) {
      this.drop('full', new Error(`${MAX_IN_FLIGHT} feedback events already waiting for the store`));
      return;
    }
    const { userId, ratedRef, ...rest } = event as UnrecordedEvent & { ratedRef?: string };
    const stored = {
      ...rest,
      at: this.now().toISOString(),
      query: redactStart(event.query, MAX_STORED_QUERY),
      ...(userId ? { user: this.hash(userId) } : {}),
      ...(ratedRef ? { rating: this.hash(`rated:${ratedRef}`) } : {}),
    } as FeedbackEvent;
    this.inFlight++;
    const timeoutMs = this.store.appendTimeoutMs ?? APPEND_TIMEOUT_MS;
    const abandon = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abandon.abort();
        reject(new StoreTimeoutError(timeoutMs));
      }, timeoutMs);
      timer.unref();
    });
    Promise.race([this.store.append(stored, abandon.signal), timeout])
      .then(() => {
        this.recorded++;
        if (this.failing) this.logger.warn({ dropped: this.dropped }, 'feedback store back: recording again');
        this.failing = false;
      })
      .catch((error: unknown) => this.drop(error instanceof StoreTimeoutError ? 'timeout' : 'error', error))
      .finally(() => {
        clearTimeout(timer);
        this.inFlight--;
      });
  }

  /** Waits for the events being written (tests, and a clean shutdown). */
  async flush(limitMs = APPEND_TIMEOUT_MS + 100): Promise<void> {
    const until = Date.now() + limitMs;
    while (this.inFlight > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  }

  private hash(userId: string): string {
    return createHmac('sha256', this.secret).update(userId).digest('hex').slice(0, 16);
  }

  private drop(reason: DropReason, error: unknown): void {
    this.dropped++;
    this.onDrop?.(reason);
    if (this.failing) return;
    this.failing = true;
    this.logger.warn(
      { err: error, dropped: this.dropped, reason },
      'feedback event dropped: the store is slow or down',
    );
  }
}
