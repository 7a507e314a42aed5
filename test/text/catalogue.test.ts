import { describe, expect, it } from 'vitest';
import { kbLint } from '../../src/cli/kb.js';
import { CATALOGUE } from '../../src/text/catalogue.js';
import { catalogueProblems } from '../../src/text/catalogue-lint.js';
import { realBot } from '../support/bot.js';

/** Every phrase of the bot in both languages, each in its own: a reply never mixes them. */
describe('the FR/EN catalogue lint', () => {
  it('finds nothing to say of the catalogue, and kb lint runs it', async () => {
    expect(catalogueProblems()).toEqual([]);
    expect((await kbLint(realBot().library)).exitCode).toBe(0);
  });

  it('names a phrase missing in one language, of another kind, or left in French in English', () => {
    const fr = { ...CATALOGUE.fr, ui: { ...CATALOGUE.fr.ui, extra: 'Une phrase en plus.' } };
    const en = {
      ...CATALOGUE.en,
      answer: { ...CATALOGUE.en.answer, findings: (n: number) => `${n} findings` },
      ui: { ...CATALOGUE.en.ui, goodbye: 'Au revoir.', thanks: 'Avec plaisir !' },
      help: { ...CATALOGUE.en.help, exampleQueries: ['200039'] },
    };
    expect(catalogueProblems({ fr, en })).toEqual([
      'catalogue: answer.findings is a function of 2 in French, a function of 1 in English',
      'catalogue: ui.goodbye reads as French in English: "Au revoir."',
      'catalogue: ui.thanks reads as French in English: "Avec plaisir !"',
      'catalogue: ui.extra has no English',
      'catalogue: help.exampleQueries is a list of 3 in French, a list of 1 in English',
    ]);
  });
});
