import { beforeEach, describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../src/app/messages.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { MemoryCaseStore } from '../../src/cases/store.js';
import type { CoreAction } from '../../src/reply/actions.js';
import { submitForm } from '../../src/reply/form.js';
import { renderText } from '../../src/reply/render-text.js';
import type { Reply } from '../../src/reply/reply.js';
import type { ReplyView } from '../../src/reply/view.js';
import { realBot } from '../support/bot.js';

/** Escalation as a case through TriageBot.handle, as every adapter drives it: buttons, forms, experts. */
let bot: TriageBot;
let store: MemoryCaseStore;
const technician = { platform: 'slack', workspace: 'T1', channel: 'C-SUPPORT', thread: '1700000000.000100' };
const experts = { platform: 'slack', workspace: 'T1', channel: 'C-EXPERTS', thread: '1700000000.000900' };

beforeEach(() => {
  const shared = realBot();
  store = new MemoryCaseStore();
  bot = new TriageBot(shared.library, shared.index, {
    cases: store,
    now: () => Date.parse('2026-12-01T09:30:00.000Z'),
  });
});

const send = (message: Partial<IncomingMessage> & { action?: CoreAction }) =>
  bot.handle({ conversation: technician, text: '', user: 'U-JEAN', userName: 'jean', ...message });
const expert = (action: CoreAction, name = 'alice', vouched = true) =>
  bot.handle({ conversation: experts, text: '', user: `U-${name}`, userName: name, expert: vouched, action });
const buttonsOf = (view: ReplyView) => view.blocks.flatMap((b) => ('buttons' in b ? b.buttons : []));
const button = (reply: Reply, label: string) => {
  const found = buttonsOf(bot.view(reply)).find((b) => b.label === label);
  if (!found) throw new Error(`no button ${label} in ${JSON.stringify(bot.view(reply)).slice(0, 300)}`);
  return found.action;
};
const text = (reply: Reply, options = {}) => renderText(bot.view(reply, options)).text;

/** "Escalader" under a reply, then the form filled as an adapter would (values by field id). */
async function escalate(
  from: Reply,
  values: Record<string, string> = {},
  label = 'Escalader',
): Promise<Reply> {
  const form = await send({ action: button(from, label) });
  const view = bot.form(form);
  if (!view) throw new Error(`expected a form, got ${form.kind}`);
  const action = submitForm(JSON.parse(JSON.stringify(view.submit)), values);
  if (!action) throw new Error('the form did not make an action');
  return send({ action });
}

describe('escalating opens a case', () => {
  it('from an answer: the form asks the product’s checklist, the summary prefilled; the case is opened with the answers', async () => {
    const answer = await send({ text: '200039' });
    const form = await send({ action: button(answer, 'Escalader') });
    const view = bot.form(form);
    expect(view?.title).toBe(
      "Ouvrir un dossier — 200039 : Échec de la validation de l'e-mail en tant qu'emailId déjà utilisé dans une autre organisation",
    );
    expect(view?.fields.map((f) => [f.id, f.label.slice(0, 30), f.initial])).toEqual([
      ['summary', 'Résumé', '200039'],
      ['item-0', "Identifiant de l'utilisateur :", undefined],
      ['item-1', "Identifiant de l'organisation", undefined],
      ['item-2', 'Délai approximatif pendant leq', undefined],
      ['item-3', 'Plateforme client et version', undefined],
      ['item-4', 'Envoyer ou collecter les journ', undefined],
      ['item-5', "Enregistrez l'ID de suivi s'il", undefined],
    ]);
    expect(view?.fields[2]?.hint).toContain('Quelles informations client collecter');

    const opened = await escalate(answer, {
      summary: "200039 à l'activation, depuis ce matin",
      'item-1': 'ORG-42',
      'item-3': 'Windows 44.10',
    });
    expect(opened.kind).toBe('case-opened');
    expect(text(opened).split('\n')[0]).toBe('Dossier 1 ouvert');
    const [stored] = await store.list();
    expect(stored).toMatchObject({
      id: 1,
      state: 'open',
      product: 'webex-broadworks',
      summary: "200039 à l'activation, depuis ce matin",
      openedBy: 'jean',
      openedAt: '2026-12-01T09:30:00.000Z',
      conversation: technician,
      codes: ['200039'],
    });
    expect(stored?.checklist.map((c) => c.answer)).toEqual([
      null,
      'ORG-42',
      null,
      'Windows 44.10',
      null,
      null,
    ]);
  });

  it('from an "I don’t know", a diagnosis and a guided triage', async () => {
    const declined = await send({ text: "l'imprimante du 3e étage est en panne" });
    expect(declined.kind === 'answer' && declined.answer.answered).toBe(false);
    expect((await escalate(declined)).kind).toBe('case-opened');

    const diagnosis = await send({
      action: {
        kind: 'diagnose',
        text: 'ERROR [activation] errorCode=200039\n[11:02:33] ACS callEndReason {code: 487}',
      },
    });
    const fromLog = await escalate(diagnosis);
    expect(fromLog.kind === 'case-opened' && fromLog.case.codes).toEqual(['200039', '487']);

    await send({ text: 'diagnostic provisionnement' });
    const step = await send({ text: 'certains' });
    const fromTriage = await escalate(step, { 'item-0': 'jean@exemple.fr' });
    expect(fromTriage.kind === 'case-opened' && fromTriage.case).toMatchObject({
      id: 3,
      treeId: 'provisioning',
      path: [{ answer: 'Certains utilisateurs' }],
      checklist: expect.arrayContaining([expect.objectContaining({ answer: 'jean@exemple.fr' })]),
    });
  });

  it('without an experts’ channel gives the technician the card to forward, without its buttons', async () => {
    const opened = await escalate(await send({ text: '200039' }), { 'item-1': 'ORG-42' });
    const forwarded = text(opened);
    expect(forwarded).toContain('Aucun canal d’experts n’est configuré : transmettez-leur cette fiche.');
    expect(forwarded).toContain('Dossier 1 (ouvert) — 200039 : Échec de la validation');
    expect(forwarded).toContain('Ouvert par jean le 2026-12-01 09:30 UTC');
    // The checklist starts under its label, one item a line.
    expect(forwarded).toContain('Informations collectées :\n  • Identifiant de l');
    expect(forwarded).toContain("• Identifiant de l'organisation : ORG-42");
    expect(forwarded).toContain(
      '• Délai approximatif pendant lequel le problème est survenu : (non renseigné)',
    );
    expect(forwarded).toContain('uc-triage cases take 1 --by NOM');
    expect(buttonsOf(bot.view(opened))).toEqual([]);
    // With one, the adapter posts `card` there; the technician reads one line and the summary.
    const told = text(opened, { expertsChannel: true });
    expect(told).toBe(
      'Dossier 1 ouvert\nRésumé : 200039\nLes experts l’ont reçu ; leur réponse vous sera donnée ici.',
    );
    if (opened.kind !== 'case-opened') throw new Error('not opened');
    expect(buttonsOf(bot.view(opened.card)).map((b) => b.label)).toEqual([
      'Je prends',
      'Résoudre',
      'Fermer sans réponse',
    ]);
  });

  it('says what it could not store, with the card to forward, when the store is down', async () => {
    const shared = realBot();
    const down = new Error('Redis is reconnecting');
    const failing = {
      open: async () => Promise.reject(down),
      get: async () => Promise.reject(down),
      save: async () => Promise.reject(down),
      list: async () => Promise.reject(down),
      undelivered: async () => Promise.reject(down),
      close: async () => {},
    };
    bot = new TriageBot(shared.library, shared.index, {
      cases: failing,
      logger: { warn: () => {}, error: () => {} },
    });
    const refused = await escalate(await send({ text: '200039' }), { 'item-1': 'ORG-42' });
    expect(refused).toMatchObject({ kind: 'case-refused', refusal: 'unavailable' });
    expect(text(refused)).toContain(
      'Le dossier n’a pas pu être enregistré : voici la fiche à transmettre aux experts.',
    );
    expect(text(refused)).toContain("• Identifiant de l'organisation : ORG-42");
  });
});

describe('what experts do with a case', () => {
  async function openOne(): Promise<number> {
    const opened = await escalate(await send({ text: '200039' }));
    if (opened.kind !== 'case-opened') throw new Error('not opened');
    return opened.case.id;
  }

  it('take, then resolve through the form: the card follows, the technician is told the answer and its entry', async () => {
    const id = await openOne();
    const taken = await expert({ kind: 'case-take', id, l: 'fr' });
    expect(taken.kind).toBe('case-card');
    expect(text(taken)).toContain('Pris en charge par alice le 2026-12-01 09:30 UTC');
    expect(buttonsOf(bot.view(taken)).map((b) => b.label)).toEqual(['Résoudre', 'Fermer sans réponse']);
    if (taken.kind !== 'case-card') throw new Error('no card');
    expect(taken.notify && text(taken.notify)).toBe('Dossier 1 : pris en charge par alice.');
    expect(taken.notify?.case.conversation).toEqual(technician);

    const form = await expert(button(taken, 'Résoudre'));
    const view = bot.form(form);
    expect(view?.fields.map((f) => [f.id, f.required ?? false])).toEqual([
      ['answer', true],
      ['entry', false],
    ]);
    const resolved = await expert(
      submitForm(view?.submit, {
        answer: 'Le compte existait dans une autre organisation : supprimé.',
        entry: 'webex-200039',
      }) as CoreAction,
    );
    if (resolved.kind !== 'case-card' || !resolved.notify)
      throw new Error(`expected a card, got ${resolved.kind}`);
    expect(buttonsOf(bot.view(resolved)).map((b) => b.label)).toEqual(['Rouvrir']);
    const notice = text(resolved.notify);
    expect(notice).toContain('Dossier 1 résolu par alice — 200039 : Échec de la validation');
    expect(notice).toContain(
      'Réponse de l’expert : Le compte existait dans une autre organisation : supprimé.',
    );
    expect(notice).toMatch(
      /Entrée liée : .*Codes d'erreur de l'utilisateur final \(webex-broadworks-troubleshooting\.md, l\. 828-832\)/,
    );
  });

  it('refuses an actor the adapter did not vouch for, whatever the button carries', async () => {
    const id = await openOne();
    for (const action of [
      { kind: 'case-take', id },
      { kind: 'case-resolve', id },
      { kind: 'case-resolve', id, answer: 'forcé' },
      { kind: 'case-close', id },
    ] as CoreAction[]) {
      const refused = await expert(action, 'mallory', false);
      expect(text(refused)).toBe(
        'Seuls les experts (les membres de leur canal) peuvent prendre en charge, résoudre, fermer ou rouvrir un dossier.',
      );
    }
    expect((await store.get(id))?.case.state).toBe('open');
  });

  it('says why a command is refused: taken by someone, already resolved, unknown entry, unknown case, empty answer', async () => {
    const id = await openOne();
    await expert({ kind: 'case-take', id });
    expect(text(await expert({ kind: 'case-take', id }, 'bob'))).toBe(
      'Le dossier 1 est déjà pris en charge par alice.',
    );
    expect(text(await expert({ kind: 'case-resolve', id, answer: 'ok', entry: 'webex-999999' }))).toBe(
      '« webex-999999 » n’est pas une entrée de la base de connaissances (voir uc-triage kb show).',
    );
    expect(text(await expert({ kind: 'case-resolve', id, answer: '  ' }))).toBe(
      'La réponse est vide : écrivez ce qui a résolu le problème.',
    );
    await expert({ kind: 'case-resolve', id, answer: 'ok' });
    expect(text(await expert({ kind: 'case-close', id }))).toBe('Le dossier 1 est déjà résolu.');
    expect(text(await expert({ kind: 'case-resolve', id }))).toBe('Le dossier 1 est déjà résolu.');
    expect(text(await expert({ kind: 'case-take', id: 42 }))).toBe('Le dossier 42 n’existe pas.');
  });

  it('closes without an answer and reopens, telling the technician each time, in their language', async () => {
    const answer = await send({ text: 'what does event 20025 mean on the Skype server' });
    const opened = await escalate(answer, {}, 'Escalate');
    if (opened.kind !== 'case-opened') throw new Error('not opened');
    expect(text(opened).split('\n')[0]).toBe(`Case ${opened.case.id} opened`);
    const closed = await expert({ kind: 'case-close', id: opened.case.id, l: 'fr' });
    expect(closed.kind === 'case-card' && closed.notify && text(closed.notify)).toBe(
      'Case 1 closed without an answer by alice.',
    );
    expect(text(closed)).toContain('Dossier 1 (fermé sans réponse)');
    const reopened = await expert({ kind: 'case-reopen', id: 1, l: 'fr' }, 'bob');
    expect(reopened.kind === 'case-card' && reopened.notify && text(reopened.notify)).toBe(
      'Case 1 reopened by bob.',
    );
    expect(buttonsOf(bot.view(reopened)).map((b) => b.label)).toEqual([
      'Je prends',
      'Résoudre',
      'Fermer sans réponse',
    ]);
  });
});
