import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/logger.js';
import { RedisSessionStore } from '../../adapters/redis/redis-session-store.js';
import { RedisState } from '../../adapters/redis/redis-state.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { conversationKey } from '../../src/index.js';
import { realBot } from '../support/bot.js';
import { redisAvailability, TestRedis } from '../support/redis.js';
import { sleep } from '../support/slack-stub.js';

const { available } = redisAvailability();

describe.skipIf(!available)('a stalled Redis (CLIENT PAUSE ... WRITE)', () => {
  const redis = new TestRedis();
  let state: RedisState;
  let admin: Redis;
  beforeAll(async () => {
    await redis.start();
    state = await RedisState.connect(redis.url, createLogger('silent'));
    admin = new Redis(redis.url);
  });
  afterAll(async () => {
    admin.disconnect();
    await state.close();
    await redis.stop();
  });

  it('never applies later a step the user was told did not happen', async () => {
    const sessions = new RedisSessionStore(state.redis);
    const shared = realBot();
    const bot = new TriageBot(shared.library, shared.index, {
      sessions,
      logger: { warn: () => {}, error: () => {} },
    });
    const conversation = { platform: 'slack', workspace: 'T', channel: 'C', thread: 'stall' };
    const first = await bot.handle({ conversation, text: 'diagnostic provisionnement' });
    expect(first.kind === 'triage' && first.view.step).toBe(1);

    await admin.call('CLIENT', 'PAUSE', '1500', 'WRITE');
    // Reads go on, the save waits: after 500 ms the user is told triage is unavailable.
    const stalled = await bot.handle({ conversation, text: 'certains' });
    expect(stalled.kind === 'answer' && stalled.notice).toBe('unavailable');
    await sleep(1700);

    // Redis ran the save once unpaused, after its deadline: the session is still at step 1.
    const stored = await sessions.load(conversationKey(conversation));
    expect(stored?.session.history).toEqual([]);
    const next = await bot.handle({ conversation, text: 'tous' });
    expect(next.kind === 'triage' && next.view.path.map((p) => p.answer)).toEqual(['Tous les utilisateurs']);
  });
});
