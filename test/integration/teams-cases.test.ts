import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type TeamsEscalationConfig } from '../../adapters/config.js';
import { ConfigError } from '../../adapters/errors.js';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { Metrics } from '../../adapters/metrics.js';
import { mountTeams } from '../../adapters/teams/mount.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { MemoryCaseStore } from '../../src/cases/store.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { cardProblems } from '../support/adaptive-cards.js';
import { realBot } from '../support/bot.js';
import { ConnectorStub } from '../support/connector-stub.js';
import {
  buttonOf,
  type Card,
  cardOfCall,
  channelThread,
  dialogCard,
  filled,
  inputsOf,
  personalChat,
  TeamsClient,
  type TeamsPlace,
  type TeamsUser,
  textsOf,
} from '../support/teams-client.js';

/** Escalation as a case in Teams, through the real CloudAdapter and the Bot Connector stub. */
const connector = new ConnectorStub();
const servers: HttpServer[] = [];
const EXPERTS = '19:experts@thread.tacv2';
const TEAM = '19:support-team@thread.tacv2';
const jean: TeamsUser = { id: '29:jean', name: 'Jean Tech', aadObjectId: 'aad-jean' };
const alice: TeamsUser = { id: '29:alice', name: 'Alice Expert' };
const bruno: TeamsUser = { id: '29:bruno', name: 'Bruno Expert' };
const ivan: TeamsUser = { id: '29:ivan', name: 'Ivan Passant' };

interface Teams {
  base: string;
  store: MemoryCaseStore;
  client: TeamsClient;
}

async function startTeams(escalation?: Partial<TeamsEscalationConfig>): Promise<Teams> {
  const http = createHttpServer(createLogger('silent'));
  const shared = realBot();
  const store = new MemoryCaseStore();
  const bot = new TriageBot(shared.library, shared.index, { cases: store });
  mountTeams(
    http.app,
    {
      appType: 'MultiTenant',
      allowUnauthenticated: true,
      ...(escalation ? { escalation: { channel: EXPERTS, ...escalation } } : {}),
    },
    { bot, state: new MemoryState(), logger: createLogger('silent') },
  );
  http.markReady();
  servers.push(http);
  const base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  return { base, store, client: new TeamsClient(() => base, connector) };
}

let teams: Teams;
beforeAll(async () => {
  await connector.start();
  connector.members.set(
    TEAM,
    new Map([
      [alice.id, alice.name],
      [bruno.id, bruno.name],
    ]),
  );
  teams = await startTeams({});
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await connector.stop();
});
beforeEach(() => {
  connector.calls.length = 0;
  connector.memberLookups.length = 0;
});

let chats = 0;

/** The sign-in triage walked on its card to the outcome the guide gives no fix for: the result card and its id. */
async function walkTriage(client: TeamsClient, place: TeamsPlace): Promise<{ result: Card; id: string }> {
  await client.say(place, jean, 'diagnostic connexion SSO');
  const card = connector.calls.at(-1)?.id as string;
  let current = cardOfCall(connector.calls.at(-1));
  for (const label of ['Oui, il se charge', 'Pas de code', 'Oui', 'Oui', 'Non']) {
    await client.click(place, jean, buttonOf(current, label).data, card);
    current = cardOfCall(connector.calls.findLast((c) => c.method === 'PUT'));
  }
  const result = connector.sent('POST').at(-1);
  return { result: cardOfCall(result), id: result?.id as string };
}

/** "Escalader" under an answer, its dialog submitted: the experts' post (its card and id). */
async function openCase(
  client: TeamsClient,
  place: TeamsPlace,
  question = '200039',
): Promise<{ card: Card; id: string }> {
  const dialog = await client.escalationDialog(place, jean, question);
  expect(await client.submitDialog(place, jean, filled(dialog, {}))).toBeNull();
  const post = connector.calls.find((c) => c.method === 'POST' && conversationOf(c) === EXPERTS);
  if (!post) throw new Error('no case card in the experts’ channel');
  return { card: cardOfCall(post), id: post.id };
}

/** The conversation a call went to (a reply in a turn goes to …/activities/{the activity's id}). */
const conversationOf = (call: { path: string }) =>
  /^\/v3\/conversations\/([^/]+)\/activities/.exec(call.path)?.[1];
/** Where each call went: its method and conversation. */
const sentTo = () => connector.calls.map((c) => [c.method, conversationOf(c)]);
const toTechnician = (place: TeamsPlace) =>
  connector.calls.filter((c) => c.method === 'POST' && conversationOf(c) === place.conversation.id);

describe('escalation as a case in Teams', () => {
  it('opens a case from a triage in a dialog, posts it to the experts, who take and resolve it; the technician gets the answer', async () => {
    const place = personalChat(`a:case-${++chats}`);
    const { result, id } = await walkTriage(teams.client, place);
    const escalate = buttonOf(result, 'Escalader');
    expect(escalate).toMatchObject({ type: 'Action.Submit', data: { msteams: { type: 'task/fetch' } } });
    connector.calls.length = 0;

    // The dialog: the summary prefilled, each item to collect an input, none required.
    const dialog = await teams.client.fetchDialog(place, jean, escalate.data, id);
    const form = dialogCard(dialog);
    expect(cardProblems(form)).toEqual([]);
    expect(dialog.task.value.title).toMatch(/^Ouvrir un dossier — /);
    const inputs = inputsOf(form);
    expect(inputs[0]).toMatchObject({ id: 'summary', isMultiline: true });
    expect(inputs[0].value).toBeTruthy();
    expect(inputs.length).toBeGreaterThan(3);
    expect(inputs.filter((i) => i.isRequired)).toEqual([]);
    expect(inputs.slice(1).map((i) => i.id)).toEqual(inputs.slice(1).map((_, i) => `item-${i}`));
    // What was seen comes with the form: the triage's path, its last answer included.
    expect(textsOf(form)).toContain('Parcours');
    expect(textsOf(form).join('\n')).toMatch(/^5\. .+ → Non$/m);
    expect(connector.calls).toHaveLength(0);

    const closed = await teams.client.submitDialog(
      place,
      jean,
      filled(dialog, { summary: 'SSO impossible depuis ce matin', 'item-0': 'jean@exemple.fr' }),
    );
    expect(closed).toBeNull();
    const [post, opened, ...rest] = connector.calls;
    expect(rest).toEqual([]);
    expect(post?.path).toBe(`/v3/conversations/${EXPERTS}/activities`);
    expect(conversationOf(opened ?? { path: '' })).toBe(place.conversation.id);
    const card = cardOfCall(post);
    expect(cardProblems(card)).toEqual([]);
    expect(textsOf(card)[0]).toBe(
      "Dossier 1 (ouvert) — Activation de l'utilisateur et échec de connexion SSO",
    );
    expect(textsOf(card).join('\n')).toContain('SSO impossible depuis ce matin');
    expect(textsOf(card).join('\n')).toContain('jean@exemple.fr');
    expect(buttonOf(card, 'Je prends')).toMatchObject({
      type: 'Action.Execute',
      data: { kind: 'case-take', id: 1 },
    });
    expect(buttonOf(card, 'Résoudre')).toMatchObject({
      type: 'Action.Submit',
      data: { msteams: { type: 'task/fetch' } },
    });
    expect(buttonOf(card, 'Fermer sans réponse').type).toBe('Action.Execute');
    // The way back: a personal chat is the technician's alone, so the experts get a chat with them.
    expect(buttonOf(card, 'Écrire à Jean Tech')).toMatchObject({
      type: 'Action.OpenUrl',
      url: 'https://teams.microsoft.com/l/chat/0/0?users=aad-jean',
    });
    const notice = cardOfCall(opened);
    expect(cardProblems(notice)).toEqual([]);
    expect(textsOf(notice)[0]).toBe('Dossier 1 ouvert');
    expect(buttonOf(notice, 'Voir le dossier chez les experts').url).toBe(
      `https://teams.microsoft.com/l/message/${encodeURIComponent(EXPERTS)}/${post?.id}?tenantId=tenant-1&parentMessageId=${post?.id}`,
    );
    // The triage is over once escalated: its "Escalader" again says so, in the dialog.
    const over = await teams.client.fetchDialog(place, jean, escalate.data, id);
    expect(textsOf(dialogCard(over))).toEqual([
      'Ce diagnostic guidé est terminé ou a expiré : rien n’a changé. Tapez « diagnostic » pour en lancer un autre.',
    ]);
    expect(connector.calls).toHaveLength(2);
    const [stored] = await teams.store.list();
    expect(stored).toMatchObject({ id: 1, state: 'open', treeId: 'sign-in', openedBy: 'Jean Tech' });
    expect(stored?.checklist[0]?.answer).toBe('jean@exemple.fr');

    // An expert takes it in the experts' channel: the card is updated for everyone, the technician told.
    const experts = channelThread(EXPERTS, post?.id as string, TEAM);
    connector.calls.length = 0;
    const taken = await teams.client.execute(experts, alice, buttonOf(card, 'Je prends'), post?.id as string);
    expect(taken.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(taken.value)).toEqual([]);
    expect(textsOf(taken.value)[0]).toBe(
      "Dossier 1 (pris en charge) — Activation de l'utilisateur et échec de connexion SSO",
    );
    expect(connector.calls.map((c) => [c.method, c.path])).toEqual([
      ['PUT', `/v3/conversations/${EXPERTS}/activities/${post?.id}`],
      ['POST', `/v3/conversations/${place.conversation.id}/activities`],
    ]);
    const updated = cardOfCall(connector.calls[0]);
    expect(cardProblems(updated)).toEqual([]);
    expect(textsOf(updated).join('\n')).toContain('Pris en charge par Alice Expert');
    expect(JSON.stringify(updated)).not.toContain('Je prends');
    expect(textsOf(cardOfCall(connector.calls[1]))).toEqual(['Dossier 1 : pris en charge par Alice Expert.']);

    // "Résoudre": a dialog; an unknown entry is said in it, the answer kept, nothing changes.
    connector.calls.length = 0;
    const resolveForm = await teams.client.fetchDialog(
      experts,
      alice,
      buttonOf(updated, 'Résoudre').data,
      post?.id,
    );
    const resolveCard = dialogCard(resolveForm);
    expect(cardProblems(resolveCard)).toEqual([]);
    expect(inputsOf(resolveCard).map((i) => [i.id, i.isRequired === true])).toEqual([
      ['answer', true],
      ['entry', false],
    ]);
    const answer = 'Le domaine n’était pas revendiqué : revendication faite dans Control Hub, SSO rétabli.';
    const wrong = await teams.client.submitDialog(
      experts,
      alice,
      filled(resolveForm, { answer, entry: 'webex-nope' }),
    );
    const again = dialogCard(wrong);
    expect(cardProblems(again)).toEqual([]);
    expect(textsOf(again)[0]).toBe(
      '« webex-nope » n’est pas une entrée de la base de connaissances (voir uc-triage kb show).',
    );
    expect(inputsOf(again).find((i) => i.id === 'answer')?.value).toBe(answer);
    expect(connector.calls).toHaveLength(0);

    const done = await teams.client.submitDialog(
      experts,
      alice,
      filled(wrong, { entry: 'webex/problemes-de-revendication-de-domaine' }),
    );
    expect(done).toBeNull();
    expect(connector.calls.map((c) => [c.method, c.path])).toEqual([
      ['PUT', `/v3/conversations/${EXPERTS}/activities/${post?.id}`],
      ['POST', `/v3/conversations/${place.conversation.id}/activities`],
    ]);
    const resolvedCard = cardOfCall(connector.calls[0]);
    expect(cardProblems(resolvedCard)).toEqual([]);
    expect(textsOf(resolvedCard)[0]).toBe(
      "Dossier 1 (résolu) — Activation de l'utilisateur et échec de connexion SSO",
    );
    expect(buttonOf(resolvedCard, 'Rouvrir').type).toBe('Action.Execute');
    const told = cardOfCall(connector.calls[1]);
    expect(cardProblems(told)).toEqual([]);
    expect(textsOf(told)).toEqual(
      expect.arrayContaining([
        "Dossier 1 résolu par Alice Expert — Activation de l'utilisateur et échec de connexion SSO",
        answer,
      ]),
    );
    expect(await teams.store.get(1)).toMatchObject({
      case: {
        state: 'resolved',
        answer,
        entry: 'webex/problemes-de-revendication-de-domaine',
        resolvedBy: 'Alice Expert',
      },
    });
  });

  it('lets only the experts’ team act: a non-member is told, alone, and nothing changes', async () => {
    const place = channelThread('19:support@thread.tacv2', '1700000000001', '19:other-team@thread.tacv2');
    connector.calls.length = 0;
    const { card, id } = await openCase(teams.client, place);
    // Opened from a channel thread: the experts' way back is that thread.
    expect(buttonOf(card, 'Ouvrir la conversation du technicien').url).toBe(
      `https://teams.microsoft.com/l/message/${encodeURIComponent('19:support@thread.tacv2')}/1700000000001?tenantId=tenant-1&parentMessageId=1700000000001`,
    );
    const caseId = (await teams.store.list()).at(-1)?.id as number;
    const experts = channelThread(EXPERTS, id, TEAM);
    connector.calls.length = 0;

    const refused = await teams.client.execute(experts, ivan, buttonOf(card, 'Je prends'), id);
    expect(refused.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(refused.value)).toEqual([]);
    expect(textsOf(refused.value)[0]).toBe(
      'Seuls les experts (les membres de leur canal) peuvent prendre en charge, résoudre, fermer ou rouvrir un dossier.',
    );
    expect(textsOf(refused.value)[1]).toMatch(new RegExp(`^Dossier ${caseId} \\(ouvert\\)`));
    const resolveDialog = await teams.client.fetchDialog(experts, ivan, buttonOf(card, 'Résoudre').data, id);
    expect(textsOf(dialogCard(resolveDialog))).toEqual([
      'Seuls les experts (les membres de leur canal) peuvent prendre en charge, résoudre, fermer ou rouvrir un dossier.',
    ]);
    // A resolution forged without the dialog is refused the same way.
    const forged = await teams.client.submitDialog(experts, ivan, {
      form: { kind: 'case-resolve', id: caseId, l: 'fr' },
      answer: 'réglé',
    });
    expect(textsOf(dialogCard(forged))[0]).toMatch(/^Seuls les experts/);
    expect(connector.calls).toEqual([]);
    expect((await teams.store.get(caseId))?.case.state).toBe('open');
    expect(connector.memberLookups).toEqual([`/v3/conversations/${TEAM}/members/${ivan.id}`]);

    // A member takes it; the answer of the members API is kept a while (no second lookup).
    await teams.client.execute(experts, bruno, buttonOf(card, 'Je prends'), id);
    const taken = cardOfCall(connector.calls[0]);
    const closed = await teams.client.execute(experts, bruno, buttonOf(taken, 'Fermer sans réponse'), id);
    expect(textsOf(closed.value)[0]).toMatch(new RegExp(`^Dossier ${caseId} \\(fermé sans réponse\\)`));
    expect(connector.memberLookups).toEqual([
      `/v3/conversations/${TEAM}/members/${ivan.id}`,
      `/v3/conversations/${TEAM}/members/${bruno.id}`,
    ]);
    // The technician's thread is told, in that thread.
    expect(toTechnician(place).map((c) => textsOf(cardOfCall(c))[0])).toEqual([
      `Dossier ${caseId} : pris en charge par Bruno Expert.`,
      `Dossier ${caseId} fermé sans réponse par Bruno Expert.`,
    ]);
    // A command the state no longer allows is refused to the one who clicked, the card as it is.
    connector.calls.length = 0;
    const late = await teams.client.execute(experts, alice, buttonOf(card, 'Je prends'), id);
    expect(textsOf(late.value)[0]).toBe(`Le dossier ${caseId} est fermé sans réponse : rouvrez-le d’abord.`);
    expect(cardProblems(late.value)).toEqual([]);
    expect(textsOf(late.value)[1]).toMatch(/\(fermé sans réponse\)/);
    expect(connector.calls).toEqual([]);
    const reopened = await teams.client.execute(experts, alice, buttonOf(closed.value, 'Rouvrir'), id);
    expect(textsOf(reopened.value)[0]).toMatch(/\(ouvert\)/);
  });

  it('vouches for no one while the members API fails or does not answer, and asks again next time', async () => {
    const place = personalChat(`a:members-${++chats}`);
    const { card, id } = await openCase(teams.client, place);
    const experts = channelThread(EXPERTS, id, TEAM);
    const carol: TeamsUser = { id: '29:carol', name: 'Carol Expert' };
    connector.members.get(TEAM)?.set(carol.id, carol.name);
    connector.calls.length = 0;
    try {
      for (const answer of ['error', 'hang'] as const) {
        connector.membersApi = answer;
        const refused = await teams.client.execute(experts, carol, buttonOf(card, 'Je prends'), id);
        expect(textsOf(refused.value)[0]).toMatch(/^Seuls les experts/);
      }
    } finally {
      connector.membersApi = 'ok';
    }
    expect(connector.calls).toEqual([]);
    const taken = await teams.client.execute(experts, carol, buttonOf(card, 'Je prends'), id);
    expect(textsOf(taken.value)[0]).toMatch(/\(pris en charge\)/);
    expect(connector.memberLookups.filter((p) => p.endsWith(carol.id))).toHaveLength(3);
  });

  it('escalates a diagnosis from the "Diagnostiquer ce message" dialog, the case form in the same dialog', async () => {
    const place = channelThread('19:support@thread.tacv2', '1700000000002', '19:other-team@thread.tacv2');
    const submitAction = async (data: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      const res = await teams.client.post(
        teams.client.activity(place, jean, {
          type: 'invoke',
          name: 'composeExtension/submitAction',
          value: { commandId: 'diagnoseMessage', commandContext: 'message', data, ...extra },
        }),
      );
      expect(res.status).toBe(200);
      const body = await res.text();
      return body ? JSON.parse(body) : null;
    };
    const content = '<p>ERROR activation 200039<br>[11:02:33] ACS callEndReason {code: 487, subCode: 0}</p>';
    const diagnosis = await submitAction(
      {},
      { messagePayload: { id: 'm1', body: { contentType: 'html', content } } },
    );
    const escalate = buttonOf(dialogCard(diagnosis), 'Escalader');
    const dialog = await submitAction(escalate.data);
    const form = dialogCard(dialog);
    expect(cardProblems(form)).toEqual([]);
    expect(inputsOf(form)[0]?.id).toBe('summary');
    connector.calls.length = 0;
    expect(await submitAction(filled(dialog, { summary: 'deux erreurs à l’activation' }))).toEqual({});
    expect(sentTo()).toEqual([
      ['POST', EXPERTS],
      ['POST', place.conversation.id],
    ]);
    const card = cardOfCall(connector.calls[0]);
    expect(textsOf(card).join('\n')).toContain('deux erreurs à l’activation');
    expect(textsOf(card).join('\n')).toContain('Ouvert par Jean Tech');
    expect(textsOf(cardOfCall(connector.calls[1]))[0]).toMatch(/^Dossier \d+ ouvert$/);
  });

  it('opens one case when the dialog is submitted twice', async () => {
    const place = personalChat(`a:twice-${++chats}`);
    const dialog = await teams.client.escalationDialog(place, jean);
    const before = (await teams.store.list()).length;
    connector.calls.length = 0;
    const data = filled(dialog, { summary: 'double clic' });
    await Promise.all([
      teams.client.submitDialog(place, jean, data),
      teams.client.submitDialog(place, jean, data),
    ]);
    const third = await teams.client.submitDialog(place, jean, data);
    expect((await teams.store.list()).length).toBe(before + 1);
    expect(connector.calls.filter((c) => conversationOf(c) === EXPERTS)).toHaveLength(1);
    expect(textsOf(dialogCard(third))).toEqual([`Dossier ${before + 1} ouvert`]);
  });

  it('without an experts’ channel, gives the technician the case card to forward', async () => {
    const solo = await startTeams();
    const place = personalChat(`a:solo-${++chats}`);
    connector.calls.length = 0;
    const dialog = await solo.client.escalationDialog(place, jean);
    connector.calls.length = 0;
    expect(await solo.client.submitDialog(place, jean, filled(dialog, { 'item-1': 'ORG-42' }))).toBeNull();
    expect(sentTo()).toEqual([['POST', place.conversation.id]]);
    const card = cardOfCall(connector.calls[0]);
    expect(cardProblems(card)).toEqual([]);
    expect(textsOf(card).slice(0, 2)).toEqual([
      'Dossier 1 ouvert',
      'Aucun canal d’experts n’est configuré : transmettez-leur cette fiche.',
    ]);
    expect(textsOf(card).join('\n')).toContain('ORG-42');
    expect(JSON.stringify(card)).not.toContain('Action.');
  });
});

describe('an experts’ channel that refuses the post', () => {
  it('gives the technician the card to forward, and counts the failure', async () => {
    const gone = '19:removed@thread.tacv2';
    connector.refused.add(gone);
    const metrics = new Metrics();
    const http = createHttpServer(createLogger('silent'), { metrics });
    const shared = realBot();
    mountTeams(
      http.app,
      { appType: 'MultiTenant', allowUnauthenticated: true, escalation: { channel: gone } },
      {
        bot: new TriageBot(shared.library, shared.index),
        state: new MemoryState(),
        logger: createLogger('silent'),
      },
      { metrics },
    );
    http.markReady();
    servers.push(http);
    const base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
    const client = new TeamsClient(() => base, connector);
    const place = personalChat(`a:gone-${++chats}`);
    const dialog = await client.escalationDialog(place, jean);
    connector.calls.length = 0;
    expect(await client.submitDialog(place, jean, filled(dialog, {}))).toBeNull();
    expect(sentTo()).toEqual([['POST', place.conversation.id]]);
    expect(textsOf(cardOfCall(connector.calls[0])).slice(0, 2)).toEqual([
      'Dossier 1 ouvert',
      'Aucun canal d’experts n’est configuré : transmettez-leur cette fiche.',
    ]);
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(
      /uc_triage_outbound_failures_total\{platform="teams"\} 1/,
    );
  });
});

describe('the experts’ channel settings', () => {
  it('reads TEAMS_ESCALATION_CHANNEL, _TEAM and _SERVICE_URL, and names a wrong one in one line', () => {
    const teams = { TEAMS_ALLOW_UNAUTHENTICATED: 'true' };
    expect(loadConfig(teams).teams?.escalation).toBeUndefined();
    expect(
      loadConfig({
        ...teams,
        TEAMS_ESCALATION_CHANNEL: EXPERTS,
        TEAMS_ESCALATION_TEAM: TEAM,
        TEAMS_ESCALATION_SERVICE_URL: 'https://smba.trafficmanager.net/emea/',
      }).teams?.escalation,
    ).toEqual({ channel: EXPERTS, team: TEAM, serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    expect(() =>
      loadConfig({ ...teams, TEAMS_ESCALATION_CHANNEL: `${EXPERTS};messageid=1700000000000` }),
    ).toThrow(
      'Invalid setting TEAMS_ESCALATION_CHANNEL: must be the conversation id of a Teams channel (19:…@thread.tacv2), without ";messageid=…"',
    );
    expect(() =>
      loadConfig({ ...teams, TEAMS_ESCALATION_CHANNEL: EXPERTS, TEAMS_ESCALATION_SERVICE_URL: 'emea' }),
    ).toThrow(ConfigError);
  });
});
