import { describe, expect, it } from 'vitest';
import type { ReplyView, ViewBlock } from '../../src/reply/view.js';
import { realBot } from '../support/bot.js';

/** The decisions every platform shares, made once in the core's view. */
const bot = realBot();
let threads = 0;
/** A question answered in a conversation of its own, as every adapter does it: its reply is recorded (it has a ref). */
const answerView = async (q: string, options = {}) => {
  const conversation = { platform: 'test', workspace: 'w', channel: 'c', thread: `view${++threads}` };
  return bot.view(await bot.handle({ conversation, text: q }), options);
};
const ofType = <T extends ViewBlock['type']>(view: ReplyView, type: T) =>
  view.blocks.filter((b): b is Extract<ViewBlock, { type: T }> => b.type === type);
const buttons = (view: ReplyView) => view.blocks.flatMap((b) => ('buttons' in b ? b.buttons : []));

describe('the reply view', () => {
  it('shows a code as title, cause, action, follow-ups and citation with confidence', async () => {
    const view = await answerView('200039');
    expect(ofType(view, 'title')[0]?.text).toBe(
      "Webex pour Cisco BroadWorks — 200039 : Échec de la validation de l'e-mail en tant qu'emailId déjà utilisé dans une autre organisation",
    );
    // The source has no cause column for Webex codes: the message (the title) is not repeated as a cause.
    expect(ofType(view, 'section').map((s) => s.label)).toEqual(['Action']);
    const ucwa = await answerView('20004');
    expect(ofType(ucwa, 'section').map((s) => [s.label, s.text])).toEqual([
      ['Cause', 'La connexion à Exchange n’est pas disponible'],
      ['Action', 'Assurez-vous que la connexion à Exchange est disponible'],
    ]);
    expect(ofType(view, 'choices')[0]?.buttons[0]?.action).toMatchObject({ kind: 'ask', l: 'fr' });
    expect(ofType(view, 'meta').at(-1)?.text).toMatch(
      /^Source : .*webex-broadworks-troubleshooting\.md, l\. \d+-\d+\) · Confiance : 100 %$/,
    );
  });

  it('offers to share only a private answer, and "not it" only when there are other leads', async () => {
    expect(buttons(await answerView('403')).map((b) => b.action.kind)).toContain('alternatives');
    expect(buttons(await answerView('403')).map((b) => b.action.kind)).not.toContain('share');
    expect(buttons(await answerView('403', { private: true })).map((b) => b.action.kind)).toContain('share');
    expect(buttons(await answerView('200039')).map((b) => b.action.kind)).not.toContain('alternatives');
  });

  it('makes the buttons that act on a reply refer to its record, never carry its question', async () => {
    const question = `200039 ${'"\\'.repeat(750)}`;
    const view = await answerView(question, { private: true });
    const acting = buttons(view).filter((b) => ['share', 'feedback', 'alternatives'].includes(b.action.kind));
    expect(acting.map((b) => b.action.kind)).toEqual(['share', 'feedback', 'feedback']);
    for (const b of acting)
      expect(Object.keys(b.action).sort()).toEqual(
        ['kind', 'l', 'ref', ...('useful' in b.action ? ['useful'] : [])].sort(),
      );
    expect(JSON.stringify(buttons(view).map((b) => b.action))).not.toContain('"\\');
    // A reply never recorded (rendered outside TriageBot.handle) has no button that needs a record.
    const answer = bot.ask('403');
    const unkept = bot.view({ kind: 'answer', language: 'fr', answer }, { private: true });
    const kinds = buttons(unkept).map((b) => b.action.kind);
    for (const kind of ['share', 'feedback', 'alternatives']) expect(kinds).not.toContain(kind);
    expect(kinds).toContain('ask');
  });

  it('offers the guided triage that fits the answer, as the primary control', async () => {
    const reply = await bot.handle({
      conversation: { platform: 'test', workspace: 'w', channel: 'c', thread: 'offer' },
      text: "l'utilisateur ne voit pas l'icône d'appel",
    });
    const offer = buttons(bot.view(reply)).find((b) => b.action.kind === 'triage-start');
    expect(offer).toMatchObject({ label: 'Lancer le diagnostic guidé', style: 'primary' });
  });

  it('adds a "full text" button when a section is longer than the smallest platform limit', async () => {
    const labels = buttons(await answerView('analyser les journaux XSP')).map((b) => b.label);
    expect(labels).toContain('Texte complet de la section');
  });

  it('says "I don’t know" with the closest leads as picks, never as an answer, and offers to escalate', async () => {
    const view = await answerView('999999');
    expect(ofType(view, 'title')).toEqual([]);
    expect(ofType(view, 'paragraph')[0]?.text).toBe(
      'Je ne connais pas le code 999999 : il ne figure dans aucune des sources.',
    );
    expect(ofType(view, 'choices').flatMap((c) => c.buttons.map((b) => b.action.kind))).not.toContain('ask');
    expect(ofType(view, 'choices').every((c) => c.buttons.every((b) => b.action.kind === 'pick'))).toBe(true);
    expect(ofType(view, 'controls').flatMap((c) => c.buttons)).toEqual([
      { label: 'Escalader', action: { kind: 'escalate', ref: expect.any(String), l: 'fr' } },
    ]);
  });

  it('labels everything in English for an English question, and never mixes', async () => {
    const view = await answerView('what does event 20025 mean on the Skype server');
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
    const shown = await bot.handle({ conversation, text: 'what does event 20025 mean on the Skype server' });
    const ref = shown.kind === 'answer' ? shown.ref : undefined;
    expect(ref).toBeDefined();
    const reply = await bot.handle({
      conversation,
      text: '',
      action: { kind: 'pick', id: 'ucwa-99999', ref: ref as string, l: 'en' },
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
    // Each control names the card it is on, so that a click on an old card acts on nothing.
    expect(ofType(view, 'controls')[0]?.buttons[0]?.action).toMatchObject({
      kind: 'triage-control',
      control: 'restart',
      treeId: 'provisioning',
      step: 1,
    });
  });
});
