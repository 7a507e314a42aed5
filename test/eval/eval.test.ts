import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/app/build-library.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { accuracyTable, evaluate, loadEvalSet, type Outcome } from './evaluate.js';

let outcomes: Outcome[];
beforeAll(() => {
  outcomes = evaluate(new TriageBot(buildLibrary()), loadEvalSet());
});

describe('labelled evaluation set', () => {
  it('has at least 150 realistic queries in every category', () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(150);
    const cats = new Set(outcomes.map((o) => o.query.cat));
    for (const cat of [
      'code',
      'code-sentence',
      'code-format',
      'log',
      'fr-symptom',
      'en-symptom',
      'off-topic',
    ]) {
      expect(cats.has(cat), cat).toBe(true);
    }
  });

  it('puts the right entry first (or declines off-topic) for the tuned categories', () => {
    const { table, byCategory } = accuracyTable(outcomes);
    const misses = outcomes.filter((o) => !o.ok).map((o) => `[${o.query.cat}] ${o.query.q} => ${o.got}`);
    console.log(`${table}\n\nMisses:\n${misses.join('\n')}`);
    // Every code, in every form, is answered; off-topic is never answered (issue 22: the tuned set
    // stays >= 95 %). The other floors sit just under the fitted decision's figures: a symptom it
    // does not answer is mostly offered first under "Vouliez-vous dire" (printed above).
    for (const cat of ['code', 'code-sentence', 'code-format', 'off-topic']) {
      expect(byCategory.get(cat), cat).toBe(1);
    }
    expect(byCategory.get('all')).toBeGreaterThanOrEqual(0.95);
    expect(byCategory.get('log')).toBeGreaterThanOrEqual(0.96);
    expect(byCategory.get('fr-symptom')).toBeGreaterThanOrEqual(0.92);
    expect(byCategory.get('en-symptom')).toBeGreaterThanOrEqual(0.94);
    expect(byCategory.get('near-domain')).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the held-out queries (never tuned on) above a floor', () => {
    const held = outcomes.filter((o) => o.query.cat === 'held-out');
    expect(held.filter((o) => o.ok).length / held.length).toBeGreaterThanOrEqual(0.7);
  });
});
