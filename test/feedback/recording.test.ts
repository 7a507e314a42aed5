import { describe, expect, it } from 'vitest';
import { TriageBot } from '../../src/app/triage-bot.js';
import { FeedbackRecorder } from '../../src/feedback/recorder.js';
import { usageReport } from '../../src/feedback/usage.js';
import { type CoreAction, decodeAction, type IncomingMessage, type Reply } from '../../src/index.js';
import { realBot } from '../support/bot.js';
import { MemoryFeedbackStore } from '../support/feedback.js';

const silent = { warn: () => {}, error: () => {} };
function botWith(
  store: MemoryFeedbackStore,
  logger: ConstructorParameters<typeof FeedbackRecorder>[2] = silent,
) {
  const shared = realBot();
  const recorder = new FeedbackRecorder(store, 'k', logger);
  return { bot: new TriageBot(shared.library, shared.index, { recorder }), recorder };
}
let n = 0;
const message = (text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({
  conversation: { platform: 'slack', workspace: 'T', channel: 'C', thread: `r${++n}` },
  text,
  user: 'U123',
  ...extra,
});

describe('what the bot records', () => {
  it('records each question with its outcome, redacted, the user only as a keyed hash', async () => {
    const store = new MemoryFeedbackStore();
    const { bot, recorder } = botWith(store);
    await bot.handle(message('200039'));
    await bot.handle(message('mon imprimante bourre, écrire à paul@example.org'));
    await recorder.flush();
    const [answered, unanswered] = store.saved;
    expect(answered).toMatchObject({
      type: 'question',
      platform: 'slack',
      answered: true,
      top: 'webex-200039',
      confidence: 1,
    });
    expect(unanswered).toMatchObject({ type: 'question', answered: false, reason: 'out-of-scope' });
    expect(unanswered?.query).toBe('mon imprimante bourre, écrire à <email>');
    expect(answered?.user).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(store.saved)).not.toContain('U123');
  });

  it('records "Utile", "Pas utile", "Ce n’était pas ça" and the alternative then picked, from what was shown', async () => {
    const store = new MemoryFeedbackStore();
    const { bot, recorder } = botWith(store);
    const ref = (reply: Reply) => ('ref' in reply ? (reply.ref as string) : '');
    const answer = await bot.handle(message('200039'));
    const ack = await bot.handle(
      message('', { action: { kind: 'feedback', useful: true, ref: ref(answer), l: 'fr' } }),
    );
    expect(ack).toEqual({ kind: 'feedback-ack', language: 'fr', useful: true });
    const other = await bot.handle(message('403'));
    const alternatives = await bot.handle(
      message('', { action: { kind: 'alternatives', ref: ref(other), l: 'fr' } }),
    );
    await bot.handle(
      message('', { action: { kind: 'pick', id: 'webex-403', ref: ref(alternatives), l: 'fr' } }),
    );
    await recorder.flush();
    expect(
      store.saved
        .filter((e) => e.type !== 'question')
        .map((e) => [
          e.type,
          e.query,
          'useful' in e ? e.useful : undefined,
          'entry' in e ? e.entry : undefined,
        ]),
    ).toEqual([
      ['feedback', '200039', true, 'webex-200039'],
      ['feedback', '403', false, 'acs-403'],
      ['correction', '403', undefined, 'webex-403'],
    ]);
  });

  it('still records the ratings and picks of buttons of earlier versions, which carried their question', async () => {
    const store = new MemoryFeedbackStore();
    const { bot, recorder } = botWith(store);
    const earlier = (value: unknown) => message('', { action: decodeAction(value) as CoreAction });
    await bot.handle(earlier({ kind: 'feedback', useful: true, q: '200039', id: 'webex-200039', l: 'fr' }));
    await bot.handle(earlier({ kind: 'alternatives', q: '403', l: 'fr' }));
    await bot.handle(earlier({ kind: 'pick', id: 'webex-403', q: '403', l: 'fr' }));
    await recorder.flush();
    expect(store.saved.map((e) => [e.type, e.query, 'entry' in e ? e.entry : undefined])).toEqual([
      ['feedback', '200039', 'webex-200039'],
      ['feedback', '403', 'acs-403'],
      ['correction', '403', 'webex-403'],
    ]);
  });

  it('asks why after "Pas utile", and records the reason clicked as that rating’s reason, counted once', async () => {
    const store = new MemoryFeedbackStore();
    const { bot, recorder } = botWith(store);
    const answer = await bot.handle(message('200039'));
    const ref = 'ref' in answer ? (answer.ref as string) : '';
    const ack = await bot.handle(message('', { action: { kind: 'feedback', useful: false, ref, l: 'fr' } }));
    const view = bot.view(ack);
    expect(view.blocks.map((b) => ('text' in b ? b.text : b.type === 'choices' ? b.label : b.type))).toEqual([
      'Merci, c’est noté : cela aide à améliorer les réponses.',
      'Qu’est-ce qui n’allait pas ?',
    ]);
    const reasons = view.blocks.flatMap((b) => (b.type === 'choices' ? b.buttons : []));
    expect(reasons.map((b) => b.label)).toEqual(['Pas le bon sujet', 'Bon sujet, mais ne répond pas']);
    expect(reasons.map((b) => b.action)).toEqual([
      { kind: 'feedback', useful: false, reason: 'wrong-topic', ref, l: 'fr' },
      { kind: 'feedback', useful: false, reason: 'does-not-answer', ref, l: 'fr' },
    ]);
    const thanks = await bot.handle(message('', { action: reasons[1]?.action as CoreAction }));
    expect(bot.view(thanks).blocks).toEqual([{ type: 'paragraph', text: 'Merci, la raison est notée.' }]);
    await recorder.flush();
    const ratings = store.saved.filter((e) => e.type === 'feedback');
    expect(ratings).toMatchObject([
      { useful: false, entry: 'webex-200039', query: '200039' },
      { useful: false, entry: 'webex-200039', query: '200039', reason: 'does-not-answer' },
    ]);
    // The same rated reply, as a keyed hash: never the ref, which works the reply's buttons.
    expect(ratings[0]?.type === 'feedback' && ratings[0].rating).toMatch(/^[0-9a-f]{16}$/);
    expect(ratings[1]?.type === 'feedback' && ratings[1].rating).toBe(
      ratings[0]?.type === 'feedback' && ratings[0].rating,
    );
    expect(JSON.stringify(store.saved)).not.toContain(ref);
    const usage = usageReport(store.saved, new Date(Date.now() - 3_600_000), new Date(), () => true);
    expect(usage.totals).toMatchObject({ feedback: 1, useful: 0, notUseful: 1 });
    expect(usage.notHelpful).toEqual([
      { id: 'webex-200039', count: 1, wrongTopic: 0, doesNotAnswer: 1, queries: ['200039'] },
    ]);
  });

  it('asks nothing more after "Utile", a reason, or a button of an earlier version; an expired reason says so', async () => {
    const store = new MemoryFeedbackStore();
    const { bot } = botWith(store);
    const answer = await bot.handle(message('200039'));
    const ref = 'ref' in answer ? (answer.ref as string) : '';
    const texts = async (action: unknown) =>
      bot.view(await bot.handle(message('', { action: decodeAction(action) as CoreAction }))).blocks;
    expect(await texts({ kind: 'feedback', useful: true, ref, l: 'en' })).toEqual([
      { type: 'paragraph', text: 'Thanks, noted.' },
    ]);
    expect(await texts({ kind: 'feedback', useful: false, reason: 'wrong-topic', ref, l: 'en' })).toEqual([
      { type: 'paragraph', text: 'Thanks, the reason is noted.' },
    ]);
    expect(
      await texts({ kind: 'feedback', useful: false, q: '200039', id: 'webex-200039', l: 'fr' }),
    ).toEqual([{ type: 'paragraph', text: 'Merci, c’est noté : cela aide à améliorer les réponses.' }]);
    expect(
      await texts({
        kind: 'feedback',
        useful: false,
        reason: 'wrong-topic',
        ref: 'Zk3vQ8pL2mN7xR1a',
        l: 'fr',
      }),
    ).toEqual([{ type: 'paragraph', text: 'Ce bouton a expiré : posez la question à nouveau.' }]);
  });

  it('asks why in English in an English conversation', async () => {
    const { bot } = botWith(new MemoryFeedbackStore());
    const answer = await bot.handle(message('what does error 200039 mean?'));
    const ref = 'ref' in answer ? (answer.ref as string) : '';
    const ack = await bot.handle(message('', { action: { kind: 'feedback', useful: false, ref, l: 'en' } }));
    const choices = bot.view(ack).blocks.find((b) => b.type === 'choices');
    expect(choices?.type === 'choices' && [choices.label, ...choices.buttons.map((b) => b.label)]).toEqual([
      'What was wrong?',
      'Wrong topic',
      'Right topic, but it does not answer',
    ]);
  });

  it('records where a guided triage ends as the right answer to the question that started it', async () => {
    const store = new MemoryFeedbackStore();
    const { bot, recorder } = botWith(store);
    const conversation = { platform: 'teams', workspace: 't', channel: 'c', thread: 'walk' };
    for (const text of ['diagnostic provisionnement', 'certains', '403'])
      await bot.handle({ conversation, text });
    await recorder.flush();
    expect(store.saved.find((e) => e.type === 'correction')).toMatchObject({
      query: 'provisionnement',
      entry: 'webex-403',
      via: 'triage',
    });
  });

  it('records each guided triage started and finished, a run counted once in the funnel however often it ends', async () => {
    const store = new MemoryFeedbackStore();
    const { bot, recorder } = botWith(store);
    const conversation = { platform: 'teams', workspace: 't', channel: 'c', thread: 'funnel' };
    for (const text of ['diagnostic provisionnement', 'certains', '403', 'retour', '403', 'recommencer'])
      await bot.handle({ conversation, text, user: 'U9' });
    await recorder.flush();
    const triage = store.saved.filter((e) => e.type === 'triage');
    expect(triage.map((e) => (e.type === 'triage' ? [e.step, e.tree, e.query] : []))).toEqual([
      ['started', 'provisioning', 'provisionnement'],
      ['finished', 'provisioning', 'provisionnement'],
      ['finished', 'provisioning', 'provisionnement'],
    ]);
    expect(triage[1]).toMatchObject({ outcome: 'webex-403', platform: 'teams' });
    const usage = usageReport(store.saved, new Date(Date.now() - 3_600_000), new Date(), () => true);
    expect(usage.triage).toEqual([{ tree: 'provisioning', started: 1, finished: 1, escalated: 0 }]);
  });

  it('never delays or breaks an answer when the store is down or hangs: the event is dropped, counted, logged once', async () => {
    const logged: string[] = [];
    const logger = { warn: (_: unknown, msg: string) => logged.push(msg), error: () => {} };
    for (const [mode, reason] of [
      ['failing', 'error'],
      ['hanging', 'timeout'],
    ] as const) {
      const store = new MemoryFeedbackStore();
      store[mode] = true;
      const { bot, recorder } = botWith(store, logger);
      const reasons: string[] = [];
      recorder.onDrop = (why) => reasons.push(why);
      // A hanging store never answers: if the answer waited for it, this would never resolve.
      const reply = await bot.handle(message('200039'));
      await bot.handle(message('20017'));
      expect(reply.kind === 'answer' && reply.answer.answered).toBe(true);
      await recorder.flush(3000);
      expect(recorder.dropped).toBe(2);
      expect(reasons).toEqual([reason, reason]);
    }
    expect(logged.filter((m) => m.startsWith('feedback event dropped'))).toHaveLength(2);
  });

  it('records no id a client made up: a forged pick is no correction, a forged "not useful" names no entry', async () => {
    const store = new MemoryFeedbackStore();
    const { bot, recorder } = botWith(store);
    const forged = 'x"\n- evil: 1';
    const earlier = (value: unknown) => message('', { action: decodeAction(value) as CoreAction });
    await bot.handle(earlier({ kind: 'pick', id: forged, q: '403', l: 'fr' }));
    await bot.handle(earlier({ kind: 'feedback', useful: false, q: '403', id: forged, l: 'fr' }));
    await bot.handle(earlier({ kind: 'pick', id: 'webex-403', q: '403', l: 'fr' }));
    // Today's buttons: a pick is a correction only of a lead the reply showed.
    const shown = await bot.handle(message('403'));
    const ref = 'ref' in shown ? (shown.ref as string) : '';
    for (const id of [forged, 'webex-200039', 'webex-403'])
      await bot.handle(message('', { action: { kind: 'pick', id, ref, l: 'fr' } }));
    await recorder.flush();
    expect(
      store.saved
        .filter((e) => e.type !== 'question')
        .map((e) => [e.type, 'entry' in e ? e.entry : undefined]),
    ).toEqual([
      ['feedback', undefined],
      ['correction', 'webex-403'],
      ['correction', 'webex-403'],
    ]);
  });

  it('stores at most 2,000 characters of a question, read from its start only', async () => {
    const store = new MemoryFeedbackStore();
    const { bot, recorder } = botWith(store);
    const long = `badgeuse hors ligne, écrire à jean@société.fr ${'et encore '.repeat(20_000)}`;
    await bot.handle(message(long));
    await recorder.flush();
    const query = store.saved[0]?.query ?? '';
    expect(query.length).toBeLessThanOrEqual(2000);
    expect(query.startsWith('badgeuse hors ligne, écrire à <email> et encore')).toBe(true);
  });
});
