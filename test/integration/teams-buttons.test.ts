import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { mountTeams } from '../../adapters/teams/mount.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { FeedbackRecorder } from '../../src/feedback/recorder.js';
import { usageReport } from '../../src/feedback/usage.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { cardProblems } from '../support/adaptive-cards.js';
import { realBot } from '../support/bot.js';
import { expectMeaningfulLabel } from '../support/button-labels.js';
import { ConnectorStub } from '../support/connector-stub.js';
import { MemoryFeedbackStore } from '../support/feedback.js';

/** Teams buttons through the real CloudAdapter and the Bot Connector stub. */
const connector = new ConnectorStub();
const feedbackStore = new MemoryFeedbackStore();
const recorder = new FeedbackRecorder(feedbackStore, 'k', { warn: () => {}, error: () => {} });
let http: HttpServer;
let base = '';
/** How far the bot's clock is ahead of the wall clock (to expire records). */
let ahead = 0;

beforeAll(async () => {
  await connector.start();
  http = createHttpServer(createLogger('silent'));
  const shared = realBot();
  const bot = new TriageBot(shared.library, shared.index, {
    state: new MemoryState(() => Date.now() + ahead),
    recorder,
  });
  mountTeams(
    http.app,
    { appType: 'MultiTenant', allowUnauthenticated: true },
    { bot, state: new MemoryState(), logger: createLogger('silent') },
  );
  http.markReady();
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await http.close();
  await connector.stop();
});
beforeEach(() => {
  connector.calls.length = 0;
  ahead = 0;
});

let seq = 0;
const activity = (overrides: Record<string, unknown>) => ({
  type: 'message',
  id: `btn-${++seq}`,
  channelId: 'msteams',
  serviceUrl: connector.serviceUrl,
  from: { id: 'user-1', name: 'Tech' },
  recipient: { id: 'bot-1', name: 'UC Triage' },
  conversation: { id: 'a:buttons-1', conversationType: 'personal', tenantId: 'tenant-1' },
  text: '',
  ...overrides,
});
const post = (body: unknown) =>
  fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Adaptive Card JSON as the connector received it. */
type Node = any;
/** The card of the last reply sent. */
const lastCard = (): Node => connector.calls.at(-1)?.activity.attachments?.[0]?.content;
const collect = (node: Node, keep: (n: Node) => boolean): Node[] => {
  if (Array.isArray(node)) return node.flatMap((n) => collect(n, keep));
  if (typeof node !== 'object' || node === null) return [];
  return [...(keep(node) ? [node] : []), ...Object.values(node).flatMap((v) => collect(v, keep))];
};
const buttonsOf = (card: Node) => collect(card, (n) => n.type === 'Action.Submit');
/** The card's Action.Submit titled `title`: the test stops here, naming it, when there is none. */
const submitTitled = (card: Node, title: string): Node => {
  const found = buttonsOf(card).find((b) => b.title === title);
  if (!found) throw new Error(`no "${title}" button in ${JSON.stringify(card).slice(0, 300)}`);
  return found;
};
/** What the bot sent last: the test stops here when it sent nothing. */
const lastActivity = (): Node => {
  const call = connector.calls.at(-1);
  if (!call) throw new Error('the bot sent nothing');
  return call.activity;
};
/** The texts of the card's body, as written before Teams' markdown doubled their line breaks. */
const textsOf = (card: Node): string[] =>
  collect(card, (n) => n.type === 'TextBlock').map((t) => String(t.text).replace(/\n\n/g, '\n'));
const ask = async (text: string) => {
  await post(activity({ text }));
  return lastCard();
};
const click = async (data: unknown) => {
  await post(activity({ value: data }));
  return lastActivity();
};

describe('Teams button titles (cut at 48 characters by Teams)', () => {
  it('say the short thing on the button, and the card says the rest, never cut mid-word', async () => {
    const cards: Node[] = [
      await ask('200039'),
      await ask('provisionnement utilisateur'),
      await ask('écho pendant un appel'),
      await ask('diagnostic'),
      await ask('aide'),
      await ask('diagnostic provisionnement'),
    ];
    const notIt = submitTitled(cards[1], 'Ce n’était pas ça');
    cards.push((await click(notIt.data)).attachments[0].content);
    let beside = 0;
    for (const card of cards) {
      expect(cardProblems(card)).toEqual([]);
      const texts = textsOf(card);
      for (const b of buttonsOf(card)) {
        const stem = b.title.replace(/…$/, '');
        const full = texts.find((t) => t !== b.title && t.includes(stem));
        if (full) beside++;
        // A button whose title says less than it stands for has its whole text in the card's body.
        if (b.title.endsWith('…') || b.data.kind === 'pick') expect(full, b.title).toBeDefined();
        expectMeaningfulLabel(b.title, full ?? b.title, 48);
      }
    }
    // The example of the issue: a lead's product and whole title in the body, its code and first words on the button.
    const leads = buttonsOf(cards.at(-1)).filter((b) => b.data.kind === 'pick');
    expect(leads.length).toBeGreaterThan(1);
    expect(leads.map((b) => b.title)).toContain('Analyser PSLog pour les problèmes de…');
    expect(textsOf(cards.at(-1))).toEqual(
      expect.arrayContaining([
        'Webex pour Cisco BroadWorks — Analyser PSLog pour les problèmes de provisionnement des utilisateurs',
      ]),
    );
    expect(buttonsOf(cards[0]).map((b) => b.title)).toContain(
      "L'adresse e-mail existe-t-elle déjà dans Common…",
    );
    expect(textsOf(cards[0])).toContain(
      "L'adresse e-mail existe-t-elle déjà dans Common Identity (utilisateur déjà dans CI) ?",
    );
    expect(beside).toBeGreaterThan(5);
  });
});

describe('Teams buttons refer to what was shown', () => {
  it('keeps the dialog of a long message within the card limit, and shares it as shown, every finding', async () => {
    const lines = [
      '<p>2026-11-30 08:12:44 ERROR [activation] POST /validate -&gt; 400 {&quot;errorCode&quot;:200039}<br>',
      // About 16 KB of log: a button that carried it (3 of them) would take the card over Teams' 28 KB.
      ...Array.from(
        { length: 400 },
        (_, i) => `2026-11-30 08:13:${String(i % 60).padStart(2, '0')} INFO heartbeat ok<br>`,
      ),
      '[11:02:33] ACS callEndReason {code: 487, subCode: 0}</p>',
    ];
    const invoke = (value: Record<string, unknown>) =>
      post(activity({ type: 'invoke', name: 'composeExtension/submitAction', locale: 'fr-FR', value }));
    const messagePayload = { id: 'm2', body: { contentType: 'html', content: lines.join('') } };
    const first = await (
      await invoke({ commandId: 'diagnoseMessage', commandContext: 'message', messagePayload, data: {} })
    ).json();
    const card = first.task.value.card.content;
    expect(JSON.stringify(card)).toContain('2 constats');
    expect(cardProblems(card)).toEqual([]);
    const share = submitTitled(card, 'Partager dans le canal');
    expect(JSON.stringify(share.data)).not.toContain('heartbeat');
    const shared = await (
      await invoke({ commandId: 'diagnoseMessage', commandContext: 'message', data: share.data })
    ).json();
    const text = JSON.stringify(shared.composeExtension.attachments[0].content);
    expect(text).toContain('2 constats');
    for (const code of ['200039', '487']) expect(text).toContain(code);
  });

  it('answers an expired button in one line of text, in the person’s language', async () => {
    const card = await ask('what does event 20025 mean on the Skype server');
    const useful = submitTitled(card, 'Useful');
    ahead = 8 * 24 * 3600 * 1000;
    const reply = await click(useful.data);
    expect(reply.text).toBe('This button has expired: ask the question again.');
    expect(reply.attachments).toBeUndefined();
    expect(connector.calls).toHaveLength(2);
  });
});

describe('"Pas utile" asks why', () => {
  /** A person of their own: the suite's first person writes English. */
  const alone = (overrides: Record<string, unknown>) =>
    activity({
      from: { id: 'user-why', name: 'Tech' },
      conversation: { id: 'a:why-1', conversationType: 'personal', tenantId: 'tenant-1' },
      ...overrides,
    });
  const reply = async (overrides: Record<string, unknown>) => {
    await post(alone(overrides));
    return lastActivity();
  };

  it('answers with a card of the thanks and two reason buttons; the reason clicked is thanked in one line, counted with the rating', async () => {
    await recorder.flush();
    const before = feedbackStore.saved.length;
    const answer = (await reply({ text: '200039' })).attachments[0].content;
    const notUseful = submitTitled(answer, 'Pas utile');
    const ack = (await reply({ value: notUseful.data })).attachments[0].content;
    expect(cardProblems(ack)).toEqual([]);
    expect(textsOf(ack)).toEqual(
      expect.arrayContaining([
        'Merci, c’est noté : cela aide à améliorer les réponses.',
        'Qu’est-ce qui n’allait pas ?',
      ]),
    );
    const reasons = buttonsOf(ack);
    expect(reasons.map((b) => b.title)).toEqual(['Pas le bon sujet', 'Bon sujet, mais ne répond pas']);
    // Teams says which card was clicked (replyToId): the thanks replaces the card that asked why.
    const asked = connector.calls.at(-1)?.id;
    await post(alone({ value: reasons[1]?.data, replyToId: asked }));
    const thanks = connector.calls.at(-1);
    expect(thanks).toMatchObject({ method: 'PUT', id: asked });
    expect(thanks?.activity.text).toBe('Merci, la raison est notée.');
    expect(thanks?.activity.attachments).toBeUndefined();
    await recorder.flush();
    const usage = usageReport(feedbackStore.saved.slice(before), new Date(0), new Date(), () => true);
    expect(usage.totals).toMatchObject({ feedback: 1, notUseful: 1 });
    expect(usage.notHelpful).toMatchObject([
      { id: 'webex-200039', count: 1, wrongTopic: 0, doesNotAnswer: 1 },
    ]);
  });

  it('acknowledges "Utile" in one line of text, as before', async () => {
    const answer = (await reply({ text: '20017' })).attachments[0].content;
    const useful = submitTitled(answer, 'Utile');
    const ack = await reply({ value: useful.data });
    expect(ack.text).toBe('Merci, c’est noté.');
    expect(ack.attachments).toBeUndefined();
  });
});
