import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../../adapters/redis/connect.js';
import { RedisCaseStore } from '../../../adapters/redis/redis-case-store.js';
import { CaseStoreUnavailable, Cases, CaseTransitionError } from '../../../src/index.js';
import { newCase } from '../../support/cases.js';
import { redisAvailability, TestRedis } from '../../support/redis.js';

const { available } = redisAvailability();
const opening = (by = 'jean') => {
  const { state, history, openedAt, ...rest } = newCase({ openedBy: by });
  return rest;
};
const isEntry = () => true;

describe.skipIf(!available)('RedisCaseStore: two instances on one real Redis', () => {
  const redis = new TestRedis();
  const clients: Redis[] = [];
  let one: Cases;
  let two: Cases;
  let admin: Redis;
  const instance = async () => {
    const client = await connectRedis(redis.url);
    clients.push(client);
    return new Cases(new RedisCaseStore(client), isEntry);
  };
  beforeAll(async () => {
    await redis.start();
    one = await instance();
    two = await instance();
    admin = new Redis(redis.url);
  });
  afterAll(async () => {
    admin.disconnect();
    for (const client of clients) client.disconnect();
    await redis.stop();
  });

  it('gives every case its own number when both instances open cases at once, and both see them all', async () => {
    const opened = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? one : two).open(opening(`tech-${i}`))),
    );
    const ids = opened.map((c) => c.id).sort((a, b) => a - b);
    expect(new Set(ids).size).toBe(20);
    expect((await one.list()).map((c) => c.id)).toEqual((await two.list()).map((c) => c.id));
    expect((await two.get(ids[3] as number)).openedBy).toMatch(/^tech-\d+$/);
    // A restarted instance (a new client) finds them.
    expect((await (await instance()).list('open')).length).toBeGreaterThanOrEqual(20);
  });

  it('gives a concurrent take by two experts on two instances one winner, round after round', async () => {
    for (let round = 0; round < 10; round++) {
      const { id } = await one.open(opening());
      const outcomes = await Promise.allSettled([
        one.act(id, { kind: 'take', by: 'alice' }, true),
        two.act(id, { kind: 'take', by: 'bob' }, true),
      ]);
      const winners = outcomes.filter((o) => o.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
        reason: expect.any(CaseTransitionError),
      });
      const stored = await two.get(id);
      expect(stored.history.filter((e) => e.action === 'take')).toHaveLength(1);
    }
  });

  it('never loses a transition: a take on one instance and the experts’ post on the other are both kept', async () => {
    for (let round = 0; round < 10; round++) {
      const { id } = await one.open(opening());
      await Promise.all([
        one.act(id, { kind: 'take', by: 'alice' }, true),
        two.attachExpertsPost(id, `slack:C-EXPERTS:${round}`),
      ]);
      expect(await one.get(id)).toMatchObject({
        state: 'taken',
        takenBy: 'alice',
        expertsPost: `slack:C-EXPERTS:${round}`,
      });
    }
  });

  it('filters by state and keeps the resolution', async () => {
    const { id } = await one.open(opening());
    await two.act(id, { kind: 'resolve', by: 'alice', answer: 'supprimé', entry: 'webex-200039' }, true);
    const resolved = await one.list('resolved');
    expect(resolved.find((c) => c.id === id)).toMatchObject({ answer: 'supprimé', entry: 'webex-200039' });
    expect((await one.list('open')).some((c) => c.id === id)).toBe(false);
  });

  it('keeps the undelivered cases in a set the save follows: one instance marks, the other finds and clears', async () => {
    const { id } = await one.open(opening());
    await one.act(id, { kind: 'resolve', by: 'bob', answer: 'supprimé' }, true, 'later');
    const waiting = (await two.undelivered()).filter((s) => s.case.id === id);
    expect(waiting.map((s) => [s.case.state, s.case.answer, s.case.undelivered])).toEqual([
      ['resolved', 'supprimé', true],
    ]);
    expect(await admin.sismember('uc-triage:cases:undelivered', String(id))).toBe(1);
    const [stored] = waiting;
    if (!stored) throw new Error('nothing waiting');
    expect(await two.markDelivered(stored)).toBe(true);
    // Cleared once: the same version cannot be cleared again, and the set no longer holds it.
    expect(await one.markDelivered(stored)).toBe(false);
    expect((await one.undelivered()).some((s) => s.case.id === id)).toBe(false);
    expect(await admin.sismember('uc-triage:cases:undelivered', String(id))).toBe(0);
  });

  it('reads a case stored before the outbox (no mark, not in the set) as delivered', async () => {
    const { id, ...c } = { ...newCase(), id: 0 };
    const number = await admin.incr('uc-triage:cases:last-id');
    await admin.set(`uc-triage:case:${number}`, JSON.stringify({ v: 1, c }));
    await admin.zadd('uc-triage:cases', number, String(number));
    expect((await one.undelivered()).some((s) => s.case.id === number)).toBe(false);
    expect((await one.act(number, { kind: 'take', by: 'bob' }, true)).undelivered).toBeUndefined();
    expect((await one.undelivered()).some((s) => s.case.id === number)).toBe(false);
  });

  it('refuses within the command timeout while Redis stalls writes, and never applies the take later', async () => {
    const { id } = await one.open(opening());
    await admin.call('CLIENT', 'PAUSE', '1500', 'WRITE');
    const started = performance.now();
    await expect(one.act(id, { kind: 'take', by: 'alice' }, true)).rejects.toBeInstanceOf(
      CaseStoreUnavailable,
    );
    // ioredis would otherwise wait as long as the pause; 500 ms command timeout, generous margin.
    expect(performance.now() - started).toBeLessThan(1400);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect((await two.get(id)).state).toBe('open');
  });
});
