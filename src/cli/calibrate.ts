import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TriageBot } from '../app/triage-bot.js';
import { packageRoot } from '../knowledge/kb.js';
import type { CalibrateOptions } from './calibration.js';
import { type CommandSpec, parseCommandLine, UsageError } from './command-line.js';

/**
 * `uc-triage calibrate`: refits the decision model (knowledge/decision.yaml) from labelled sets
 * and from `report export-eval` files, with cross-validation by file, and prints the
 * accuracy-vs-coverage table the two thresholds are chosen from.
 */

/** The test split of the real corpus is measured once at the end: never fitted on. */
const TEST_SPLIT = /[/\\]real[/\\]test\.yaml$/;

export function defaultCalibrationSets(root = packageRoot()): string[] {
  const evalDir = join(root, 'test', 'eval');
  const files = readdirSync(evalDir)
    .filter((f) => f === 'queries.yaml' || f === 'real-style.yaml' || /^heldout(-\d+)?\.yaml$/.test(f))
    .map((f) => join(evalDir, f));
  for (const f of ['dev.yaml', 'written.yaml']) {
    const path = join(evalDir, 'real', f);
    if (existsSync(path)) files.push(path);
  }
  return files;
}

export type { CalibrateOptions } from './calibration.js';

export const CALIBRATE_COMMAND: CommandSpec = {
  name: 'calibrate',
  usage:
    'uc-triage calibrate [--set FILE]... [--export-eval FILE]... [--misses FILE]... [--answer P] [--suggest P] [--l2 N] [--real-weight N] [--max-confident-wrong R] [--min-declined R] [--write]',
  switches: ['--write'],
  options: ['--answer', '--suggest', '--l2', '--real-weight', '--max-confident-wrong', '--min-declined'],
  repeatable: ['--set', '--export-eval', '--misses'],
  operands: 'none',
};

export function parseCalibrateArgs(args: string[]): CalibrateOptions {
  const line = parseCommandLine(CALIBRATE_COMMAND, args);
  const refuse = (problem: string) =>
    new UsageError(`calibrate: ${problem} (usage: ${CALIBRATE_COMMAND.usage})`);
  const number = (flag: string, fallback: number, max = Number.POSITIVE_INFINITY) => {
    const raw = line.options.get(flag);
    if (raw === undefined) return fallback;
    const v = Number(raw);
    if (!Number.isFinite(v) || v < 0 || v > max)
      throw refuse(`${flag} ${raw}: expected a number from 0 to ${max}`);
    return v;
  };
  const files = [...(line.repeated.get('--set') ?? []), ...(line.repeated.get('--export-eval') ?? [])];
  const explain = line.repeated.get('--misses') ?? [];
  const chosen = files.length > 0 ? files : defaultCalibrationSets();
  for (const file of [...chosen, ...explain]) {
    if (TEST_SPLIT.test(file))
      throw refuse(`${file} is the test split, measured once at the end: never fitted on`);
    if (!existsSync(file)) throw refuse(`${file}: no such file`);
  }
  const answer = line.options.has('--answer') ? number('--answer', 0, 1) : undefined;
  const suggest = line.options.has('--suggest') ? number('--suggest', 0, 1) : undefined;
  if (answer !== undefined && suggest !== undefined && suggest > answer)
    throw refuse('--suggest must not exceed --answer');
  return {
    files: chosen,
    write: line.switches.has('--write'),
    l2: number('--l2', 1),
    realWeight: number('--real-weight', 3),
    maxConfidentWrong: number('--max-confident-wrong', 0.02, 1),
    minDeclined: number('--min-declined', 0.985, 1),
    explain,
    ...(answer !== undefined ? { answer } : {}),
    ...(suggest !== undefined ? { suggest } : {}),
  };
}

/** Refits (and with --write, writes) the decision model; the fitting code loads only for this command. */
export async function runCalibrate(bot: TriageBot, options: CalibrateOptions): Promise<string> {
  const { calibrateAndReport } = await import('./calibration.js');
  return calibrateAndReport(bot, options);
}
