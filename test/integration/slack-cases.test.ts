import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../adapters/config.js';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { realBot } from '../support/bot.js';
import { buttonOf, nth, type Recorded, SlackRequests, textOf } from '../support/slack-requests.js';
import { SIGNING_SECRET, SlackApiStub, sleep, waitFor } from '../support/slack-stub.js';

/**
 * Escalation as a case in Slack (issue 24), through the real Bolt receiver with signed requests and
 * the stub Web API: "Escalader" opens the case form as a modal, its submission opens the case and
 * posts its card in the experts' channel (ESCALATION_CHANNEL), linked both ways with the
 * technician's thread; the experts' members take and resolve it, the technician is told.
 */
const stub = new SlackApiStub();
const EXPERTS = 'CEXP';
const tech = { id: 'U1', name: 'tech' };
const alice = { id: 'UEXP3', name: 'alice' };
const outsider = { id: 'UOUT', name: 'mallory' };

interface Bot {
  http: HttpServer;
  base: string;
  bot: TriageBot;
}
let withExperts: Bot;
let withoutExperts: Bot;

async function startBot(escalationChannel?: string): Promise<Bot> {
  const http = createHttpServer(createLogger('silent'));
  const shared = realBot();
  const bot = new TriageBot(shared.library, shared.index);
  await createSlackApp(
    {
      botToken: 'xoxb-test',
      signingSecret: SIGNING_SECRET,
      apiUrl: stub.apiUrl,
      ...(escalationChannel ? { escalationChannel } : {}),
    },
    { bot, state: new MemoryState(), logger: createLogger('silent') },
    http.app,
  ).start();
  http.markReady();
  return { http, bot, base: `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}` };
}

beforeAll(async () => {
  await stub.start();
  // Three experts over two pages: the last one is only found by following the cursor.
  stub.members.set(EXPERTS, ['UEXP1', 'UEXP2', 'UEXP3']);
  stub.membersPageSize = 2;
  withExperts = await startBot(EXPERTS);
  withoutExperts = await startBot();
});

afterAll(async () => {
  await withExperts.http.close();
  await withoutExperts.http.close();
  await stub.stop();
});

beforeEach(() => {
  stub.calls.length = 0;
  stub.refused.length = 0;
  stub.viewsOpenError = null;
});

const slack = new SlackRequests(() => withExperts.base, stub);
const postsTo = (channel: string) => stub.posts().filter((c) => c.body.channel === channel);
const permalink = (channel: string, ts: string) =>
  `https://stub.slack.com/archives/${channel}/p${ts.replace('.', '')}`;

/** A guided triage started in a thread of C1, and its card. */
async function triageCard(
  root: string,
): Promise<{ card: Recorded; on: { channel: string; ts: string; thread: string } }> {
  await slack.mention('diagnostic échec de connexion SSO', 'C1', root);
  const card = await waitFor(() => postsTo('C1').find((c) => c.body.thread_ts === root));
  return { card, on: { channel: 'C1', ts: String(card.ts), thread: root } };
}

/** "Escalader" clicked and the modal it opened, as views.open received it. */
async function escalate(card: Recorded, on: { channel: string; ts: string; thread: string }) {
  const opened = stub.views().length;
  const { triggerId } = await slack.click(buttonOf(card, 'Escalader'), on, tech);
  const modal = await waitFor(() => stub.views()[opened]);
  expect(modal.trigger_id).toBe(triggerId);
  return modal.view;
}

describe('escalating a guided triage to the experts’ channel', () => {
  it('opens the case from a modal, posts it to the experts, takes and resolves it, and tells the technician', async () => {
    const root = '1700400000.000100';
    const { card, on } = await triageCard(root);
    await slack.click(buttonOf(card, 'Oui, il se charge'), on, tech);
    const step2 = await nth(stub, 'chat.update', 0);
    const modal = await escalate(step2, on);
    // The case form: the summary prefilled and required, each item of the checklist an optional input.
    const inputs = (
      modal.blocks as {
        type: string;
        block_id: string;
        optional: boolean;
        element: { initial_value?: string };
      }[]
    ).filter((b) => b.type === 'input');
    // The summary is the question the triage started from.
    expect(inputs[0]).toMatchObject({ block_id: 'summary', optional: false, element: { max_length: 1000 } });
    expect(inputs[0]?.element.initial_value).toContain('connexion');
    // The summary is shown once, in its input: the context above the inputs does not repeat it.
    const context = (modal.blocks as { type: string }[]).filter((b) => b.type !== 'input');
    expect(JSON.stringify(context)).not.toContain('Résumé');
    expect(inputs.length).toBeGreaterThan(3);
    expect(inputs.slice(1).every((i) => i.optional)).toBe(true);
    expect(JSON.stringify(modal)).toContain('Oui, il se charge');

    const started = Date.now();
    const submitted = await slack.submit(modal, { 'item-0': 'ORG-42' }, tech);
    expect(submitted.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await submitted.text()).toBe('');

    // The card in the experts' channel, with a link to the technician's thread.
    const posted = await waitFor(() => postsTo(EXPERTS)[0]);
    expect(textOf(posted)).toContain('Dossier 1 (ouvert)');
    expect(textOf(posted)).toContain('ORG-42');
    expect(textOf(posted)).toContain(`<${permalink('C1', root)}|Ouvrir la conversation du technicien>`);
    expect(new Set(buttonsLabels(posted))).toEqual(new Set(['Je prends', 'Résoudre', 'Fermer sans réponse']));
    // The technician's thread: "Dossier 1 ouvert" with a link to the experts' post.
    const told = await waitFor(() => postsTo('C1').find((c) => textOf(c).includes('Dossier 1 ouvert')));
    expect(told.body.thread_ts).toBe(root);
    expect(textOf(told)).toContain(
      `<${permalink(EXPERTS, String(posted.ts))}|Voir le dossier chez les experts>`,
    );
    await expect(withExperts.bot.cases.get(1)).resolves.toMatchObject({
      expertsPost: `slack:${EXPERTS}:${posted.ts}`,
    });

    const cardOn = { channel: EXPERTS, ts: String(posted.ts) };
    // Someone outside the experts' channel: one private line, nothing changes.
    stub.calls.length = 0;
    await slack.click(buttonOf(posted, 'Je prends'), cardOn, outsider);
    const refused = await nth(stub, 'chat.postEphemeral', 0);
    expect(refused.body).toMatchObject({ channel: EXPERTS, user: outsider.id });
    expect(String(refused.body.text)).toContain('Seuls les experts');
    await slack.click(buttonOf(posted, 'Résoudre'), cardOn, outsider);
    await nth(stub, 'chat.postEphemeral', 1);
    await sleep(200);
    expect(stub.posts('chat.update')).toHaveLength(0);
    expect(stub.posts('chat.postMessage')).toHaveLength(0);
    expect(stub.views()).toHaveLength(0);

    // A member (on the second page of members) takes it: the card in place, the technician told.
    await slack.click(buttonOf(posted, 'Je prends'), cardOn, alice);
    const taken = await nth(stub, 'chat.update', 0);
    expect(taken.body).toMatchObject({ channel: EXPERTS, ts: posted.ts });
    expect(textOf(taken)).toContain('Dossier 1 (pris en charge)');
    expect(textOf(taken)).toContain('Pris en charge par alice');
    expect(buttonsLabels(taken)).toEqual(['Résoudre', 'Fermer sans réponse']);
    const takenNotice = await waitFor(() => postsTo('C1')[0]);
    expect(takenNotice.body).toMatchObject({
      thread_ts: root,
      text: 'Dossier 1 : pris en charge par alice.',
    });

    // "Résoudre": the resolution modal; an unknown entry is refused in the modal, nothing changes.
    await slack.click(buttonOf(taken, 'Résoudre'), cardOn, alice);
    const resolveModal = (await waitFor(() => stub.views()[0])).view;
    const refusedEntry = await slack.submit(
      resolveModal,
      { answer: 'Domaine revendiqué par une autre org.', entry: 'webex-nope' },
      alice,
    );
    expect(await refusedEntry.json()).toEqual({
      response_action: 'errors',
      errors: { entry: expect.stringContaining('« webex-nope » n’est pas une entrée') },
    });
    // The same modal sent by someone who is not an expert: refused in the modal too.
    const forged = await slack.submit(resolveModal, { answer: 'x' }, outsider);
    expect(await forged.json()).toMatchObject({
      response_action: 'errors',
      errors: { answer: expect.stringContaining('Seuls les experts') },
    });
    await sleep(200);
    expect(stub.posts('chat.update')).toHaveLength(1);

    const answer = 'Le domaine était revendiqué par une autre organisation : libéré dans Control Hub.';
    const resolved = await slack.submit(
      resolveModal,
      { answer, entry: 'webex/problemes-de-revendication-de-domaine' },
      alice,
    );
    expect(await resolved.text()).toBe('');
    const resolvedCard = await nth(stub, 'chat.update', 1);
    expect(textOf(resolvedCard)).toContain('Dossier 1 (résolu)');
    expect(textOf(resolvedCard)).toContain(answer);
    expect(buttonsLabels(resolvedCard)).toEqual(['Rouvrir']);
    const resolvedNotice = await waitFor(() => postsTo('C1')[1]);
    expect(resolvedNotice.body.thread_ts).toBe(root);
    expect(textOf(resolvedNotice)).toContain('Dossier 1 résolu par alice');
    expect(textOf(resolvedNotice)).toContain(answer);
  });

  it('opens one case when the same escalation is sent twice (two modals of a double click)', async () => {
    // An answer's "Escalader" opens its form as often as it is clicked.
    const root = '1700400100.000100';
    await slack.mention('200039', 'C1', root);
    const answer = await waitFor(() => postsTo('C1').find((c) => c.body.thread_ts === root));
    const on = { channel: 'C1', ts: String(answer.ts), thread: root };
    const first = await escalate(answer, on);
    const second = await escalate(answer, on);
    const before = (await withExperts.bot.cases.list()).length;
    const [a, b] = await Promise.all([slack.submit(first, {}, tech), slack.submit(second, {}, tech)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await waitFor(() => postsTo(EXPERTS).length > 0);
    await sleep(300);
    expect(postsTo(EXPERTS)).toHaveLength(1);
    expect(postsTo('C1').filter((c) => textOf(c).includes('ouvert'))).toHaveLength(1);
    expect((await withExperts.bot.cases.list()).length).toBe(before + 1);
  });

  it('says a guided triage’s "Escalader" clicked again is over: its triage became the case', async () => {
    const root = '1700400150.000100';
    const { card, on } = await triageCard(root);
    await escalate(card, on);
    await slack.click(buttonOf(card, 'Escalader'), on, tech, 'again');
    const [line] = await waitFor(() => stub.responses('again').length > 0 && stub.responses('again'));
    expect(line?.body.text).toContain('Ce diagnostic guidé est terminé ou a expiré : rien n’a changé.');
    expect(stub.views()).toHaveLength(1);
  });

  it('shows the form as a message when no modal can open, and its "Ouvrir le dossier" opens one case however often clicked', async () => {
    const root = '1700400200.000100';
    const { card, on } = await triageCard(root);
    stub.viewsOpenError = 'expired_trigger_id';
    await slack.click(buttonOf(card, 'Escalader'), on, tech);
    const form = await waitFor(() => postsTo('C1').find((c) => textOf(c).includes('Ouvrir un dossier')));
    expect(form.body.thread_ts).toBe(root);
    const formOn = { channel: 'C1', ts: String(form.ts), thread: root };
    const before = (await withExperts.bot.cases.list()).length;
    await Promise.all([
      slack.click(buttonOf(form, 'Ouvrir le dossier'), formOn, tech),
      slack.click(buttonOf(form, 'Ouvrir le dossier'), formOn, tech),
    ]);
    // The form becomes "Dossier N ouvert" in place; the experts get one card.
    const opened = await waitFor(() =>
      stub.posts('chat.update').find((c) => c.body.ts === form.ts && textOf(c).includes('ouvert')),
    );
    expect(textOf(opened)).toContain('Voir le dossier chez les experts');
    await sleep(300);
    expect(postsTo(EXPERTS)).toHaveLength(1);
    expect((await withExperts.bot.cases.list()).length).toBe(before + 1);
  });
});

describe('an experts’ channel the bot cannot post in', () => {
  it('gives the technician the card to forward, and the case stays open', async () => {
    stub.refusedChannels.add(EXPERTS);
    try {
      const root = '1700400400.000100';
      await slack.mention('200039', 'C1', root);
      const answer = await waitFor(() => postsTo('C1').find((c) => c.body.thread_ts === root));
      const modal = await escalate(answer, { channel: 'C1', ts: String(answer.ts), thread: root });
      await slack.submit(modal, {}, tech);
      const told = await waitFor(() =>
        postsTo('C1').find((c) => textOf(c).includes('transmettez-leur cette fiche')),
      );
      expect(told.body.thread_ts).toBe(root);
      const id = Number(/Dossier (\d+) ouvert/.exec(textOf(told))?.[1]);
      await expect(withExperts.bot.cases.get(id)).resolves.toMatchObject({ state: 'open' });
      expect(stub.refused.map((c) => c.body.channel)).toEqual([EXPERTS]);
    } finally {
      stub.refusedChannels.delete(EXPERTS);
    }
  });
});

describe('escalating a private answer', () => {
  it('tells the technician privately, and by direct message once an expert acts', async () => {
    await slack.command('200039', 'C7', 'U7', 'answer');
    const [answer] = await waitFor(() => stub.responses('answer').length > 0 && stub.responses('answer'));
    const { triggerId } = await slack.click(
      buttonOf(answer as never, 'Escalader'),
      { channel: 'C7', private: true, responseId: 'esc' },
      { id: 'U7' },
    );
    const modal = await waitFor(() => stub.views()[0]);
    expect(modal.trigger_id).toBe(triggerId);
    await slack.submit(modal.view, {}, { id: 'U7', name: 'tech7' });
    const [opened] = await waitFor(() => stub.responses('esc').length > 0 && stub.responses('esc'));
    expect(opened?.body.response_type).toBe('ephemeral');
    expect(textOf(opened as never)).toMatch(/Dossier \d+ ouvert/);
    const posted = await waitFor(() => postsTo(EXPERTS)[0]);
    expect(textOf(posted)).not.toContain('Ouvrir la conversation du technicien');
    await slack.click(buttonOf(posted, 'Je prends'), { channel: EXPERTS, ts: String(posted.ts) }, alice);
    const notice = await waitFor(() => postsTo('U7')[0]);
    expect(String(notice.body.text)).toMatch(/Dossier \d+ : pris en charge par alice\./);
  });
});

describe('without ESCALATION_CHANNEL', () => {
  it('gives the technician the card to forward, with no experts’ post', async () => {
    const local = new SlackRequests(() => withoutExperts.base, stub);
    const root = '1700400300.000100';
    await local.mention('diagnostic échec de connexion SSO', 'C1', root);
    const card = await waitFor(() => postsTo('C1')[0]);
    await local.click(
      buttonOf(card, 'Escalader'),
      { channel: 'C1', ts: String(card.ts), thread: root },
      tech,
    );
    const modal = await waitFor(() => stub.views()[0]);
    await local.submit(modal.view, {}, tech);
    const told = await waitFor(() => postsTo('C1').find((c) => textOf(c).includes('Dossier 1 ouvert')));
    expect(told.body.thread_ts).toBe(root);
    expect(textOf(told)).toContain('Aucun canal d’experts n’est configuré : transmettez-leur cette fiche.');
    expect(textOf(told)).toContain('uc-triage cases take 1');
    expect(buttonsLabels(told)).toEqual([]);
    expect(stub.posts('chat.postMessage').filter((c) => c.body.channel !== 'C1')).toHaveLength(0);
  });
});

describe('ESCALATION_CHANNEL', () => {
  const slackEnv = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
  it('is the experts’ channel id; a channel name stops the start in one line naming it', () => {
    expect(loadConfig({ ...slackEnv, ESCALATION_CHANNEL: 'C0123ABCD' }).slack?.escalationChannel).toBe(
      'C0123ABCD',
    );
    expect(loadConfig({ ...slackEnv, ESCALATION_CHANNEL: 'G0123ABCD' }).slack?.escalationChannel).toBe(
      'G0123ABCD',
    );
    expect(loadConfig({ ...slackEnv, ESCALATION_CHANNEL: '' }).slack?.escalationChannel).toBeUndefined();
    expect(() => loadConfig({ ...slackEnv, ESCALATION_CHANNEL: '#experts' })).toThrow(
      'Invalid setting ESCALATION_CHANNEL: must be the id of the Slack experts’ channel',
    );
  });
});

function buttonsLabels(call: Recorded): string[] {
  return ((call.body.blocks ?? []) as { elements?: { type: string; text: { text: string } }[] }[])
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.type === 'button')
    .map((e) => e.text.text);
}
