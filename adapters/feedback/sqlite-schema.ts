import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** The schema version this code writes (PRAGMA user_version); a newer file is refused, not damaged. */
export const SCHEMA_VERSION = 3;

/** Opening the file (schema, journal mode) may wait this long for a lock: it happens before serving. */
const OPEN_BUSY_TIMEOUT_MS = 2000;

/** Each version's change, applied in order in one transaction each: a file is never half migrated. */
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
  // Escalations as cases: AUTOINCREMENT never gives a number twice, even after the last case is deleted.
  2: `
    CREATE TABLE cases (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      state TEXT NOT NULL,
      version INTEGER NOT NULL,
      opened_at TEXT NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX cases_state ON cases (state);
  `,
  // The cases whose transition (made by the CLI) waits for the bot to deliver: found without
  // reading every case. Only the marked ones are in the index.
  3: `
    CREATE INDEX cases_undelivered ON cases (id) WHERE json_extract(body, '$.undelivered') IS NOT NULL;
  `,
};

export class FeedbackSchemaError extends Error {
  constructor(file: string, version: number) {
    super(`${file}: feedback schema version ${version} is newer than this bot (${SCHEMA_VERSION})`);
    this.name = 'FeedbackSchemaError';
  }
}

/** A locked file (isBusy) is tried again after this, doubling up to RETRY_MAX_MS: events and cases alike. */
export const RETRY_FIRST_MS = 20;
export const RETRY_MAX_MS = 500;

/** A write refused because another connection holds the file's lock: tried again later, never waited for. */
export const isBusy = (error: unknown) =>
  typeof (error as { code?: unknown }).code === 'string' &&
  /^SQLITE_(BUSY|LOCKED)/.test((error as { code: string }).code);

/**
 * The feedback file (FEEDBACK_DB), created with its folder on first use and migrated to this
 * version, in WAL mode so reports read while the bot writes. Its version is read before anything is
 * written: a file of a newer version is refused exactly as it is. Once open, the connection never
 * waits for a lock (busy timeout 0): better-sqlite3 would wait on the event loop, stalling every answer.
 */
export function openFeedbackFile(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: OPEN_BUSY_TIMEOUT_MS });
  try {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) throw new FeedbackSchemaError(file, current);
    db.pragma('journal_mode = WAL');
    // WAL with NORMAL: a commit does not wait for the disk (an event may be lost on a power cut).
    db.pragma('synchronous = NORMAL');
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[version] as string);
        db.pragma(`user_version = ${version}`);
      })();
    }
  } catch (error) {
    db.close();
    throw error;
  }
  db.pragma('busy_timeout = 0');
  return db;
}
