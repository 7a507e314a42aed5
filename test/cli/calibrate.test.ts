import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * `uc-triage calibrate` through the built CLI: the command a maintainer runs to refit the decision
 * (docs/answering.md, "Refitting the decision"). It never writes here (no --write).
 */
const cliFile = new URL('../../dist/adapters/cli.js', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;

async function calibrate(args: string[]) {
  return promisify(execFile)(process.execPath, [cliFile, 'calibrate', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000,
    maxBuffer: 10 * 1024 * 1024,
  })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => e);
}

interface DecisionFile {
  thresholds: { answer: number; suggest: number };
  bias: number;
  weights: Record<string, number>;
}

describe('uc-triage calibrate', () => {
  it('refits the committed model from the default sets: the same weights and thresholds', async () => {
    const model = parse(
      readFileSync(new URL('../../knowledge/decision.yaml', import.meta.url), 'utf8'),
    ) as DecisionFile;
    const { code, stdout } = await calibrate([]);
    expect(code).toBe(0);
    // The accuracy-vs-coverage tables the thresholds are chosen from.
    expect(stdout).toContain('Real users’ texts');
    expect(stdout).toMatch(/\| 0\.70 \| [\d.]+ % \| [\d.]+ % \| [\d.]+ % \| [\d.]+ % \(\d+\/\d+\) \|/);
    expect(stdout).toContain(
      `Chosen thresholds: answer ${model.thresholds.answer} (the lowest with confident-wrong <= 2.0 % on all sets`,
    );
    expect(stdout).toContain(`suggest ${model.thresholds.suggest} (half of it)`);
    expect(stdout).toContain(`bias ${model.bias.toFixed(3)}`);
    for (const [name, weight] of Object.entries(model.weights))
      expect(stdout, name).toMatch(new RegExp(`  ${name} +${weight.toFixed(3).replace('.', '\\.')}  `));
  }, 60_000);

  it('refuses the test split, which is measured once and never fitted on', async () => {
    const { code, stderr } = await calibrate(['--set', 'test/eval/real/test.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('is the test split, measured once at the end: never fitted on');
  });

  it('says what it expects of a threshold given by hand', async () => {
    const { code, stderr } = await calibrate(['--min-declined', '1.5']);
    expect(code).toBe(2);
    expect(stderr).toContain('--min-declined 1.5: expected a number from 0 to 1');
  });
});
