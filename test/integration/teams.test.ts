import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../adapters/config.js';
import { ConfigError } from '../../adapters/errors.js';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { WorkTracker } from '../../adapters/http/work.js';
import { createLogger } from '../../adapters/logger.js';
import { Metrics } from '../../adapters/metrics.js';
import { renderCard } from '../../adapters/teams/cards.js';
import { ACK_WITHIN_MS, mountTeams } from '../../adapters/teams/mount.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { FeedbackRecorder } from '../../src/feedback/recorder.js';
import type { Answer, Reply } from '../../src/index.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { cardProblems } from '../support/adaptive-cards.js';
import { realBot } from '../support/bot.js';
import { ConnectorStub } from '../support/connector-stub.js';
import { MemoryFeedbackStore } from '../support/feedback.js';
import { sleep } from '../support/slack-stub.js';

const connector = new ConnectorStub();
const servers: HttpServer[] = [];

async function startTeams(config: Parameters<typeof mountTeams>[1]): Promise<string> {
  const http = createHttpServer(createLogger('silent'));
  const shared = realBot();
  const bot = new TriageBot(shared.library, shared.index, { recorder });
  mountTeams(http.app, config, { bot, state: new MemoryState(), logger: createLogger('silent') });
  http.markReady();
  servers.push(http);
  return `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
}

const feedbackStore = new MemoryFeedbackStore();
const recorder = new FeedbackRecorder(feedbackStore, 'k', { warn: () => {}, error: () => {} });

let open = '';
let secured = '';
beforeAll(async () => {
  await connector.start();
  open = await startTeams({ appType: 'MultiTenant', allowUnauthenticated: true });
  secured = await startTeams({
    appType: 'MultiTenant',
    allowUnauthenticated: false,
    appId: '00000000-0000-0000-0000-000000000001',
    appPassword: 'secret',
  });
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await connector.stop();
});
beforeEach(() => {
  connector.calls.length = 0;
  connector.throttleNext = 0;
  connector.retryAfter = '0';
});

/** A Teams server of the test's own, with its /metrics and its work in flight. */
async function startMeasuredTeams(): Promise<{ base: string; http: HttpServer }> {
  const metrics = new Metrics();
  const http = createHttpServer(createLogger('silent'), { metrics });
  mountTeams(
    http.app,
    { appType: 'MultiTenant', allowUnauthenticated: true },
    { bot: realBot(), state: new MemoryState(), logger: createLogger('silent') },
    { metrics, work: http.work },
  );
  http.markReady();
  servers.push(http);
  return { base: `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`, http };
}

const scrape = async (base: string) => (await fetch(`${base}/metrics`)).text();

let seq = 0;
function activity(overrides: Record<string, unknown>) {
  return {
    type: 'message',
    id: `act-${++seq}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: 'user-1', name: 'Tech' },
    recipient: { id: 'bot-1', name: 'UC Triage' },
    conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: 'tenant-1' },
    text: '',
    ...overrides,
  };
}

const channelConversation = {
  id: '19:abc@thread.tacv2;messageid=1700000000000',
  conversationType: 'channel',
  tenantId: 'tenant-1',
};

function post(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const cardOf = (call: { activity: Record<string, any> }) => call.activity.attachments?.[0]?.content;
/** Every button of a card: at its root, in ActionSets (one per row) and in ShowCards. */
const buttonsOf = (node: any): any[] => {
  if (Array.isArray(node)) return node.flatMap(buttonsOf);
  if (typeof node !== 'object' || node === null) return [];
  const own = typeof node.type === 'string' && node.type.startsWith('Action.') ? [node] : [];
  return [...own, ...Object.values(node).flatMap(buttonsOf)];
};

describe('Teams messages', () => {
  it('answers a channel mention once, in that conversation, with the stitched action and no <at> residue', async () => {
    const res = await post(
      open,
      activity({
        conversation: channelConversation,
        text: '<at>UC Triage</at> erreur 200039',
        entities: [
          { type: 'mention', text: '<at>UC Triage</at>', mentioned: { id: 'bot-1', name: 'UC Triage' } },
        ],
      }),
    );
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    const [call] = connector.calls;
    expect(call?.path).toContain(`/v3/conversations/${channelConversation.id}/activities`);
    const card = JSON.stringify(cardOf(call as never));
    expect(card).toContain('en utilisant un ID utilisateur BroadWorks différent');
    expect(card).toContain("Codes d'erreur de l'utilisateur final");
    expect(card).not.toContain('<at>');
    expect(call?.activity.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('answers every question in personal chat', async () => {
    await post(open, activity({ text: "l'utilisateur ne voit pas l'icône d'appel" }));
    expect(JSON.stringify(cardOf(connector.calls[0] as never))).toContain(
      "Le client n'a pas d'icône d'appel",
    );
  });

  it('stays quiet in a group chat unless mentioned', async () => {
    await post(
      open,
      activity({ conversation: { id: '19:group', conversationType: 'groupChat' }, text: '200039' }),
    );
    await sleep(100);
    expect(connector.calls).toHaveLength(0);
  });

  it('continues the same triage when a follow-up button is clicked (Action.Submit carries the question and context)', async () => {
    await post(open, activity({ text: '409 Conflict provisionnement' }));
    const card = cardOf(connector.calls[0] as never);
    const followUp = buttonsOf(card).find((a: any) => a.type === 'Action.Submit' && a.data.kind === 'ask');
    expect(followUp.data.l).toBe('fr');
    connector.calls.length = 0;
    await post(open, activity({ text: '', value: followUp.data }));
    expect(JSON.stringify(cardOf(connector.calls[0] as never))).toContain('Utilisateur déjà dans CI');
  });

  it('shows a picked alternative in full', async () => {
    await post(
      open,
      activity({ text: '', value: { kind: 'pick', id: 'acs-487-2', l: 'fr', context: '487' } }),
    );
    expect(JSON.stringify(cardOf(connector.calls[0] as never))).toContain('Vérifiez votre réseau.');
  });

  it('welcomes with examples when added to a team', async () => {
    await post(
      open,
      activity({
        type: 'conversationUpdate',
        text: undefined,
        conversation: channelConversation,
        membersAdded: [{ id: 'bot-1' }],
      }),
    );
    expect(JSON.stringify(cardOf(connector.calls[0] as never))).toContain('Bonjour ! Je suis UC Triage');
  });

  it('answers "aide" with help', async () => {
    await post(open, activity({ text: 'aide' }));
    expect(JSON.stringify(cardOf(connector.calls[0] as never))).toContain('callEndReason 487');
  });

  it('retries a reply throttled with 429', async () => {
    connector.throttleNext = 1;
    const res = await post(open, activity({ text: '200039' }));
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
  });

  it('answers malformed activities with 400, never a 500 or a stack trace', async () => {
    for (const body of [{}, { type: 5 }, { type: 'message' }, [], null, 'text']) {
      const res = await post(open, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.text()).not.toMatch(/at .*\.js:\d+/);
    }
    const raw = await fetch(`${open}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(raw.status).toBe(400);
    expect(await raw.text()).not.toContain('SyntaxError');
  });
});

describe('guided triage in Teams', () => {
  it('walks a triage with Action.Submit buttons carrying the step', async () => {
    await post(open, activity({ text: 'diagnostic provisionnement' }));
    const first = cardOf(connector.calls[0] as never);
    expect(JSON.stringify(first)).toContain('Étape 1');
    const option = buttonsOf(first).find((a: any) => a.title === 'Certains utilisateurs');
    connector.calls.length = 0;
    await post(open, activity({ text: '', value: option.data }));
    const second = cardOf(connector.calls[0] as never);
    expect(JSON.stringify(second)).toContain('Étape 2');
    const status403 = buttonsOf(second).find((a: any) => a.title === '403 Interdit');
    connector.calls.length = 0;
    await post(open, activity({ text: '', value: status403.data }));
    expect(JSON.stringify(cardOf(connector.calls[0] as never))).toContain(
      "Vérifiez que tous les correctifs requis sont appliqués au serveur d'applications",
    );
  });
});

describe('follow-up buttons during a triage', () => {
  it('treats a follow-up click like a typed message: in an active triage it is the next step, not help', async () => {
    const conversation = { id: 'a:followup-in-triage', conversationType: 'personal', tenantId: 'tenant-1' };
    await post(open, activity({ conversation, text: 'diagnostic provisionnement' }));
    connector.calls.length = 0;
    await post(
      open,
      activity({ conversation, text: '', value: { kind: 'followUp', q: 'certains utilisateurs', l: 'fr' } }),
    );
    const card = JSON.stringify(cardOf(connector.calls[0] as never));
    expect(card).toContain('Étape 2');
    expect(card).toContain('Dans le PSLog, quelle réponse HTTP');
  });
});

describe('Teams security', () => {
  it('refuses a request without a token when MicrosoftAppId is set', async () => {
    expect((await post(secured, activity({ text: '200039' }))).status).toBe(401);
  });

  it('refuses a bad token with 401, even when its OpenID metadata cannot be fetched', async () => {
    const header = (claims: object) => Buffer.from(JSON.stringify(claims)).toString('base64url');
    const jwt = `${header({ alg: 'RS256', kid: 'x', typ: 'JWT' })}.${header({ iss: 'https://api.botframework.com', aud: '00000000-0000-0000-0000-000000000001', exp: 9999999999 })}.c2ln`;
    for (const token of ['Bearer garbage', `Bearer ${jwt}`, 'Basic abc']) {
      const res = await post(secured, activity({ text: '200039' }), { authorization: token });
      expect(res.status, token).toBe(401);
    }
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses to start in production without an app id', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production', TEAMS_ALLOW_UNAUTHENTICATED: 'true' })).toThrow(
      ConfigError,
    );
    const run = promisify(execFile);
    const result = await run('node', ['dist/adapters/main.js'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', TEAMS_ALLOW_UNAUTHENTICATED: 'true' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect((result as { code: number }).code).toBe(1);
    expect((result as { stderr: string }).stderr).toContain(
      'TEAMS_ALLOW_UNAUTHENTICATED=true with NODE_ENV=production',
    );
  });
});

describe('Adaptive Cards', () => {
  it('validates every kind of card the bot sends', async () => {
    const bot = realBot();
    const queries = [
      '200039',
      '403',
      '487',
      '20001',
      '409 Conflict provisionnement',
      "l'utilisateur ne voit pas l'icône d'appel",
      'Fichiers journaux utiles',
      'how do I escalate a problem',
      '999999',
      'bonjour',
      '20039',
      '',
    ];
    const card = (reply: Reply) => renderCard(bot.view(reply));
    const answer = (a: Answer): Reply => ({ kind: 'answer', language: a.language, answer: a });
    const cards = [
      ...queries.map((q) => card(answer(bot.ask(q)))),
      ...queries.map((q) => card({ kind: 'alternatives', language: 'fr', answer: bot.ask(q) })),
      card({ kind: 'help', language: 'fr' }),
      card({ kind: 'help', language: 'en', welcome: true }),
    ];
    for (const id of bot.kb.entries.map((e) => e.id)) {
      cards.push(card(answer(bot.answers.forEntry(id, 'fr') as Answer)));
      cards.push(
        card(
          await bot.handle({
            conversation: { platform: 'teams', workspace: 't', channel: 'c', thread: 'full' },
            text: '',
            action: { kind: 'full', id },
          }),
        ),
      );
    }
    const conversation = { platform: 'teams' as const, workspace: 't', channel: 'c', thread: 'cards' };
    for (const text of [
      'diagnostic provisionnement',
      'certains',
      '200039',
      'escalader',
      'diagnostic provisionnement',
      'stop',
      'triage',
      'les services téléphoniques se déconnectent',
    ]) {
      cards.push(card(await bot.handle({ conversation, text })));
    }
    for (const c of cards) expect(cardProblems(c as never), JSON.stringify(c).slice(0, 200)).toEqual([]);
  });
});

describe('feedback in Teams', () => {
  it('records "Pas utile" from the card and acknowledges it with a card that asks why, not the answer again', async () => {
    await post(open, activity({ text: '487' }));
    const notUseful = buttonsOf(cardOf(connector.calls[0] as never)).find(
      (a: any) => a.title === 'Pas utile',
    );
    // The button refers to the record of the answer shown; it does not carry the question.
    expect(notUseful.data).toMatchObject({ kind: 'feedback', useful: false, ref: expect.any(String) });
    expect(notUseful.data.q).toBeUndefined();
    connector.calls.length = 0;
    const res = await post(open, activity({ text: '', value: notUseful.data }));
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    const ack = cardOf(connector.calls[0] as never);
    expect(cardProblems(ack)).toEqual([]);
    expect(JSON.stringify(ack)).toContain('Merci, c’est noté : cela aide à améliorer les réponses.');
    expect(JSON.stringify(ack)).not.toContain('Azure Communication Services');
    expect(buttonsOf(ack).map((a: any) => a.title)).toEqual([
      'Pas le bon sujet',
      'Bon sujet, mais ne répond pas',
    ]);
    await recorder.flush();
    expect(feedbackStore.saved.at(-1)).toMatchObject({
      type: 'feedback',
      platform: 'teams',
      useful: false,
      query: '487',
    });
  });
});

describe('message action "Diagnostiquer ce message"', () => {
  const invoke = (value: Record<string, unknown>, locale = 'fr-FR') =>
    post(open, activity({ type: 'invoke', name: 'composeExtension/submitAction', locale, value }));
  const html = [
    '<p>Bonjour, voici le journal du client :</p>',
    '<p>2026-11-30 08:12:44 ERROR [activation] POST /validate -&gt; 400 {&quot;errorCode&quot;:200039}<br>',
    '[11:02:33] ACS callEndReason {code: 487, subCode: 0}<br>Event ID 20017 LS UCWA Warning pool01</p>',
  ].join('');
  const messagePayload = { id: 'm1', body: { contentType: 'html', content: html } };

  it('answers the submitAction invoke with the diagnosis in a dialog, every finding listed', async () => {
    const res = await invoke({
      commandId: 'diagnoseMessage',
      commandContext: 'message',
      messagePayload,
      data: { note: '' },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.task.type).toBe('continue');
    const card = body.task.value.card.content;
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('3 constats');
    for (const code of ['200039', '487', '20017']) expect(text).toContain(code);
    expect(connector.calls).toHaveLength(0);
  });

  it('puts the diagnosis in the compose box when "Partager" is clicked, to post it in the conversation', async () => {
    const first = await (
      await invoke({ commandId: 'diagnoseMessage', commandContext: 'message', messagePayload, data: {} })
    ).json();
    const share = buttonsOf(first.task.value.card.content).find(
      (a: any) => a.title === 'Partager dans le canal',
    );
    const res = await invoke({ commandId: 'diagnoseMessage', commandContext: 'message', data: share.data });
    const body = await res.json();
    expect(body.composeExtension.type).toBe('result');
    const shared = JSON.stringify(body.composeExtension.attachments[0].content);
    expect(shared).toContain('3 constats');
    expect(shared).not.toContain('Partager dans le canal');
  });

  it('answers an empty message in one clear line, in the user’s locale', async () => {
    const res = await invoke(
      {
        commandId: 'diagnoseMessage',
        commandContext: 'message',
        messagePayload: { body: { content: '<p> </p>' } },
        data: {},
      },
      'en-US',
    );
    expect(JSON.stringify((await res.json()).task.value.card)).toContain(
      'This message has no text to analyse.',
    );
  });
});

describe('a slow or throttled Bot Connector', () => {
  it('acknowledges a turn whose reply hangs before Bot Framework gives up, and finishes it later', async () => {
    const hung = new ConnectorStub();
    await hung.start();
    hung.delayMs = Number.POSITIVE_INFINITY;
    const http = createHttpServer(createLogger('silent'));
    const work = new WorkTracker();
    mountTeams(
      http.app,
      { appType: 'MultiTenant', allowUnauthenticated: true },
      { bot: realBot(), state: new MemoryState(), logger: createLogger('silent') },
      { ackWithinMs: 300, work },
    );
    http.markReady();
    const base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
    const started = Date.now();
    const res = await post(base, activity({ serviceUrl: hung.serviceUrl, text: '200039' }));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(ACK_WITHIN_MS);
    expect(work.inFlight).toBe(1);
    await hung.stop();
    await http.close(0);
  });

  it('gives up at once on a reply the connector asks to hold for an hour (Retry-After 3600), and counts it', async () => {
    const { base, http } = await startMeasuredTeams();
    connector.throttleNext = 1;
    connector.retryAfter = '3600';
    const before = connector.posts;
    const started = Date.now();
    const res = await post(base, activity({ text: '200039' }));
    expect(res.status).toBe(200);
    // Without the cap the turn sleeps an hour and is only acknowledged at ACK_WITHIN_MS (10 s).
    expect(Date.now() - started).toBeLessThan(5000);
    expect(http.work.inFlight).toBe(0);
    // One POST, no retry, and no apology into the throttled conversation.
    expect(connector.posts - before).toBe(1);
    expect(connector.calls).toHaveLength(0);
    expect(await scrape(base)).toContain('uc_triage_outbound_failures_total{platform="teams"} 1');
  });

  it('waits for a Retry-After within the cap and delivers the reply', async () => {
    connector.throttleNext = 1;
    connector.retryAfter = '1';
    const res = await post(open, activity({ text: '200039' }));
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    expect(JSON.stringify(cardOf(connector.calls[0] as never))).toContain('200039');
  });

  it('posts a throttled reply at most 4 times', async () => {
    connector.throttleNext = 100;
    const before = connector.posts;
    await post(open, activity({ text: '200039' }));
    await sleep(200);
    expect(connector.posts - before).toBeLessThanOrEqual(4);
    connector.throttleNext = 0;
  });
});

describe('redelivered activities', () => {
  it('answers an activity Bot Framework delivers twice (same id) only once', async () => {
    const once = activity({ text: '200039' });
    await post(open, once);
    await post(open, once);
    expect(connector.calls).toHaveLength(1);
  });

  it('answers two channels that send the same activity id, and still drops and counts a true redelivery', async () => {
    const { base } = await startMeasuredTeams();
    // A channel post's id is its millisecond timestamp: two channels can post in the same millisecond.
    const id = '1700000000123';
    const post1 = (channel: string) =>
      activity({
        id,
        conversation: {
          id: `19:${channel}@thread.tacv2;messageid=${id}`,
          conversationType: 'channel',
          tenantId: 'tenant-1',
        },
        text: '<at>UC Triage</at> erreur 200039',
        entities: [
          { type: 'mention', text: '<at>UC Triage</at>', mentioned: { id: 'bot-1', name: 'UC Triage' } },
        ],
      });
    const first = post1('support');
    await post(base, first);
    await post(base, post1('network'));
    expect(connector.calls.map((c) => c.path.split('/')[3])).toEqual([
      `19:support@thread.tacv2;messageid=${id}`,
      `19:network@thread.tacv2;messageid=${id}`,
    ]);
    await post(base, first);
    expect(connector.calls).toHaveLength(2);
    expect(await scrape(base)).toContain('uc_triage_dedupe_hits_total{platform="teams"} 1');
  });
});
