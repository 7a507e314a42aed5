import { describe, expect, it } from 'vitest';
import { realBot } from '../support/bot.js';

/** Follow-up questions in both languages (overlays/followups.yaml): an English reply asks the English one. */
describe('follow-up questions', () => {
  const bot = realBot();
  const questions = Object.values(bot.kb.overlays.followUps).flat();

  it('each have an English wording that asks what the French one asks', () => {
    expect(questions.length).toBeGreaterThan(10);
    for (const { fr, en } of questions) {
      expect(bot.kb.followUpIn(fr, 'en')).toBe(en);
      expect(bot.kb.followUpIn(fr, 'fr')).toBe(fr);
      const french = bot.ask(fr);
      const english = bot.ask(en);
      expect([english.answered, english.language], en).toEqual([true, 'en']);
      expect(english.results[0]?.id, en).toBe(french.results[0]?.id);
    }
  });

  it('offered from related sections read in English by their English title', () => {
    const related = bot.kb.byId.get('webex/utilisateur-deja-dans-ci');
    if (related?.kind !== 'section') throw new Error('no section');
    expect(bot.kb.followUpIn(related.title, 'en')).toBe(bot.kb.overlays.english[related.id]?.title);
  });
});
