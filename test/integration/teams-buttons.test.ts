import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { mountTeams } from '../../adapters/teams/mount.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { realBot } from '../support/bot.js';
import { ConnectorStub } from '../support/connector-stub.js';

/** Teams buttons through the real CloudAdapter and the Bot Connector stub. */
const connector = new ConnectorStub();
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
const ask = async (text: string) => {
  await post(activity({ text }));
  return lastCard();
};
const click = async (data: unknown) => {
  await post(activity({ value: data }));
  return connector.calls.at(-1)?.activity;
};

describe('Teams buttons refer to what was shown', () => {
  it('shares from the message action the diagnosis as shown, every finding of a long message', async () => {
    const lines = [
      '<p>2026-11-30 08:12:44 ERROR [activation] POST /validate -&gt; 400 {&quot;errorCode&quot;:200039}<br>',
      ...Array.from(
        { length: 50 },
        (_, i) => `2026-11-30 08:13:${String(i).padStart(2, '0')} INFO heartbeat ok<br>`,
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
    const share = buttonsOf(card).find((b) => b.title === 'Partager dans le canal');
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
    const useful = buttonsOf(card).find((b) => b.title === 'Useful');
    ahead = 8 * 24 * 3600 * 1000;
    const reply = await click(useful.data);
    expect(reply.text).toBe('This button has expired: ask the question again.');
    expect(reply.attachments).toBeUndefined();
    expect(connector.calls).toHaveLength(2);
  });
});
