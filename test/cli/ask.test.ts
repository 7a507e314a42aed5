import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/app/library.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { parseAskArgs, runAsk } from '../../src/cli/ask.js';

let bot: TriageBot;
beforeAll(() => {
  bot = new TriageBot(buildLibrary());
});

async function ask(args: string[], stdin = ''): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk) => {
    text += chunk;
  });
  input.end(stdin);
  await runAsk(bot, parseAskArgs(args), input, output);
  return text;
}

describe('uc-triage ask --json --stdin', () => {
  it('prints exactly one JSON line per input line, in order, empty lines included', async () => {
    const out = await ask(['--json', '--stdin'], '200039\n\nbonjour\nerreur 200 039 sur le portail\n');
    const lines = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.query)).toEqual(['200039', '', 'bonjour', 'erreur 200 039 sur le portail']);
    expect(lines.map((l) => l.answered)).toEqual([true, false, false, true]);
    expect(lines[3].results[0].code).toBe('200039');
  });

  it('follows the result contract: product, code, title, section, cause, action, followUps, score; at most 5', async () => {
    const [line] = (await ask(['--json', '--stdin'], '200043\n')).trimEnd().split('\n');
    const answer = JSON.parse(line as string);
    expect(answer.results.length).toBeLessThanOrEqual(5);
    expect(answer.results[0]).toMatchObject({
      product: 'webex-broadworks',
      code: '200043',
      section: "Codes d'erreur de l'utilisateur final",
      cause:
        "Échec de la validation de l'e-mail car le mappage de configuration utilisateur-client est incorrect",
      action:
        "L'utilisateur doit réessayer avec une adresse e-mail différente.\nSinon, l'administrateur doit supprimer l'autre utilisateur qui utilise cette adresse e-mail.",
    });
    expect(answer.results[0].followUps).toBeInstanceOf(Array);
    expect(typeof answer.results[0].score).toBe('number');
    expect(typeof answer.results[0].title).toBe('string');
  });

  it('keeps lines of binary garbage and a huge pasted log one-for-one', async () => {
    const huge = `ERROR ${'x'.repeat(200_000)} code=200039`;
    const out = await ask(['--json', '--stdin'], `\u0000\u0001\u00ff\ufffd\n${huge}\n`);
    const lines = out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].answered).toBe(false);
  });

  it('answers in readable text without --json, in English for an English question', async () => {
    const out = await ask(['how', 'do', 'I', 'escalate', 'a', 'problem']);
    expect(out).toContain('Escalader un problème');
    expect(out).toContain('Source: ');
    expect(out).toContain('Confidence');
  });
});

describe('the uc-triage binary', () => {
  it('answers `ask 200039` from the build, with the stitched action text', async () => {
    const { stdout } = await promisify(execFile)('node', ['dist/adapters/cli.js', 'ask', '200039']);
    expect(stdout).toContain('en utilisant un ID utilisateur BroadWorks différent');
  });

  it('shows a code with its citation through `kb show`, and fails on an unknown one', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('node', ['dist/adapters/cli.js', 'kb', 'show', '600014']);
    expect(stdout).toContain('Erreur de Broadworks - %s.');
    expect(stdout).toContain('webex-broadworks-troubleshooting.md, lignes 885-885');
    await expect(run('node', ['dist/adapters/cli.js', 'kb', 'show', '999999'])).rejects.toMatchObject({
      code: 1,
    });
  });
});
