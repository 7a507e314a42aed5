import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import type { TriageBot } from '../app/triage-bot.js';
import { FEATURE_NAMES, FEATURES, featuresOf } from '../decision/features.js';
import { type Example, fitLogistic, type LogisticFit, predict } from '../decision/fit.js';
import type { DecisionModel } from '../decision/model.js';
import { packageRoot } from '../knowledge/kb.js';

/**
 * The fitting behind `uc-triage calibrate` (loaded only by that command): each labelled query's best
 * candidate as features, logistic regression cross-validated by file, the accuracy-vs-coverage
 * table, and the model file.
 */

export interface CalibrateOptions {
  /** Labelled sets: YAML files of `queries: [{ q, expect, cat }]` (`expect: null` = must decline). */
  files: string[];
  /** Write the fitted weights and the chosen thresholds into knowledge/decision.yaml. */
  write: boolean;
  /** L2 penalty on the standardised weights. */
  l2: number;
  /** How much an item of a set of real users' texts counts against a self-written one. */
  realWeight: number;
  /**
   * The answer threshold is the lowest at which the cross-validated confident-wrong rate of all sets
   * stays at or under this, and the real texts' negatives declined reach `minDeclined`.
   */
  maxConfidentWrong: number;
  /** The share of the real texts' near-domain negatives the answer threshold must decline (cross-validated). */
  minDeclined: number;
  /** Print the items of these files the cross-validated decision gets wrong, with why. */
  explain: string[];
  /** Thresholds chosen by hand from the table (else chosen by maxConfidentWrong and minDeclined). */
  answer?: number;
  suggest?: number;
}

/** Files holding real users' texts (evidence): their items weigh `realWeight`. */
const REAL = /[/\\]real[/\\](?:dev|test)\.yaml$|from-feedback|export-eval/;

interface LabelledQuery {
  q: string;
  expect: string | string[] | null;
  cat?: string;
  url?: string;
}

/** Real sets count as REAL_FOLDS files for cross-validation, split by URL (one thread stays in one fold). */
const REAL_FOLDS = 5;
function foldOf(query: LabelledQuery): number {
  return (
    (createHash('sha256')
      .update(query.url ?? query.q)
      .digest()[0] ?? 0) % REAL_FOLDS
  );
}

/** One labelled query as the decision sees it: the features of its best candidate, and the truth. */
interface Item {
  file: string;
  /** The cross-validation fold: the file, or a fifth of a real set (by URL) so real texts learn from real texts. */
  fold: string;
  query: LabelledQuery;
  top: string | undefined;
  real: boolean;
  positive: boolean;
  /** The best candidate is the expected entry (an answer would be right). */
  topRight: boolean;
  /** The features of the best candidate (none when there is no candidate). */
  x: number[] | null;
  /** A guard forbids answering with the best candidate, or there is none. */
  unanswerable: boolean;
}

export function loadLabelled(file: string): LabelledQuery[] {
  const parsed = parse(readFileSync(file, 'utf8')) as { queries?: LabelledQuery[] } | null;
  return (parsed?.queries ?? []).filter((q) => typeof q.q === 'string');
}

function itemsOf(bot: TriageBot, file: string): Item[] {
  const real = REAL.test(file);
  return loadLabelled(file).map((query) => {
    const retrieval = bot.candidates(query.q);
    const top = retrieval.candidates[0];
    const wanted = query.expect === null ? [] : Array.isArray(query.expect) ? query.expect : [query.expect];
    return {
      file,
      fold: real ? `${file}#${foldOf(query)}` : file,
      query,
      top: top?.entry.id,
      real,
      positive: wanted.length > 0,
      topRight: Boolean(top && wanted.includes(top.entry.id)),
      x: top ? featuresOf(top, retrieval) : null,
      unanswerable: !top || Boolean(top.guard),
    };
  });
}

interface Row {
  threshold: number;
  answered: number;
  right: number;
  positives: number;
  negatives: number;
  negativesDeclined: number;
  wrong: number;
}

function rowAt(items: Item[], p: number[], threshold: number): Row {
  const row: Row = {
    threshold,
    answered: 0,
    right: 0,
    positives: 0,
    negatives: 0,
    negativesDeclined: 0,
    wrong: 0,
  };
  items.forEach((item, i) => {
    const answered = !item.unanswerable && (p[i] as number) >= threshold;
    if (item.positive) row.positives++;
    else row.negatives++;
    if (!answered) {
      if (!item.positive) row.negativesDeclined++;
      return;
    }
    row.answered++;
    if (item.positive && item.topRight) row.right++;
    else row.wrong++;
  });
  return row;
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

function table(title: string, items: Item[], p: number[], thresholds: number[]): string {
  const lines = [
    `${title} (${items.length} items, cross-validated by file)`,
    '| answer threshold | answered | positives right | negatives declined | confident-wrong |',
    '|---:|---:|---:|---:|---:|',
  ];
  for (const t of thresholds) {
    const r = rowAt(items, p, t);
    lines.push(
      `| ${t.toFixed(2)} | ${pct(r.answered, items.length)} | ${pct(r.right, r.positives)} | ${pct(r.negativesDeclined, r.negatives)} | ${pct(r.wrong, r.answered)} (${r.wrong}/${r.answered}) |`,
    );
  }
  return lines.join('\n');
}

const trainable = (items: Item[], realWeight: number): Example[] =>
  items
    .filter((i) => i.x && !i.unanswerable)
    .map((i) => ({
      x: i.x as number[],
      y: i.topRight && i.positive ? 1 : 0,
      weight: i.real ? realWeight : 1,
    }));

export interface CalibrationResult {
  output: string;
  fit: LogisticFit;
  thresholds: DecisionModel['thresholds'];
}

export function calibrate(bot: TriageBot, options: CalibrateOptions): CalibrationResult {
  const items = options.files.flatMap((file) => itemsOf(bot, file));
  // Cross-validation by file: each file's items are predicted by a model fitted on the other files
  // (a real set counts as REAL_FOLDS files, split by URL).
  const p = new Array<number>(items.length).fill(0);
  for (const fold of new Set(items.map((i) => i.fold))) {
    const fit = fitLogistic(
      trainable(
        items.filter((i) => i.fold !== fold),
        options.realWeight,
      ),
      options.l2,
    );
    items.forEach((item, i) => {
      if (item.fold === fold && item.x) p[i] = predict(fit, item.x);
    });
  }
  const thresholds = [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
  const all = items.map((item, i) => ({ item, p: p[i] as number }));
  const real = all.filter((e) => e.item.real);
  // The answer threshold: the lowest at which answers stay right (the confident-wrong rate of every
  // set, whose positives are mostly self-written: real texts the sources answer are rare) and real
  // off-topic texts stay declined (the real sets' negatives, the evidence of how people write).
  const rowOf = (entries: typeof all, t: number) =>
    rowAt(
      entries.map((e) => e.item),
      entries.map((e) => e.p),
      t,
    );
  const answer =
    options.answer ??
    thresholds.find((t) => {
      const r = rowOf(all, t);
      const onReal = rowOf(real, t);
      return (
        (r.answered === 0 || r.wrong / r.answered <= options.maxConfidentWrong) &&
        (onReal.negatives === 0 || onReal.negativesDeclined / onReal.negatives >= options.minDeclined)
      );
    }) ??
    0.95;
  const suggest = options.suggest ?? Math.round(Math.max(0.05, answer / 2) * 100) / 100;
  const fit = fitLogistic(trainable(items, options.realWeight), options.l2);
  const perFile = options.files.map((file) => {
    const mine = items.map((item, i) => ({ item, p: p[i] as number })).filter((e) => e.item.file === file);
    const r = rowAt(
      mine.map((e) => e.item),
      mine.map((e) => e.p),
      answer,
    );
    return `| ${relative(packageRoot(), file)} | ${mine.length} | ${pct(r.right, r.positives)} | ${pct(r.negativesDeclined, r.negatives)} | ${pct(r.wrong, r.answered)} (${r.wrong}/${r.answered}) |`;
  });
  const explained = options.explain.flatMap((file) =>
    items.flatMap((item, i) => {
      const answered = !item.unanswerable && (p[i] as number) >= answer;
      const right = item.positive ? answered && item.topRight : !answered;
      if (!item.file.endsWith(file.replace(/^.*[/\\]/, '')) || right || !item.x) return [];
      const contributions = FEATURES.map((f, j) => ({
        name: f.name,
        c: (fit.weights[j] ?? 0) * (item.x?.[j] ?? 0),
      }))
        .filter((c) => Math.abs(c.c) > 0.3)
        .sort((a, b) => Math.abs(b.c) - Math.abs(a.c))
        .slice(0, 5)
        .map((c) => `${c.name} ${c.c > 0 ? '+' : ''}${c.c.toFixed(1)}`);
      const text = item.query.q.replace(/\s+/g, ' ').slice(0, 150);
      return [
        `- ${answered ? 'ANSWERED' : 'declined'} p=${(p[i] as number).toFixed(2)} top=${item.top} expect=${JSON.stringify(item.query.expect)}: ${text}\n    ${contributions.join(', ')}`,
      ];
    }),
  );
  const output = [
    `calibrate: ${items.length} labelled queries from ${options.files.length} file(s), ${trainable(items, 1).length} answerable best candidates`,
    '',
    ...(real.length > 0
      ? [
          table(
            'Real users’ texts',
            real.map((e) => e.item),
            real.map((e) => e.p),
            thresholds,
          ),
          '',
        ]
      : []),
    table('All sets', items, p, thresholds),
    '',
    options.answer !== undefined
      ? `Chosen thresholds: answer ${answer} (--answer), suggest ${suggest}`
      : `Chosen thresholds: answer ${answer} (the lowest with confident-wrong <= ${(100 * options.maxConfidentWrong).toFixed(1)} % on all sets${real.length > 0 ? ` and >= ${(100 * options.minDeclined).toFixed(1)} % of the real texts' negatives declined` : ''}), suggest ${suggest} (half of it)`,
    '',
    '| file | items | positives right | negatives declined | confident-wrong |',
    '|---|---:|---:|---:|---:|',
    ...perFile,
    '',
    ...(explained.length > 0 ? ['Misses (cross-validated):', ...explained, ''] : []),
    'Weights (fitted on every file):',
    `  bias ${fit.bias.toFixed(3)}`,
    ...FEATURES.map(
      (f, i) => `  ${f.name.padEnd(18)} ${(fit.weights[i] ?? 0).toFixed(3).padStart(8)}  ${f.about}`,
    ),
  ].join('\n');
  return { output, fit, thresholds: { answer, suggest } };
}

/** The model file, with what each weight means and what it was fitted on. */
export function decisionYaml(result: CalibrationResult, options: CalibrateOptions): string {
  const weights: Record<string, number> = {};
  FEATURE_NAMES.forEach((name, i) => {
    weights[name] = Math.round((result.fit.weights[i] ?? 0) * 1000) / 1000;
  });
  const header = [
    '# The decision model: p(the best candidate is the right answer) = sigmoid(bias + Σ weight × feature).',
    '# Answer when p >= thresholds.answer; "Vouliez-vous dire …" when a candidate reaches thresholds.suggest;',
    '# else an honest "I don\'t know". Written by `uc-triage calibrate --write` (see docs/answering.md,',
    '# "The decision"); the features are defined in src/decision/features.ts:',
    ...FEATURES.map((f) => `#   ${f.name}: ${f.about}`),
  ].join('\n');
  const body = stringify({
    thresholds: result.thresholds,
    bias: Math.round(result.fit.bias * 1000) / 1000,
    weights,
    fitted: {
      on: options.files.map((f) => basename(f)),
      l2: options.l2,
      realWeight: options.realWeight,
      maxConfidentWrong: options.maxConfidentWrong,
      minDeclined: options.minDeclined,
    },
  });
  return `${header}\n${body}`;
}

export function calibrateAndReport(bot: TriageBot, options: CalibrateOptions): string {
  const result = calibrate(bot, options);
  if (!options.write) return result.output;
  const file = join(packageRoot(), 'knowledge', 'decision.yaml');
  writeFileSync(file, decisionYaml(result, options), 'utf8');
  return `${result.output}\n\nWritten: ${relative(packageRoot(), file)} (run \`uc-triage kb build\` to rebuild the caches)`;
}
