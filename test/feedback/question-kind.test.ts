import { describe, expect, it } from 'vitest';
import type { QuestionEvent } from '../../src/feedback/events.js';
import { isMenuPick, isSmallTalk, questionKind } from '../../src/feedback/question-kind.js';
import { gapsReport } from '../../src/feedback/report.js';
import { usageReport } from '../../src/feedback/usage.js';

const question = (query: string, answered = false, extra: Partial<QuestionEvent> = {}): QuestionEvent => ({
  type: 'question',
  at: '2026-12-01T09:00:00Z',
  platform: 'slack',
  language: 'fr',
  query,
  answered,
  ...extra,
});

describe('what a recorded question was, for the reports', () => {
  it('small talk: greetings, thanks and acknowledgements, alone or together, whatever the case, accents and punctuation', () => {
    for (const text of [
      'bonjour',
      'Bonjour,',
      'merci',
      'Merci beaucoup !',
      'ok',
      'OK merci 👍',
      "d'accord",
      'D’accord, merci',
      'thanks',
      'Thank you!',
      'super, merci',
      'au revoir',
      '👍',
      '?',
    ])
      expect([text, isSmallTalk(text)]).toEqual([text, true]);
  });

  // The greetings and thanks the bot answers with a word back (src/text/courtesy.ts) are recorded
  // unanswered: the reports count them as small talk, never as knowledge gaps.
  const courtesies = [
    'merci pour votre aide',
    'merci a vous',
    'Merci à vous !',
    'hello everyone',
    'bonjour tout le monde',
    'good morning',
    'thank you very much',
    'cheers',
  ];

  it('small talk: every greeting or thanks the bot answers with a courtesy', () => {
    for (const text of courtesies) expect([text, isSmallTalk(text)]).toEqual([text, true]);
  });

  it('report gaps and report usage count those courtesies as small talk, not as gaps', () => {
    const recorded = courtesies.map((text) => question(text, false, { reason: 'empty' }));
    const since = new Date('2026-11-30T00:00:00Z');
    const gaps = gapsReport(
      recorded,
      since,
      (text) => text.split(' '),
      () => true,
    );
    expect(gaps.unanswered).toEqual([]);
    expect(gaps.notGaps).toEqual({ smallTalk: courtesies.length, menuPicks: 0, outOfScope: 0 });
    const usage = usageReport(recorded, since, new Date('2026-12-02T00:00:00Z'), () => true);
    expect(usage.totals).toMatchObject({
      questions: courtesies.length,
      gaps: 0,
      smallTalk: courtesies.length,
    });
  });

  it('a question that starts like small talk is a question', () => {
    for (const text of [
      'bonjour, erreur 200039',
      'ok le 403 revient',
      'merci de regarder le fax',
      'pas de tonalité',
      'okta',
    ])
      expect([text, isSmallTalk(text)]).toEqual([text, false]);
  });

  it('menu picks: a bare number of one or two digits, never a code (3 to 6 digits)', () => {
    for (const text of ['1', ' 2 ', '3)', '4.', 'n° 2', '#1', '12'])
      expect([text, isMenuPick(text)]).toEqual([text, true]);
    for (const text of ['403', '200039', '1 utilisateur', 'étape 2'])
      expect([text, isMenuPick(text)]).toEqual([text, false]);
  });

  it('an unanswered question is a gap unless it is small talk, a menu pick or out of scope; an answer is an answer', () => {
    expect(questionKind(question('merci'))).toBe('small-talk');
    expect(questionKind(question('1'))).toBe('menu-pick');
    expect(questionKind(question('mon imprimante bourre', false, { reason: 'out-of-scope' }))).toBe(
      'out-of-scope',
    );
    expect(questionKind(question("l'écran reste noir", false, { reason: 'low-confidence' }))).toBe('gap');
    expect(questionKind(question('200039', true))).toBe('answered');
  });
});
