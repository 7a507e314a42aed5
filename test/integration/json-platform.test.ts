import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { realBot } from '../support/bot.js';
import { type JsonBlock, jsonPlatform } from '../support/json-platform.js';

/** The fourth platform of the tests drives every reply kind through the view, with no core edit. */
let http: HttpServer;
let base = '';

beforeAll(async () => {
  http = createHttpServer(createLogger('silent'));
  const platform = jsonPlatform(realBot());
  platform.mount(http.app);
  await platform.start();
  http.markReady();
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
});
afterAll(() => http.close());

interface JsonReply {
  kind: string;
  language: string;
  blocks: JsonBlock[];
}

let threads = 0;
async function send(body: Record<string, unknown>): Promise<JsonReply> {
  const res = await fetch(`${base}/json/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'u1', ...body }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as JsonReply;
}
const text = (reply: JsonReply) => JSON.stringify(reply.blocks);
const button = (reply: JsonReply, label: string) => {
  // A button is found by what it says, or by the whole text shown beside it.
  const found = reply.blocks
    .flatMap((b) => b.buttons ?? [])
    .find((b) => b.label.startsWith(label) || b.text?.startsWith(label));
  if (!found) throw new Error(`no button "${label}" in ${text(reply).slice(0, 300)}`);
  return found.value;
};

describe('a fourth platform (JSON over HTTP) built on the view alone', () => {
  it('renders an answer, its alternatives, a picked lead, the full text and a share', async () => {
    const thread = `t${++threads}`;
    const answer = await send({ thread, text: '403', private: true });
    expect(answer.kind).toBe('answer');
    expect(answer.blocks[0]).toMatchObject({ type: 'title' });
    expect(text(answer)).toContain('Source :');
    const alternatives = await send({ thread, button: button(answer, 'Ce n’était pas ça') });
    expect(alternatives.kind).toBe('alternatives');
    const picked = await send({ thread, button: button(alternatives, 'Webex pour Cisco BroadWorks — 403') });
    expect(text(picked)).toContain('correctif (ap373197)');
    const shared = await send({ thread, button: button(answer, 'Partager dans le canal') });
    expect(shared.kind).toBe('answer');
    expect(text(shared)).not.toContain('Partager dans le canal');
    const long = await send({ thread, text: 'analyser les journaux XSP' });
    const full = await send({ thread, button: button(long, 'Texte complet de la section') });
    expect(full.kind).toBe('full-text');
  });

  it('renders help, an honest out-of-scope reply and an unknown code', async () => {
    expect((await send({ thread: 'h', text: 'aide' })).kind).toBe('help');
    expect(text(await send({ thread: 'o', text: 'Zoom Phone : 603 Decline' }))).toContain(
      'semble concerner Zoom',
    );
    expect(text(await send({ thread: 'u', text: '999999' }))).toContain('Je ne connais pas le code 999999');
  });

  it('walks a guided triage with its buttons, answers off-script, escalates and stops', async () => {
    const thread = `t${++threads}`;
    const trees = await send({ thread, text: 'diagnostic' });
    const first = await send({ thread, button: button(trees, 'Échecs de provisionnement') });
    expect(text(first)).toContain('Étape 1');
    const second = await send({ thread, button: button(first, 'Certains utilisateurs') });
    expect(text(second)).toContain('Étape 2');
    const offscript = await send({ thread, text: '200039' });
    expect(offscript.kind).toBe('triage');
    expect(offscript.blocks.some((b) => b.type === 'divider')).toBe(true);
    const form = await send({ thread, button: button(offscript, 'Escalader') });
    expect(form.kind).toBe('case-form');
    expect(text(form)).toContain('Ouvrir un dossier — Échecs de provisionnement');
    expect(text(form)).toContain("[ ] Identifiant de l'organisation");
    const opened = await send({ thread, button: button(form, 'Ouvrir le dossier') });
    expect(opened.kind).toBe('case-opened');
    expect(text(opened)).toMatch(/Dossier \d+ ouvert/);
    await send({ thread, text: 'diagnostic provisionnement' });
    expect(text(await send({ thread, text: 'stop' }))).toContain('Diagnostic guidé arrêté');
  });

  it('refuses a forged button with 400', async () => {
    const res = await fetch(`${base}/json/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'u1', thread: 'x', button: '{"kind":"rm -rf"}' }),
    });
    expect(res.status).toBe(400);
  });
});
