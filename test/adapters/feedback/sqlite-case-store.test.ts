import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteCaseStore } from '../../../adapters/feedback/sqlite-case-store.js';
import { SqliteFeedbackStore } from '../../../adapters/feedback/sqlite-store.js';
import { CaseStoreUnavailable, Cases, CaseTransitionError } from '../../../src/index.js';
import { newCase } from '../../support/cases.js';
import { holdWriteLock } from '../../support/sqlite-lock.js';

const file = () => join(mkdtempSync(join(tmpdir(), 'uc-cases-')), 'data', 'feedback.sqlite');
const opening = () => {
  const { state, history, openedAt, ...rest } = newCase();
  return rest;
};
const isEntry = () => true;

describe('SqliteCaseStore, in the feedback file', () => {
  it('keeps cases across a restart, with their numbers, states and history', async () => {
    const path = file();
    const first = new Cases(new SqliteCaseStore(path), isEntry);
    const a = await first.open(opening());
    const b = await first.open({ ...opening(), openedBy: 'marie' });
    await first.act(a.id, { kind: 'take', by: 'alice' }, true);
    await first.act(a.id, { kind: 'resolve', by: 'alice', answer: 'supprimé', entry: 'webex-200039' }, true);
    const again = new SqliteCaseStore(path);
    const cases = new Cases(again, isEntry);
    expect([a.id, b.id]).toEqual([1, 2]);
    expect(await cases.get(1)).toMatchObject({ state: 'resolved', takenBy: 'alice', answer: 'supprimé' });
    expect((await cases.get(1)).history.map((e) => e.action)).toEqual(['open', 'take', 'resolve']);
    expect((await cases.list('open')).map((c) => [c.id, c.openedBy])).toEqual([[2, 'marie']]);
    // A number is never given twice, even after a restart.
    expect((await cases.open(opening())).id).toBe(3);
    await again.close();
  });

  it('shares cases between two processes’ stores on one file: a concurrent take has one winner', async () => {
    const path = file();
    const one = new SqliteCaseStore(path);
    const two = new SqliteCaseStore(path);
    const { id } = await new Cases(one, isEntry).open(opening());
    expect((await two.get(id))?.case.summary).toBe(opening().summary);
    // Both read version 1; the second save is refused, not applied over the first.
    const [read1, read2] = [await one.get(id), await two.get(id)];
    if (!read1 || !read2) throw new Error('not found');
    expect(await one.save({ ...read1.case, state: 'taken', takenBy: 'alice' }, read1.version)).toBe(true);
    expect(await two.save({ ...read2.case, state: 'taken', takenBy: 'bob' }, read2.version)).toBe(false);
    expect((await two.get(id))?.case.takenBy).toBe('alice');

    const { id: next } = await new Cases(one, isEntry).open(opening());
    const outcomes = await Promise.allSettled([
      new Cases(one, isEntry).act(next, { kind: 'take', by: 'alice' }, true),
      new Cases(two, isEntry).act(next, { kind: 'take', by: 'bob' }, true),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: expect.any(CaseTransitionError),
    });
    await one.close();
    await two.close();
  });

  it('adds the cases table to a feedback file of version 1, its events kept', async () => {
    const path = file();
    mkdirSync(dirname(path), { recursive: true });
    const v1 = new Database(path);
    v1.exec(`
      CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, type TEXT NOT NULL, platform TEXT NOT NULL, body TEXT NOT NULL);
      CREATE INDEX events_at ON events (at);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    v1.prepare('INSERT INTO events (at, type, platform, body) VALUES (?, ?, ?, ?)').run(
      '2026-11-30T10:00:00.000Z',
      'question',
      'slack',
      JSON.stringify({
        type: 'question',
        at: '2026-11-30T10:00:00.000Z',
        platform: 'slack',
        language: 'fr',
        query: 'kept',
        answered: true,
      }),
    );
    v1.pragma('user_version = 1');
    v1.close();
    const cases = new SqliteCaseStore(path);
    expect((await new Cases(cases, isEntry).open(opening())).id).toBe(1);
    await cases.close();
    const feedback = new SqliteFeedbackStore(path);
    expect((await feedback.events(new Date(0))).map((e) => e.query)).toEqual(['kept']);
    await feedback.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });

  it('marks a transition made by the CLI undelivered until the bot clears it, and a click clears it too', async () => {
    const path = file();
    const store = new SqliteCaseStore(path);
    const cases = new Cases(store, isEntry);
    const a = await cases.open(opening());
    const b = await cases.open(opening());
    await cases.act(a.id, { kind: 'take', by: 'bob' }, true, 'later');
    await cases.act(b.id, { kind: 'take', by: 'alice' }, true);
    // Another process (the bot) finds only the CLI's, with the version to clear.
    const bot = new Cases(new SqliteCaseStore(path), isEntry);
    const waiting = await bot.undelivered();
    expect(waiting.map((s) => [s.case.id, s.case.state, s.case.undelivered])).toEqual([
      [a.id, 'taken', true],
    ]);
    const [stored] = waiting;
    if (!stored) throw new Error('nothing waiting');
    // A newer transition by the CLI in between: clearing the delivered version is refused, the newer one waits.
    await cases.act(a.id, { kind: 'resolve', by: 'bob', answer: 'supprimé' }, true, 'later');
    expect(await bot.markDelivered(stored)).toBe(false);
    const [newer] = await bot.undelivered();
    if (!newer) throw new Error('nothing waiting');
    expect(newer.case.state).toBe('resolved');
    expect(await bot.markDelivered(newer)).toBe(true);
    expect(await bot.undelivered()).toEqual([]);
    expect((await cases.get(a.id)).undelivered).toBeUndefined();
    // A click after a CLI transition tells everything at once: the mark goes.
    await cases.act(b.id, { kind: 'close', by: 'bob' }, true, 'later');
    await cases.act(b.id, { kind: 'reopen', by: 'alice' }, true);
    expect(await bot.undelivered()).toEqual([]);
    await store.close();
  });

  it('reads a case stored before the outbox (no mark in its JSON) as delivered', async () => {
    const path = file();
    const store = new SqliteCaseStore(path);
    const { id, ...body } = { ...newCase(), id: 0 };
    const db = new Database(path);
    db.prepare('INSERT INTO cases (state, version, opened_at, body) VALUES (?, 1, ?, ?)').run(
      body.state,
      body.openedAt,
      JSON.stringify(body),
    );
    db.close();
    expect(await store.undelivered()).toEqual([]);
    const cases = new Cases(store, isEntry);
    expect((await cases.act(1, { kind: 'take', by: 'bob' }, true)).undelivered).toBeUndefined();
    await store.close();
  });

  it('refuses a file of a newer version without changing a byte of it', () => {
    const path = file();
    mkdirSync(dirname(path), { recursive: true });
    const newer = new Database(path);
    newer.exec("CREATE TABLE cases_v9 (x TEXT); INSERT INTO cases_v9 VALUES ('kept')");
    newer.pragma('user_version = 9');
    newer.close();
    const before = readFileSync(path);
    expect(() => new SqliteCaseStore(path)).toThrow(/schema version 9 is newer than this bot \(3\)/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('SqliteCaseStore with the file locked by another process', () => {
  it('never blocks the event loop while it waits, and opens the case once the lock is released', async () => {
    const path = file();
    const store = new SqliteCaseStore(path);
    const cases = new Cases(store, isEntry);
    const lock = await holdWriteLock(path);
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const opening_ = cases.open(opening());
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Before: better-sqlite3's busy timeout would spin on the event loop and no timer would fire.
    expect(ticks).toBeGreaterThan(5);
    await lock.release();
    expect((await opening_).id).toBe(1);
    clearInterval(ticker);
    await store.close();
  });

  it('gives up after its patience with CaseStoreUnavailable, having changed nothing', async () => {
    const path = file();
    const store = new SqliteCaseStore(path, { lockPatienceMs: 200 });
    const lock = await holdWriteLock(path);
    await expect(new Cases(store, isEntry).open(opening())).rejects.toBeInstanceOf(CaseStoreUnavailable);
    await lock.release();
    expect(await store.list()).toEqual([]);
    await store.close();
  });
});
