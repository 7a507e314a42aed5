import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { RedisState } from '../../adapters/redis/redis-state.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import { SHOWN_TTL_SECONDS } from '../../src/app/shown.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { FeedbackRecorder } from '../../src/feedback/recorder.js';
import { realBot } from '../support/bot.js';
import { MemoryFeedbackStore } from '../support/feedback.js';
import { redisAvailability, TestRedis } from '../support/redis.js';
import { SIGNING_SECRET, SlackApiStub, slackHeaders, sleep, waitFor } from '../support/slack-stub.js';

const { available } = redisAvailability();
const logger = createLogger('silent');

describe.skipIf(!available)('records of what was shown, in one real Redis shared by two instances', () => {
  const redis = new TestRedis();
  const stub = new SlackApiStub();
  const store = new MemoryFeedbackStore();
  const recorder = new FeedbackRecorder(store, 'k', { warn: () => {}, error: () => {} });
  const instances: { http: HttpServer; base: string; state: RedisState }[] = [];
  const states: RedisState[] = [];

  /** An instance as main.ts builds it: the bot and the Slack adapter share the one RedisState. */
  async function startInstance() {
    const state = await RedisState.connect(redis.url, logger);
    const shared = realBot();
    const bot = new TriageBot(shared.library, shared.index, { state, recorder });
    const http = createHttpServer(logger);
    await createSlackApp(
      { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: stub.apiUrl },
      { bot, state, logger },
      http.app,
    ).start();
    http.markReady();
    const instance = { http, base: `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`, state };
    instances.push(instance);
    return instance;
  }
  const postForm = (base: string, fields: Record<string, string>) => {
    const body = new URLSearchParams(fields).toString();
    return fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: slackHeaders(body, 'application/x-www-form-urlencoded'),
      body,
    });
  };
  const command = (base: string, text: string, responseId: string) =>
    postForm(base, {
      command: '/webex-code',
      text,
      team_id: 'T1',
      channel_id: 'C5',
      user_id: 'U5',
      response_url: stub.responseUrl(responseId),
      trigger_id: 't',
    });
  const click = (base: string, value: string, responseId: string) =>
    postForm(base, {
      payload: JSON.stringify({
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'U5' },
        channel: { id: 'C5' },
        container: { type: 'message', is_ephemeral: true },
        response_url: stub.responseUrl(responseId),
        trigger_id: 't',
        actions: [{ type: 'button', action_id: 'uc:0', block_id: 'b', value, action_ts: '1' }],
      }),
    });
  const response = async (id: string) =>
    (await waitFor(() => stub.responses(id)[0])) as { body: Record<string, unknown> };
  const value = (call: { body: Record<string, unknown> }, label: string) => {
    const blocks = (call.body.blocks ?? []) as { elements?: { text?: { text: string }; value?: string }[] }[];
    const found = blocks.flatMap((b) => b.elements ?? []).find((e) => e.text?.text === label);
    if (!found?.value) throw new Error(`no "${label}" button`);
    return found.value;
  };

  beforeAll(async () => {
    await stub.start();
    await redis.start();
  });
  afterAll(async () => {
    for (const i of instances) {
      await i.http.close();
      await i.state.close();
    }
    for (const state of states) await state.close();
    await redis.stop();
    await stub.stop();
  });

  it('answers a button on one instance from the record the other kept, for 7 days', async () => {
    const a = await startInstance();
    const b = await startInstance();
    const question = `200039 ${'"\\'.repeat(750)}`;
    await command(a.base, question, 'r1');
    const answer = await response('r1');
    const keys = await a.state.redis.keys('shown:*');
    expect(keys).toHaveLength(1);
    const ttl = await a.state.redis.ttl(keys[0] as string);
    expect(ttl).toBeGreaterThan(SHOWN_TTL_SECONDS - 60);
    expect(ttl).toBeLessThanOrEqual(SHOWN_TTL_SECONDS);
    await click(b.base, value(answer, 'Utile'), 'r2');
    expect((await response('r2')).body.text).toBe('Merci, c’est noté.');
    await recorder.flush();
    expect(store.saved.at(-1)).toMatchObject({ type: 'feedback', entry: 'webex-200039', query: question });
    await click(b.base, value(answer, 'Partager dans le canal'), 'r3');
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(post?.body.channel).toBe('C5');
    expect(JSON.stringify(post?.body.blocks)).toContain(
      'en utilisant un ID utilisateur BroadWorks différent',
    );
  });

  it('keeps a record in local memory while Redis is down, found again by the instance that kept it', async () => {
    const state = await RedisState.connect(redis.url, logger);
    const other = await RedisState.connect(redis.url, logger);
    states.push(state, other);
    await state.put('shown:kept-before', 'before', 60);
    expect(await other.get('shown:kept-before')).toBe('before');
    const port = redis.port;
    await redis.stop();
    await sleep(200);
    const started = Date.now();
    await state.put('shown:kept-during', 'during', 60);
    expect(await state.get('shown:kept-during')).toBe('during');
    expect(await other.get('shown:kept-during')).toBeNull();
    expect(Date.now() - started).toBeLessThan(3000);
    await redis.start(port);
    await waitFor(() => state.available && other.available, 10_000);
    expect(await state.get('shown:kept-during')).toBe('during');
    expect(await state.get('shown:never')).toBeNull();
  });
});
