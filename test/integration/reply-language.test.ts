import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../adapters/http/server.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { realBot } from '../support/bot.js';
import { SlackRequests } from '../support/slack-requests.js';
import { startSlackServer, stopSlackServer } from '../support/slack-server.js';
import { SlackApiStub, slackHeaders, waitFor } from '../support/slack-stub.js';

/**
 * The reply language through the real Slack adapter (docs/language.md, rows 7 and 9): the message
 * shortcut on a log fragment, and two technicians in one thread.
 */
const stub = new SlackApiStub();
let http: HttpServer;
let base = '';

beforeAll(async () => {
  const bot = new TriageBot(realBot().library, realBot().index);
  ({ http, base } = await startSlackServer(stub, bot));
});
afterAll(async () => {
  await stopSlackServer(stub, { http, base });
});
beforeEach(() => {
  stub.calls.length = 0;
});

const post = (body: string, type: string) =>
  fetch(`${base}/slack/events`, { method: 'POST', headers: slackHeaders(body, type), body });
let seq = 0;
const event = (event: Record<string, unknown>) =>
  post(
    JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: `EvLang${++seq}`,
      event_time: 1,
      event,
    }),
    'application/json',
  );
const textOf = (call: { body: Record<string, unknown> } | undefined) =>
  `${String(call?.body.text)} ${JSON.stringify(call?.body.blocks ?? [])}`;

/** Lines a program wrote in English, without a timestamp: key=value and JSON. */
const FRAGMENT = [
  'Provisioning failed for user john.doe@example.com, errorCode=200039',
  '{"error": "user could not be validated", "callEndReason": 487}',
].join('\n');

describe('Slack: the reply follows the person', () => {
  it('answers "Diagnostiquer ce message" on an English log fragment in the person’s language, French by default', async () => {
    const requests = new SlackRequests(() => base, stub);
    const shortcut = await requests.shortcut({ text: FRAGMENT, ts: '1700004000.1' }, 'lang-shortcut', {
      user: 'U8',
      channel: 'C8',
    });
    expect(shortcut.status).toBe(200);
    const [reply] = await waitFor(
      () => stub.responses('lang-shortcut').length > 0 && stub.responses('lang-shortcut'),
    );
    expect(textOf(reply)).toContain('2 constats : ');
    expect(textOf(reply)).toContain('Détails');
    expect(textOf(reply)).not.toMatch(/findings|Line:|Details/);
  });

  it('answers each technician of a thread in their own language', async () => {
    const thread = '1700004100.000100';
    await event({
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> what does error 200039 mean?',
      ts: thread,
      channel: 'C1',
    });
    const [english] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(textOf(english)).toContain('Follow-up questions');
    const paste = [
      '2026-11-30 08:12:45 ERROR échec du provisionnement errorCode=200039',
      'Event ID 20017 LS UCWA pool01',
    ];
    await event({
      type: 'app_mention',
      user: 'U2',
      // The mention on its own line, the log pasted under it.
      text: `<@UBOT>\n${paste.join('\n')}`,
      ts: '1700004101.000100',
      thread_ts: thread,
      channel: 'C1',
    });
    const posts = await waitFor(() => stub.posts().length > 1 && stub.posts());
    expect(textOf(posts[1])).toContain('2 constats : ');
    expect(textOf(posts[1])).not.toMatch(/findings|Line:|Details/);
  });
});
