import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpServer } from '../../adapters/http/server.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { realBot } from '../support/bot.js';
import { buttonOf, nth, SlackRequests, textOf } from '../support/slack-requests.js';
import { startSlackServer, stopSlackServer } from '../support/slack-server.js';
import { SlackApiStub, sleep, waitFor } from '../support/slack-stub.js';

/**
 * A guided triage in Slack keeps one card (issue 24): each step replaces its own message, with the
 * answers given so far; the result is a new message; a card the triage has moved on from changes
 * nothing and says so privately. Through the real Bolt receiver, signed requests, the stub Web API.
 */
const stub = new SlackApiStub();
let http: HttpServer;
let base = '';
/** How far the bot's clock is ahead of the wall clock (to let a triage expire). */
let ahead = 0;
const slack = new SlackRequests(() => base, stub);
const tech = { id: 'U1', name: 'tech' };

beforeAll(async () => {
  const shared = realBot();
  const bot = new TriageBot(shared.library, shared.index, {
    now: () => Date.now() + ahead,
    idleTimeoutMs: 30 * 60_000,
  });
  ({ http, base } = await startSlackServer(stub, bot));
});

afterAll(async () => {
  await stopSlackServer(stub, { http, base });
});

beforeEach(() => {
  stub.calls.length = 0;
  ahead = 0;
});

/** The sign-in triage, five questions to its fix (domain claimed), started in a thread of C1. */
const SIGN_IN = ['Oui, il se charge', 'Pas de code', 'Oui', 'Oui', 'Oui'];

async function startInThread(root: string) {
  await slack.mention('diagnostic échec de connexion SSO', 'C1', root);
  const card = await nth(stub, 'chat.postMessage', 0);
  expect(card.body.thread_ts).toBe(root);
  expect(textOf(card)).toContain('Étape 1');
  return { card, on: { channel: 'C1', ts: String(card.ts), thread: root } };
}

describe('a guided triage on one card', () => {
  it('updates its one message at each of 5 steps, with the answers so far, and posts the result below', async () => {
    const root = '1700300000.000100';
    // Every click names the card's message: the ts the stub answered its post with.
    const { card, on } = await startInThread(root);
    let current = card;
    for (const [i, label] of SIGN_IN.entries()) {
      await slack.click(buttonOf(current, label), on, tech);
      current = await nth(stub, 'chat.update', i);
      expect(current.body).toMatchObject({ channel: 'C1', ts: on.ts });
    }
    const result = await nth(stub, 'chat.postMessage', 1);
    await sleep(200);
    expect(stub.posts('chat.postMessage')).toHaveLength(2);
    expect(stub.posts('chat.update')).toHaveLength(5);
    // Each step carries the answers given before it; the card ends with all five and no buttons.
    const [, third] = stub.posts('chat.update');
    expect(textOf(third as never)).toContain('Étape 3');
    expect(textOf(third as never)).toContain('Vos réponses');
    expect(textOf(third as never)).toContain('✓ Le portail d');
    expect(textOf(third as never)).toContain('→ Pas de code');
    expect(String(current.body.text).match(/✓ /g)).toHaveLength(5);
    expect(textOf(current)).toContain('Résultat ci-dessous.');
    expect(JSON.stringify(current.body.blocks)).not.toContain('"button"');
    expect(result.body.thread_ts).toBe(root);
    expect(textOf(result)).toContain('revendication');
  });

  it('answers a click on a card its triage has moved on from with one private line, and changes nothing', async () => {
    const root = '1700300100.000100';
    const { card, on } = await startInThread(root);
    // The triage moves on from step 1.
    await slack.click(buttonOf(card, 'Oui, il se charge'), on, tech);
    const step2 = await nth(stub, 'chat.update', 0);
    // Step 1's option and step 1's "Recommencer" are clicked again (a stale copy of the card).
    for (const [label, id] of [
      ['Non, il ne se charge pas', 'stale1'],
      ['Recommencer', 'stale2'],
    ] as const) {
      await slack.click(buttonOf(card, label), on, tech, id);
      const [line] = await waitFor(() => stub.responses(id).length > 0 && stub.responses(id));
      expect(line?.body).toMatchObject({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'Cette carte du diagnostic n’est plus à jour : rien n’a changé. Continuez sur la carte la plus récente.',
      });
    }
    await sleep(200);
    expect(stub.posts('chat.update')).toHaveLength(1);
    expect(stub.posts('chat.postMessage')).toHaveLength(1);
    // The triage is where it was: the current card's option moves it to step 3.
    await slack.click(buttonOf(step2, 'Pas de code'), on, tech);
    expect(textOf(await nth(stub, 'chat.update', 1))).toContain('Étape 3');
  });

  it('answers a click on a card whose triage expired with one private line, and changes nothing', async () => {
    const root = '1700300200.000100';
    const { card, on } = await startInThread(root);
    ahead = 31 * 60_000;
    await slack.click(buttonOf(card, 'Oui, il se charge'), on, tech, 'expired');
    const [line] = await waitFor(() => stub.responses('expired').length > 0 && stub.responses('expired'));
    expect(line?.body.text).toBe(
      'Ce diagnostic guidé est terminé ou a expiré : rien n’a changé. Tapez « diagnostic » pour en lancer un autre.',
    );
    await sleep(200);
    expect(stub.posts('chat.update')).toHaveLength(0);
    expect(stub.posts('chat.postMessage')).toHaveLength(1);
  });

  it('leaves the trail on the card when the triage is stopped, and posts nothing else', async () => {
    const root = '1700300300.000100';
    const { card, on } = await startInThread(root);
    await slack.click(buttonOf(card, 'Oui, il se charge'), on, tech);
    await slack.click(buttonOf(await nth(stub, 'chat.update', 0), 'Arrêter'), on, tech);
    const stopped = await nth(stub, 'chat.update', 1);
    expect(textOf(stopped)).toContain('✓ Le portail d');
    expect(textOf(stopped)).toContain('Diagnostic guidé arrêté.');
    expect(JSON.stringify(stopped.body.blocks)).not.toContain('"button"');
    await sleep(200);
    expect(stub.posts('chat.postMessage')).toHaveLength(1);
  });

  it('replaces a private card through its response_url', async () => {
    await slack.command('diagnostic échec de connexion SSO', 'C7', 'U7', 'p1');
    const [card] = await waitFor(() => stub.responses('p1').length > 0 && stub.responses('p1'));
    await slack.click(
      buttonOf(card as never, 'Oui, il se charge'),
      { channel: 'C7', private: true, responseId: 'p2' },
      { id: 'U7' },
    );
    const [step2] = await waitFor(() => stub.responses('p2').length > 0 && stub.responses('p2'));
    expect(step2?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(textOf(step2 as never)).toContain('Étape 2');
    expect(textOf(step2 as never)).toContain('→ Oui, il se charge');
    expect(stub.posts('chat.postMessage')).toHaveLength(0);
  });
});
