import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/logger.js';
import { RedisFeedbackStore } from '../../adapters/redis/redis-feedback-store.js';
import { RedisState } from '../../adapters/redis/redis-state.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { FeedbackRecorder } from '../../src/feedback/recorder.js';
import { gapsReport } from '../../src/feedback/report.js';
import { realBot } from '../support/bot.js';
import { redisAvailability, TestRedis } from '../support/redis.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const { available, reason } = redisAvailability();
if (!available) console.log(`feedback on Redis: ${reason}`);
const logger = createLogger('silent');

describe.skipIf(!available)('feedback of two instances on one real Redis', () => {
  const redis = new TestRedis();
  beforeAll(() => redis.start());
  afterAll(() => redis.stop());

  async function instance() {
    const state = await RedisState.connect(redis.url, logger);
    const store = new RedisFeedbackStore(state.redis);
    const recorder = new FeedbackRecorder(store, await store.secret(), logger);
    const shared = realBot();
    return { state, store, recorder, bot: new TriageBot(shared.library, shared.index, { recorder, state }) };
  }
  const conversation = (thread: string) => ({ platform: 'slack', workspace: 'T', channel: 'C', thread });

  it('feeds one report from both instances, with one user hash for one user', async () => {
    const [a, b] = [await instance(), await instance()];
    await a.bot.handle({
      conversation: conversation('1'),
      text: 'la badgeuse affiche hors ligne',
      user: 'U1',
    });
    await b.bot.handle({
      conversation: conversation('2'),
      text: 'La badgeuse AFFICHE hors-ligne !',
      user: 'U1',
    });
    // A lead shown by one instance, picked on the other: the record of what was shown is in Redis.
    const shown = await a.bot.handle({ conversation: conversation('3'), text: '403', user: 'U1' });
    await b.bot.handle({
      conversation: conversation('3'),
      text: '',
      action: { kind: 'pick', id: 'webex-403', ref: 'ref' in shown ? (shown.ref as string) : '', l: 'fr' },
    });
    await Promise.all([a.recorder.flush(), b.recorder.flush()]);
    const events = await a.store.events(new Date(Date.now() - 60_000));
    expect(events).toHaveLength(4);
    const users = new Set(events.filter((e) => e.type === 'question').map((e) => e.user));
    expect(users.size).toBe(1);
    const report = gapsReport(
      events,
      new Date(0),
      (t) => a.bot.searchWords(t),
      (id) => a.bot.kb.byId.has(id),
    );
    expect(report.unanswered[0]?.count).toBe(2);
    expect(report.corrections).toEqual([{ query: '403', id: 'webex-403', count: 1 }]);
    await Promise.all([a.state.close(), b.state.close()]);
  });

  it('with REDIS_URL, the terminal chat records into Redis and the report reads it there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uc-redis-report-'));
    const env = {
      ...process.env,
      REDIS_URL: redis.url,
      FEEDBACK_DB: join(dir, 'feedback.sqlite'),
      SLACK_BOT_TOKEN: '',
      MicrosoftAppId: '',
    };
    const chat = run('node', ['dist/adapters/main.js'], { cwd: root, env });
    chat.child.stdin?.end('le tourniquet du parking refuse les badges\n');
    await chat;
    const { stdout } = await run('node', ['dist/adapters/cli.js', 'report', 'gaps', '--format', 'json'], {
      cwd: root,
      env,
    });
    const queries = JSON.parse(stdout).unanswered.map((u: { query: string }) => u.query);
    expect(queries).toContain('le tourniquet du parking refuse les badges');
    // Nothing went to the embedded SQLite file the report would not read.
    expect(existsSync(join(dir, 'feedback.sqlite'))).toBe(false);
  });

  it('keeps answering at once while Redis is down; the events are dropped and counted', async () => {
    const a = await instance();
    await redis.stop();
    const reply = await a.bot.handle({ conversation: conversation('down'), text: '200039' });
    expect(reply.kind === 'answer' && reply.answer.results[0]?.id).toBe('webex-200039');
    await a.recorder.flush(3000);
    expect(a.recorder.dropped).toBe(1);
    await redis.start(redis.port);
    await a.state.close();
  });
});

describe('from the terminal chat to the knowledge-gap report (real processes)', () => {
  it('records what a new user types and reports it, with the e-mail address redacted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uc-report-'));
    const env = {
      ...process.env,
      FEEDBACK_DB: join(dir, 'feedback.sqlite'),
      SLACK_BOT_TOKEN: '',
      MicrosoftAppId: '',
      REDIS_URL: '',
    };
    const typed = [
      'mon imprimante zebra bourre, contact jean.dupont@example.com',
      "la badgeuse de l'accueil affiche hors ligne",
      '403',
      '-',
      '403',
      '3',
    ];
    const chat = run('node', ['dist/adapters/main.js'], { cwd: root, env });
    chat.child.stdin?.end(`${typed.join('\n')}\n`);
    await chat;
    const { stdout } = await run('node', ['dist/adapters/cli.js', 'report', 'gaps', '--format', 'json'], {
      cwd: root,
      env,
    });
    const report = JSON.parse(stdout);
    expect(report.unanswered.map((u: { query: string }) => u.query)).toEqual([
      "la badgeuse de l'accueil affiche hors ligne",
    ]);
    // A printer is no system of the sources: declined as out of scope, counted apart from the gaps.
    expect(report.outOfScope).toEqual([{ query: 'mon imprimante zebra bourre, contact <email>', count: 1 }]);
    expect(report.notGaps).toEqual({ smallTalk: 0, menuPicks: 0, outOfScope: 1 });
    expect(report.notHelpful).toEqual([{ id: 'acs-403', count: 1, queries: ['403'] }]);
    expect(report.corrections).toEqual([{ query: '403', id: 'webex-403', count: 1 }]);
    expect(stdout).not.toContain('jean.dupont');

    const html = join(dir, 'usage.html');
    const usage = await run('node', ['dist/adapters/cli.js', 'report', 'usage', '--html', html], {
      cwd: root,
      env,
    });
    expect(usage.stdout).toContain('questions : 4, répondues : 2');
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/<(script|link)\b|src="http/);
  });

  it('says in one line that the report cannot reach the Redis store, instead of an empty report', async () => {
    const failed = await run('node', ['dist/adapters/cli.js', 'report', 'gaps'], {
      cwd: root,
      env: { ...process.env, REDIS_URL: 'redis://127.0.0.1:1' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr.trim().split('\n')).toEqual([
      'uc-triage: the feedback store is in Redis (REDIS_URL) and Redis cannot be reached',
    ]);
  });

  it('refuses a bad report request in one line', async () => {
    const failed = await run('node', ['dist/adapters/cli.js', 'report', 'gaps', '--since', 'yesterday'], {
      cwd: root,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr.trim().split('\n')).toEqual([
      'uc-triage: report: --since yesterday: expected a duration like 7d, 24h or 2w',
    ]);
  });
});
