import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/app/build-library.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { answerJson, parseAskArgs, runAsk } from '../../src/cli/ask.js';

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

describe('ask --stdin and its reader', () => {
  it('waits for a slow reader instead of buffering every answer in memory', async () => {
    const { Writable, Readable } = await import('node:stream');
    let maxBuffered = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(_chunk, _enc, done) {
        maxBuffered = Math.max(maxBuffered, slow.writableLength);
        setTimeout(done, 1);
      },
    });
    const input = Readable.from([`${Array.from({ length: 300 }, () => '200039').join('\n')}\n`]);
    await runAsk(bot, { json: true, stdin: true, record: false, explain: false, query: '' }, input, slow);
    // Without waiting for 'drain', all 300 answers (over 1 MB) would sit in the stream's buffer.
    expect(maxBuffered).toBeLessThan(20_000);
    // Each pause waited for 'drain' or 'close': the one that did not come leaves no listener behind
    // (they piled up, one 'close' and one 'error' per pause).
    expect(slow.listenerCount('close')).toBe(0);
    expect(slow.listenerCount('error')).toBeLessThanOrEqual(1);
  });

  it('ends quietly with exit 0 when the reader goes away (| head -1)', async () => {
    const { spawn } = await import('node:child_process');
    const lines = `${Array.from({ length: 5000 }, () => '200039').join('\n')}\n`;
    const child = spawn('node', ['dist/adapters/cli.js', 'ask', '--json', '--stdin'], {
      cwd: new URL('../../', import.meta.url).pathname,
    });
    let stderr = '';
    child.stderr.on('data', (c) => {
      stderr += String(c);
    });
    child.stdin.end(lines);
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('ask --json findings', () => {
  const LOG = [
    '2026-11-30 08:12:44 ERROR [activation] POST /validate -> 400 {"errorCode":200039}',
    '[11:02:33] ACS callEndReason {code: 487, subCode: 0}',
    'Event ID 20017 LS UCWA Warning pool01',
  ].join('\n');

  it('returns one finding per product and code of a three-product excerpt, in order, with its line', () => {
    const line = JSON.parse(answerJson(bot.ask(LOG)));
    expect(
      line.findings.map((f: { code: string; product: string; id: string }) => [f.code, f.product, f.id]),
    ).toEqual([
      ['200039', 'webex-broadworks', 'webex-200039'],
      ['487', 'azure-communication-services', 'acs-487'],
      ['20017', 'skype-ucwa', 'ucwa-20017'],
    ]);
    expect(line.findings[1].line).toBe('[11:02:33] ACS callEndReason {code: 487, subCode: 0}');
    expect(line.findings[2].action).toBe('Vérifier si le MCU AS est en cours d’exécution');
  });

  it('returns one finding and the same results for a one-code message', () => {
    const line = JSON.parse(answerJson(bot.ask('200039')));
    expect(line.findings).toHaveLength(1);
    expect(line.findings[0]).toMatchObject({
      code: '200039',
      id: 'webex-200039',
      title: expect.stringContaining('emailId'),
    });
    expect(line.results[0].id).toBe('webex-200039');
  });
});

describe('the uc-triage bin (bundled by the build)', () => {
  it('answers like the modules it is built from, and lints the knowledge base', async () => {
    const run = promisify(execFile);
    const cwd = new URL('../../', import.meta.url).pathname;
    const bundled = await run('node', ['dist/bin/cli.js', 'ask', '--json', '200039'], { cwd });
    const modules = await run('node', ['dist/adapters/cli.js', 'ask', '--json', '200039'], { cwd });
    expect(bundled.stdout).toBe(modules.stdout);
    expect(JSON.parse(bundled.stdout).results[0].id).toBe('webex-200039');
    const lint = await run('node', ['dist/bin/cli.js', 'kb', 'lint'], { cwd });
    expect(lint.stdout).toContain('no problem found');
  });

  it('loads at start only what answering needs: no schema validation, YAML or markdown parser', async () => {
    // The cold start of `ask 200039` (npm run bench) pays for every chunk the entry imports
    // statically; zod alone was 750 KB of it, reached through the shown-reply records. The other
    // libraries load when a command needs them (a click, kb build, a report).
    const { readFileSync } = await import('node:fs');
    const bin = new URL('../../dist/bin/', import.meta.url);
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const code = readFileSync(new URL(file, bin), 'utf8');
      for (const m of code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["'](\.\/[^"']+)["']/gm))
        visit((m[1] as string).slice(2));
    };
    visit('cli.js');
    const bundled = [...loaded].map((f) => readFileSync(new URL(f, bin), 'utf8')).join('\n');
    expect(bundled).toContain('// node_modules/minisearch/');
    for (const library of ['zod', 'yaml', 'micromark', 'pino', 'iconv-lite'])
      expect(bundled, library).not.toContain(`// node_modules/${library}/`);
  });
});
