import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAskArgs } from '../../src/cli/ask.js';
import { type CommandSpec, parseCommandLine, UsageError } from '../../src/cli/command-line.js';
import { parseReportArgs } from '../../src/cli/report.js';

const root = new URL('../../', import.meta.url).pathname;
// A store of the test's own: a command that wrongly ran would find nothing and exit 0, not touch data/.
const env = {
  PATH: process.env.PATH ?? '',
  FEEDBACK_DB: join(mkdtempSync(join(tmpdir(), 'uc-cli-')), 'feedback.sqlite'),
};

/** Runs the built CLI; resolves with its exit code and output, whatever the code. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)('node', ['dist/adapters/cli.js', ...args], { cwd: root, env, timeout: 15_000 })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => e);
}

describe('a command line the command cannot run', () => {
  const refused: [string[], string, string][] = [
    [['report', 'gaps', '--sinse', '7d'], 'report gaps: unknown option --sinse', 'uc-triage report gaps ['],
    [['report', 'gaps', '--since'], 'report gaps: --since needs a value', 'uc-triage report gaps ['],
    [
      ['report', 'gaps', '--since', '--format', 'md'],
      'report gaps: --since needs a value',
      'uc-triage report gaps [',
    ],
    [['report', 'gaps', '--html', 'r.html'], 'report gaps: unknown option --html', 'uc-triage report gaps ['],
    [['report', 'usage', '--sinse=30d'], 'report usage: unknown option --sinse', 'uc-triage report usage ['],
    [
      ['report', 'export-eval', '--format', 'json'],
      'report export-eval: unknown option --format',
      'uc-triage report export-eval [',
    ],
    [['report', 'gaps', '7d'], 'report gaps: unexpected argument 7d', 'uc-triage report gaps ['],
    [['ask', '--jsno', '200039'], 'ask: unknown option --jsno', 'uc-triage ask [--json]'],
    [['ask', '--json=yes', '200039'], 'ask: --json takes no value', 'uc-triage ask [--json]'],
    [['chat', '--record'], 'chat: unknown option --record', 'uc-triage chat'],
    [['kb', 'stats', '--verbose'], 'kb stats: unknown option --verbose', 'uc-triage kb stats'],
    [['kb', 'show', '-x', '200039'], 'kb show: unknown option -x', 'uc-triage kb show <code|id>'],
    [['kb', 'show'], 'kb show: missing argument', 'uc-triage kb show <code|id>'],
    [['kb', 'lint', '--fix'], 'kb lint: unknown option --fix', 'uc-triage kb lint'],
  ];

  it.each(refused)(
    'refuses %j in one line naming the problem and the usage, exit 2',
    async (args, problem, usage) => {
      const { code, stdout, stderr } = await cli(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toEqual([
        expect.stringContaining(`uc-triage: ${problem} (usage: `),
      ]);
      expect(stderr).toContain(usage);
    },
  );
});

describe('a wrong setting', () => {
  it.each(['dist/adapters/cli.js', 'dist/bin/cli.js'])(
    "stops %s in one line naming the variable, exit 2 (a typed ConfigError, also across the bundle's chunks)",
    async (binary) => {
      const run = promisify(execFile)('node', [binary, 'report', 'gaps'], {
        cwd: root,
        env: { ...env, PORT: 'abc' },
        timeout: 15_000,
      }).catch((e: { code: number; stdout: string; stderr: string }) => e);
      const { code, stdout, stderr } = (await run) as { code?: number; stdout: string; stderr: string };
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^uc-triage: Invalid setting PORT: /),
      ]);
    },
  );
});

describe('the commands still take what they document', () => {
  it('answers a question whose words start with a dash, and takes "--" as the end of options', async () => {
    expect(parseAskArgs(['--json', 'error', '-1', '->', '500'])).toEqual({
      json: true,
      stdin: false,
      record: false,
      explain: false,
      query: 'error -1 -> 500',
    });
    expect(parseAskArgs(['--', '--json']).query).toBe('--json');
    const { code, stdout } = await cli(['ask', '--json', '--', '200039']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).results[0].id).toBe('webex-200039');
  });

  it('reads --since 7d and --since=7d alike, and refuses a value that is not a duration', () => {
    expect(parseReportArgs(['gaps', '--since=2w', '--format', 'csv'])).toMatchObject({
      sinceMs: 14 * 86_400_000,
      format: 'csv',
    });
    expect(parseReportArgs(['usage', '--since', '2w', '--html=u.html'])).toMatchObject({ html: 'u.html' });
    expect(() => parseReportArgs(['gaps', '--since', 'yesterday'])).toThrow(UsageError);
  });

  it('reads an option whose value may be left out: --html, --html FILE, --html=FILE, --html -', () => {
    const spec: CommandSpec = {
      name: 'report usage',
      usage: 'uc-triage report usage [--since 30d] [--html [FILE]]',
      options: ['--since'],
      optionalValue: { '--html': '-' },
      operands: 'none',
    };
    const html = (args: string[]) => parseCommandLine(spec, args).options.get('--html');
    expect(html(['--html'])).toBe('-');
    expect(html(['--html', '--since', '7d'])).toBe('-');
    expect(parseCommandLine(spec, ['--html', '--since', '7d']).options.get('--since')).toBe('7d');
    expect(html(['--html', 'u.html'])).toBe('u.html');
    expect(html(['--html=u.html'])).toBe('u.html');
    expect(html(['--html', '-'])).toBe('-');
    expect(html(['--since', '7d'])).toBeUndefined();
    expect(() => html(['--html='])).toThrow('report usage: --html= needs a value (or leave out the =)');
    expect(() => html(['--html', '--', 'x'])).toThrow('report usage: unexpected argument x');
    expect(parseReportArgs(['usage', '--html'])).toMatchObject({ html: '-', language: 'fr' });
    expect(parseReportArgs(['usage', '--lang', 'en', '--html', 'u.html'])).toMatchObject({
      html: 'u.html',
      language: 'en',
    });
  });

  it('prints a command’s usage on --help, exit 0', async () => {
    const { code, stdout } = await cli(['report', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('uc-triage report gaps [--since 7d]');
    expect(stdout).toContain('uc-triage report export-eval [--since 90d]');
    expect(stdout).not.toContain('uc-triage ask');
  });
});
