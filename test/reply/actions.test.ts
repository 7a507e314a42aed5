import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitDraft } from '../../src/cases/draft.js';
import { type CoreAction, decodeAction, encodeAction, parseAction } from '../../src/reply/actions.js';

describe('the one action vocabulary', () => {
  const actions: CoreAction[] = [
    { kind: 'ask', q: 'Comment trouver la version client ?', l: 'fr' },
    { kind: 'pick', id: 'acs-487-2', ref: 'Zk3vQ8pL2mN7xR1a', l: 'en' },
    { kind: 'pick', id: 'acs-487-2' },
    { kind: 'alternatives', ref: 'Zk3vQ8pL2mN7xR1a' },
    { kind: 'share', ref: 'Zk3vQ8pL2mN7xR1a', l: 'fr' },
    { kind: 'feedback', useful: false, ref: 'Zk3vQ8pL2mN7xR1a', l: 'fr' },
    { kind: 'feedback', useful: false, reason: 'wrong-topic', ref: 'Zk3vQ8pL2mN7xR1a', l: 'fr' },
    { kind: 'feedback', useful: false, reason: 'does-not-answer', ref: 'Zk3vQ8pL2mN7xR1a', l: 'en' },
    { kind: 'triage-start', treeId: 'provisioning', ref: 'Zk3vQ8pL2mN7xR1a', l: 'fr' },
    { kind: 'full', id: 'webex/fichiers-journaux-utiles' },
    { kind: 'triage-start', treeId: 'provisioning', l: 'fr' },
    { kind: 'triage-choice', treeId: 'provisioning', step: 2, option: 1 },
    { kind: 'triage-control', control: 'escalate', l: 'en' },
    { kind: 'escalate', ref: 'Zk3vQ8pL2mN7xR1a', l: 'fr' },
    {
      kind: 'case-open',
      draft: {
        product: null,
        title: 't',
        summary: 's',
        path: [{ question: 'q', answer: 'a' }],
        codes: [],
        logLines: [],
      },
      answers: ['ORG-42', ''],
      l: 'fr',
    },
    { kind: 'case-take', id: 12, l: 'fr' },
    { kind: 'case-resolve', id: 12 },
    { kind: 'case-resolve', id: 12, answer: 'supprimé', entry: 'webex-200039', l: 'en' },
    { kind: 'case-close', id: 3 },
    { kind: 'case-reopen', id: 3 },
  ];

  it.each(actions)('round-trips %o through a button value', (action) => {
    expect(decodeAction(encodeAction(action))).toEqual(action);
  });

  it('keeps every encoded value within Slack’s 2000 characters, cutting the question only', () => {
    for (const q of [
      'é'.repeat(10_000),
      '"\\'.repeat(5000),
      `x${'\u0001'.repeat(3000)}`,
      '😀'.repeat(3000),
    ]) {
      const value = encodeAction({ kind: 'ask', q, l: 'fr' });
      expect(value.length).toBeLessThanOrEqual(2000);
      const decoded = decodeAction(value);
      expect(decoded).toMatchObject({ kind: 'ask', l: 'fr' });
      expect(q.startsWith((decoded as { q: string }).q)).toBe(true);
    }
  });

  it('carries no question on the buttons that act on a reply, and no share target at all', () => {
    const forged = decodeAction(
      '{"kind":"share","ref":"Zk3vQ8pL2mN7xR1a","to":"CEVIL/1.2","q":"x","l":"fr"}',
    );
    expect(forged).toEqual({ kind: 'share', ref: 'Zk3vQ8pL2mN7xR1a', l: 'fr' });
    // A ref is a short random id, never an arbitrary key to look up.
    expect(decodeAction({ kind: 'share', ref: '../../etc' })).toBeNull();
    expect(decodeAction({ kind: 'feedback', useful: true, ref: 'a b' })).toBeNull();
    expect(decodeAction({ kind: 'pick', id: 'acs-487', ref: '' })).toBeNull();
  });

  it('reads a "not useful" reason it knows, drops any other and keeps the rating; older values decode as before', () => {
    const ref = 'Zk3vQ8pL2mN7xR1a';
    expect(decodeAction(`{"kind":"feedback","useful":false,"ref":"${ref}","l":"fr"}`)).toEqual({
      kind: 'feedback',
      useful: false,
      ref,
      l: 'fr',
    });
    expect(
      decodeAction(`{"kind":"feedback","useful":false,"reason":"does-not-answer","ref":"${ref}","l":"fr"}`),
    ).toEqual({ kind: 'feedback', useful: false, reason: 'does-not-answer', ref, l: 'fr' });
    for (const reason of ['other', 42, null, 'WRONG-TOPIC'])
      expect(decodeAction({ kind: 'feedback', useful: false, reason, ref })).toEqual({
        kind: 'feedback',
        useful: false,
        ref,
      });
    // A reason says why an answer was not useful: on "useful" it means nothing.
    expect(decodeAction({ kind: 'feedback', useful: true, reason: 'wrong-topic', ref })).toEqual({
      kind: 'feedback',
      useful: true,
      ref,
    });
  });

  it('refuses anything that is not exactly an action', () => {
    for (const value of [
      null,
      42,
      'x',
      '{',
      '[]',
      { kind: 'ask' },
      { kind: 'pick', id: '' },
      { kind: 'rm' },
      { kind: 'triage-choice', treeId: 't', step: 'a', option: 1 },
      { kind: 'escalate' },
      { kind: 'case-take', id: '12' },
      { kind: 'case-take', id: 0 },
      { kind: 'case-close', id: 1.5 },
      { kind: 'case-resolve', id: 2, answer: 42 },
      { kind: 'case-resolve', id: 2, answer: 'x'.repeat(5000) },
      { kind: 'case-open', draft: { title: 't' }, answers: [] },
      {
        kind: 'case-open',
        draft: { product: null, title: 't', summary: 's', path: [], codes: [], logLines: [] },
        answers: [1],
      },
    ]) {
      expect(decodeAction(value), JSON.stringify(value)).toBeNull();
    }
  });

  it('keeps the case form’s button within Slack’s 2000 characters, the draft fitted whatever was pasted', () => {
    const long = 'ERROR '.repeat(2000);
    const value = encodeAction({
      kind: 'case-open',
      draft: fitDraft({
        product: 'webex-broadworks',
        title: long,
        summary: long,
        path: [],
        codes: [],
        logLines: [long, long],
      }),
      answers: [],
      l: 'fr',
    });
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(decodeAction(value)).toMatchObject({ kind: 'case-open', l: 'fr' });
  });

  it('never throws, whatever a forged button carries', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        parseAction(value);
        decodeAction(JSON.stringify(value));
        decodeAction(JSON.stringify(value), 'share_answer:0');
      }),
    );
  });

  it('reads the Slack buttons of earlier versions whose kind was their action id', () => {
    expect(decodeAction('{"id":"webex-200043","q":"200043","l":"fr"}', 'share_answer:0')).toEqual({
      kind: 'share',
      carried: { q: '200043', id: 'webex-200043' },
      l: 'fr',
    });
    expect(decodeAction('{"q":"403","l":"fr"}', 'show_alternatives:1')).toEqual({
      kind: 'alternatives',
      carried: { q: '403' },
      l: 'fr',
    });
    expect(decodeAction('{"q":"Comment ?"}', 'ask_follow_up:0')).toEqual({ kind: 'ask', q: 'Comment ?' });
    expect(decodeAction('{"id":"acs-487","context":"487"}', 'pick_entry:2')).toEqual({
      kind: 'pick',
      id: 'acs-487',
      carried: { q: '487' },
    });
    expect(decodeAction('null', 'share_answer:0')).toBeNull();
  });

  it('still reads the buttons posted before it existed (Slack and Teams values)', () => {
    expect(decodeAction('{"q":"Comment ?","l":"fr"}')).toEqual({ kind: 'ask', q: 'Comment ?', l: 'fr' });
    expect(decodeAction({ kind: 'followUp', q: 'x', l: 'en' })).toEqual({ kind: 'ask', q: 'x', l: 'en' });
    expect(decodeAction({ kind: 'pick', id: 'acs-487', context: '487', l: 'fr' })).toEqual({
      kind: 'pick',
      id: 'acs-487',
      carried: { q: '487' },
      l: 'fr',
    });
    expect(decodeAction({ kind: 'triage', triage: { kind: 'triage-control', control: 'stop' } })).toEqual({
      kind: 'triage-control',
      control: 'stop',
    });
  });

  it('reads the buttons that carried their question before they referred to what was shown', () => {
    // Values of the previous version: the question (cut at 1,500), the entry, and a share's target, dropped.
    expect(
      decodeAction('{"kind":"share","q":"200039","id":"webex-200039","to":"C9/1700000999.000100","l":"fr"}'),
    ).toEqual({ kind: 'share', carried: { q: '200039', id: 'webex-200039' }, l: 'fr' });
    expect(decodeAction({ kind: 'feedback', useful: false, q: '487', id: 'acs-487', l: 'fr' })).toEqual({
      kind: 'feedback',
      useful: false,
      carried: { q: '487', id: 'acs-487' },
      l: 'fr',
    });
    expect(decodeAction('{"kind":"alternatives","q":"403","l":"en"}')).toEqual({
      kind: 'alternatives',
      carried: { q: '403' },
      l: 'en',
    });
    expect(decodeAction({ kind: 'escalate', q: '200039', id: 'webex-200039', l: 'fr' })).toEqual({
      kind: 'escalate',
      carried: { q: '200039', id: 'webex-200039' },
      l: 'fr',
    });
    expect(decodeAction('{"kind":"pick","id":"webex-403","q":"403"}')).toEqual({
      kind: 'pick',
      id: 'webex-403',
      carried: { q: '403' },
    });
    expect(decodeAction('{"kind":"triage-start","treeId":"provisioning","q":"409","l":"fr"}')).toEqual({
      kind: 'triage-start',
      treeId: 'provisioning',
      q: '409',
      l: 'fr',
    });
  });
});
