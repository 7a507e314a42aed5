import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardProblems } from '../support/adaptive-cards.js';
import { ConnectorStub } from '../support/connector-stub.js';
import { freePort, redisAvailability, TestRedis } from '../support/redis.js';
import {
  buttonOf,
  type Card,
  cardOfCall,
  channelThread,
  filled,
  personalChat,
  TeamsClient,
  type TeamsPlace,
  type TeamsUser,
  textsOf,
} from '../support/teams-client.js';

/**
 * Cases outlive the Teams process that opened them: `npm start`'s entry point, run for real with
 * the experts' channel set, on one SQLite file across a restart, and as two instances on one Redis.
 */
const connector = new ConnectorStub();
const EXPERTS = '19:experts@thread.tacv2';
const TEAM = '19:support-team@thread.tacv2';
const jean: TeamsUser = { id: '29:jean', name: 'Jean Tech', aadObjectId: 'aad-jean' };
const alice: TeamsUser = { id: '29:alice', name: 'Alice Expert' };
const { available } = redisAvailability();

const children: ChildProcess[] = [];
let dir = '';
beforeAll(async () => {
  await connector.start();
  connector.members.set(TEAM, new Map([[alice.id, alice.name]]));
  dir = mkdtempSync(join(tmpdir(), 'teams-cases-'));
});
afterAll(async () => {
  await connector.stop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  connector.calls.length = 0;
});
afterEach(async () => {
  await Promise.all(children.splice(0).map(stop));
});

/**
 * `node dist/adapters/main.js` with Teams (unauthenticated, on 127.0.0.1) and, unless told
 * otherwise, the experts' channel; ready when /readyz says so.
 */
async function startBot(
  env: Record<string, string>,
  { expertsChannel = true } = {},
): Promise<{ child: ChildProcess; client: TeamsClient }> {
  // Two bots start at once in one test: a port asked of the OS, never a random guess that may collide.
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/adapters/main.js'], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      TEAMS_ALLOW_UNAUTHENTICATED: 'true',
      ...(expertsChannel ? { TEAMS_ESCALATION_CHANNEL: EXPERTS, TEAMS_ESCALATION_TEAM: TEAM } : {}),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); ; ) {
    if (Date.now() - started > 20_000) throw new Error('the bot was not ready within 20 s');
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, client: new TeamsClient(() => base, connector) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const conversationOf = (call: { path: string }) =>
  /^\/v3\/conversations\/([^/]+)\/activities/.exec(call.path)?.[1];

/** The case's card as last posted or updated in the experts' channel, and its id. */
function expertsCard(): { card: Card; id: string } {
  const call = connector.calls.findLast((c) => conversationOf(c) === EXPERTS);
  if (!call) throw new Error('nothing in the experts’ channel');
  return { card: cardOfCall(call), id: call.id };
}

/** Takes and resolves the case on `take` then `resolve` (instances), checking the card and the technician each time. */
async function takeAndResolve(
  take: TeamsClient,
  resolve: TeamsClient,
  technician: TeamsPlace,
): Promise<void> {
  const { card, id } = expertsCard();
  const experts = channelThread(EXPERTS, id, TEAM);
  connector.calls.length = 0;
  await take.execute(experts, alice, buttonOf(card, 'Je prends'), id);
  expect(connector.calls.map((c) => [c.method, conversationOf(c)])).toEqual([
    ['PUT', EXPERTS],
    ['POST', technician.conversation.id],
  ]);
  expect(connector.calls[0]?.path).toBe(`/v3/conversations/${EXPERTS}/activities/${id}`);
  const taken = cardOfCall(connector.calls[0]);
  const form = await resolve.fetchDialog(experts, alice, buttonOf(taken, 'Résoudre').data, id);
  connector.calls.length = 0;
  const answer = 'Adresse supprimée de l’autre organisation : activation refaite.';
  expect(await resolve.submitDialog(experts, alice, filled(form, { answer }))).toBeNull();
  expect(connector.calls.map((c) => [c.method, conversationOf(c)])).toEqual([
    ['PUT', EXPERTS],
    ['POST', technician.conversation.id],
  ]);
  expect(textsOf(cardOfCall(connector.calls[0]))[0]).toMatch(/^Dossier 1 \(résolu\) — 200039/);
  const told = cardOfCall(connector.calls[1]);
  expect(cardProblems(told)).toEqual([]);
  expect(textsOf(told)).toContain(answer);
}

/** The built CLI (`uc-triage cases …`) on the same store as the bot: its output. */
async function cli(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['dist/adapters/cli.js', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return stdout;
}

/** Waits for what `probe` finds in the connector's calls. */
async function eventually<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  for (const started = Date.now(); ; ) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the connector');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Case `id` resolved by bob with the built CLI: it says the bot will tell the technician, and the
 * running bot does, with the answer. The notice the connector received.
 */
async function toldFromCli(id: string, env: Record<string, string>, technician: TeamsPlace) {
  connector.calls.length = 0;
  const answer = 'Adresse supprimée de l’autre organisation : activation refaite.';
  const output = await cli(['cases', 'resolve', id, '--answer', answer, '--by', 'bob'], env);
  expect(output).toContain('Le bot en préviendra le technicien dès qu’il tournera');
  const told = await eventually(() =>
    connector.calls.find((c) => c.method === 'POST' && conversationOf(c) === technician.conversation.id),
  );
  expect(cardProblems(cardOfCall(told))).toEqual([]);
  expect(textsOf(cardOfCall(told))).toContain(answer);
  expect(textsOf(cardOfCall(told)).join(' ')).toContain(`Dossier ${id} résolu par bob`);
  return told;
}

/**
 * A case opened through `open`'s bot, resolved from the CLI on the same store: the bot(s) update
 * the experts' card in place and tell the technician with the answer, once.
 */
async function resolvedFromCli(open: TeamsClient, env: Record<string, string>, technician: TeamsPlace) {
  const dialog = await open.escalationDialog(technician, jean);
  expect(await open.submitDialog(technician, jean, filled(dialog, { 'item-1': 'ORG-42' }))).toBeNull();
  const opened = expertsCard();
  const id = /^Dossier (\d+)/.exec(textsOf(opened.card)[0] ?? '')?.[1] ?? '';
  await toldFromCli(id, env, technician);
  const updated = connector.calls.find((c) => c.method === 'PUT');
  expect(updated?.path).toBe(`/v3/conversations/${EXPERTS}/activities/${opened.id}`);
  expect(textsOf(cardOfCall(updated))[0]).toMatch(new RegExp(`^Dossier ${id} \\(résolu\\) — 200039`));
  // Every instance looks every second: after a few looks, still one card update and one notice.
  await new Promise((r) => setTimeout(r, 3000));
  expect(connector.calls.map((c) => [c.method, conversationOf(c)])).toEqual([
    ['PUT', EXPERTS],
    ['POST', technician.conversation.id],
  ]);
}

describe('a Teams case across processes', () => {
  it('resolved from the CLI on the same SQLite file: the running bot updates the card and tells the technician the answer', async () => {
    const env = { FEEDBACK_DB: join(dir, 'cli.sqlite') };
    const bot = await startBot({ ...env, CASE_NOTICE_INTERVAL_SECONDS: '1' });
    await resolvedFromCli(bot.client, env, personalChat('a:cli-jean'));
  });

  it('without an experts’ channel, resolved from the CLI on the same SQLite file: the running bot tells the technician the answer, once', async () => {
    const env = { FEEDBACK_DB: join(dir, 'no-channel.sqlite') };
    const { client } = await startBot(
      { ...env, CASE_NOTICE_INTERVAL_SECONDS: '1' },
      { expertsChannel: false },
    );
    const technician = personalChat('a:no-channel-jean');
    const dialog = await client.escalationDialog(technician, jean);
    connector.calls.length = 0;
    expect(await client.submitDialog(technician, jean, filled(dialog, { 'item-1': 'ORG-42' }))).toBeNull();
    // The technician gets the card to forward: no experts' card to update later.
    expect(connector.calls.map((c) => [c.method, conversationOf(c)])).toEqual([
      ['POST', technician.conversation.id],
    ]);
    const id = /^Dossier (\d+) ouvert/.exec(textsOf(cardOfCall(connector.calls[0]))[0] ?? '')?.[1] ?? '';
    expect(id).not.toBe('');
    const told = await toldFromCli(id, env, technician);
    expect(told.activity.conversation?.conversationType).toBe('personal');
    // The bot looks every second: after a few looks, still the one notice.
    await new Promise((r) => setTimeout(r, 3000));
    expect(connector.calls.map((c) => [c.method, conversationOf(c)])).toEqual([
      ['POST', technician.conversation.id],
    ]);
  });

  it.skipIf(!available)('resolved from the CLI on one Redis: two instances deliver it once', async () => {
    const redis = new TestRedis();
    await redis.start();
    try {
      const env = { REDIS_URL: redis.url, FEEDBACK_DB: join(dir, 'unused-cli.sqlite') };
      const [a] = await Promise.all([
        startBot({ ...env, CASE_NOTICE_INTERVAL_SECONDS: '1' }),
        startBot({ ...env, CASE_NOTICE_INTERVAL_SECONDS: '1' }),
      ]);
      if (!a) throw new Error('two instances');
      await resolvedFromCli(a.client, env, personalChat('a:cli-redis-jean'));
    } finally {
      await Promise.all(children.splice(0).map(stop));
      await redis.stop();
    }
  });

  it('survives a restart: a new process on the same SQLite file updates the same card and tells the technician', async () => {
    const env = { FEEDBACK_DB: join(dir, 'restart.sqlite') };
    const technician = personalChat('a:restart-jean');
    const first = await startBot(env);
    const dialog = await first.client.escalationDialog(technician, jean);
    expect(
      await first.client.submitDialog(technician, jean, filled(dialog, { 'item-1': 'ORG-42' })),
    ).toBeNull();
    const opened = expertsCard();
    expect(textsOf(opened.card)[0]).toMatch(/^Dossier 1 \(ouvert\) — 200039/);
    await stop(first.child);

    const second = await startBot(env);
    await takeAndResolve(second.client, second.client, technician);
    expect(expertsCard().id).toBe(opened.id);
  });

  it.skipIf(!available)(
    'is shared by two instances on one Redis, and one dialog opens one case on either',
    async () => {
      const redis = new TestRedis();
      await redis.start();
      try {
        const env = { REDIS_URL: redis.url, FEEDBACK_DB: join(dir, 'unused.sqlite') };
        const [a, b] = await Promise.all([startBot(env), startBot(env)]);
        if (!a || !b) throw new Error('two instances');
        const technician = personalChat('a:redis-jean');
        const dialog = await a.client.escalationDialog(technician, jean);
        const data = filled(dialog, { summary: '200039 à l’activation' });
        // The same dialog submitted to both instances (a retried delivery): one case, one card.
        await Promise.all([
          a.client.submitDialog(technician, jean, data),
          b.client.submitDialog(technician, jean, data),
        ]);
        expect(connector.calls.filter((c) => conversationOf(c) === EXPERTS)).toHaveLength(1);
        await takeAndResolve(b.client, a.client, technician);
      } finally {
        await Promise.all(children.splice(0).map(stop));
        await redis.stop();
      }
    },
  );
});
