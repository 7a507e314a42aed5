import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteFeedbackStore } from '../../../adapters/feedback/sqlite-store.js';
import type { FeedbackEvent } from '../../../src/index.js';

const file = () => join(mkdtempSync(join(tmpdir(), 'uc-fb-')), 'nested', 'feedback.sqlite');
const question = (at: string, query = 'q'): FeedbackEvent => ({
  type: 'question',
  at,
  platform: 'terminal',
  language: 'fr',
  query,
  answered: false,
});

describe('SqliteFeedbackStore', () => {
  it('creates its folder, file and schema on first use, in WAL mode', async () => {
    const path = file();
    const store = new SqliteFeedbackStore(path);
    await store.append(question('2026-12-01T10:00:00.000Z'));
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps events across restarts and reads them from a date', async () => {
    const path = file();
    const first = new SqliteFeedbackStore(path);
    await first.append(question('2026-11-01T00:00:00.000Z', 'old'));
    await first.append(question('2026-12-01T00:00:00.000Z', 'new'));
    await first.close();
    const again = new SqliteFeedbackStore(path);
    expect((await again.events(new Date('2026-11-15'))).map((e) => e.query)).toEqual(['new']);
    await again.close();
  });

  it('purges events older than the retention, and keeps the rest', async () => {
    const store = new SqliteFeedbackStore(file());
    await store.append(question('2026-08-01T00:00:00.000Z', 'expired'));
    await store.append(question('2026-11-30T00:00:00.000Z', 'kept'));
    expect(await store.purge(new Date('2026-09-01'))).toBe(1);
    expect((await store.events(new Date(0))).map((e) => e.query)).toEqual(['kept']);
    await store.close();
  });

  it('keeps one secret for the user-id hash', async () => {
    const path = file();
    const store = new SqliteFeedbackStore(path);
    const secret = await store.secret();
    await store.close();
    const again = new SqliteFeedbackStore(path);
    expect(await again.secret()).toBe(secret);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await again.close();
  });

  it('refuses a file written by a newer version without changing a byte of it, nor its journal mode', () => {
    const path = file();
    mkdirSync(dirname(path), { recursive: true });
    const newer = new Database(path);
    newer.exec("CREATE TABLE events_v99 (x TEXT); INSERT INTO events_v99 VALUES ('kept')");
    newer.pragma('user_version = 99');
    newer.close();
    const before = readFileSync(path);
    expect(() => new SqliteFeedbackStore(path)).toThrow(/schema version 99 is newer/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });
});
