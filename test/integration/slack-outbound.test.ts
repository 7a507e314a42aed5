import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { Metrics } from '../../adapters/metrics.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { realBot } from '../support/bot.js';
import { captureLogs } from '../support/log-capture.js';
import { SIGNING_SECRET, SlackApiStub, slackHeaders, sleep, waitFor } from '../support/slack-stub.js';

/**
 * What the bot does when Slack throttles, fails or refuses its replies: the real Bolt receiver
 * with real signatures, the process's HTTP server (/readyz, /metrics), a stub Slack on 127.0.0.1.
 * Each test gets its own bot: a rate limit or an outage is process state.
 */
interface Bot {
  stub: SlackApiStub;
  base: string;
  logs: ReturnType<typeof captureLogs>;
  http: HttpServer;
}
const running: Bot[] = [];

async function startBot(): Promise<Bot> {
  const stub = new SlackApiStub();
  await stub.start();
  const logs = captureLogs();
  const metrics = new Metrics();
  const http = createHttpServer(logs.logger, { metrics });
  await createSlackApp(
    { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: stub.apiUrl },
    { bot: realBot(), state: new MemoryState(), logger: logs.logger },
    http.app,
    { readiness: http.readiness, work: http.work, metrics },
  ).start();
  http.markReady();
  const bot = { stub, logs, http, base: `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}` };
  running.push(bot);
  return bot;
}

afterEach(async () => {
  for (const bot of running.splice(0)) {
    await bot.http.close(0);
    await bot.stub.stop();
  }
});

let seq = 0;
async function mention(bot: Bot, channel: string, text = '<@UBOT> erreur 200039'): Promise<void> {
  const n = ++seq;
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: `EvOut${n}`,
    event_time: 1,
    event: {
      type: 'app_mention',
      user: 'U1',
      text,
      ts: `1700004000.${n}`,
      channel,
      client_msg_id: `out-${n}`,
    },
  });
  const res = await fetch(`${bot.base}/slack/events`, {
    method: 'POST',
    headers: slackHeaders(body, 'application/json'),
    body,
  });
  expect(res.status).toBe(200);
}

async function postForm(bot: Bot, fields: Record<string, string>): Promise<void> {
  const body = new URLSearchParams(fields).toString();
  const res = await fetch(`${bot.base}/slack/events`, {
    method: 'POST',
    headers: slackHeaders(body, 'application/x-www-form-urlencoded'),
    body,
  });
  expect(res.status).toBe(200);
}

const command = (bot: Bot, channel: string, user: string, responseId: string, text = '200039') =>
  postForm(bot, {
    command: '/webex-code',
    text,
    team_id: 'T1',
    channel_id: channel,
    user_id: user,
    user_name: 'tech',
    response_url: bot.stub.responseUrl(responseId),
    trigger_id: 'trig',
  });

const postsTo = (bot: Bot, channel: string) => bot.stub.posts().filter((p) => p.body.channel === channel);

/** uc_triage_outbound_failures_total{platform="slack"} as GET /metrics shows it. */
async function slackFailures(bot: Bot): Promise<number> {
  const text = await (await fetch(`${bot.base}/metrics`)).text();
  const found = /uc_triage_outbound_failures_total\{platform="slack"\} (\d+)/.exec(text);
  return found ? Number(found[1]) : 0;
}

async function readiness(bot: Bot): Promise<{ status: number; reasons: string[] }> {
  const res = await fetch(`${bot.base}/readyz`);
  const body = (await res.json()) as { reasons?: string[] };
  return { status: res.status, reasons: body.reasons ?? [] };
}

describe('a Slack rate limit holds back one reply, not the process', () => {
  it('429 with Retry-After 40 in one channel: another channel is answered in under a second, the throttled reply is given up (logged, counted), /readyz says why', async () => {
    const bot = await startBot();
    bot.stub.rateLimits.set('CBUSY', { retryAfter: 40, times: 100 });
    await mention(bot, 'CBUSY');
    await waitFor(() => bot.stub.rateLimited.length > 0);

    const started = performance.now();
    await mention(bot, 'COTHER', '<@UBOT> 20017');
    await waitFor(() => postsTo(bot, 'COTHER').length > 0, 5000);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(JSON.stringify(postsTo(bot, 'COTHER')[0]?.body)).toContain('20017');

    const ready = await readiness(bot);
    expect(ready.status).toBe(503);
    expect(ready.reasons.join(' ')).toMatch(/^slack: rate limited by Slack \(chat\.postMessage\)/);

    const failure = await waitFor(() =>
      bot.logs.lines().find((l) => l.msg === 'Slack answer failed' && l.channel === 'CBUSY'),
    );
    expect(JSON.stringify(failure.err)).toContain('Retry-After 40 s');
    expect(await slackFailures(bot)).toBe(1);
    // Given up at once: no retry, and no apology into a channel Slack is throttling.
    await sleep(300);
    expect(bot.stub.rateLimited).toHaveLength(1);
    expect(postsTo(bot, 'CBUSY')).toHaveLength(0);
  });

  it('429 with a Retry-After that fits the reply’s budget: the asker gets the answer after it, and /readyz is ready again once it has passed', async () => {
    const bot = await startBot();
    bot.stub.rateLimits.set('CSLOW', { retryAfter: 1, times: 1 });
    const started = performance.now();
    await mention(bot, 'CSLOW');
    await waitFor(() => bot.stub.rateLimited.length > 0);
    const during = await readiness(bot);
    expect(during.status).toBe(503);
    expect(during.reasons.join(' ')).toContain('rate limited by Slack');

    await waitFor(() => postsTo(bot, 'CSLOW').length > 0, 5000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(JSON.stringify(postsTo(bot, 'CSLOW')[0]?.body)).toContain('200039');
    const started2 = Date.now();
    while ((await readiness(bot)).status !== 200) {
      if (Date.now() - started2 > 3000) throw new Error('/readyz never cleared after the Retry-After');
      await sleep(50);
    }
    expect(await slackFailures(bot)).toBe(0);
  });
});

describe('Slack failing', () => {
  it('answers retried, the apology tried once, both counted, and /readyz reports the outage until Slack answers again', async () => {
    const bot = await startBot();
    bot.stub.failNext = 100;
    await mention(bot, 'C1');
    await waitFor(() => bot.logs.lines().some((l) => l.msg === 'Slack apology failed too'), 15_000);
    // The answer: 4 attempts (1 s, 2 s, 4 s apart); the apology: 1.
    expect(bot.stub.failedAttempts).toBe(5);
    expect(await slackFailures(bot)).toBe(2);
    const down = await readiness(bot);
    expect(down.status).toBe(503);
    expect(down.reasons.join(' ')).toMatch(/slack: Web API failing since .* \(HTTP 500\)/);

    bot.stub.failNext = 0;
    await mention(bot, 'C1', '<@UBOT> 20017');
    await waitFor(() => postsTo(bot, 'C1').length > 0);
    expect((await readiness(bot)).status).toBe(200);
  }, 30_000);

  it('counts a private answer that no way could deliver (dead response_url, then ephemeral and DM refused)', async () => {
    const bot = await startBot();
    bot.stub.deadResponseUrls.add('lost');
    bot.stub.refusedChannels.add('CNOTIN');
    bot.stub.refusedChannels.add('ULOST');
    await command(bot, 'CNOTIN', 'ULOST', 'lost');
    await waitFor(() => bot.logs.lines().some((l) => l.msg === 'Slack apology failed too'));
    // The answer and the apology, each tried through the response_url, an ephemeral message and a DM.
    expect(bot.stub.refused.map((c) => c.method)).toEqual([
      'chat.postEphemeral',
      'chat.postMessage',
      'chat.postEphemeral',
      'chat.postMessage',
    ]);
    expect(await slackFailures(bot)).toBe(2);
  });

  it('counts a share Slack refuses, and tells the user', async () => {
    const bot = await startBot();
    bot.stub.refusedChannels.add('CNOTIN');
    await command(bot, 'CNOTIN', 'U1', 'ask', '200043');
    const [answer] = await waitFor(() => bot.stub.responses('ask').length > 0 && bot.stub.responses('ask'));
    const share = (
      (answer?.body.blocks ?? []) as {
        elements?: { text: { text: string }; action_id: string; value: string }[];
      }[]
    )
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.text?.text === 'Partager dans le canal');
    if (!share) throw new Error('no share button');
    await postForm(bot, {
      payload: JSON.stringify({
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'U1' },
        channel: { id: 'CNOTIN' },
        container: { type: 'message', is_ephemeral: true },
        response_url: bot.stub.responseUrl('shared'),
        trigger_id: 't',
        actions: [
          { type: 'button', action_id: share.action_id, block_id: 'b', value: share.value, action_ts: '1' },
        ],
      }),
    });
    const [told] = await waitFor(
      () => bot.stub.responses('shared').length > 0 && bot.stub.responses('shared'),
    );
    expect(told?.body.text).toContain('Je n’ai pas pu publier dans ce canal');
    expect(bot.stub.refused.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(await slackFailures(bot)).toBe(1);
  });

  it('does not wait forever on a response_url that never answers: the private answer comes as an ephemeral message', async () => {
    const bot = await startBot();
    bot.stub.hangingResponseUrls.add('hung');
    const started = performance.now();
    await command(bot, 'C1', 'U1', 'hung');
    const [ephemeral] = await waitFor(
      () => bot.stub.posts('chat.postEphemeral').length > 0 && bot.stub.posts('chat.postEphemeral'),
      15_000,
    );
    // The response_url gets the Web API's 10 s timeout; a few seconds more for a busy machine.
    expect(performance.now() - started).toBeLessThan(14_000);
    expect(ephemeral?.body).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(JSON.stringify(ephemeral?.body)).toContain('200039');
    expect(await slackFailures(bot)).toBe(0);
  }, 30_000);
});
