import { describe, expect, it } from 'vitest';
import type { ReplyView, ViewBlock } from '../../src/reply/view.js';
import { realBot } from '../support/bot.js';

/** The decisions every platform shares, made once in the core's view. */
const bot = realBot();
const answerView = (q: string, options = {}) => {
  const answer = bot.ask(q);
  return bot.view({ kind: 'answer', language: answer.language, answer }, options);
};
const ofType = <T extends ViewBlock['type']>(view: ReplyView, type: T) =>
  view.blocks.filter((b): b is Extract<ViewBlock, { type: T }> => b.type === type);
const buttons = (view: ReplyView) => view.blocks.flatMap((b) => ('buttons' in b ? b.buttons : []));

describe('the reply view', () => {
  it('shows a code as title, cause, action, follow-ups and citation with confidence', () => {
    const view = answerView('200039');
    expect(ofType(view, 'title')[0]?.text).toBe(
      "Webex pour Cisco BroadWorks — 200039 : Échec de la validation de l'e-mail en tant qu'emailId déjà utilisé dans une autre organisation",
    );
    // The source has no cause column for Webex codes: the message (the title) is not repeated as a cause.
    expect(ofType(view, 'section').map((s) => s.label)).toEqual(['Action']);
    const ucwa = answerView('20004');
    expect(ofType(ucwa, 'section').map((s) => [s.label, s.text])).toEqual([
      ['Cause', 'La connexion à Exchange n’est pas disponible'],
      ['Action', 'Assurez-vous que la connexion à Exchange est disponible'],
    ]);
    expect(ofType(view, 'choices')[0]?.buttons[0]?.action).toMatchObject({ kind: 'ask', l: 'fr' });
    expect(ofType(view, 'meta').at(-1)?.text).toMatch(
      /^Source : .*webex-broadworks-troubleshooting\.md, l\. \d+-\d+\) · Confiance : 100 %$/,
    );
  });

  it('offers to share only a private answer, and "not it" only when there are other leads', () => {
    expect(buttons(answerView('403')).map((b) => b.action.kind)).toContain('alternatives');
    expect(buttons(answerView('403')).map((b) => b.action.kind)).not.toContain('share');
    expect(buttons(answerView('403', { private: true })).map((b) => b.action.kind)).toContain('share');
  });

  it('offers the guided triage that fits the answer, as the primary control', async () => {
    const reply = await bot.handle({
      conversation: { platform: 'test', workspace: 'w', channel: 'c', thread: 'offer' },
      text: "l'utilisateur ne voit pas l'icône d'appel",
    });
    const offer = buttons(bot.view(reply)).find((b) => b.action.kind === 'triage-start');
    expect(offer).toMatchObject({ label: 'Lancer le diagnostic guidé', style: 'primary' });
  });

  it('adds a "full text" button when a section is longer than the smallest platform limit', () => {
    const labels = buttons(answerView('analyser les journaux XSP')).map((b) => b.label);
    expect(labels).toContain('Texte complet de la section');
  });

  it('says "I don’t know" with the closest leads as picks, never as an answer', () => {
    const view = answerView('999999');
    expect(ofType(view, 'title')).toEqual([]);
    expect(ofType(view, 'paragraph')[0]?.text).toBe(
      'Je ne connais pas le code 999999 : il ne figure dans aucune des sources.',
    );
    expect(buttons(view).every((b) => b.action.kind === 'pick')).toBe(true);
  });

  it('labels everything in English for an English question, and never mixes', () => {
    const view = answerView('what does event 20025 mean on the Skype server');
    const text = JSON.stringify(view);
    expect(text).toContain('Confidence: 100%');
    expect(text).toContain('"label":"Action"');
    expect(text).not.toMatch(/Questions de suivi|Confiance|Autres pistes/);
    expect(ofType(view, 'title')[0]?.text).toContain('Skype for Business Server (UCWA)');
  });

  it("answers a picked lead in the conversation's language, even when the lead is gone from the sources", async () => {
    // An English conversation; the button of a lead whose entry no longer exists (the knowledge base
    // was rebuilt since) falls back to asking its question again, in English, not in French.
    const conversation = { platform: 'test', workspace: 'w', channel: 'c', thread: 'pick-en' };
    await bot.handle({ conversation, text: 'what does event 20025 mean on the Skype server' });
    const reply = await bot.handle({
      conversation,
      text: '',
      action: { kind: 'pick', id: 'ucwa-99999', q: '20025', l: 'en' },
    });
    expect(reply.kind).toBe('answer');
    if (reply.kind !== 'answer') return;
    expect(reply.language).toBe('en');
    expect(reply.answer.language).toBe('en');
    expect(reply.answer.results[0]?.id).toBe('ucwa-20025');
  });

  it('renders a triage step as a labelled question, options, controls and its source', async () => {
    const reply = await bot.handle({
      conversation: { platform: 'test', workspace: 'w', channel: 'c', thread: 'step' },
      text: 'diagnostic provisionnement',
    });
    const view = bot.view(reply);
    expect(ofType(view, 'section')[0]?.label).toBe('Étape 1');
    expect(ofType(view, 'choices')[0]?.buttons[0]?.action).toMatchObject({
      kind: 'triage-choice',
      step: 1,
      option: 0,
    });
    expect(ofType(view, 'controls')[0]?.buttons.map((b) => b.label)).toEqual([
      'Recommencer',
      'Escalader',
      'Arrêter',
    ]);
  });
});
