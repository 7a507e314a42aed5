import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, redisAvailability, TestRedis } from '../support/redis.js';
import { buttonOf, type Recorded, SlackRequests, textOf } from '../support/slack-requests.js';
import { SIGNING_SECRET, SlackApiStub, sleep, waitFor } from '../support/slack-stub.js';

/**
 * Escalation as a case in Slack through the real process (`node dist/adapters/main.js`, what
 * `npm start` runs), the stub Web API on 127.0.0.1 and signed requests (issue 24): a case opened
 * from a triage reaches the experts' channel, only its members take and resolve it, the technician's
 * thread gets the answer; the case outlives a restart (SQLite) and is shared by two instances (Redis).
 */
const root = new URL('../../', import.meta.url).pathname;
const EXPERTS = 'CEXP';
const tech = { id: 'U1', name: 'tech' };
const alice = { id: 'UEXP2', name: 'alice' };
const outsider = { id: 'UOUT', name: 'mallory' };
const stub = new SlackApiStub();
const children: ChildProcess[] = [];

beforeAll(async () => {
  await stub.start();
  stub.members.set(EXPERTS, ['UEXP1', 'UEXP2']);
});
afterAll(() => stub.stop());
beforeEach(() => {
  stub.calls.length = 0;
});
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

interface Bot {
  child: ChildProcess;
  base: string;
  exit: Promise<number | null>;
}

/** The bot process with Slack over HTTP, the experts' channel and the given store settings, ready. */
async function startBot(env: Record<string, string>): Promise<Bot> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/adapters/main.js'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      FEEDBACK: 'off',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: stub.apiUrl,
      ESCALATION_CHANNEL: EXPERTS,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  await until(async () => {
    try {
      return (await fetch(`${base}/readyz`)).status === 200;
    } catch {
      return false;
    }
  }, 20_000);
  return { child, base, exit };
}

/** waitFor with an async probe. */
async function until<T>(probe: () => Promise<T | false>, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the bot');
    await sleep(25);
  }
}

const postsTo = (channel: string) => stub.posts().filter((c) => c.body.channel === channel);
/** The ts of a message: the one its post was answered with, or the one its update named. */
const tsOf = (call: Recorded) => String(call.ts ?? call.body.ts);

/**
 * A guided triage in a thread, one step answered, escalated, and its case form sent (to `alsoTo`
 * too, at the same moment, when given): the experts' card.
 */
async function openCaseFromTriage(
  slack: SlackRequests,
  rootTs: string,
  alsoTo?: SlackRequests,
): Promise<Recorded> {
  await slack.mention('diagnostic échec de connexion SSO', 'C1', rootTs);
  const card = await waitFor(() => postsTo('C1').find((c) => c.body.thread_ts === rootTs), 10_000);
  const on = { channel: 'C1', ts: String(card.ts), thread: rootTs };
  await slack.click(buttonOf(card, 'Oui, il se charge'), on, tech);
  const step2 = await waitFor(() => stub.posts('chat.update').find((c) => c.body.ts === card.ts));
  const opened = stub.views().length;
  await slack.click(buttonOf(step2, 'Escalader'), on, tech);
  const modal = await waitFor(() => stub.views()[opened]);
  const sent = await Promise.all(
    [slack, ...(alsoTo ? [alsoTo] : [])].map((to) => to.submit(modal.view, { 'item-0': 'ORG-42' }, tech)),
  );
  expect(sent.every((r) => r.status === 200)).toBe(true);
  const posted = await waitFor(() => postsTo(EXPERTS).at(-1));
  expect(textOf(posted)).toContain('ORG-42');
  await waitFor(() => postsTo('C1').find((c) => c.body.thread_ts === rootTs && textOf(c).includes('ouvert')));
  return posted;
}

/** A click on the experts' card, and what it changed: its update in place, or the private line refusing it. */
async function onCard(
  slack: SlackRequests,
  card: Recorded,
  label: string,
  user: { id: string; name: string },
) {
  const updates = stub.posts('chat.update').length;
  const lines = stub.posts('chat.postEphemeral').length;
  const views = stub.views().length;
  await slack.click(buttonOf(card, label), { channel: EXPERTS, ts: tsOf(card) }, user);
  return until(async () => {
    const update = stub.posts('chat.update')[updates];
    if (update) return { update, line: undefined, modal: undefined };
    const line = stub.posts('chat.postEphemeral')[lines];
    if (line) return { update: undefined, line, modal: undefined };
    const modal = stub.views()[views];
    return modal ? { update: undefined, line: undefined, modal: modal.view } : false;
  });
}

/** The expert resolves the case from its card with an answer: the card says so, the technician gets it. */
async function resolve(slack: SlackRequests, card: Recorded, rootTs: string, answer: string): Promise<void> {
  const { modal } = await onCard(slack, card, 'Résoudre', alice);
  if (!modal) throw new Error('no resolution modal');
  const updates = stub.posts('chat.update').length;
  expect((await slack.submit(modal, { answer }, alice)).status).toBe(200);
  const resolved = await waitFor(() => stub.posts('chat.update')[updates]);
  expect(resolved.body).toMatchObject({ channel: EXPERTS, ts: tsOf(card) });
  expect(textOf(resolved)).toContain('(résolu)');
  const notice = await waitFor(() =>
    postsTo('C1').find((c) => c.body.thread_ts === rootTs && textOf(c).includes('résolu par alice')),
  );
  expect(textOf(notice)).toContain(answer);
}

/** Someone outside the experts' channel: a private line each time, and the card unchanged. */
async function outsiderRefused(
  slack: SlackRequests,
  card: Recorded,
  labels = ['Je prends', 'Résoudre'],
): Promise<void> {
  for (const label of labels) {
    const { line } = await onCard(slack, card, label, outsider);
    expect(line?.body).toMatchObject({ channel: EXPERTS, user: outsider.id });
    expect(String(line?.body.text)).toContain('Seuls les experts');
  }
}

/** The built CLI (`uc-triage cases …`) on the same store as the bot: its output. */
async function cli(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['dist/adapters/cli.js', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
  });
  return stdout;
}

const caseIdOf = (card: Recorded) => /Dossier (\d+)/.exec(textOf(card))?.[1] ?? '';

/** Resolves the case from the CLI: it says the bot will tell the technician. */
async function resolveFromCli(card: Recorded, answer: string, env: Record<string, string>): Promise<void> {
  const output = await cli(['cases', 'resolve', caseIdOf(card), '--answer', answer, '--by', 'bob'], env);
  expect(output).toContain(`Dossier ${caseIdOf(card)} résolu par bob`);
  expect(output).toContain('Le bot en préviendra le technicien dès qu’il tournera');
}

/** What the technician's thread and the experts' card got of a resolution by bob: the notices and the updates. */
function deliveredOf(card: Recorded, rootTs: string) {
  return {
    notices: postsTo('C1').filter((c) => c.body.thread_ts === rootTs && textOf(c).includes('résolu par bob')),
    updates: stub
      .posts('chat.update')
      .filter((c) => c.body.ts === tsOf(card) && textOf(c).includes('(résolu)')),
  };
}

describe('a case in Slack, through the real process', () => {
  it('resolved from the CLI: the running bot tells the technician’s thread with the answer and updates the card', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'uc-slack-cases-')), 'feedback.sqlite');
    const bot = await startBot({ FEEDBACK_DB: file, CASE_NOTICE_INTERVAL_SECONDS: '1' });
    const rootTs = '1700500200.000100';
    const card = await openCaseFromTriage(new SlackRequests(() => bot.base, stub), rootTs);
    const answer = 'Domaine libéré dans Control Hub : reconnexion OK.';
    await resolveFromCli(card, answer, { FEEDBACK_DB: file });
    const notice = await waitFor(() => deliveredOf(card, rootTs).notices[0], 10_000);
    expect(textOf(notice)).toContain(answer);
    const update = await waitFor(() => deliveredOf(card, rootTs).updates[0]);
    expect(update.body).toMatchObject({ channel: EXPERTS, ts: tsOf(card) });
    expect(textOf(update)).toContain('Résolu par bob');
    // Delivered once: the next looks find nothing waiting.
    await sleep(2500);
    expect(deliveredOf(card, rootTs).notices).toHaveLength(1);
    expect(deliveredOf(card, rootTs).updates).toHaveLength(1);
  }, 60_000);

  it('survives a restart on the same SQLite file: the second process takes and resolves what the first opened', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'uc-slack-cases-')), 'feedback.sqlite');
    const first = await startBot({ FEEDBACK_DB: file });
    const slack1 = new SlackRequests(() => first.base, stub);
    const rootTs = '1700500000.000100';
    const card = await openCaseFromTriage(slack1, rootTs);
    await outsiderRefused(slack1, card);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);

    const second = await startBot({ FEEDBACK_DB: file });
    const slack2 = new SlackRequests(() => second.base, stub);
    const { update: taken } = await onCard(slack2, card, 'Je prends', alice);
    expect(taken?.body).toMatchObject({ channel: EXPERTS, ts: card.ts });
    expect(textOf(taken as Recorded)).toContain('Pris en charge par alice');
    await waitFor(() => postsTo('C1').find((c) => c.body.text === 'Dossier 1 : pris en charge par alice.'));
    await outsiderRefused(slack2, taken as Recorded, ['Résoudre', 'Fermer sans réponse']);
    await resolve(slack2, taken as Recorded, rootTs, 'Domaine libéré dans Control Hub : reconnexion OK.');
  }, 60_000);

  describe.skipIf(!redisAvailability().available)('on one Redis', () => {
    const redis = new TestRedis();
    beforeAll(() => redis.start());
    afterAll(() => redis.stop());

    it('is shared by two instances: opened once by either, taken and resolved by the other', async () => {
      const [a, b] = await Promise.all([
        startBot({ REDIS_URL: redis.url }),
        startBot({ REDIS_URL: redis.url }),
      ]);
      const slackA = new SlackRequests(() => a.base, stub);
      const slackB = new SlackRequests(() => b.base, stub);
      const rootTs = '1700500100.000100';
      // Its form sent to both instances at once (a retried submission) opens one case.
      const card = await openCaseFromTriage(slackA, rootTs, slackB);
      await sleep(300);
      expect(postsTo(EXPERTS)).toHaveLength(1);
      await outsiderRefused(slackB, card);
      const { update: taken } = await onCard(slackB, card, 'Je prends', alice);
      expect(textOf(taken as Recorded)).toContain('Pris en charge par alice');
      // The resolution modal opened by one instance may be sent to the other.
      const { modal } = await onCard(slackB, taken as Recorded, 'Résoudre', alice);
      if (!modal) throw new Error('no resolution modal');
      const updates = stub.posts('chat.update').length;
      await slackA.submit(modal, { answer: 'Domaine libéré dans Control Hub.' }, alice);
      const resolved = await waitFor(() => stub.posts('chat.update')[updates]);
      expect(textOf(resolved)).toContain('(résolu)');
      const notice = await waitFor(() =>
        postsTo('C1').find((c) => c.body.thread_ts === rootTs && textOf(c).includes('résolu par alice')),
      );
      expect(textOf(notice)).toContain('Domaine libéré dans Control Hub.');
    }, 60_000);

    it('delivers a resolution made from the CLI once, whichever of two instances looks first', async () => {
      const env = { REDIS_URL: redis.url, CASE_NOTICE_INTERVAL_SECONDS: '1' };
      const [a] = await Promise.all([startBot(env), startBot(env)]);
      if (!a) throw new Error('two instances');
      const rootTs = '1700500300.000100';
      const card = await openCaseFromTriage(new SlackRequests(() => a.base, stub), rootTs);
      await resolveFromCli(card, 'Licence réattribuée.', { REDIS_URL: redis.url });
      const notice = await waitFor(() => deliveredOf(card, rootTs).notices[0], 10_000);
      expect(textOf(notice)).toContain('Licence réattribuée.');
      await waitFor(() => deliveredOf(card, rootTs).updates[0]);
      // Both instances look every second: still one notice and one update after several looks.
      await sleep(3000);
      expect(deliveredOf(card, rootTs).notices).toHaveLength(1);
      expect(deliveredOf(card, rootTs).updates).toHaveLength(1);
    }, 60_000);
  });
});
