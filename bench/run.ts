// `npm run bench`: speed and memory of the ingest, the index and the answers, on the real
// knowledge base and on synthetic ones of 10k and 100k entries. Writes bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { TriageBot } from '../src/app/triage-bot.js';
import { MAX_STORED_QUERY } from '../src/feedback/recorder.js';
import { redact, redactStart } from '../src/feedback/redact.js';
import { buildKnowledgeBase, ingestAll } from '../src/knowledge/build.js';
import { assemble, DEFAULT_KNOWLEDGE_DIR, type KnowledgeBase, packageRoot } from '../src/knowledge/kb.js';
import type { CodeEntry, Entry, SectionEntry } from '../src/knowledge/types.js';

const FREE_TEXT = [
  "l'utilisateur ne voit pas l'icône d'appel",
  'impossible de se connecter en SSO',
  'les services téléphoniques se déconnectent',
  'how do I collect Webex logs from the help desk',
  'UCWA ne trouve pas Exchange pour la photo',
  'le portail d’activation ne se charge pas',
  'user already exists in CI',
  'réinitialiser la base de données Webex',
];
const CODE_QUERIES = [
  '200039',
  'callEndReason 487',
  'Event ID: 20017',
  'erreur 200 039',
  '#200042',
  '409 Conflict',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function latency(
  run: (q: string) => unknown,
  queries: string[],
  rounds: number,
): { p50: number; p99: number } {
  // Warm-up: the bot is a long-running server; JIT compilation is not what users wait for.
  for (let i = 0; i < 50; i++) for (const q of queries) run(q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

/**
 * A synthetic knowledge base of n entries (1 in 4 a code) made of the real vocabulary, drawn
 * with Zipf's law by real frequency: common words everywhere, rare ones in a few entries, as in
 * real documentation.
 */
function syntheticKb(real: KnowledgeBase, n: number): KnowledgeBase {
  const counts = new Map<string, number>();
  for (const e of real.entries) {
    for (const w of (e.kind === 'code' ? `${e.message} ${e.action ?? ''}` : `${e.title} ${e.body}`).split(
      /\s+/,
    )) {
      if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const vocabulary = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 0; rank < vocabulary.length; rank++) {
    sum += 1 / (rank + 1);
    cumulative.push(sum);
  }
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = () => {
    const target = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo];
  };
  const words = (k: number) => Array.from({ length: k }, pick).join(' ');
  const entries: Entry[] = [];
  for (let i = 0; i < n; i++) {
    const base = {
      product: 'webex-broadworks' as const,
      source: 'synthetic.md',
      lines: [i, i] as [number, number],
    };
    if (i % 4 === 0) {
      const code = String(100_000 + i);
      entries.push({
        ...base,
        kind: 'code',
        id: `syn-${code}`,
        code,
        message: words(10),
        cause: null,
        action: words(20),
        severity: null,
        origin: 'table',
        sectionPath: ['Synthetic', 'Codes'],
        section: 'Codes',
      } satisfies CodeEntry);
    } else {
      const title = words(6);
      entries.push({
        ...base,
        kind: 'section',
        id: `syn/${i}`,
        title,
        body: words(80),
        steps: [],
        mentionedCodes: [],
        sectionPath: ['Synthetic', title],
        section: title,
      } satisfies SectionEntry);
    }
  }
  return assemble(entries, real.overlays, `synthetic-${n}`, real.products);
}

/**
 * Cold starts of `uc-triage ask 200039` and of the naive lookup (bench/naive-lookup.mjs), run in
 * turns so that both meet the same machine load; the medians are compared.
 */
function coldStarts(runs: number): { ask: number; naive: number } {
  const time = (args: string[]) => {
    const t = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    return performance.now() - t;
  };
  const ask: number[] = [];
  const naive: number[] = [];
  for (let i = 0; i < runs; i++) {
    ask.push(time([join(packageRoot(), 'dist', 'bin', 'cli.js'), 'ask', '200039']));
    naive.push(time([join(packageRoot(), 'bench', 'naive-lookup.mjs')]));
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return { ask: median(ask), naive: median(naive) };
}

const rows: [string, string][] = [];
const add = (name: string, value: number, unit = 'ms') => {
  rows.push([name, `${value.toFixed(unit === 'ms' ? 3 : 1)} ${unit}`]);
  console.log(`${name.padEnd(48)} ${rows[rows.length - 1]?.[1]}`);
};

const ingest = time(() => ingestAll(DEFAULT_KNOWLEDGE_DIR));
add('ingest of the 3 sources (warm process)', ingest.ms);
const kb = buildKnowledgeBase();
const build = time(() => {
  const built = new TriageBot({ kb, trees: [] });
  built.warm();
  return built;
});
add(`index build, real KB (${kb.entries.length} entries)`, build.ms);
const bot = build.value;
/**
 * The real-KB latencies are measured in RUNS independent runs: this VM stalls now and then for
 * milliseconds whatever runs (most calls over 1 ms overlap no garbage collection), so one run's
 * p99 is as much the machine as the search. The median run is the figure; the worst run is shown.
 */
const RUNS = 5;
function runs(run: (q: string) => unknown, queries: string[], rounds: number) {
  const all = Array.from({ length: RUNS }, () => latency(run, queries, rounds));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return {
    p50: median(all.map((r) => r.p50)),
    p99: median(all.map((r) => r.p99)),
    worstP99: Math.max(...all.map((r) => r.p99)),
  };
}
const code = runs((q) => bot.ask(q), CODE_QUERIES, 300);
add(`real KB: code query p50 (median of ${RUNS} runs)`, code.p50);
add(`real KB: code query p99 (median of ${RUNS} runs)`, code.p99);
add(`real KB: code query p99, worst of ${RUNS} runs`, code.worstP99);
const text = runs((q) => bot.ask(q), FREE_TEXT, 200);
add(`real KB: free-text query p50 (median of ${RUNS} runs)`, text.p50);
add(`real KB: free-text query p99 (median of ${RUNS} runs)`, text.p99);
add(`real KB: free-text query p99, worst of ${RUNS} runs`, text.worstP99);

for (const n of (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number)) {
  const synthetic = syntheticKb(kb, n);
  const built = time(() => {
    const b = new TriageBot({ kb: synthetic, trees: [] });
    b.warm();
    return b;
  });
  add(`synthetic ${n / 1000}k: index build`, built.ms);
  const c = latency((q) => built.value.ask(q), ['100004', 'erreur 100400', `code ${100_000 + n - 4}`], 100);
  add(`synthetic ${n / 1000}k: code query p50`, c.p50);
  add(`synthetic ${n / 1000}k: code query p99`, c.p99);
  const t = latency((q) => built.value.ask(q), FREE_TEXT, 40);
  add(`synthetic ${n / 1000}k: free-text query p50`, t.p50);
  add(`synthetic ${n / 1000}k: free-text query p99`, t.p99);
  add(`synthetic ${n / 1000}k: heap used`, process.memoryUsage().heapUsed / 2 ** 20, 'MiB');
}
/**
 * Redaction (issue 21): inputs that made the old patterns quadratic (a 120k-character message took
 * 17 s), 100k characters each; the figure is the worst shape's median of 5 runs.
 */
const ADVERSARIAL = [
  'a',
  '1',
  'a@',
  'ab:',
  '=',
  '.',
  '1.',
  'a1-',
  ':',
  '<http:',
  'password=',
  'le code 200039 ',
];
function worstShape(run: (text: string) => unknown, length: number): { ms: number; shape: string } {
  let worst = { ms: 0, shape: '' };
  for (const unit of ADVERSARIAL) {
    const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    run(text);
    const runs = [0, 1, 2, 3, 4].map(() => time(() => run(text)).ms).sort((a, b) => a - b);
    if ((runs[2] as number) > worst.ms) worst = { ms: runs[2] as number, shape: unit };
  }
  return worst;
}
const whole = worstShape(redact, 100_000);
add(`redaction of 100k adversarial characters, worst shape ('${whole.shape}')`, whole.ms);
const stored = worstShape((text) => redactStart(text, MAX_STORED_QUERY), 120_000);
add(`120k message cut and redacted for storage, worst shape ('${stored.shape}')`, stored.ms);
const questions = FREE_TEXT.map((q, i) => `${q} jean.dupont${i}@example.com +33 6 12 34 56 7${i}`);
const typical = latency((q) => redactStart(q, MAX_STORED_QUERY), questions, 200);
add('redaction of a typical question p99', typical.p99);

const cold = coldStarts(15);
add('`uc-triage ask 200039` cold start (median of 15, in turns)', cold.ask);
add('naive MiniSearch lookup of 200039, cold (median of 15, in turns)', cold.naive);

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const table = ['| measure | value |', '|---|---:|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
const targets = `Targets (issue 4): code lookup p99 < 0.5 ms and free-text p99 < 3 ms on the real KB; 100k synthetic free-text p99 < 30 ms; cold start < 500 ms. Redaction (issue 21): 100k adversarial characters < 250 ms for the worst shape (linear patterns; the test suite bounds it at 1 s), a 120k message cut and redacted for storage < 10 ms.`;
writeFileSync(
  join(packageRoot(), 'bench', 'RESULTS.md'),
  `# Benchmark results\n\nMachine: ${machine}\nDate: ${new Date().toISOString()}\n\n${table}\n\n${targets}\n`,
);
console.log(`\nMachine: ${machine}\nWritten to bench/RESULTS.md`);
