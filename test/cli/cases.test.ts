import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteCaseStore } from '../../adapters/feedback/sqlite-case-store.js';
import { connectRedis } from '../../adapters/redis/connect.js';
import { RedisCaseStore } from '../../adapters/redis/redis-case-store.js';
import { Cases } from '../../src/index.js';
import { newCase } from '../support/cases.js';
import { redisAvailability, TestRedis } from '../support/redis.js';

const TOLD_FR =
  'Le bot en préviendra le technicien dès qu’il tournera, et mettra à jour la carte des experts s’il y en a une.';

/**
 * `uc-triage cases` through the built CLI, for experts without a chat client, on the store the bot
 * uses (FEEDBACK_DB here; REDIS_URL below), filled by the test as the bot would.
 */
const cliFile = new URL('../../dist/adapters/cli.js', import.meta.url).pathname;

async function cli(env: Record<string, string>, args: string[]) {
  return promisify(execFile)(process.execPath, [cliFile, 'cases', ...args], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 15_000,
  })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => e);
}

const opening = (over = {}) => {
  const { state, history, openedAt, ...rest } = newCase(over);
  return rest;
};

describe('uc-triage cases on the SQLite store', () => {
  const env = { FEEDBACK_DB: join(mkdtempSync(join(tmpdir(), 'uc-cases-cli-')), 'feedback.sqlite') };
  beforeAll(async () => {
    const store = new SqliteCaseStore(env.FEEDBACK_DB);
    const cases = new Cases(store, () => true);
    await cases.open(opening());
    await cases.open(
      opening({ product: 'azure-communication-services', title: 'callEndReason 487', openedBy: 'marie' }),
    );
    await store.close();
  });

  it('lists the cases as JSON with exactly the contract’s names (and later additions)', async () => {
    const { code, stdout } = await cli(env, ['list', '--format', 'json']);
    expect(code).toBe(0);
    const listed = JSON.parse(stdout);
    expect(listed).toHaveLength(2);
    expect(Object.keys(listed[0]).slice(0, 7)).toEqual([
      'id',
      'state',
      'product',
      'title',
      'openedAt',
      'openedBy',
      'answer',
    ]);
    expect(listed[1]).toMatchObject({
      id: 2,
      state: 'open',
      product: 'azure-communication-services',
      title: 'callEndReason 487',
      openedBy: 'marie',
      answer: null,
    });
    expect(listed[1].openedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('takes a case for someone, then refuses it to another expert in one line, exit 1', async () => {
    const taken = await cli(env, ['take', '1', '--by', 'alice']);
    // The technician and the experts' card are the running bot's to tell: the command says so.
    expect(taken).toMatchObject({ code: 0, stdout: `Dossier 1 : pris en charge par alice.\n${TOLD_FR}\n` });
    const again = await cli(env, ['take', '1', '--by', 'bob']);
    expect(again).toMatchObject({ code: 1, stdout: 'Le dossier 1 est déjà pris en charge par alice.\n' });
  });

  it('resolves with an answer and an entry of the knowledge base, and lists it by state', async () => {
    const unknown = await cli(env, ['resolve', '1', '--answer', 'supprimé', '--entry', 'webex-999999']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('« webex-999999 » n’est pas une entrée de la base de connaissances');
    const resolved = await cli(env, [
      'resolve',
      '1',
      '--answer',
      'Compte supprimé dans l’autre org.',
      '--entry',
      'webex-200039',
      '--by',
      'alice',
    ]);
    expect(resolved.code).toBe(0);
    expect(resolved.stdout).toContain('Dossier 1 résolu par alice');
    expect(resolved.stdout).toContain(TOLD_FR);
    expect(resolved.stdout).toContain('Réponse de l’expert : Compte supprimé dans l’autre org.');
    const listed = JSON.parse((await cli(env, ['list', '--state', 'resolved', '--format', 'json'])).stdout);
    expect(
      listed.map((c: { id: number; answer: string; entry: string }) => [c.id, c.answer, c.entry]),
    ).toEqual([[1, 'Compte supprimé dans l’autre org.', 'webex-200039']]);
    const open = (await cli(env, ['list', '--state', 'open'])).stdout;
    expect(open).toContain('Dossier 2 · ouvert · Azure Communication Services');
    expect(open).not.toContain('Dossier 1');
  });

  it('closes and reopens, and shows a case whole', async () => {
    expect((await cli(env, ['close', '2', '--by', 'bob', '--lang', 'en'])).stdout).toBe(
      'Case 2 closed without an answer by bob.\nThe bot will tell the technician as soon as it runs, and update the experts’ card if there is one.\n',
    );
    expect((await cli(env, ['reopen', '2', '--by', 'marie'])).stdout).toBe(
      `Dossier 2 rouvert par marie.\n${TOLD_FR}\n`,
    );
    const shown = await cli(env, ['show', '2']);
    expect(shown.stdout).toContain('Dossier 2 (ouvert) — callEndReason 487');
    expect(shown.stdout).toContain("• Identifiant de l'organisation : ORG-42");
    expect(JSON.parse((await cli(env, ['show', '2', '--format', 'json'])).stdout).history).toHaveLength(3);
    expect(await cli(env, ['show', '9'])).toMatchObject({ code: 1, stdout: 'Le dossier 9 n’existe pas.\n' });
  });

  it.each([
    [['list', '--state', 'ouvert'], 'cases list: --state ouvert: expected open, taken, resolved, closed'],
    [['list', '--sate', 'open'], 'cases list: unknown option --sate'],
    [['take', '1'], 'cases take: --by NAME is required: who takes the case'],
    [['take', 'abc', '--by', 'x'], 'cases take: abc: expected a case number'],
    [['take', '1', '2', '--by', 'x'], 'cases take: unexpected argument 2'],
    [['resolve', '1'], 'cases resolve: --answer TEXT is required: what fixed it'],
    [['resolve', '1', '--answer', 'x', '--entri', 'y'], 'cases resolve: unknown option --entri'],
    [['assign', '1'], 'cases: expected list, show, take, resolve, close or reopen'],
  ])('refuses %j in one line naming the problem and the usage, exit 2', async (args, problem) => {
    const { code, stdout, stderr } = await cli(env, args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`uc-triage: ${problem}`)]);
    expect(stderr).toContain('(usage: ');
  });
});

const { available } = redisAvailability();

describe.skipIf(!available)('uc-triage cases on the Redis store (REDIS_URL)', () => {
  const redis = new TestRedis();
  beforeAll(() => redis.start());
  afterAll(() => redis.stop());

  it('acts on the cases the bot keeps in Redis', async () => {
    const client = await connectRedis(redis.url);
    const { id } = await new Cases(new RedisCaseStore(client), () => true).open(opening());
    client.disconnect();
    const env = {
      REDIS_URL: redis.url,
      FEEDBACK_DB: join(mkdtempSync(join(tmpdir(), 'uc-unused-')), 'f.sqlite'),
    };
    expect((await cli(env, ['take', String(id), '--by', 'alice'])).stdout).toBe(
      `Dossier ${id} : pris en charge par alice.\n${TOLD_FR}\n`,
    );
    const listed = JSON.parse((await cli(env, ['list', '--state', 'taken', '--format', 'json'])).stdout);
    expect(listed.map((c: { id: number; takenBy: string }) => [c.id, c.takenBy])).toEqual([[id, 'alice']]);
  });

  it('says so in one line when Redis cannot be reached, rather than listing nothing', async () => {
    const { code, stderr } = await cli({ REDIS_URL: 'redis://127.0.0.1:1' }, ['list']);
    expect(code).toBe(1);
    expect(stderr).toBe('uc-triage: the case store is in Redis (REDIS_URL) and Redis cannot be reached\n');
  });
});
