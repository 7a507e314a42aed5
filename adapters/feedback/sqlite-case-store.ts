import type Database from 'better-sqlite3';
import {
  type Case,
  type CaseState,
  type CaseStore,
  CaseStoreUnavailable,
  type NewCase,
  type StoredCase,
} from '../../src/index.js';
import { isBusy, openFeedbackFile, RETRY_FIRST_MS, RETRY_MAX_MS } from './sqlite-schema.js';

/** How long a case operation may wait for the file's write lock before it is refused (unavailable). */
export const CASE_LOCK_PATIENCE_MS = 5000;

interface CaseRow {
  id: number;
  version: number;
  body: string;
}

const caseOf = (row: CaseRow): Case => ({ id: row.id, ...(JSON.parse(row.body) as NewCase) });

/**
 * Cases in the feedback file (FEEDBACK_DB), table `cases` (schema version 2; 3 indexes the undelivered): the case as JSON
 * without its number, which is the row's id (AUTOINCREMENT: allocated by SQLite, never reused), and
 * a version for compare-and-set saves. Several processes may use the file (the bot, the CLI).
 *
 * Like the feedback queue, an operation never waits for another process's lock on the event loop:
 * a locked file is tried again later with backoff (timers), for CASE_LOCK_PATIENCE_MS at most,
 * then the operation fails as CaseStoreUnavailable and nothing is changed.
 */
export class SqliteCaseStore implements CaseStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, string, string], void>;
  private readonly select: Database.Statement<[number], CaseRow>;
  private readonly update: Database.Statement<[string, string, number, number], void>;
  private readonly selectUndelivered: Database.Statement<[], CaseRow>;
  private readonly patienceMs: number;

  constructor(
    readonly file: string,
    options: { lockPatienceMs?: number } = {},
  ) {
    this.patienceMs = options.lockPatienceMs ?? CASE_LOCK_PATIENCE_MS;
    this.db = openFeedbackFile(file);
    this.insert = this.db.prepare('INSERT INTO cases (state, version, opened_at, body) VALUES (?, 1, ?, ?)');
    this.select = this.db.prepare('SELECT id, version, body FROM cases WHERE id = ?');
    this.update = this.db.prepare(
      'UPDATE cases SET state = ?, body = ?, version = version + 1 WHERE id = ? AND version = ?',
    );
    // The same condition as the partial index cases_undelivered: only the marked rows are read.
    this.selectUndelivered = this.db.prepare(
      "SELECT id, version, body FROM cases WHERE json_extract(body, '$.undelivered') IS NOT NULL ORDER BY id",
    );
  }

  open(fields: NewCase): Promise<Case> {
    return this.attempt(() => {
      const { lastInsertRowid } = this.insert.run(fields.state, fields.openedAt, JSON.stringify(fields));
      return { id: Number(lastInsertRowid), ...fields };
    });
  }

  get(id: number): Promise<StoredCase | null> {
    return this.attempt(() => {
      const row = this.select.get(id);
      return row ? { case: caseOf(row), version: row.version } : null;
    });
  }

  save(next: Case, expectedVersion: number): Promise<boolean> {
    const { id, ...body } = next;
    return this.attempt(
      () => this.update.run(next.state, JSON.stringify(body), id, expectedVersion).changes === 1,
    );
  }

  list(filter: { state?: CaseState } = {}): Promise<Case[]> {
    return this.attempt(() => {
      const rows = filter.state
        ? (this.db
            .prepare('SELECT id, version, body FROM cases WHERE state = ? ORDER BY id')
            .all(filter.state) as CaseRow[])
        : (this.db.prepare('SELECT id, version, body FROM cases ORDER BY id').all() as CaseRow[]);
      return rows.map(caseOf);
    });
  }

  undelivered(): Promise<StoredCase[]> {
    return this.attempt(() =>
      this.selectUndelivered.all().map((row) => ({ case: caseOf(row), version: row.version })),
    );
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Runs `work` now, or again after a backoff while another process holds the lock, within the patience. */
  private async attempt<T>(work: () => T): Promise<T> {
    const giveUpAt = Date.now() + this.patienceMs;
    for (let wait = RETRY_FIRST_MS; ; wait = Math.min(wait * 2, RETRY_MAX_MS)) {
      try {
        return work();
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() + wait > giveUpAt)
          throw new CaseStoreUnavailable(`${this.file} stayed locked for ${this.patienceMs} ms`, {
            cause: error,
          });
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
