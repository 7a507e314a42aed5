import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PASTE_QUIET_MS, runTerminalChat } from '../../../adapters/terminal/chat.js';
import { realBot } from '../../support/bot.js';

/** A terminal: stdin that says it is a TTY, stdout collected. */
function terminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let screen = '';
  output.on('data', (c) => {
    screen += String(c);
  });
  const done = runTerminalChat(realBot(), input, output);
  return { input, screen: () => screen, done };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const LOG = [
  '2026-11-30 08:12:44 ERROR [activation] POST /validate -> 400 {"errorCode":200039}',
  '[11:02:33] ACS callEndReason {code: 487, subCode: 0}',
  'Event ID 20017 LS UCWA Warning pool01',
].join('\n');

describe('terminal chat', () => {
  it('takes a pasted three-line log as one message: one reply with three findings', async () => {
    const t = terminal();
    t.input.write(`${LOG}\n`);
    await sleep(PASTE_QUIET_MS * 10);
    t.input.end();
    await t.done;
    const screen = t.screen();
    expect(screen.match(/constats/g)).toHaveLength(1);
    expect(screen).toContain(
      '3 constats : Webex pour Cisco BroadWorks 200039, Azure Communication Services 487, Skype Entreprise Server 20017',
    );
    expect(screen).toContain('Ligne : [11:02:33] ACS callEndReason {code: 487, subCode: 0}');
  });

  it('answers lines typed one by one separately', async () => {
    const t = terminal();
    t.input.write('200039\n');
    await sleep(PASTE_QUIET_MS * 5);
    t.input.write('20017\n');
    await sleep(PASTE_QUIET_MS * 5);
    t.input.end();
    await t.done;
    expect(t.screen()).toContain('Webex pour Cisco BroadWorks — 200039');
    expect(t.screen()).toContain('Skype Entreprise Server (UCWA) — 20017');
    expect(t.screen()).not.toContain('constats');
  });

  it('keeps a French conversation French after an English log line', async () => {
    const t = terminal();
    t.input.write("l'utilisateur ne voit pas l'icône d'appel\n");
    await sleep(PASTE_QUIET_MS * 5);
    t.input.write('2026-11-30 09:00:01 ERROR user failed to sign in, errorCode=100006\n');
    await sleep(PASTE_QUIET_MS * 5);
    t.input.end();
    await t.done;
    const second = t.screen().split('100006')[2] ?? '';
    expect(second).toContain('Action :');
    expect(second).not.toMatch(/Action:|Source:|Confidence/);
  });
});

describe('reply language', () => {
  const bot = realBot();
  const conversation = { platform: 'test', workspace: 'w', channel: 'c', thread: 'lang' };
  it('follows the person’s words, not log text or code names, and the platform locale by default', async () => {
    const log = await bot.handle({
      conversation: { ...conversation, thread: 'log' },
      text: 'ERROR [auth] user sign in failed errorCode=100006',
    });
    expect(log.language).toBe('fr');
    const english = await bot.handle({
      conversation: { ...conversation, thread: 'en' },
      text: 'user gets error 100006 when signing in',
    });
    expect(english.language).toBe('en');
    const teams = await bot.handle({
      conversation: { ...conversation, thread: 'loc' },
      text: '100006',
      locale: 'en',
    });
    expect(teams.language).toBe('en');
  });

  it('keeps the conversation’s language when the next message has no human words', async () => {
    await bot.handle({ conversation, text: 'what does event 20025 mean on the Skype server' });
    const next = await bot.handle({ conversation, text: 'Event ID: 20017' });
    expect(next.language).toBe('en');
  });
});
