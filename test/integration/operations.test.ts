import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorStub } from '../support/connector-stub.js';
import { redisAvailability, TestRedis } from '../support/redis.js';
import { SIGNING_SECRET, SlackApiStub, slackHeaders, sleep } from '../support/slack-stub.js';
import { holdWriteLock } from '../support/sqlite-lock.js';

/** The real process (`node dist/adapters/main.js`, or `npm start`), stubs on 127.0.0.1 for the outside world. */
const root = new URL('../../', import.meta.url).pathname;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

interface Bot {
  child: ChildProcess;
  base: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function start(
  env: Record<string, string>,
  command: string[] = [process.execPath, 'dist/adapters/main.js'],
): Bot {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const [file, ...args] = command as [string, ...string[]];
  const child = spawn(file, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      FEEDBACK: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: command[0] !== process.execPath,
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (c) => {
    stderr += String(c);
  });
  child.stdout?.resume();
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${port}`, stderr: () => stderr, exit };
}

async function until(url: string, status: number, timeoutMs = 10_000): Promise<Response> {
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status === status) return res;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} never answered ${status}`);
    await sleep(50);
  }
}

let seq = 0;
const mention = (base: string, i: number) => {
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: `EvOps${++seq}`,
    event_time: 1,
    event: {
      type: 'app_mention',
      user: 'U1',
      text: `<@UBOT> 20017 (${i})`,
      ts: `1700002000.${seq}`,
      channel: 'C1',
      client_msg_id: `ops-${seq}`,
    },
  });
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: slackHeaders(body, 'application/json'),
    body,
  });
};
const teamsMessage = (base: string, connector: ConnectorStub, text: string) =>
  fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `ops-${++seq}`,
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: 'user-1' },
      recipient: { id: 'bot-1' },
      conversation: { id: `a:ops-${seq}`, conversationType: 'personal', tenantId: 't' },
      text,
    }),
  });

describe('stop', () => {
  it('answers 20 slow Slack and Teams requests in flight at SIGTERM, then exits 0 within the timeout', async () => {
    const slack = new SlackApiStub();
    const connector = new ConnectorStub();
    await Promise.all([slack.start(), connector.start()]);
    slack.delayMs = 1500;
    connector.delayMs = 1500;
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    });
    await until(`${bot.base}/readyz`, 200);
    const slackAcks = await Promise.all(Array.from({ length: 10 }, (_, i) => mention(bot.base, i)));
    expect(slackAcks.map((r) => r.status)).toEqual(Array(10).fill(200));
    const teams = Array.from({ length: 10 }, () => teamsMessage(bot.base, connector, '200039'));
    await sleep(300);
    const stopped = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exit).toBe(0);
    expect(Date.now() - stopped).toBeLessThan(10_000);
    expect((await Promise.all(teams)).map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(slack.posts()).toHaveLength(10);
    expect(connector.calls).toHaveLength(10);
    await Promise.all([slack.stop(), connector.stop()]);
  });

  it('stops cleanly under npm start too (npm does not pass SIGTERM on)', async () => {
    const slack = new SlackApiStub();
    await slack.start();
    const bot = start(
      { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl },
      ['npm', 'start', '--silent'],
    );
    await until(`${bot.base}/readyz`, 200, 20_000);
    bot.child.kill('SIGTERM');
    // The node process behind npm notices and stops: the port closes.
    const started = Date.now();
    for (;;) {
      const up = await fetch(`${bot.base}/healthz`).then(
        () => true,
        () => false,
      );
      if (!up) break;
      if (Date.now() - started > 8000) throw new Error('the node process kept serving after npm was stopped');
      await sleep(100);
    }
    await slack.stop();
  });
});

describe('start', () => {
  it('stops in one line naming the variable, exit 1, when Slack refuses the token', async () => {
    const slack = new SlackApiStub();
    await slack.start();
    slack.authError = 'invalid_auth';
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-wrong',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
    expect(await bot.exit).toBe(1);
    const lines = bot.stderr().trim().split('\n');
    expect(lines).toEqual([
      'uc-triage-bot: SLACK_BOT_TOKEN was refused (invalid_auth): check the value and restart',
    ]);
    await slack.stop();
  });

  it('serves /healthz and Teams while Slack (Socket Mode) is unreachable, and /readyz says why', async () => {
    const connector = new ConnectorStub();
    await connector.start();
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    });
    await until(`${bot.base}/healthz`, 200);
    const ready = await until(`${bot.base}/readyz`, 503);
    const body = (await ready.json()) as { reasons: string[] };
    expect(body.reasons.some((r) => r.startsWith('slack:'))).toBe(true);
    expect((await teamsMessage(bot.base, connector, '200039')).status).toBe(200);
    expect(JSON.stringify(connector.calls[0]?.activity)).toContain('200039');
    await connector.stop();
  });
});

describe('metrics', () => {
  it('shows the question counters moving on GET /metrics, behind METRICS_TOKEN', async () => {
    const connector = new ConnectorStub();
    await connector.start();
    const bot = start({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', METRICS_TOKEN: 'scrape-me' });
    await until(`${bot.base}/readyz`, 200);
    for (const text of ['200039', '20017', 'Zoom error 5003']) await teamsMessage(bot.base, connector, text);
    expect((await fetch(`${bot.base}/metrics`)).status).toBe(401);
    const scraped = await (
      await fetch(`${bot.base}/metrics`, { headers: { authorization: 'Bearer scrape-me' } })
    ).text();
    expect(scraped).toContain('uc_triage_questions_total{platform="teams",outcome="answered"} 2');
    expect(scraped).toContain('uc_triage_questions_total{platform="teams",outcome="out-of-scope"} 1');
    expect(scraped).toMatch(/uc_triage_answer_seconds_count\{platform="teams"\} 3/);
    expect(scraped).toContain('process_resident_memory_bytes');
    await connector.stop();
  });
});

describe('feedback with the SQLite file locked by another process (real process)', () => {
  it('answers at once, writes the events once the lock is released, and counts those past the queue on GET /metrics', async () => {
    const connector = new ConnectorStub();
    await connector.start();
    const file = join(mkdtempSync(join(tmpdir(), 'uc-ops-feedback-')), 'feedback.sqlite');
    const bot = start({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', FEEDBACK: 'on', FEEDBACK_DB: file });
    await until(`${bot.base}/readyz`, 200);
    const lock = await holdWriteLock(file);
    // Before: every answer waited 2 s for the lock (better-sqlite3's busy timeout on the event loop).
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      expect((await teamsMessage(bot.base, connector, '200039')).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    // 500 events wait for the lock at most (the same bound as Redis); the rest are dropped and counted.
    const total = 510;
    for (let sent = 5; sent < total; sent += 25) {
      const batch = Array.from({ length: Math.min(25, total - sent) }, () =>
        teamsMessage(bot.base, connector, '200039'),
      );
      expect((await Promise.all(batch)).every((r) => r.status === 200)).toBe(true);
    }
    const scraped = await (await fetch(`${bot.base}/metrics`)).text();
    expect(scraped).toContain(`uc_triage_feedback_dropped_total{reason="full"} ${total - 500}`);
    expect(scraped).toContain('uc_triage_feedback_dropped_total{reason="timeout"} 0');
    await lock.release();
    const rows = () => {
      const db = new Database(file, { readonly: true });
      const { n } = db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
      db.close();
      return n;
    };
    for (let waited = 0; rows() < 500 && waited < 5000; waited += 100) await sleep(100);
    expect(rows()).toBe(500);
    await connector.stop();
  }, 90_000);
});

describe.skipIf(!redisAvailability().available)('readiness and Redis', () => {
  it('is not ready with a wrong Redis password, and says so', async () => {
    const redis = new TestRedis();
    await redis.start(undefined, ['--requirepass', 'right-password']);
    const bot = start({
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      REDIS_URL: `redis://:wrong-password@127.0.0.1:${redis.port}`,
    });
    await until(`${bot.base}/healthz`, 200);
    const ready = await until(`${bot.base}/readyz`, 503);
    const { reasons } = (await ready.json()) as { reasons: string[] };
    // Redis' own reason, not what ioredis' commands say meanwhile ("Stream isn't writeable").
    expect(reasons.find((r) => r.startsWith('redis:'))).toMatch(/^redis: .*WRONGPASS/);
    await redis.stop();
  });

  it('is not ready while Redis holds writes (CLIENT PAUSE WRITE answers PING at once), and ready after', async () => {
    const redis = new TestRedis();
    await redis.start();
    const bot = start({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', REDIS_URL: redis.url });
    await until(`${bot.base}/readyz`, 200);
    const admin = new Redis(redis.url);
    await admin.call('CLIENT', 'PAUSE', '3000', 'WRITE');
    const paused = await fetch(`${bot.base}/readyz`);
    expect(paused.status).toBe(503);
    const { reasons } = (await paused.json()) as { reasons: string[] };
    expect(reasons.find((r) => r.startsWith('redis:'))).toMatch(/^redis: SET uc-triage:readyz/);
    await until(`${bot.base}/readyz`, 200);
    admin.disconnect();
    await redis.stop();
  });
});
