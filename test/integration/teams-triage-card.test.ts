import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { mountTeams } from '../../adapters/teams/mount.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { cardProblems } from '../support/adaptive-cards.js';
import { realBot } from '../support/bot.js';
import { ConnectorStub } from '../support/connector-stub.js';
import {
  buttonOf,
  type Card,
  cardOfCall,
  personalChat,
  TeamsClient,
  type TeamsUser,
  textsOf,
} from '../support/teams-client.js';

/** A guided triage in Teams updates its card in place: through the real CloudAdapter and the Bot Connector stub. */
const connector = new ConnectorStub();
let http: HttpServer;
const jean: TeamsUser = { id: '29:jean', name: 'Jean Tech', aadObjectId: 'aad-jean' };
let client: TeamsClient;

beforeAll(async () => {
  await connector.start();
  http = createHttpServer(createLogger('silent'));
  mountTeams(
    http.app,
    { appType: 'MultiTenant', allowUnauthenticated: true },
    { bot: realBot(), state: new MemoryState(), logger: createLogger('silent') },
  );
  http.markReady();
  const base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  client = new TeamsClient(() => base, connector);
});
afterAll(async () => {
  await http.close();
  await connector.stop();
});
beforeEach(() => {
  connector.calls.length = 0;
});

let chats = 0;

describe('a guided triage in Teams updates its card in place', () => {
  it('leaves one triage card updated 5 times, plus the result, for a 5-step triage', async () => {
    const place = personalChat(`a:walk-${++chats}`);
    await client.say(place, jean, 'diagnostic connexion SSO');
    expect(connector.calls).toHaveLength(1);
    const card = responseIdOf(0);
    let current = cardOfCall(connector.calls[0]);
    expect(cardProblems(current)).toEqual([]);
    for (const label of ['Oui, il se charge', 'Pas de code', 'Oui', 'Oui', 'Non']) {
      await client.click(place, jean, buttonOf(current, label).data, card);
      current = cardOfCall(connector.calls.findLast((c) => c.method === 'PUT'));
      expect(cardProblems(current)).toEqual([]);
    }
    const puts = connector.sent('PUT');
    const posts = connector.sent('POST');
    expect(puts).toHaveLength(5);
    expect(posts).toHaveLength(2);
    for (const put of puts)
      expect(put.path).toBe(`/v3/conversations/${place.conversation.id}/activities/${card}`);
    // The card keeps the trail of the answers given; the result is a new message.
    const trail = textsOf(cardOfCall(puts.at(-1)));
    expect(trail.join('\n')).toContain('Vos réponses :');
    expect(trail.join('\n').match(/^✓ /gm)).toHaveLength(5);
    expect(trail.at(-1)).toBe('Résultat ci-dessous.');
    expect(buttonsCount(cardOfCall(puts.at(-1)))).toBe(0);
    const step3 = textsOf(cardOfCall(puts[1])).join('\n');
    expect(step3).toContain('Étape 3');
    expect(step3.match(/^✓ /gm)).toHaveLength(2);
    const result = cardOfCall(posts[1]);
    expect(textsOf(result).join('\n')).toContain('Le guide ne donne pas de correctif pour ce cas');
    expect(cardProblems(result)).toEqual([]);
  });

  it('answers a click on a stale card with one line and changes nothing', async () => {
    const place = personalChat(`a:stale-${++chats}`);
    await client.say(place, jean, 'diagnostic connexion SSO');
    const card = responseIdOf(0);
    const step1 = cardOfCall(connector.calls[0]);
    await client.click(place, jean, buttonOf(step1, 'Oui, il se charge').data, card);
    connector.calls.length = 0;
    // The same card clicked again on its first step (a second device, a double click): one line.
    await client.click(place, jean, buttonOf(step1, 'Non, il ne se charge pas').data, card);
    expect(connector.sent('PUT')).toHaveLength(0);
    expect(connector.calls.map((c) => c.activity.text)).toEqual([
      'Cette carte du diagnostic n’est plus à jour : rien n’a changé. Continuez sur la carte la plus récente.',
    ]);
    // A new triage makes the first card stale, whatever its buttons say.
    await client.say(place, jean, 'diagnostic connexion SSO');
    const second = responseIdOf(1);
    connector.calls.length = 0;
    await client.click(place, jean, { kind: 'triage-control', control: 'restart', l: 'fr' }, card);
    expect(connector.calls).toHaveLength(1);
    expect(connector.calls[0]?.activity.text).toContain('n’est plus à jour');
    // The live card stopped: its trail stays, and a click on it afterwards says the triage is over.
    await client.click(place, jean, { kind: 'triage-control', control: 'stop', l: 'fr' }, second);
    expect(connector.sent('PUT').map((c) => textsOf(cardOfCall(c)).at(-1))).toEqual([
      'Diagnostic guidé arrêté.',
    ]);
    connector.calls.length = 0;
    await client.click(place, jean, { kind: 'triage-control', control: 'back', l: 'fr' }, second);
    expect(connector.calls.map((c) => [c.method, c.activity.text])).toEqual([
      [
        'POST',
        'Ce diagnostic guidé est terminé ou a expiré : rien n’a changé. Tapez « diagnostic » pour en lancer un autre.',
      ],
    ]);
  });
});

/** The id the stub answered for the i-th call it recorded. */
function responseIdOf(i: number): string {
  const id = connector.calls[i]?.id;
  if (!id) throw new Error(`no call ${i}`);
  return id;
}
const buttonsCount = (card: Card) => JSON.stringify(card).split('"Action.').length - 1;
