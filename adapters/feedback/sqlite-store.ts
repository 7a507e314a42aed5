import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { FeedbackEvent, FeedbackStore } from '../../src/index.js';

/** The schema version this code writes (PRAGMA user_version); a newer file is refused, not damaged. */
const SCHEMA_VERSION = 1;

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      type TEXT NOT NULL,
      platform TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX events_at ON events (at);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
};

export class FeedbackSchemaError extends Error {
  constructor(file: string, version: number) {
    super(`${file}: feedback schema version ${version} is newer than this bot (${SCHEMA_VERSION})`);
    this.name = 'FeedbackSchemaError';
  }
}

/**
 * The embedded feedback store: SQLite in one file (FEEDBACK_DB), created on first use, WAL mode so
 * reports read while the bot writes. Writes are synchronous in better-sqlite3 but take microseconds;
 * the recorder still calls them off the answer's path.
 */
export class SqliteFeedbackStore implements FeedbackStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  constructor(readonly file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    try {
      // The version is read before anything is written: a newer file is left exactly as it is.
      const current = this.db.pragma('user_version', { simple: true }) as number;
      if (current > SCHEMA_VERSION) throw new FeedbackSchemaError(file, current);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 2000');
      this.migrate(current);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.insert = this.db.prepare('INSERT INTO events (at, type, platform, body) VALUES (?, ?, ?, ?)');
  }

  private migrate(current: number): void {
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[version] as string);
        this.db.pragma(`user_version = ${version}`);
      })();
    }
  }

  async append(event: FeedbackEvent): Promise<void> {
    this.insert.run(event.at, event.type, event.platform, JSON.stringify(event));
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

  async close(): Promise<void> {
    this.db.close();
  }
}
