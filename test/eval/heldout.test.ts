import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/app/build-library.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { accuracyTable, evaluate, loadEvalSet } from './evaluate.js';

// Floors are regression guards set just under the figures measured at the end of the third issue-11
// session (README, "Evaluation"). Batches 9 to 13 judged that session, each measured before and after
// the work it judged, aggregate only. Batch 13, the last, judged the final code once and meets the
// issue's bar (>= 95 % right, >= 90 % of negatives declined, confident-wrong <= 2 %), as batch 9 did;
// batches 10-12, measured on the code of their time, missed it by a little. Every batch's misses were
// read after its figures: all are tainted now, and the next change needs a new batch first.
const FLOORS = {
  'heldout.yaml': { overall: 0.97, negatives: 0.95, confidentWrong: 0.02 },
  'heldout-2.yaml': { overall: 0.97, negatives: 0.95, confidentWrong: 0.03 },
  'heldout-3.yaml': { overall: 0.96, negatives: 0.95, confidentWrong: 0.03 },
  'heldout-4.yaml': { overall: 0.95, negatives: 0.9, confidentWrong: 0.04 },
  'heldout-5.yaml': { overall: 0.98, negatives: 0.95, confidentWrong: 0.02 },
  'heldout-6.yaml': { overall: 0.95, negatives: 0.95, confidentWrong: 0.05 },
  'heldout-7.yaml': { overall: 0.97, negatives: 0.95, confidentWrong: 0.02 },
  'heldout-8.yaml': { overall: 0.97, negatives: 0.97, confidentWrong: 0.02 },
  'heldout-9.yaml': { overall: 0.96, negatives: 0.96, confidentWrong: 0.02 },
  'heldout-10.yaml': { overall: 0.95, negatives: 0.94, confidentWrong: 0.03 },
  'heldout-11.yaml': { overall: 0.95, negatives: 0.94, confidentWrong: 0.03 },
  'heldout-12.yaml': { overall: 0.94, negatives: 0.96, confidentWrong: 0.05 },
  'heldout-13.yaml': { overall: 0.97, negatives: 0.96, confidentWrong: 0.02 },
} as const;
const bot = new TriageBot(buildLibrary());

describe.each(Object.keys(FLOORS) as (keyof typeof FLOORS)[])('held-out set %s (never tuned on)', (file) => {
  const floor = FLOORS[file];
  const outcomes = evaluate(bot, loadEvalSet(file));

  it('covers near-domain negatives, sibling codes, English tickets and pasted logs', () => {
    const count = (cat: string) => outcomes.filter((o) => o.query.cat === cat).length;
    for (const cat of ['negative', 'sibling', 'en-ticket', 'log-multi'])
      expect(count(cat), cat).toBeGreaterThan(0);
  });

  it('stays above its floors: right overall, declines negatives, rarely confidently wrong', () => {
    const { table, byCategory, overall, confidentWrongRate } = accuracyTable(outcomes);
    const misses = outcomes.filter((o) => !o.ok).map((o) => `[${o.query.cat}] ${o.query.q} => ${o.got}`);
    console.log(`${file}\n${table}\n\nMisses:\n${misses.join('\n')}`);
    expect(overall).toBeGreaterThanOrEqual(floor.overall);
    expect(byCategory.get('negative')).toBeGreaterThanOrEqual(floor.negatives);
    expect(confidentWrongRate).toBeLessThanOrEqual(floor.confidentWrong);
  });
});

describe('held-out set sizes', () => {
  it.each([
    'heldout.yaml',
    'heldout-5.yaml',
    'heldout-6.yaml',
    'heldout-9.yaml',
    'heldout-10.yaml',
    'heldout-11.yaml',
    'heldout-12.yaml',
    'heldout-13.yaml',
  ])('has at least 150 items in %s, with the mix issue 11 asks for', (file) => {
    const first = loadEvalSet(file);
    const count = (cat: string) => first.filter((q) => q.cat === cat).length;
    expect(first.length).toBeGreaterThanOrEqual(150);
    expect(count('negative')).toBeGreaterThanOrEqual(50);
    expect(count('sibling')).toBeGreaterThanOrEqual(40);
    expect(count('en-ticket')).toBeGreaterThanOrEqual(30);
    expect(count('log-multi')).toBeGreaterThanOrEqual(30);
  });
});
