import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/app/build-library.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { accuracyTable, evaluate, loadEvalSet } from './evaluate.js';

/**
 * Real users' texts (issue 22): the evidence. test/eval/real/dev.yaml is tuned on freely (the
 * decision is fitted on it); test/eval/real/test.yaml is measured once at the end and never read;
 * written.yaml holds items the project wrote after real ones, reported apart; real-style.yaml holds
 * regression items in the style of real texts. See docs/evaluation.md.
 */
const bot = new TriageBot(buildLibrary());
const dev = loadEvalSet('real/dev.yaml');
const test = loadEvalSet('real/test.yaml');
const written = loadEvalSet('real/written.yaml');

const normalUrl = (url: string) =>
  url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .split('#')[0]
    ?.split('?')[0]
    ?.replace(/\/+$/, '');

describe('the corpus of real users’ texts', () => {
  it('holds at least 300 texts, each with its URL, at least 40 % near-domain negatives, French and English', () => {
    const real = [...dev, ...test];
    expect(real.length).toBeGreaterThanOrEqual(300);
    expect(real.every((q) => typeof q.url === 'string' && /^https?:\/\//.test(q.url))).toBe(true);
    expect(real.filter((q) => q.expect === null).length / real.length).toBeGreaterThanOrEqual(0.4);
    expect(new Set(real.map((q) => q.lang))).toEqual(new Set(['en', 'fr']));
  });

  it('splits by URL: no thread in both dev and test', () => {
    const devUrls = new Set(dev.map((q) => normalUrl(q.url ?? '')));
    expect(test.filter((q) => devUrls.has(normalUrl(q.url ?? '')))).toEqual([]);
  });

  it('labels every text with entries that exist', () => {
    for (const q of [...dev, ...test, ...written]) {
      const ids = q.expect === null ? [] : [q.expect].flat();
      for (const id of ids) expect(bot.kb.byId.has(id), `${id} (${q.url ?? 'written'})`).toBe(true);
    }
  });
});

describe('real users’ texts, dev split (tuned on)', () => {
  const outcomes = evaluate(bot, dev);

  it('declines the near-domain negatives and answers nothing wrong', () => {
    const { table, byCategory } = accuracyTable(outcomes);
    const misses = outcomes
      .filter((o) => !o.ok)
      .map((o) => `[${o.query.cat}] ${o.query.q.slice(0, 160)} => ${o.got}`);
    console.log(`real/dev.yaml\n${table}\n\nMisses:\n${misses.join('\n')}`);
    expect(byCategory.get('negative')).toBeGreaterThanOrEqual(0.98);
    // Almost every dev text is a negative: a rate would swing on one answer; count the wrong ones.
    expect(outcomes.filter((o) => o.confidentWrong).length).toBeLessThanOrEqual(1);
  });
});

describe('real users’ texts, test split (measured once, never tuned on)', () => {
  // Only the totals are printed: a miss's text would be something to tune on. The floors are the
  // figures measured once at the end of issue 22 (docs/evaluation.md): 188 of 192 negatives
  // declined, 4 answered (all wrong), the one positive not answered. A change that answers one
  // more negative, or declines one fewer, fails here without saying which.
  const outcomes = evaluate(bot, test);

  it('declines the near-domain negatives at least as often as when it was measured', () => {
    const { table } = accuracyTable(outcomes);
    console.log(`real/test.yaml (totals only)\n${table}`);
    const negatives = outcomes.filter((o) => o.query.expect === null);
    expect(negatives.length).toBe(192);
    expect(negatives.filter((o) => o.ok).length).toBeGreaterThanOrEqual(188);
    expect(outcomes.filter((o) => o.confidentWrong).length).toBeLessThanOrEqual(4);
  });
});

describe('items written after real ones (Webex for BroadWorks, UCWA), reported apart', () => {
  const outcomes = evaluate(bot, written);

  it('answers most of them right, and none wrong', () => {
    const { table, overall, confidentWrongRate } = accuracyTable(outcomes);
    const misses = outcomes.filter((o) => !o.ok).map((o) => `${o.query.q.slice(0, 160)} => ${o.got}`);
    console.log(`real/written.yaml\n${table}\n\nMisses:\n${misses.join('\n')}`);
    expect(overall).toBeGreaterThanOrEqual(0.88);
    expect(confidentWrongRate).toBe(0);
  });
});

describe('regression items in the style of real texts', () => {
  it('answers the codes and procedures long English and French tickets ask about', () => {
    const outcomes = evaluate(bot, loadEvalSet('real-style.yaml'));
    const { table, overall, confidentWrongRate } = accuracyTable(outcomes);
    console.log(`real-style.yaml\n${table}`);
    expect(overall).toBeGreaterThanOrEqual(0.9);
    expect(confidentWrongRate).toBe(0);
  });
});
