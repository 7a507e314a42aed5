import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../adapters/http/server.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import type { FeedbackEvent } from '../../src/feedback/events.js';
import { FeedbackRecorder } from '../../src/feedback/recorder.js';
import { usageReport } from '../../src/feedback/usage.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { realBot } from '../support/bot.js';
import { expectMeaningfulLabel } from '../support/button-labels.js';
import { MemoryFeedbackStore } from '../support/feedback.js';
import { SlackRequests } from '../support/slack-requests.js';
import { startSlackServer, stopSlackServer } from '../support/slack-server.js';
import { SlackApiStub, slackHeaders, sleep, waitFor } from '../support/slack-stub.js';

/**
 * The buttons of Slack replies through the real Bolt receiver, with real signatures and the Slack
 * stub: a button refers to the record of what was shown, never carries the question nor where a
 * share posts.
 */
const stub = new SlackApiStub();
const feedbackStore = new MemoryFeedbackStore();
const recorder = new FeedbackRecorder(feedbackStore, 'k', { warn: () => {}, error: () => {} });
/** How far the bot's clock is ahead of the wall clock (to expire records). */
let ahead = 0;
let http: HttpServer;
let base = '';

beforeAll(async () => {
  const shared = realBot();
  const state = new MemoryState(() => Date.now() + ahead);
  const bot = new TriageBot(shared.library, shared.index, { recorder, state });
  ({ http, base } = await startSlackServer(stub, bot));
});

afterAll(async () => {
  await stopSlackServer(stub, { http, base });
});

beforeEach(() => {
  stub.calls.length = 0;
  ahead = 0;
});

function postForm(fields: Record<string, string>) {
  const body = new URLSearchParams(fields).toString();
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    headers: slackHeaders(body, 'application/x-www-form-urlencoded'),
    body,
  });
}

const command = (text: string, responseId: string, channel = 'C1', user = 'U1') =>
  postForm({
    command: '/webex-code',
    text,
    team_id: 'T1',
    channel_id: channel,
    user_id: user,
    user_name: 'tech',
    response_url: stub.responseUrl(responseId),
    trigger_id: 'trig',
  });

const requests = new SlackRequests(() => base, stub);
const shortcut = (message: Record<string, unknown>, responseId: string) =>
  requests.shortcut(message, responseId);

/** A click on a private (ephemeral) message, as Slack sends it. */
const click = (value: string, responseId: string, channel = 'C1', user = 'U1') =>
  postForm({
    payload: JSON.stringify({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: user },
      channel: { id: channel },
      container: { type: 'message', is_ephemeral: true },
      response_url: stub.responseUrl(responseId),
      trigger_id: 't',
      actions: [{ type: 'button', action_id: 'uc:0', block_id: 'b', value, action_ts: '1' }],
    }),
  });

interface Button {
  type: string;
  text: { text: string };
  action_id: string;
  value: string;
}
interface Block {
  type: string;
  text?: { text: string };
  elements?: Button[];
  accessory?: Button;
}
type Call = { body: Record<string, unknown> };

const blocksOf = (call: Call) => (call.body.blocks ?? []) as Block[];
const buttonsOf = (call: Call): Button[] =>
  blocksOf(call)
    .flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])])
    .filter((e) => e.type === 'button');
const button = (call: Call, label: string): Button => {
  const found = buttonsOf(call).find((b) => b.text.text === label);
  if (!found) throw new Error(`no "${label}" button in ${JSON.stringify(blocksOf(call)).slice(0, 400)}`);
  return found;
};
const response = async (id: string) => (await waitFor(() => stub.responses(id)[0])) as Call;
const allText = (call: Call) => `${String(call.body.text)} ${JSON.stringify(call.body.blocks ?? [])}`;

describe('a button refers to what was shown', () => {
  it('keeps every value of a 1,500-character question full of " and \\ within 2,000 characters, and acts on what was shown', async () => {
    const question = `200039 ${'"\\'.repeat(750)}`;
    await command(question, 'long1');
    const answer = await response('long1');
    const buttons = buttonsOf(answer);
    expect(buttons.map((b) => b.text.text)).toEqual(
      expect.arrayContaining(['Partager dans le canal', 'Utile', 'Pas utile']),
    );
    for (const b of buttons) {
      expect(b.value.length, b.text.text).toBeLessThanOrEqual(2000);
      expect(() => JSON.parse(b.value), b.text.text).not.toThrow();
    }
    await click(button(answer, 'Utile').value, 'long2');
    expect((await response('long2')).body.text).toBe('Merci, c’est noté.');
    await recorder.flush();
    expect(feedbackStore.saved.at(-1)).toMatchObject({
      type: 'feedback',
      useful: true,
      entry: 'webex-200039',
      query: question,
    });
    await click(button(answer, 'Partager dans le canal').value, 'long3');
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(post?.body.channel).toBe('C1');
    expect(allText(post as Call)).toContain('en utilisant un ID utilisateur BroadWorks différent');
  });

  it('shares a diagnosis of one finding in the diagnosed message’s thread', async () => {
    await shortcut(
      {
        text: '2026-11-30 08:12:44 ERROR [activation] POST /validate -> 400 {"errorCode":200039}',
        ts: '1700005000.000100',
        thread_ts: '1700004999.000100',
      },
      'one1',
    );
    const diagnosis = await response('one1');
    expect(allText(diagnosis)).toContain('200039');
    await click(button(diagnosis, 'Partager dans le canal').value, 'one2', 'C9', 'U9');
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(post?.body).toMatchObject({ channel: 'C9', thread_ts: '1700004999.000100' });
    expect(allText(post as Call)).toContain('en utilisant un ID utilisateur BroadWorks différent');
  });

  it('shares every finding of a diagnosis longer than 1,500 characters, as shown', async () => {
    const text = [
      '2026-11-30 08:12:44 ERROR [activation] POST /validate -> 400 {"errorCode":200039}',
      ...Array.from(
        { length: 50 },
        (_, i) => `2026-11-30 08:13:${String(i).padStart(2, '0')} INFO heartbeat ok`,
      ),
      '[11:02:33] ACS callEndReason {code: 487, subCode: 0}',
    ].join('\n');
    expect(text.length).toBeGreaterThan(1500);
    await shortcut({ text, ts: '1700006000.000100' }, 'many1');
    const diagnosis = await response('many1');
    expect(allText(diagnosis)).toContain('2 constats');
    await click(button(diagnosis, 'Partager dans le canal').value, 'many2', 'C9', 'U9');
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(post?.body).toMatchObject({ channel: 'C9', thread_ts: '1700006000.000100' });
    const shared = allText(post as Call);
    expect(shared).toContain('2 constats');
    for (const code of ['200039', '487']) expect(shared).toContain(code);
  });
});

describe('where a share posts (issue 21)', () => {
  it('never posts a forged, validly signed share value into the channel it names', async () => {
    await command('200039', 'forge1', 'C1', 'U4');
    const real = JSON.parse(button(await response('forge1'), 'Partager dans le canal').value);
    const forged = [
      // Today's button with a target added.
      { ...real, to: 'CEVIL/1700000000.000100' },
      // An earlier version's value, which named its target.
      { kind: 'share', q: '200039', id: 'webex-200039', to: 'CEVIL/1700000000.000100', l: 'fr' },
      { kind: 'share', q: '200039', id: 'webex-200039', to: 'CEVIL', l: 'fr' },
    ];
    for (const [i, value] of forged.entries())
      await click(JSON.stringify(value), `forge${i + 2}`, 'C1', `U${i + 5}`);
    await waitFor(() => stub.responses('forge4').length > 0);
    await sleep(200);
    const posts = stub.posts();
    expect(posts.filter((p) => String(p.body.channel) === 'CEVIL')).toEqual([]);
    // Each is posted where the server recorded (the channel of the command), or where it was clicked.
    expect(posts.map((p) => [p.body.channel, p.body.thread_ts])).toEqual([
      ['C1', undefined],
      ['C1', undefined],
      ['C1', undefined],
    ]);
  });
});

describe('"Pas utile" asks why', () => {
  it('answers privately with two reason buttons; the reason clicked replaces them and is counted with the rating', async () => {
    await command('200039', 'why1', 'C3', 'U3');
    await click(button(await response('why1'), 'Pas utile').value, 'why2', 'C3', 'U3');
    const ack = await response('why2');
    expect(ack.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(ack)).toContain('Merci, c’est noté : cela aide à améliorer les réponses.');
    expect(allText(ack)).toContain('Qu’est-ce qui n’allait pas ?');
    expect(buttonsOf(ack).map((b) => b.text.text)).toEqual([
      'Pas le bon sujet',
      'Bon sujet, mais ne répond pas',
    ]);
    await click(button(ack, 'Pas le bon sujet').value, 'why3', 'C3', 'U3');
    const thanks = await response('why3');
    expect(thanks.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: true,
      text: 'Merci, la raison est notée.',
    });
    expect(buttonsOf(thanks)).toEqual([]);
    await recorder.flush();
    const [rating, reason] = feedbackStore.saved.slice(-2);
    expect(rating).toMatchObject({ type: 'feedback', useful: false, entry: 'webex-200039', query: '200039' });
    expect(reason).toMatchObject({
      type: 'feedback',
      useful: false,
      entry: 'webex-200039',
      reason: 'wrong-topic',
    });
    const usage = usageReport([rating, reason] as FeedbackEvent[], new Date(0), new Date(), () => true);
    expect(usage.notHelpful).toMatchObject([
      { id: 'webex-200039', count: 1, wrongTopic: 1, doesNotAnswer: 0 },
    ]);
  });

  it('asks in English in an English conversation', async () => {
    await command('what does event 20025 mean on the Skype server', 'why4', 'C4', 'U4');
    await click(button(await response('why4'), 'Not useful').value, 'why5', 'C4', 'U4');
    const ack = await response('why5');
    expect(allText(ack)).toContain('What was wrong?');
    expect(buttonsOf(ack).map((b) => b.text.text)).toEqual([
      'Wrong topic',
      'Right topic, but it does not answer',
    ]);
    await click(button(ack, 'Right topic, but it does not answer').value, 'why6', 'C4', 'U4');
    expect((await response('why6')).body.text).toBe('Thanks, the reason is noted.');
  });
});

describe('an expired button', () => {
  it('says so in one line, in the person’s language, and does nothing else', async () => {
    await command('200039', 'exp1');
    const french = await response('exp1');
    await command('what does event 20025 mean on the Skype server', 'exp2');
    const english = await response('exp2');
    await recorder.flush();
    const recorded = feedbackStore.saved.length;
    ahead = 7 * 24 * 3600 * 1000 + 60_000;
    await click(button(french, 'Utile').value, 'exp3');
    expect((await response('exp3')).body.text).toBe('Ce bouton a expiré : posez la question à nouveau.');
    await click(button(french, 'Partager dans le canal').value, 'exp4');
    expect((await response('exp4')).body.text).toBe('Ce bouton a expiré : posez la question à nouveau.');
    await click(button(english, 'Useful').value, 'exp5');
    const reply = await response('exp5');
    expect(reply.body.text).toBe('This button has expired: ask the question again.');
    expect(JSON.stringify(reply.body.blocks)).not.toContain('actions');
    await sleep(200);
    expect(stub.posts()).toEqual([]);
    await recorder.flush();
    expect(feedbackStore.saved.length).toBe(recorded);
  });

  it('works a day later: its record lasts 7 days', async () => {
    await command('200039', 'day1', 'C2', 'U2');
    ahead = 24 * 3600 * 1000;
    await click(button(await response('day1'), 'Utile').value, 'day2', 'C2', 'U2');
    expect((await response('day2')).body.text).toBe('Merci, c’est noté.');
  });
});

describe('buttons of earlier versions', () => {
  it('still rate, show the other leads and share, in the channel where they are clicked', async () => {
    await click('{"kind":"feedback","useful":false,"q":"487","id":"acs-487","l":"fr"}', 'old1');
    expect((await response('old1')).body.text).toBe(
      'Merci, c’est noté : cela aide à améliorer les réponses.',
    );
    await recorder.flush();
    expect(feedbackStore.saved.at(-1)).toMatchObject({ type: 'feedback', query: '487', entry: 'acs-487' });
    await click('{"kind":"alternatives","q":"403","l":"fr"}', 'old2');
    expect(allText(await response('old2'))).toContain('Autres pistes');
    await click(
      '{"kind":"share","q":"200043","id":"webex-200043","to":"C1/1700000001.000100","l":"fr"}',
      'old3',
    );
    const [post] = await waitFor(() => stub.posts().length > 0 && stub.posts());
    expect(post?.body).toMatchObject({ channel: 'C1' });
    expect(allText(post as Call)).toContain('qui utilise cette adresse e-mail.');
  });
});

describe('button texts within Slack’s 75 characters', () => {
  it('says the short thing on the button and the whole text beside it, never cut mid-word', async () => {
    // A person of their own: U1 asked in English above, and a reply follows its person's language.
    await command('200039', 'len1', 'C1', 'U3');
    const answer = await response('len1');
    await command('403', 'len2', 'C1', 'U3');
    const leads = await response('len2');
    await click(button(leads, 'Ce n’était pas ça').value, 'len3', 'C1', 'U3');
    const calls = [answer, leads, await response('len3')];
    let beside = 0;
    for (const call of calls) {
      for (const block of blocksOf(call)) {
        // A button in a row says everything it stands for: nothing cut.
        for (const b of block.type === 'actions' ? (block.elements ?? []) : []) {
          expect(b.text.text.length).toBeLessThanOrEqual(75);
          expect(b.text.text, b.text.text).not.toMatch(/…$/);
        }
        if (!block.accessory) continue;
        beside++;
        const text = (block.text?.text ?? '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&');
        expectMeaningfulLabel(block.accessory.text.text, text, 75);
      }
    }
    // The 85-character follow-up of 200039 and every lead of 403 have their whole text beside their button.
    expect(allText(answer)).toContain(
      'L’adresse e-mail existe-t-elle déjà dans Common Identity (utilisateur déjà dans CI) ?'.replace(
        '’',
        "'",
      ),
    );
    expect(allText(await response('len3'))).toContain('Webex pour Cisco BroadWorks — 403 : Interdit');
    expect(beside).toBeGreaterThanOrEqual(3);
  });
});
