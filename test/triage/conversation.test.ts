import { beforeEach, describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../src/app/messages.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import type { Reply } from '../../src/reply/reply.js';
import type { SessionStore } from '../../src/triage/store.js';
import { realBot } from '../support/bot.js';

let clock = 1_700_000_000_000;
let bot: TriageBot;
let thread = 0;
let conversation: IncomingMessage['conversation'];

beforeEach(() => {
  const shared = realBot();
  bot = new TriageBot(shared.library, shared.index, { now: () => clock, idleTimeoutMs: 30 * 60_000 });
  conversation = { platform: 'slack', workspace: 'T1', channel: 'C1', thread: `t${++thread}` };
});

const say = (text: string, action?: IncomingMessage['action']) =>
  bot.handle({ conversation, text, ...(action ? { action } : {}) });
const triage = (reply: Reply) => {
  if (reply.kind !== 'triage')
    throw new Error(`expected a triage reply, got ${reply.kind}: ${JSON.stringify(reply).slice(0, 200)}`);
  return reply;
};

describe('starting a guided triage', () => {
  it('starts from "diagnostic" with a symptom on the tree of that symptom, at the question it does not answer', async () => {
    // Issue 23: "does the icon show?" was asked of someone who had just said it does not.
    const reply = triage(await say("diagnostic l'utilisateur ne voit pas l'icône d'appel"));
    expect(reply.view.treeId).toBe('calling-icon');
    expect(reply.view.step).toBe(2);
    expect(reply.notice).toBe('from-symptom');
    expect(reply.view.path).toEqual([
      {
        question:
          "L'icône Options d'appel (un combiné avec un engrenage) apparaît-elle dans la barre latérale du client Webex ?",
        answer: "Non, pas d'icône",
      },
    ]);
    expect(reply.view.question?.text).toMatch(/^Dans le Help Desk, le comportement d'appel/);
    // The step the symptom answered is undone like any other.
    const back = triage(await say('retour'));
    expect(back.view.step).toBe(1);
    expect(back.view.question?.options).toEqual(['Oui, elle est là', "Non, pas d'icône"]);
  });

  it('keeps the symptom as it was typed: the case form shows it back with its capitals and accents', async () => {
    // It was folded ("l'icone d'appel est absente chez jerome") in the summary experts read.
    triage(await say("Diagnostic : L'icône d'appel est absente chez Jérôme"));
    const form = await say('escalader');
    if (form.kind !== 'case-form') throw new Error(`expected the case form, got ${form.kind}`);
    expect(form.draft.summary).toBe("L'icône d'appel est absente chez Jérôme");
  });

  it.each([
    ["diagnostic icône d'appel", 'calling-icon'],
    ["diagnostic l'icône d'appel, oui ou non ?", 'calling-icon'],
    ['diagnostic provisionnement', 'provisioning'],
    ['triage acs call failed', 'acs-call-failure'],
  ])('asks the first question of a symptom that does not answer it: %s', async (text, treeId) => {
    const reply = triage(await say(text));
    expect([reply.view.treeId, reply.view.step, reply.notice]).toEqual([treeId, 1, undefined]);
  });

  it.each([
    ["diagnostic l'icône d'appel a disparu de la barre", "Non, pas d'icône"],
    ['diagnostic le provisionnement échoue pour tous les utilisateurs', 'Tous les utilisateurs'],
    ['diagnostic appel ACS terminé avec callEndReason 487', '487 ou 603 (annulé, refusé)'],
    ['diagnostic le client de bureau se déconnecte sur plusieurs machines', 'Oui'],
  ])('takes the answer a symptom gives: %s', async (text, answer) => {
    const reply = triage(await say(text));
    expect(reply.view.path.map((p) => p.answer)).toEqual([answer]);
  });

  it('offers the trees to pick from on a bare "triage"', async () => {
    const reply = await say('triage');
    expect(reply.kind).toBe('choose-tree');
    if (reply.kind === 'choose-tree') {
      expect(bot.view(reply).blocks[0]).toMatchObject({
        label: 'Quel diagnostic guidé voulez-vous lancer ?',
      });
      expect(reply.trees.map((t) => t.treeId)).toEqual(
        expect.arrayContaining([
          'calling-icon',
          'sign-in',
          'provisioning',
          'desktop-disconnect',
          'acs-call-failure',
          'ucwa-events',
        ]),
      );
    }
  });

  it('offers a guided triage with the answer of a matching symptom, without hijacking the question', async () => {
    const reply = await say('les services téléphoniques se déconnectent');
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer') expect(reply.triageOffer?.treeId).toBe('desktop-disconnect');
  });
});

describe('answering, going back, restarting, stopping', () => {
  it('takes free-text answers that match an option', async () => {
    await say('diagnostic provisionnement');
    const reply = triage(await say('seulement certains utilisateurs'));
    expect(reply.view.step).toBe(2);
    expect(reply.view.question?.text).toContain('PSLog');
    const outcome = triage(await say('le pont répond 409 Conflict'));
    expect(outcome.view.question?.text).toContain('Help Desk');
  });

  it('goes back one step with "retour" and restarts with "recommencer"', async () => {
    await say('diagnostic provisionnement');
    await say('certains');
    expect(triage(await say('retour')).view.step).toBe(1);
    await say('certains');
    await say('409');
    const restarted = triage(await say('recommencer'));
    expect(restarted.view.step).toBe(1);
    expect(restarted.view.path).toEqual([]);
  });

  it('ignores a click on the buttons of an earlier step', async () => {
    await say('diagnostic provisionnement');
    await say('', { kind: 'triage-choice', treeId: 'provisioning', step: 1, option: 1 });
    const stale = triage(
      await say('', { kind: 'triage-choice', treeId: 'provisioning', step: 1, option: 0 }),
    );
    expect(stale.notice).toBe('stale-choice');
    expect(stale.view.step).toBe(2);
  });

  it('acts on nothing for a control of a card the triage has moved on from, and says where it is', async () => {
    await say('diagnostic provisionnement');
    const first = triage(
      await say('', { kind: 'triage-choice', treeId: 'provisioning', step: 1, option: 1 }),
    );
    const back = (step: number, treeId = 'provisioning') =>
      say('', { kind: 'triage-control', control: 'back', treeId, step });
    // "Retour" of step 1's card (no longer shown), and of another tree's card at this step: nothing moves.
    for (const stale of [await back(1), await back(2, 'sign-in')]) {
      expect(triage(stale).notice).toBe('stale-choice');
      expect(triage(stale).view.step).toBe(2);
    }
    expect(triage(await say('', { kind: 'triage-control', control: 'stop', step: 1 })).view.state).toBe(
      'question',
    );
    // The current card's "Retour", and a typed "retour" (which names no card), act.
    expect(first.view.step).toBe(2);
    expect(triage(await back(2)).view.step).toBe(1);
    await say('', { kind: 'triage-choice', treeId: 'provisioning', step: 1, option: 1 });
    expect(triage(await say('retour')).view.step).toBe(1);
  });

  it('stops with "stop": the next message is an ordinary question', async () => {
    await say('diagnostic provisionnement');
    expect(triage(await say('stop')).view.state).toBe('stopped');
    expect((await say('200039')).kind).toBe('answer');
  });

  it('re-asks with the options when an answer is not understood', async () => {
    await say('diagnostic provisionnement');
    const reply = triage(await say('hmm peut-être'));
    expect(reply.notice).toBe('not-understood');
    expect(reply.view.step).toBe(1);
  });
});

describe('off-script messages', () => {
  it('answers a new code in the middle of a triage without losing it, then resumes', async () => {
    await say('diagnostic provisionnement');
    await say('certains');
    const offscript = triage(await say('au fait, que veut dire 200039 ?'));
    expect(offscript.notice).toBe('paused');
    expect(offscript.answer?.results[0]?.code).toBe('200039');
    expect(offscript.view.step).toBe(2);
    const resumed = triage(await say('reprendre'));
    expect(resumed.view.step).toBe(2);
    expect(triage(await say('409')).view.step).toBe(3);
  });

  it('jumps to a better tree when the symptom belongs to another one', async () => {
    await say('diagnostic provisionnement');
    const jumped = triage(await say("en fait l'icône d'appel est absente"));
    expect(jumped.notice).toBe('switched-tree');
    expect(jumped.view.treeId).toBe('calling-icon');
  });
});

describe('outcomes and escalation', () => {
  it('ends on the cited fix, then escalates on request: the case form has the path, codes, log lines and checklist', async () => {
    await say('diagnostic provisionnement');
    await say('certains');
    await say('2024-03-12 10:00:01 ERROR [provisioning] HTTP 409 Conflict code=409');
    const outcome = triage(await say('oui'));
    expect(outcome.view.state).toBe('outcome');
    expect(outcome.view.outcome?.result.section).toBe('Utilisateur déjà dans CI');
    const form = await say('escalader');
    if (form.kind !== 'case-form') throw new Error(`expected the case form, got ${form.kind}`);
    expect(form.draft).toMatchObject({
      product: 'webex-broadworks',
      treeId: 'provisioning',
      summary: 'provisionnement',
      codes: ['409'],
      entry: outcome.view.outcome?.result.id,
    });
    expect(form.draft.path[0]?.question).toContain(
      'Le provisionnement échoue-t-il pour tous les utilisateurs',
    );
    expect(form.draft.path[0]?.answer).toBe('Certains utilisateurs');
    expect(form.draft.logLines).toEqual([
      '2024-03-12 10:00:01 ERROR [provisioning] HTTP 409 Conflict code=409',
    ]);
    expect(form.checklist.map((c) => c.item)).toContain("Identifiant de l'organisation");
    expect(form.checklist[0]?.citation).toContain(
      'Quelles informations client collecter (webex-broadworks-troubleshooting.md, l. 159-168)',
    );
    const text = JSON.stringify(bot.view(form));
    expect(text).toContain('1. Le provisionnement échoue-t-il pour tous les utilisateurs');
    expect(text).toContain('→ Certains utilisateurs');
    // The triage is over: the next message is an ordinary question.
    expect((await say('200039')).kind).toBe('answer');
  });

  it('hands over an escalation summary at an outcome the guide gives no fix for', async () => {
    await say('diagnostic provisionnement');
    await say('certains');
    const end = triage(await say('200 OK'));
    expect(end.view.state).toBe('escalation');
    expect(end.view.outcome?.result.code).toBe('200');
    expect(end.view.escalation?.text).toContain('Escalade — Échecs de provisionnement');
    // Its controls stay: "Escalader" opens the case with the path the triage took.
    const escalate = bot
      .view(end)
      .blocks.flatMap((b) => ('buttons' in b ? b.buttons : []))
      .find((b) => b.label === 'Escalader');
    const form = await say('', escalate?.action);
    expect(form.kind === 'case-form' && form.draft.path.map((p) => p.answer)).toEqual([
      'Certains utilisateurs',
      '200 OK',
    ]);
  });

  it('says there is nothing to escalate on "escalader" without a triage or an answer to click under', async () => {
    const reply = await say('escalader');
    expect(reply.kind === 'answer' && reply.notice).toBe('nothing-to-escalate');
    expect(JSON.stringify(bot.view(reply))).not.toContain('"kind":"escalate"');
  });
});

describe('timeout and storage trouble', () => {
  it('forgets a triage idle longer than the timeout', async () => {
    await say('diagnostic provisionnement');
    clock += 31 * 60_000;
    const reply = await say('certains');
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer') expect(reply.notice).toBe('expired');
  });

  it('answers single questions and says guided triage is unavailable when the session store fails', async () => {
    const failing: SessionStore = {
      load: async () => {
        throw new Error('down');
      },
      save: async () => {
        throw new Error('down');
      },
      delete: async () => {
        throw new Error('down');
      },
    };
    const shared = realBot();
    const down = new TriageBot(shared.library, shared.index, { sessions: failing });
    const reply = await down.handle({ conversation, text: '200039' });
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer') {
      expect(reply.notice).toBe('unavailable');
      expect(reply.answer.results[0]?.code).toBe('200039');
    }
  });
});
