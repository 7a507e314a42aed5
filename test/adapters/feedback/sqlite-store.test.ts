import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteFeedbackStore } from '../../../adapters/feedback/sqlite-store.js';
import { TriageBot } from '../../../src/app/triage-bot.js';
import { FeedbackRecorder } from '../../../src/feedback/recorder.js';
import type { FeedbackEvent, IncomingMessage } from '../../../src/index.js';
import { realBot } from '../../support/bot.js';
import { holdWriteLock } from '../../support/sqlite-lock.js';

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
    expect(db.pragma('user_version', { simple: true })).toBe(3);
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

describe('SqliteFeedbackStore with the file locked by another process', () => {
  const silent = { warn: () => {}, error: () => {} };
  const rows = (path: string) => {
    const db = new Database(path, { readonly: true });
    const { n } = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    db.close();
    return n;
  };
  const message = (i: number): IncomingMessage => ({
    conversation: { platform: 'slack', workspace: 'T', channel: 'C', thread: `lock-${i}` },
    text: '200039',
    user: 'U1',
  });

  it('never makes an answer wait for the lock; the events are written once it is released', async () => {
    const path = file();
    const store = new SqliteFeedbackStore(path);
    const recorder = new FeedbackRecorder(store, await store.secret(), silent);
    const bot = new TriageBot(realBot().library, realBot().index, { recorder });
    const lock = await holdWriteLock(path);
    let slowest = 0;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const reply = await bot.handle(message(i));
      // The write is tried right after the answer: its cost is counted too.
      await new Promise((resolve) => setImmediate(resolve));
      slowest = Math.max(slowest, performance.now() - started);
      expect(reply.kind === 'answer' && reply.answer.results[0]?.id).toBe('webex-200039');
    }
    // Before: better-sqlite3's busy timeout spun on the event loop, 2 s for every answer.
    expect(slowest).toBeLessThan(500);
    expect(rows(path)).toBe(0);
    await lock.release();
    await recorder.flush();
    expect([recorder.recorded, recorder.dropped]).toEqual([20, 0]);
    expect(rows(path)).toBe(20);
    await store.close();
  });

  it('drops an event that waits longer than its patience, and never writes it afterwards', async () => {
    const path = file();
    const store = new SqliteFeedbackStore(path, { lockPatienceMs: 200 });
    const recorder = new FeedbackRecorder(store, 'k', silent);
    const drops: string[] = [];
    recorder.onDrop = (reason) => drops.push(reason);
    const lock = await holdWriteLock(path);
    for (let i = 0; i < 3; i++)
      recorder.record({
        type: 'question',
        platform: 'slack',
        language: 'fr',
        query: `q${i}`,
        answered: false,
      });
    await recorder.flush(2000);
    expect(drops).toEqual(['timeout', 'timeout', 'timeout']);
    await lock.release();
    recorder.record({ type: 'question', platform: 'slack', language: 'fr', query: 'after', answered: false });
    await recorder.flush();
    expect((await store.events(new Date(0))).map((e) => e.query)).toEqual(['after']);
    await store.close();
  });
});
