import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import { mountTeams } from '../../adapters/teams/mount.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { realBot } from '../support/bot.js';
import { ConnectorStub } from '../support/connector-stub.js';
import { SIGNING_SECRET, SlackApiStub, slackHeaders, waitFor } from '../support/slack-stub.js';
import { treePaths } from '../support/tree-paths.js';

const logger = createLogger('silent');
const slack = new SlackApiStub();
const connector = new ConnectorStub();
let http: HttpServer;
let base = '';
let bot: TriageBot;

beforeAll(async () => {
  await slack.start();
  await connector.start();
  const shared = realBot();
  bot = new TriageBot(shared.library, shared.index);
  http = createHttpServer(logger);
  await createSlackApp(
    { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl },
    { bot, state: new MemoryState(), logger },
    http.app,
  ).start();
  mountTeams(
    http.app,
    { appType: 'MultiTenant', allowUnauthenticated: true },
    { bot, state: new MemoryState(), logger },
  );
  http.markReady();
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await http.close();
  await slack.stop();
  await connector.stop();
});

type Button = { text?: { text: string }; title?: string; value?: string; action_id?: string; data?: unknown };
/** Buttons in rows, and beside the whole text a shortened label stands for (a section's accessory). */
const slackButtons = (blocks: unknown): Button[] =>
  ((blocks ?? []) as { elements?: Button[]; accessory?: Button }[])
    .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
    .filter((e) => e.action_id);
const cardButtons = (node: any): any[] => {
  if (Array.isArray(node)) return node.flatMap(cardButtons);
  if (typeof node !== 'object' || node === null) return [];
  const own = node.type === 'Action.Submit' ? [node] : [];
  return [...own, ...Object.values(node).flatMap(cardButtons)];
};

/** Buttons show long titles cut with an ellipsis: a label matches its button's visible start. */
const shows = (visible: string | undefined, label: string) =>
  visible !== undefined &&
  (visible === label || (visible.endsWith('…') && label.startsWith(visible.slice(0, -1))));

let seq = 0;
describe('every tree to every outcome, clicking the buttons the adapters render', () => {
  it('in Slack threads', async () => {
    for (const tree of bot.treeList) {
      for (const path of treePaths(tree)) {
        const root = `1700100000.${String(++seq).padStart(6, '0')}`;
        const before = slack.posts().length;
        const body = JSON.stringify({
          type: 'event_callback',
          team_id: 'T1',
          event_id: `EvW${seq}`,
          event: {
            type: 'app_mention',
            user: 'U1',
            text: '<@UBOT> triage',
            ts: root,
            channel: 'CW',
            client_msg_id: `w${seq}`,
          },
        });
        await fetch(`${base}/slack/events`, {
          method: 'POST',
          headers: slackHeaders(body, 'application/json'),
          body,
        });
        let post = (await waitFor(() => slack.posts().length > before && slack.posts()))[before];
        /**
         * A tree's button starts the triage in a new message; an option replaces its card
         * (chat.update), and the last one posts the result below it.
         */
        const click = async (label: string, answer: 'post' | 'update') => {
          const button = slackButtons(post?.body.blocks).find((b) => shows(b.text?.text, label));
          if (!button)
            throw new Error(
              `no button "${label}" in ${tree.id}: ${JSON.stringify(post?.body.text).slice(0, 200)}`,
            );
          const count = slack.posts().length;
          const updates = slack.posts('chat.update').length;
          const payload = JSON.stringify({
            type: 'block_actions',
            team: { id: 'T1' },
            user: { id: 'U1' },
            channel: { id: 'CW' },
            container: { type: 'message', message_ts: `${root}1`, thread_ts: root },
            message: { ts: `${root}1`, thread_ts: root },
            response_url: slack.responseUrl('walk'),
            actions: [
              {
                type: 'button',
                action_id: button.action_id,
                value: button.value,
                block_id: 'b',
                action_ts: '1',
              },
            ],
          });
          const form = new URLSearchParams({ payload }).toString();
          await fetch(`${base}/slack/events`, {
            method: 'POST',
            headers: slackHeaders(form, 'application/x-www-form-urlencoded'),
            body: form,
          });
          if (answer === 'update') {
            post = (
              await waitFor(() => slack.posts('chat.update').length > updates && slack.posts('chat.update'))
            )[updates];
            expect(post?.body).toMatchObject({ channel: 'CW', ts: `${root}1` });
            return;
          }
          post = (await waitFor(() => slack.posts().length > count && slack.posts()))[count];
          expect(post?.body.thread_ts).toBe(root);
        };
        await click(tree.title, 'post');
        for (const [i, label] of path.labels.entries())
          await click(label, i === path.labels.length - 1 ? 'post' : 'update');
        const entry = bot.kb.byId.get(path.cite);
        // mrkdwn escapes &, < and > in source text.
        const escaped = JSON.stringify(entry?.section).slice(1, -1).replace(/&/g, '&amp;');
        expect(JSON.stringify(post?.body.blocks), `${tree.id} -> ${path.end}`).toContain(escaped);
        if (!path.fixed) expect(JSON.stringify(post?.body.blocks)).toContain('Escalade —');
      }
    }
  });

  it('in Teams, with Action.Submit', async () => {
    for (const tree of bot.treeList) {
      for (const path of treePaths(tree)) {
        const conversation = { id: `a:walk-${++seq}`, conversationType: 'personal', tenantId: 't' };
        let activities = 0;
        const send = async (text: string, value?: unknown) => {
          connector.calls.length = 0;
          const activity = {
            type: 'message',
            // Every activity has its own id, as in Teams (a repeated id is a redelivery, dropped).
            id: `w${seq}-${++activities}`,
            channelId: 'msteams',
            serviceUrl: connector.serviceUrl,
            from: { id: 'u' },
            recipient: { id: 'bot' },
            conversation,
            text,
            ...(value ? { value } : {}),
          };
          const res = await fetch(`${base}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(activity),
          });
          expect(res.status).toBe(200);
          return connector.calls[0]?.activity.attachments[0].content;
        };
        let card = await send('triage');
        const click = async (label: string) => {
          const button = cardButtons(card).find((b) => shows(b.title, label));
          if (!button) throw new Error(`no button "${label}" in ${tree.id}`);
          card = await send('', button.data);
        };
        await click(tree.title);
        for (const label of path.labels) await click(label);
        const entry = bot.kb.byId.get(path.cite);
        expect(JSON.stringify(card), `${tree.id} -> ${path.end}`).toContain(
          JSON.stringify(entry?.section).slice(1, -1),
        );
      }
    }
  });
});
