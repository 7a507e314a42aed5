import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { RedisSessionStore } from '../../adapters/redis/redis-session-store.js';
import { RedisState } from '../../adapters/redis/redis-state.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { realBot } from '../support/bot.js';
import { redisAvailability, TestRedis } from '../support/redis.js';
import { SIGNING_SECRET, SlackApiStub, slackHeaders, sleep, waitFor } from '../support/slack-stub.js';

const { available } = redisAvailability();
const redis = new TestRedis();
const stub = new SlackApiStub();
const logger = createLogger('silent');

interface Instance {
  http: HttpServer;
  base: string;
  state: RedisState;
  bot: TriageBot;
}
const instances: Instance[] = [];

async function startInstance(): Promise<Instance> {
  const state = await RedisState.connect(redis.url, logger);
  const shared = realBot();
  const bot = new TriageBot(shared.library, shared.index, {
    sessions: new RedisSessionStore(state.redis),
    sessionTtlSeconds: 3600,
  });
  const http = createHttpServer(logger);
  await createSlackApp(
    { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: stub.apiUrl },
    { bot, state, logger },
    http.app,
  ).start();
  http.markReady();
  const instance = { http, base: `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`, state, bot };
  instances.push(instance);
  return instance;
}

let seq = 0;
function post(instance: Instance, event: Record<string, unknown>, eventId = `EvR${++seq}`) {
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: eventId,
    event_time: 1,
    event,
  });
  return fetch(`${instance.base}/slack/events`, {
    method: 'POST',
    headers: slackHeaders(body, 'application/json'),
    body,
  });
}
const mention = (text: string, ts: string) => ({
  type: 'app_mention',
  user: 'U1',
  text,
  ts,
  channel: 'C9',
  client_msg_id: `m-${ts}`,
});
const reply = (text: string, ts: string, thread: string) => ({
  type: 'message',
  channel_type: 'channel',
  user: 'U1',
  text,
  ts,
  thread_ts: thread,
  channel: 'C9',
  client_msg_id: `m-${ts}`,
});
const lastPost = () => stub.posts()[stub.posts().length - 1];
const postText = () => String(lastPost()?.body.text);

describe.skipIf(!available)('two instances sharing one real Redis', () => {
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    await stub.start();
    await redis.start();
    a = await startInstance();
    b = await startInstance();
  });
  afterAll(async () => {
    for (const i of instances) {
      await i.http.close();
      await i.state.close();
    }
    await redis.stop();
    await stub.stop();
  });

  it('walks one thread to its end with messages alternating between the instances, no step lost or repeated', async () => {
    const root = '1700001000.000100';
    await post(a, mention('<@UBOT> diagnostic provisionnement', root));
    await waitFor(() => stub.posts().length === 1);
    expect(postText()).toContain('Étape 1');
    await post(b, reply('certains utilisateurs', '1700001001.1', root));
    await waitFor(() => stub.posts().length === 2);
    expect(postText()).toContain('Étape 2');
    await post(a, reply('409', '1700001002.1', root));
    await waitFor(() => stub.posts().length === 3);
    expect(postText()).toContain('Étape 3');
    await post(b, reply('oui', '1700001003.1', root));
    await waitFor(() => stub.posts().length === 4);
    expect(postText()).toContain('Utilisateur déjà dans CI');
    for (const p of stub.posts()) expect(p.body.thread_ts).toBe(root);
  });

  it('applies two messages of one thread processed at the same time on both instances, both kept', async () => {
    // One message advances the step, the other (a code asked off-script) adds evidence: whatever
    // the order, both must be in the stored session. A lost update would drop one of them.
    const store = new RedisSessionStore(a.state.redis);
    for (let round = 0; round < 10; round++) {
      const conversation = {
        platform: 'slack' as const,
        workspace: 'T1',
        channel: 'C9',
        thread: `race-${round}`,
      };
      await a.bot.handle({
        conversation,
        text: '',
        action: { kind: 'triage-start', treeId: 'provisioning' },
      });
      const [first, second] = round % 2 === 0 ? [a, b] : [b, a];
      await Promise.all([
        first.bot.handle({ conversation, text: 'certains utilisateurs, code 200039' }),
        second.bot.handle({ conversation, text: '600014' }),
      ]);
      const stored = await store.load(`slack:T1:C9:race-${round}`);
      expect(stored?.session.history.map((h) => h.answer)).toEqual(['Certains utilisateurs']);
      expect(stored?.session.evidence.codes).toEqual(expect.arrayContaining(['200039', '600014']));
      expect(stored?.version).toBe(3);
      // Every save re-arms the session's TTL: it is never dropped.
      const ttl = await a.state.redis.ttl(`uc-triage:session:slack:T1:C9:race-${round}`);
      expect(ttl).toBeGreaterThan(3500);
    }
  });

  it('answers a delivery sent to both instances only once (dedupe shared in Redis)', async () => {
    const before = stub.posts().length;
    const event = mention('<@UBOT> 200039', '1700002000.000100');
    await Promise.all([post(a, event, 'EvShared'), post(b, event, 'EvShared')]);
    await waitFor(() => stub.posts().length > before);
    await sleep(300);
    expect(stub.posts().length).toBe(before + 1);
  });

  it('keeps answering when Redis dies mid-conversation, says triage is unavailable, and recovers', async () => {
    const root = '1700003000.000100';
    await post(a, mention('<@UBOT> diagnostic provisionnement', root));
    await waitFor(() => postText().includes('Étape 1'));
    const port = redis.port;
    await redis.stop();
    await sleep(200);
    const started = Date.now();
    const count = stub.posts().length;
    // The instance that answered the thread still follows it from its own memory.
    await post(a, reply('200039', '1700003001.1', root));
    await waitFor(() => stub.posts().length > count, 5000);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(postText()).toContain('Le diagnostic guidé est temporairement indisponible');
    expect(postText()).toContain('en utilisant un ID utilisateur BroadWorks différent');
    await redis.start(port);
    await waitFor(() => a.state.available && b.state.available, 10_000);
    const after = stub.posts().length;
    await post(a, mention('<@UBOT> diagnostic provisionnement', '1700003100.000100'));
    await waitFor(() => stub.posts().length > after);
    expect(postText()).toContain('Étape 1');
    await post(b, reply('certains', '1700003101.1', '1700003100.000100'));
    await waitFor(() => stub.posts().length > after + 1);
    expect(postText()).toContain('Étape 2');
  });
});
