import { describe, expect, it } from 'vitest';
import { SHOWN_TTL_SECONDS } from '../../src/app/shown.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { FeedbackRecorder } from '../../src/feedback/recorder.js';
import {
  type CoreAction,
  decodeAction,
  encodeAction,
  type IncomingMessage,
  type Reply,
  type SharedState,
} from '../../src/index.js';
import { MAX_MESSAGE_LENGTH } from '../../src/intent/intent.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { realBot } from '../support/bot.js';
import { MemoryFeedbackStore } from '../support/feedback.js';

const silent = { warn: () => {}, error: () => {} };
let threads = 0;
const conversation = (platform = 'slack') => ({
  platform,
  workspace: 'T1',
  channel: 'C1',
  thread: `shown${++threads}`,
});
const refOf = (reply: Reply): string => {
  if (!('ref' in reply) || !reply.ref) throw new Error(`no ref on ${reply.kind}`);
  return reply.ref;
};

function botWith(state: SharedState = new MemoryState(), store = new MemoryFeedbackStore()) {
  const shared = realBot();
  const recorder = new FeedbackRecorder(store, 'k', silent);
  return {
    bot: new TriageBot(shared.library, shared.index, { state, recorder, logger: silent }),
    recorder,
    store,
  };
}

describe('the record of what a reply showed', () => {
  it('gives back the answer exactly as shown, for every entry and for questions of every kind', async () => {
    const { bot } = botWith();
    const here = conversation();
    const shown: { reply: Reply; answer: unknown }[] = [];
    for (const entry of bot.kb.entries) {
      const reply = await bot.handle({
        conversation: here,
        text: '',
        action: { kind: 'pick', id: entry.id },
      });
      if (reply.kind === 'answer') shown.push({ reply, answer: reply.answer });
    }
    for (const text of [
      '403',
      '487',
      'écho pendant un appel',
      'provisionnement utilisateur',
      'Zoom Phone : 603 Decline',
      '999999',
    ]) {
      const reply = await bot.handle({ conversation: conversation(), text });
      if (reply.kind === 'answer') shown.push({ reply, answer: reply.answer });
    }
    expect(shown.length).toBe(bot.kb.entries.length + 6);
    for (const { reply, answer } of shown) {
      const ref = refOf(reply);
      const shared = await bot.handle({ conversation: here, text: '', action: { kind: 'share', ref } });
      expect(shared.kind === 'answer' && shared.answer).toEqual(answer);
    }
  });

  it('bounds the question it keeps, and keeps every finding of a long message with its line', async () => {
    const { bot, recorder, store } = botWith();
    const text = [
      'POST /validate -> 400 {"errorCode":200039}',
      'filler line '.repeat(400),
      '[11:02:33] ACS callEndReason {code: 487, subCode: 0}',
    ].join('\n');
    expect(text.length).toBeLessThan(MAX_MESSAGE_LENGTH);
    const here = conversation();
    const diagnosis = await bot.handle({ conversation: here, text: '', action: { kind: 'diagnose', text } });
    if (diagnosis.kind !== 'answer') throw new Error(diagnosis.kind);
    expect(diagnosis.answer.findings.map((f) => f.code)).toEqual(['200039', '487']);
    const shared = await bot.handle({
      conversation: here,
      text: '',
      action: { kind: 'share', ref: refOf(diagnosis) },
    });
    if (shared.kind !== 'answer') throw new Error(shared.kind);
    expect(shared.answer.findings).toEqual(diagnosis.answer.findings);
    expect(shared.answer.query).toBe(text.slice(0, 2000));
    const pick = await bot.handle({
      conversation: here,
      text: '',
      action: { kind: 'pick', id: diagnosis.answer.findings[1]?.id as string, ref: refOf(diagnosis) },
    });
    expect(pick.kind === 'answer' && pick.answer.results[0]?.id).toBe(diagnosis.answer.findings[1]?.id);
    await recorder.flush();
    expect(store.saved.find((e) => e.type === 'correction')?.query.length).toBeLessThanOrEqual(2000);
  });

  it('escalates what was shown: the case form of a long message has every code it showed', async () => {
    const { bot } = botWith();
    const here = conversation();
    const text = [
      'POST /validate -> 400 {"errorCode":200039}',
      ...Array.from({ length: 90 }, (_, i) => `08:13:${String(i % 60).padStart(2, '0')} INFO heartbeat ok`),
      '[11:02:33] ACS callEndReason {code: 487, subCode: 0}',
    ].join('\n');
    expect(text.length).toBeGreaterThan(2000);
    const answer = await bot.handle({ conversation: here, text });
    if (answer.kind !== 'answer') throw new Error(answer.kind);
    expect(answer.answer.findings.map((f) => f.code)).toEqual(['200039', '487']);
    const escalate = bot
      .view(answer)
      .blocks.flatMap((b) => ('buttons' in b ? b.buttons : []))
      .find((b) => b.action.kind === 'escalate');
    if (!escalate) throw new Error('no Escalader');
    // Through a platform and back, as a click is.
    const value = encodeAction(escalate.action);
    expect(value.length).toBeLessThan(100);
    const form = await bot.handle({
      conversation: here,
      text: '',
      action: decodeAction(value) as CoreAction,
    });
    if (form.kind !== 'case-form') throw new Error(form.kind);
    expect(form.draft.codes).toEqual(expect.arrayContaining(['200039', '487']));
  });

  it('keeps where a share posts through the leads picked from it (a finding shares in the diagnosed thread)', async () => {
    const { bot } = botWith();
    const here = conversation();
    const diagnosis = await bot.handle({
      conversation: here,
      text: '',
      action: { kind: 'diagnose', text: 'errorCode 200039\ncallEndReason 487' },
      shareTo: 'C9/1700000999.000100',
    });
    const details = await bot.handle({
      conversation: here,
      text: '',
      action: { kind: 'pick', id: 'acs-487', ref: refOf(diagnosis) },
      shareTo: 'C9',
    });
    const shared = await bot.handle({
      conversation: here,
      text: '',
      action: { kind: 'share', ref: refOf(details) },
      shareTo: 'CEVIL',
    });
    expect(shared).toMatchObject({ kind: 'answer', shared: true, to: 'C9/1700000999.000100' });
  });

  it('expires after 7 days: the button says so in the language it was shown in, and nothing is recorded', async () => {
    let now = Date.parse('2026-12-01T08:00:00Z');
    const { bot, recorder, store } = botWith(new MemoryState(() => now));
    const here = conversation();
    const answer = await bot.handle({
      conversation: here,
      text: 'what does event 20025 mean on the Skype server',
    });
    const ref = refOf(answer);
    now += (SHOWN_TTL_SECONDS - 60) * 1000;
    const rated = await bot.handle({
      conversation: here,
      text: '',
      action: { kind: 'feedback', useful: true, ref, l: 'en' },
    });
    expect(rated.kind).toBe('feedback-ack');
    now += 120_000;
    await recorder.flush();
    const recorded = store.saved.length;
    const actions: CoreAction[] = [
      { kind: 'feedback', useful: false, ref, l: 'en' },
      { kind: 'share', ref, l: 'en' },
      { kind: 'alternatives', ref, l: 'en' },
      { kind: 'pick', id: 'ucwa-20025', ref, l: 'en' },
    ];
    for (const action of actions) {
      const reply = await bot.handle({ conversation: here, text: '', action });
      expect(reply).toEqual({ kind: 'expired', language: 'en' });
      expect(bot.view(reply).blocks).toEqual([
        { type: 'paragraph', text: 'This button has expired: ask the question again.' },
      ]);
    }
    await recorder.flush();
    expect(store.saved.length).toBe(recorded);
  });

  it('is not found from another platform, nor once an entry it shows has left the knowledge base', async () => {
    const state = new MemoryState();
    const { bot } = botWith(state);
    const answer = await bot.handle({ conversation: conversation('slack'), text: '200039' });
    const ref = refOf(answer);
    const elsewhere = await bot.handle({
      conversation: conversation('teams'),
      text: '',
      action: { kind: 'share', ref },
    });
    expect(elsewhere.kind).toBe('expired');
    const raw = (await state.get(`shown:${ref}`)) as string;
    await state.put(`shown:${ref}`, raw.replaceAll('webex-200039', 'webex-gone'), 60);
    const gone = await bot.handle({
      conversation: conversation('slack'),
      text: '',
      action: { kind: 'share', ref },
    });
    expect(gone.kind).toBe('expired');
  });

  it('starts a guided triage offered under an answer with that question as its origin, even once expired', async () => {
    let now = Date.parse('2026-12-01T08:00:00Z');
    const { bot } = botWith(new MemoryState(() => now));
    const here = conversation();
    const answer = await bot.handle({
      conversation: here,
      text: "l'utilisateur ne voit pas l'icône d'appel",
    });
    if (answer.kind !== 'answer' || !answer.triageOffer) throw new Error('no triage offered');
    const start: CoreAction = { kind: 'triage-start', treeId: answer.triageOffer.treeId, ref: refOf(answer) };
    const started = await bot.handle({ conversation: here, text: '', action: start });
    expect(started.kind).toBe('triage');
    const session = await bot.sessions.load(`slack:T1:C1:${here.thread}`);
    expect(session?.session.origin).toBe("l'utilisateur ne voit pas l'icône d'appel");
    now += (SHOWN_TTL_SECONDS + 60) * 1000;
    const later = conversation();
    const again = await bot.handle({ conversation: later, text: '', action: start });
    expect(again.kind).toBe('triage');
  });

  it('leaves a reply without the buttons that need a record when shared state fails, never without its answer', async () => {
    const failing: SharedState = {
      ...new MemoryState(),
      firstSeen: async () => true,
      remember: async () => {},
      recall: async () => false,
      put: async () => {
        throw new Error('state down');
      },
      get: async () => null,
      close: async () => {},
    };
    const { bot } = botWith(failing);
    const message: IncomingMessage = { conversation: conversation(), text: '403' };
    const reply = await bot.handle(message);
    expect(reply.kind === 'answer' && reply.answer.answered).toBe(true);
    expect('ref' in reply && reply.ref).toBeFalsy();
    const kinds = bot
      .view(reply, { private: true })
      .blocks.flatMap((b) => ('buttons' in b ? b.buttons : []))
      .map((b) => b.action.kind);
    for (const kind of ['share', 'feedback', 'alternatives']) expect(kinds).not.toContain(kind);
  });
});
