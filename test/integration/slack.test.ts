import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../adapters/http/server.js';
import { LIMITS, renderSlack } from '../../adapters/slack/render/blocks.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { FeedbackRecorder } from '../../src/feedback/recorder.js';
import { realBot } from '../support/bot.js';
import { MemoryFeedbackStore } from '../support/feedback.js';
import { SlackRequests } from '../support/slack-requests.js';
import { startSlackServer, stopSlackServer } from '../support/slack-server.js';
import { SlackApiStub, slackHeaders, sleep, waitFor } from '../support/slack-stub.js';

const stub = new SlackApiStub();
const feedbackStore = new MemoryFeedbackStore();
const recorder = new FeedbackRecorder(feedbackStore, 'k', { warn: () => {}, error: () => {} });
let http: HttpServer;
let base = '';

beforeAll(async () => {
  const shared = realBot();
  const bot = new TriageBot(shared.library, shared.index, { recorder });
  ({ http, base } = await startSlackServer(stub, bot));
});

afterAll(async () => {
  await stopSlackServer(stub, { http, base });
});

beforeEach(() => {
  stub.calls.length = 0;
});

let eventSeq = 0;
function eventBody(event: Record<string, unknown>, eventId = `Ev${++eventSeq}`) {
  return JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: eventId,
    event_time: 1,
    event,
  });
}

function postEvent(body: string, options: Parameters<typeof slackHeaders>[2] = {}) {
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: slackHeaders(body, 'application/json', options),
    body,
  });
}

function postForm(fields: Record<string, string>, options: Parameters<typeof slackHeaders>[2] = {}) {
  const body = new URLSearchParams(fields).toString();
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: slackHeaders(body, 'application/x-www-form-urlencoded', options),
    body,
  });
}

const command = (text: string, responseId: string) =>
  postForm({
    command: '/webex-code',
    text,
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    user_name: 'tech',
    response_url: stub.responseUrl(responseId),
    trigger_id: 'trig',
    token: 'legacy',
  });

const mention = (text: string, ts: string, threadTs?: string) => ({
  type: 'app_mention',
  user: 'U1',
  text,
  ts,
  channel: 'C1',
  ...(threadTs ? { thread_ts: threadTs } : {}),
  client_msg_id: `msg-${ts}`,
});

const blockText = (call: { body: Record<string, unknown> }) => JSON.stringify(call.body.blocks ?? []);
const allText = (call: { body: Record<string, unknown> }) => `${String(call.body.text)} ${blockText(call)}`;

describe('/webex-code', () => {
  it('acknowledges at once and answers privately with the stitched action text and a share button', async () => {
    const started = Date.now();
    const res = await command('200043', 'cmd1');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const [reply] = await waitFor(() => stub.responses('cmd1').length > 0 && stub.responses('cmd1'));
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(allText(reply as never)).toContain(
      "Sinon, l'administrateur doit supprimer l'autre utilisateur qui utilise cette adresse e-mail.",
    );
    expect(blockText(reply as never)).toContain('Partager dans le canal');
    expect(blockText(reply as never)).toContain("Codes d'erreur de l'utilisateur final");
    expect(stub.posts()).toHaveLength(0);
  });

  it('answers any question, not only codes', async () => {
    await command("l'utilisateur ne voit pas l'icône d'appel", 'cmd2');
    const [reply] = await waitFor(() => stub.responses('cmd2').length > 0 && stub.responses('cmd2'));
    expect(allText(reply as never)).toContain("Le client n'a pas d'icône d'appel");
  });

  it('shows usage with examples for an empty command', async () => {
    await command('   ', 'cmd3');
    const [reply] = await waitFor(() => stub.responses('cmd3').length > 0 && stub.responses('cmd3'));
    expect(String(reply?.body.text)).toContain('Usage : `/webex-code <code');
    expect(String(reply?.body.text)).toContain('200039');
  });

  it('says an unknown code is unknown', async () => {
    await command('999999', 'cmd4');
    const [reply] = await waitFor(() => stub.responses('cmd4').length > 0 && stub.responses('cmd4'));
    expect(String(reply?.body.text)).toContain('Je ne connais pas le code 999999');
  });
});

describe('mentions and threads', () => {
  it('answers a mention once, in the thread of the mention', async () => {
    const res = await postEvent(eventBody(mention('<@UBOT> erreur 200039', '1700000100.000100')));
    expect(res.status).toBe(200);
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(post?.body.thread_ts).toBe('1700000100.000100');
    expect(post?.body.channel).toBe('C1');
    expect(allText(post as never)).toContain('en utilisant un ID utilisateur BroadWorks différent');
    await sleep(200);
    expect(stub.posts()).toHaveLength(1);
  });

  it('retries a reply Slack failed to take (HTTP 500) and delivers it once', async () => {
    stub.failNext = 2;
    stub.failedAttempts = 0;
    await postEvent(eventBody(mention('<@UBOT> erreur 600003', '1700000150.000100')));
    // Retries back off 1 s then 2 s (REPLY_POLICY): the reply lands on the third attempt.
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts(), 10_000);
    expect(stub.failedAttempts).toBe(2);
    expect(post?.body.thread_ts).toBe('1700000150.000100');
    expect(allText(post as never)).toContain('600003');
    await sleep(200);
    expect(stub.posts()).toHaveLength(1);
  }, 15_000);

  it('answers a mention made inside a thread in that thread', async () => {
    await postEvent(eventBody(mention('<@UBOT> 20017', '1700000200.000200', '1700000199.000001')));
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(post?.body.thread_ts).toBe('1700000199.000001');
  });

  it('never answers twice a retried delivery of the same event', async () => {
    const body = eventBody(mention('<@UBOT> 409 Conflict provisionnement', '1700000300.000300'), 'EvRetry');
    expect((await postEvent(body)).status).toBe(200);
    await waitFor(() => stub.posts().length > 0);
    expect((await postEvent(body, { retryNum: 1 })).status).toBe(200);
    expect((await postEvent(body, { retryNum: 2 })).status).toBe(200);
    await sleep(300);
    expect(stub.posts()).toHaveLength(1);
  });

  it('continues the conversation on a follow-up in a thread it answered, without a new mention', async () => {
    await postEvent(
      eventBody(mention('<@UBOT> les services téléphoniques se déconnectent', '1700000400.000400')),
    );
    await waitFor(() => stub.posts().length > 0);
    await postEvent(
      eventBody({
        type: 'message',
        channel_type: 'channel',
        user: 'U1',
        text: 'comment réinitialiser la base de données Webex ?',
        ts: '1700000401.000001',
        thread_ts: '1700000400.000400',
        channel: 'C1',
        client_msg_id: 'f1',
      }),
    );
    const posts = await waitFor(() => stub.posts().length > 1 && stub.posts());
    expect(posts[1]?.body.thread_ts).toBe('1700000400.000400');
    expect(allText(posts[1] as never)).toContain('Health Checker');
  });

  it('stays quiet on chit-chat in a thread it follows ("merci", "ok je regarde")', async () => {
    await postEvent(eventBody(mention('<@UBOT> 200039', '1700000450.000100')));
    await waitFor(() => stub.posts().length > 0);
    for (const [i, text] of ['merci', 'ok je regarde ça'].entries()) {
      await postEvent(
        eventBody({
          type: 'message',
          channel_type: 'channel',
          user: 'U2',
          text,
          ts: `1700000451.${i}`,
          thread_ts: '1700000450.000100',
          channel: 'C1',
          client_msg_id: `chat${i}`,
        }),
      );
    }
    await sleep(300);
    expect(stub.posts()).toHaveLength(1);
  });

  it('ignores threads it is not in, edits and its own messages', async () => {
    const events = [
      {
        type: 'message',
        channel_type: 'channel',
        user: 'U1',
        text: '200039',
        ts: '1700000500.1',
        thread_ts: '1700000499.9',
        channel: 'C1',
      },
      {
        type: 'message',
        subtype: 'message_changed',
        channel: 'C1',
        ts: '1700000500.2',
        message: { text: '200039' },
      },
      {
        type: 'message',
        channel_type: 'channel',
        user: 'UBOT',
        bot_id: 'BBOT',
        text: '200039',
        ts: '1700000500.3',
        thread_ts: '1700000400.000400',
        channel: 'C1',
      },
    ];
    for (const event of events) expect((await postEvent(eventBody(event))).status).toBe(200);
    await sleep(300);
    expect(stub.posts()).toHaveLength(0);
  });

  it('answers a direct message directly', async () => {
    await postEvent(
      eventBody({
        type: 'message',
        channel_type: 'im',
        user: 'U1',
        text: 'callEndReason 480',
        ts: '1700000600.1',
        channel: 'D1',
      }),
    );
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(post?.body.channel).toBe('D1');
    expect(post?.body.thread_ts).toBeUndefined();
    expect(allText(post as never)).toContain('Vérifiez que le point de terminaison distant est disponible.');
  });
});

describe('buttons', () => {
  const click = (actionId: string, value: string, extra: Record<string, unknown> = {}) =>
    postForm({
      payload: JSON.stringify({
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'U1' },
        channel: { id: 'C1' },
        response_url: stub.responseUrl('click'),
        trigger_id: 't',
        actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: '1' }],
        ...extra,
      }),
    });

  it('shares the private answer in the channel', async () => {
    const res = await click('share_answer:0', JSON.stringify({ id: 'webex-200043', q: '200043', l: 'fr' }), {
      container: { type: 'message', is_ephemeral: true },
    });
    expect(res.status).toBe(200);
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(post?.body.channel).toBe('C1');
    expect(allText(post as never)).toContain('qui utilise cette adresse e-mail.');
    expect(String(post?.body.text)).toContain('<@U1> a partagé');
  });

  it('shows the alternatives on "Ce n\'était pas ça"', async () => {
    await click('show_alternatives:1', JSON.stringify({ q: '403', l: 'fr' }), {
      container: { type: 'message', is_ephemeral: true },
    });
    const [reply] = await waitFor(() => stub.responses('click').length > 0 && stub.responses('click'));
    expect(blockText(reply as never)).toContain('Autres pistes');
  });

  it('says a button of an earlier version whose value is JSON but no object is no longer valid', async () => {
    await click('share_answer:0', 'null', { container: { type: 'message', is_ephemeral: true } });
    const [reply] = await waitFor(() => stub.responses('click').length > 0 && stub.responses('click'));
    expect(reply?.body.text).toBe('Ce bouton n’est plus valide : posez la question à nouveau.');
    expect(stub.posts()).toEqual([]);
  });

  it('asks a follow-up question in the thread of the answer', async () => {
    await click(
      'ask_follow_up:0',
      JSON.stringify({ q: 'Comment traiter un utilisateur déjà dans CI ?', l: 'fr' }),
      {
        container: { type: 'message', message_ts: '1700000700.1', thread_ts: '1700000699.1' },
        message: { ts: '1700000700.1', thread_ts: '1700000699.1', text: 'x' },
      },
    );
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(post?.body.thread_ts).toBe('1700000699.1');
    expect(allText(post as never)).toContain('Utilisateur déjà dans CI');
  });
});

describe('guided triage in a thread', () => {
  it('asks step by step with buttons, takes a click and a typed answer, and ends on the cited fix', async () => {
    const root = '1700000900.000100';
    await postEvent(eventBody(mention('<@UBOT> diagnostic provisionnement', root)));
    const [first] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(first?.body.thread_ts).toBe(root);
    expect(String(first?.body.text)).toContain('Étape 1');
    const blocks = first?.body.blocks as {
      type: string;
      elements?: { action_id: string; value: string; text: { text: string } }[];
    }[];
    const option = blocks
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.text.text === 'Certains utilisateurs');
    expect(option).toBeDefined();
    expect(blocks.flatMap((b) => b.elements ?? []).map((e) => e.text.text)).toEqual(
      expect.arrayContaining(['Recommencer', 'Escalader', 'Arrêter']),
    );
    await postForm({
      payload: JSON.stringify({
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'U1' },
        channel: { id: 'C1' },
        container: { type: 'message', message_ts: '1700000900.5', thread_ts: root },
        message: { ts: '1700000900.5', thread_ts: root, text: 'x' },
        response_url: stub.responseUrl('triage'),
        actions: [
          {
            type: 'button',
            action_id: option?.action_id,
            block_id: 'b',
            value: option?.value,
            action_ts: '1',
          },
        ],
      }),
    });
    // The click replaces the step's own message, with the answer given so far.
    const [second] = await waitFor(() => stub.posts('chat.update').length > 0 && stub.posts('chat.update'));
    expect(second?.body).toMatchObject({ channel: 'C1', ts: '1700000900.5' });
    expect(String(second?.body.text)).toContain('Étape 2');
    expect(String(second?.body.text)).toContain('Certains utilisateurs');
    expect(stub.posts()).toHaveLength(1);
    await postEvent(
      eventBody({
        type: 'message',
        channel_type: 'channel',
        user: 'U1',
        text: '403',
        ts: '1700000901.1',
        thread_ts: root,
        channel: 'C1',
        client_msg_id: 'tr1',
      }),
    );
    const third = await waitFor(() => stub.posts().length > 1 && stub.posts());
    expect(allText(third[1] as never)).toContain(
      "Vérifiez que tous les correctifs requis sont appliqués au serveur d'applications",
    );
  });
});

describe('request safety', () => {
  const body = () => eventBody(mention('<@UBOT> 200039', '1700000800.1'));

  it('refuses a forged signature with 401', async () => {
    const res = await postEvent(body(), { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
  });

  it('refuses a stale timestamp and one from the future with 401', async () => {
    expect((await postEvent(body(), { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    expect((await postEvent(body(), { timestamp: Math.floor(Date.now() / 1000) + 600 })).status).toBe(401);
    await sleep(200);
    expect(stub.posts()).toHaveLength(0);
  });

  it('survives a burst of garbage: never a 500, and still answers afterwards', async () => {
    const garbage: [string, string][] = [
      ['null', 'application/json'],
      ['[]', 'application/json'],
      ['{"type":"event_callback"}', 'application/json'],
      ['{"type":"event_callback","event":null}', 'application/json'],
      ['{"type":"event_callback","event":"x"}', 'application/json'],
      ['{not json', 'application/json'],
      ['payload=null', 'application/x-www-form-urlencoded'],
      [
        'payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3Anull%7D',
        'application/x-www-form-urlencoded',
      ],
      [
        'payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%7B%7D%5D%7D',
        'application/x-www-form-urlencoded',
      ],
      ['\u0000\u00ff\ufffd binary', 'application/octet-stream'],
    ];
    for (const [raw, type] of garbage) {
      for (const signed of [true, false]) {
        const headers = signed ? slackHeaders(raw, type) : { 'content-type': type };
        const started = Date.now();
        const res = await fetch(`${base}/slack/events`, { method: 'POST', headers, body: raw });
        expect(res.status, `${raw} signed=${signed}`).toBeLessThan(500);
        expect([200, 400, 401], raw).toContain(res.status);
        expect(Date.now() - started, raw).toBeLessThan(2000);
      }
    }
    const huge = 'x'.repeat(2 * 1024 * 1024);
    expect(
      (
        await fetch(`${base}/slack/events`, {
          method: 'POST',
          headers: slackHeaders(huge, 'application/json'),
          body: huge,
        })
      ).status,
    ).toBe(413);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await command('200039', 'after-garbage');
    await waitFor(() => stub.responses('after-garbage').length > 0);
  });
});

describe('Block Kit rendering', () => {
  it('stays within Block Kit limits with 5 alternatives and long source text, escaping &, < and >', () => {
    const answer = realBot().ask('403');
    const long = 'Texte <très> long & répété. '.repeat(400);
    const best = answer.results[0];
    if (!best) throw new Error('no result');
    const results = Array.from({ length: 5 }, (_, i) => ({
      ...best,
      id: `${best.id}-${i}`,
      title: `${'Titre très long '.repeat(20)}${i}`,
      cause: long,
      action: long,
      followUps: Array.from({ length: 8 }, (_, j) => `${'Question de suivi très longue '.repeat(10)}${j}`),
    }));
    const bot = realBot();
    const huge = { ...answer, query: 'q'.repeat(5000), results };
    const message = renderSlack(
      bot.view({ kind: 'answer', language: 'fr', answer: huge }, { private: true }),
    );
    expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    interface LooseBlock {
      type: string;
      text: { text: string };
      elements?: { type: string; text: { text: string }; value: string; action_id: string }[];
    }
    for (const block of message.blocks as unknown as LooseBlock[]) {
      if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
      for (const el of block.elements ?? []) {
        if (el.type === 'button') {
          expect(el.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
          expect(el.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
          expect(el.action_id.length).toBeLessThanOrEqual(255);
        }
      }
      if (block.type === 'section') expect(block.text.text).not.toMatch(/<très>| & /);
    }
  });

  it('keeps accents intact', () => {
    const bot = realBot();
    const message = renderSlack(bot.view({ kind: 'answer', language: 'fr', answer: bot.ask('20004') }));
    expect(JSON.stringify(message.blocks)).toContain(
      'Assurez-vous que la connexion à Exchange est disponible',
    );
  });
});

describe('a private guided triage (slash command)', () => {
  type Button = { text: { text: string }; action_id: string; value: string };
  // Buttons in rows, and beside the text they stand for (a section's accessory).
  const buttonsOf = (call: { body: Record<string, unknown> }): Button[] =>
    ((call.body.blocks ?? []) as { elements?: Button[]; accessory?: Button }[])
      .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
      .filter((e) => e.action_id);
  const clickPrivately = (button: Button, responseId: string) =>
    postForm({
      payload: JSON.stringify({
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'U7' },
        channel: { id: 'C7' },
        container: { type: 'message', is_ephemeral: true },
        response_url: stub.responseUrl(responseId),
        trigger_id: 't',
        actions: [
          { type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: '1' },
        ],
      }),
    });
  const privateCommand = (text: string, responseId: string) =>
    postForm({
      command: '/webex-code',
      text,
      team_id: 'T1',
      channel_id: 'C7',
      user_id: 'U7',
      user_name: 'tech',
      response_url: stub.responseUrl(responseId),
      trigger_id: 'trig',
    });
  const response = (id: string) => waitFor(() => stub.responses(id)[0]);

  it('continues the triage when a follow-up button of a private answer is clicked, as when it is typed', async () => {
    await privateCommand('diagnostic provisionnement', 'p1');
    expect(allText((await response('p1')) as never)).toContain('Étape 1');
    // An off-script code in the middle of the triage: answered, with its follow-up questions, triage paused.
    await privateCommand('200039', 'p2');
    const offscript = (await response('p2')) as never;
    expect(allText(offscript)).toContain('Diagnostic guidé');
    const followUp = buttonsOf(offscript).find((b) =>
      b.text.text.startsWith("L'adresse e-mail existe-t-elle"),
    );
    if (!followUp) throw new Error('no follow-up button on the private answer');
    await clickPrivately(followUp, 'p3');
    // Same conversation as the slash command: the click is the next message of the triage, not a lone answer.
    const next = allText((await response('p3')) as never);
    expect(next).toContain('Diagnostic guidé');
    expect(next).toContain('Étape 1');
  });
});

describe('feedback buttons', () => {
  it('records "Utile" on a private answer and acknowledges it in one line, without reposting the answer', async () => {
    await command('200039', 'fb1');
    const [answer] = await waitFor(() => stub.responses('fb1').length > 0 && stub.responses('fb1'));
    const useful = (
      (answer?.body.blocks ?? []) as {
        elements?: { text: { text: string }; action_id: string; value: string }[];
      }[]
    )
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.text?.text === 'Utile');
    if (!useful) throw new Error('no "Utile" button');
    stub.calls.length = 0;
    const res = await postForm({
      payload: JSON.stringify({
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: 'U1' },
        channel: { id: 'C1' },
        container: { type: 'message', is_ephemeral: true },
        response_url: stub.responseUrl('fb2'),
        trigger_id: 't',
        actions: [
          { type: 'button', action_id: useful.action_id, block_id: 'b', value: useful.value, action_ts: '1' },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const [ack] = await waitFor(() => stub.responses('fb2').length > 0 && stub.responses('fb2'));
    expect(ack?.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Merci, c’est noté.',
    });
    expect(stub.posts()).toHaveLength(0);
    await recorder.flush();
    expect(feedbackStore.saved.at(-1)).toMatchObject({
      type: 'feedback',
      platform: 'slack',
      useful: true,
      entry: 'webex-200039',
      query: '200039',
    });
    expect(feedbackStore.saved.some((e) => e.type === 'question' && e.query === '200039')).toBe(true);
  });
});

describe('message shortcut "Diagnostiquer ce message"', () => {
  const LOG = [
    '2026-11-30 08:12:44 ERROR [activation] POST /validate -> 400 {"errorCode":200039}',
    '[11:02:33] ACS callEndReason {code: 487, subCode: 0}',
  ].join('\n');
  const requests = new SlackRequests(() => base, stub);
  const shortcut = (message: Record<string, unknown>, responseId: string) =>
    requests.shortcut(message, responseId);

  it('diagnoses the message and its attached log privately, and shares it in the thread once', async () => {
    stub.files.set('trace.log', 'Event ID 20017 LS UCWA Warning pool01\n');
    const started = performance.now();
    const res = await shortcut(
      {
        text: LOG,
        ts: '1700001000.000100',
        thread_ts: '1700000999.000100',
        bot_id: 'BOTHER',
        files: [
          {
            name: 'trace.log',
            mimetype: 'text/plain',
            filetype: 'text',
            size: 40,
            url_private_download: stub.fileUrl('trace.log'),
          },
        ],
      },
      'd1',
    );
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(3000);
    const [reply] = await waitFor(() => stub.responses('d1').length > 0 && stub.responses('d1'));
    expect(reply?.body.response_type).toBe('ephemeral');
    const shown = allText(reply as never);
    expect(shown).toContain('3 constats');
    for (const code of ['200039', '487', '20017']) expect(shown).toContain(code);
    expect(stub.fileTokens.at(-1)).toBe('Bearer xoxb-test');
    expect(stub.posts()).toHaveLength(0);

    const shareButton = (
      (reply?.body.blocks ?? []) as {
        elements?: { text: { text: string }; action_id: string; value: string }[];
      }[]
    )
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.text?.text === 'Partager dans le canal');
    if (!shareButton) throw new Error('no share button');
    const click = (id: string) =>
      postForm({
        payload: JSON.stringify({
          type: 'block_actions',
          team: { id: 'T1' },
          user: { id: 'U9' },
          channel: { id: 'C9' },
          container: { type: 'message', is_ephemeral: true },
          response_url: stub.responseUrl(id),
          trigger_id: 't',
          actions: [
            {
              type: 'button',
              action_id: shareButton.action_id,
              block_id: 'b',
              value: shareButton.value,
              action_ts: '1',
            },
          ],
        }),
      });
    await click('d2');
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(post?.body).toMatchObject({ channel: 'C9', thread_ts: '1700000999.000100' });
    expect(allText(post as never)).toContain('3 constats');
    await click('d3');
    await waitFor(() => stub.responses('d3').length > 0);
    expect(stub.posts()).toHaveLength(1);
  });

  it('answers an empty or non-text message in one clear line', async () => {
    await shortcut(
      {
        text: '',
        ts: '1700001001.000100',
        files: [{ name: 'photo.png', mimetype: 'image/png', filetype: 'png' }],
      },
      'd4',
    );
    const [reply] = await waitFor(() => stub.responses('d4').length > 0 && stub.responses('d4'));
    expect(reply?.body.text).toBe('Ce message ne contient pas de texte à analyser.');
  });
});

describe('outbound failures', () => {
  it('still answers privately when the response_url is dead (ephemeral post instead)', async () => {
    stub.deadResponseUrls.add('dead1');
    await command('200039', 'dead1');
    const [ephemeral] = await waitFor(
      () => stub.posts('chat.postEphemeral').length > 0 && stub.posts('chat.postEphemeral'),
    );
    expect(ephemeral?.body).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(allText(ephemeral as never)).toContain('emailId déjà utilisé dans une autre organisation');
  });
});
