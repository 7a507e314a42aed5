import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import { LIMITS } from '../../adapters/slack/render/blocks.js';
import { mountTeams } from '../../adapters/teams/mount.js';
import { decodeAction, MemoryState } from '../../src/index.js';
import { MAX_QUERY_LENGTH } from '../../src/intent/intent.js';
import { cardProblems } from '../support/adaptive-cards.js';
import { realBot } from '../support/bot.js';
import { ConnectorStub } from '../support/connector-stub.js';
import { FORTY_TWO_CODES, pastedLog } from '../support/pasted-log.js';
import { SIGNING_SECRET, SlackApiStub, slackHeaders, waitFor } from '../support/slack-stub.js';
import { personalChat, TeamsClient } from '../support/teams-client.js';

/**
 * Issue 23: a pasted log with 42 known codes is reported whole, on each platform, within its limits:
 * every finding named in the reply and reachable (its own "Détails" button), the first ones in full.
 */
const bot = realBot();
const LOG = pastedLog(FORTY_TWO_CODES, 65);
/** Every finding of the log, as the core reads it: the ids its "Détails" buttons must open. */
const FINDINGS = bot.ask(LOG).findings;

const slack = new SlackApiStub();
const connector = new ConnectorStub();
let http: HttpServer;
let base = '';

beforeAll(async () => {
  await slack.start();
  await connector.start();
  http = createHttpServer(createLogger('silent'));
  await createSlackApp(
    { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl },
    { bot, state: new MemoryState(), logger: createLogger('silent') },
    http.app,
  ).start();
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
  await slack.stop();
  await connector.stop();
});
beforeEach(() => {
  slack.calls.length = 0;
  connector.calls.length = 0;
});

it('the log is the one of the issue: 65 lines, 42 known codes, 42 findings', () => {
  expect(LOG.split('\n')).toHaveLength(65);
  expect(FINDINGS.map((f) => f.code).sort()).toEqual(FORTY_TWO_CODES.map((c) => c.code).sort());
});

// ---------------------------------------------------------------------------------------- Slack

interface SlackBlock {
  type: string;
  text?: { text: string };
  elements?: { type: string; text: { text: string }; value: string; action_id: string }[];
}
let slackSeq = 0;
function postSlack(payload: Record<string, unknown>, form = false) {
  const body = form
    ? new URLSearchParams({ payload: JSON.stringify(payload) }).toString()
    : JSON.stringify(payload);
  const type = form ? 'application/x-www-form-urlencoded' : 'application/json';
  return fetch(`${base}/slack/events`, { method: 'POST', headers: slackHeaders(body, type), body });
}
const directMessage = (text: string) =>
  postSlack({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: `EvLong${++slackSeq}`,
    event_time: 1,
    event: {
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text,
      ts: `1700001000.${slackSeq}`,
      channel: 'D1',
    },
  });
const blocksOf = (call: { body: Record<string, unknown> }) => (call.body.blocks ?? []) as SlackBlock[];
const slackButtons = (blocks: SlackBlock[]) =>
  blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));

describe('Slack: a 65-line log with 42 known codes', () => {
  it('names every finding and gives each its "Détails" button, within Block Kit limits', async () => {
    await directMessage(LOG);
    const [post] = await waitFor(() => slack.posts().length > 0 && slack.posts());
    const blocks = blocksOf(post as never);
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    for (const block of blocks) {
      if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(LIMITS.headerText);
      if (block.type === 'actions')
        expect(block.elements?.length).toBeLessThanOrEqual(LIMITS.actionsElements);
      for (const button of slackButtons([block])) {
        expect(button.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
        expect(button.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
      }
    }
    const text = JSON.stringify(blocks);
    expect(blocks[0]?.text?.text).toMatch(/^42 constats : /);
    for (const f of FINDINGS) expect(text).toContain(f.code);
    const details = slackButtons(blocks)
      .map((b) => decodeAction(b.value))
      .filter((a) => a?.kind === 'pick');
    expect(details.map((a) => (a?.kind === 'pick' ? a.id : '')).sort()).toEqual(
      FINDINGS.map((f) => f.id).sort(),
    );
  });

  it('answers the last finding in full when its "Détails" is clicked', async () => {
    await directMessage(LOG);
    const [post] = await waitFor(() => slack.posts().length > 0 && slack.posts());
    const last = slackButtons(blocksOf(post as never))
      .filter((b) => decodeAction(b.value)?.kind === 'pick')
      .at(-1);
    if (!last) throw new Error('no Détails button');
    const picked = decodeAction(last.value);
    const finding = FINDINGS.find((f) => picked?.kind === 'pick' && f.id === picked.id);
    slack.calls.length = 0;
    await postSlack(
      {
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'U1' },
        channel: { id: 'D1' },
        container: { type: 'message', is_ephemeral: false, message_ts: '1700001000.1' },
        trigger_id: 't',
        actions: [
          { type: 'button', action_id: last.action_id, block_id: 'b', value: last.value, action_ts: '1' },
        ],
      },
      true,
    );
    const [answer] = await waitFor(() => slack.posts().length > 0 && slack.posts());
    expect(blocksOf(answer as never)[0]?.text?.text).toContain(`${finding?.code} : ${finding?.title}`);
  });
});

// ---------------------------------------------------------------------------------------- Teams

const teams = new TeamsClient(() => base, connector);
const chat = personalChat('a:personal-long');
const tech = { id: 'user-1', name: 'Tech' };
/** A message (or an invoke) of the technician in a personal chat with the bot. */
const postTeams = (overrides: Record<string, unknown>) => teams.post(teams.activity(chat, tech, overrides));
const submits = (node: any): any[] => {
  if (Array.isArray(node)) return node.flatMap(submits);
  if (typeof node !== 'object' || node === null) return [];
  return [...(node.type === 'Action.Submit' ? [node] : []), ...Object.values(node).flatMap(submits)];
};
const cardOf = () => connector.calls[0]?.activity.attachments?.[0]?.content;

describe('Teams: a 65-line log with 42 known codes', () => {
  it('names every finding and gives each its "Détails" button, in a valid card under 28 KB', async () => {
    await postTeams({ text: LOG });
    const card = cardOf();
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card.body);
    for (const f of FINDINGS) expect(text).toContain(f.code);
    const details = submits(card).filter((a) => a.data.kind === 'pick');
    expect(details.map((a) => a.data.id).sort()).toEqual(FINDINGS.map((f) => f.id).sort());
  });

  it('answers the last finding in full when its "Détails" is clicked', async () => {
    await postTeams({ text: LOG });
    const last = submits(cardOf())
      .filter((a) => a.data.kind === 'pick')
      .at(-1);
    const finding = FINDINGS.find((f) => f.id === last.data.id);
    connector.calls.length = 0;
    await postTeams({ value: last.data });
    expect(JSON.stringify(cardOf())).toContain(`${finding?.code} : ${finding?.title}`);
  });

  it('diagnoses the log privately ("Diagnostiquer ce message") in a valid dialog card, every finding reachable', async () => {
    const res = await postTeams({
      type: 'invoke',
      name: 'composeExtension/submitAction',
      value: {
        commandId: 'diagnoseMessage',
        commandContext: 'message',
        messagePayload: { id: 'm1', body: { contentType: 'text', content: LOG } },
        data: { note: '' },
      },
    });
    const card = (await res.json()).task.value.card.content;
    expect(cardProblems(card)).toEqual([]);
    const details = submits(card).filter((a) => a.data.kind === 'pick');
    expect(details.map((a) => a.data.id).sort()).toEqual(FINDINGS.map((f) => f.id).sort());
  });
});

describe('a paste longer than the 4,000 characters search reads', () => {
  it('still yields every finding: the codes past the cut are read too', async () => {
    const long = pastedLog(FORTY_TWO_CODES, 240, 'INFO heartbeat ok, nothing to report on this node');
    expect(long.length).toBeGreaterThan(MAX_QUERY_LENGTH * 2);
    await postTeams({ text: long });
    const card = cardOf();
    const details = submits(card).filter((a) => a.data.kind === 'pick');
    expect(details.map((a) => a.data.id).sort()).toEqual(FINDINGS.map((f) => f.id).sort());
    expect(cardProblems(card)).toEqual([]);
  });
});
