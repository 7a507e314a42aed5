import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { FeedbackEvent, FeedbackStore } from '../../src/index.js';
import { isBusy, openFeedbackFile, RETRY_FIRST_MS, RETRY_MAX_MS } from './sqlite-schema.js';

export { FeedbackSchemaError } from './sqlite-schema.js';

/** How long an event may wait for the file's write lock before the recorder drops it. */
export const LOCK_PATIENCE_MS = 30_000;

interface Waiting {
  event: FeedbackEvent;
  signal: AbortSignal | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded feedback store: SQLite in one file (FEEDBACK_DB, see sqlite-schema.ts), created on
 * first use, WAL mode so reports read while the bot writes; cases live in the same file.
 *
 * better-sqlite3 is synchronous and its busy timeout waits on the event loop: a write lock held by
 * another process would stall every answer. So once open, the connection never waits for a lock
 * (busy timeout 0): events are queued, written together after the answer (setImmediate), and a
 * locked file is tried again later with backoff. The recorder bounds the queue (500 events) and
 * drops what waits longer than LOCK_PATIENCE_MS; a dropped event is never written afterwards.
 */
export class SqliteFeedbackStore implements FeedbackStore {
  readonly appendTimeoutMs: number;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly queue: Waiting[] = [];
  /** Cancels the write that is scheduled, if any. */
  private scheduled: (() => void) | undefined;
  private retryMs = 0;

  constructor(
    readonly file: string,
    options: { lockPatienceMs?: number } = {},
  ) {
    this.appendTimeoutMs = options.lockPatienceMs ?? LOCK_PATIENCE_MS;
    this.db = openFeedbackFile(file);
    this.insert = this.db.prepare('INSERT INTO events (at, type, platform, body) VALUES (?, ?, ?, ?)');
  }

  append(event: FeedbackEvent, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, signal, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    const write = () => {
      this.scheduled = undefined;
      this.write();
    };
    if (this.retryMs === 0) {
      const immediate = setImmediate(write);
      this.scheduled = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(write, this.retryMs).unref();
      this.scheduled = () => clearTimeout(timer);
    }
  }

  /** Writes every waiting event in one transaction; a locked file keeps them waiting. */
  private write(): void {
    const batch = this.queue.splice(0).filter((waiting) => {
      if (!waiting.signal?.aborted) return true;
      waiting.reject(waiting.signal.reason);
      return false;
    });
    if (batch.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const { event } of batch)
          this.insert.run(event.at, event.type, event.platform, JSON.stringify(event));
      })();
    } catch (error) {
      if (isBusy(error)) {
        this.queue.unshift(...batch);
        this.retryMs = Math.min(Math.max(this.retryMs * 2, RETRY_FIRST_MS), RETRY_MAX_MS);
        this.schedule();
        return;
      }
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    this.retryMs = 0;
    for (const waiting of batch) waiting.resolve();
  }

  async events(since: Date): Promise<FeedbackEvent[]> {
    const rows = this.db
      .prepare('SELECT body FROM events WHERE at >= ? ORDER BY at, id')
      .all(since.toISOString()) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as FeedbackEvent);
  }

  async purge(before: Date): Promise<number> {
    return this.db.prepare('DELETE FROM events WHERE at < ?').run(before.toISOString()).changes;
  }

  async secret(): Promise<string> {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'secret'").get() as
      | { value: string }
      | undefined;
    if (row) return row.value;
    this.db
      .prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('secret', ?)")
      .run(randomBytes(32).toString('hex'));
    return (this.db.prepare("SELECT value FROM meta WHERE key = 'secret'").get() as { value: string }).value;
  }

  /** Events still waiting for the lock are dropped (the recorder counts them). */
  async close(): Promise<void> {
    this.scheduled?.();
    this.scheduled = undefined;
    for (const waiting of this.queue.splice(0)) waiting.reject(new Error('feedback store closed'));
    this.db.close();
  }
}
