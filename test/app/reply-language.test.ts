import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../src/app/messages.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { renderText } from '../../src/reply/render-text.js';
import type { Reply } from '../../src/reply/reply.js';
import { realBot } from '../support/bot.js';

/**
 * docs/language.md, row by row: the reply language follows the person, never the log lines, and
 * every string of a reply is in it.
 */
let thread = 0;
/** A bot of its own per test: what it remembers of people starts empty. */
function chat() {
  const shared = realBot();
  const bot = new TriageBot(shared.library, shared.index);
  const conversation = { platform: 'slack', workspace: 'T1', channel: 'C1', thread: `lang-${++thread}` };
  const send = (text: string, more: Partial<IncomingMessage> = {}) =>
    bot.handle({ conversation, text, user: 'U1', ...more });
  const shown = (reply: Reply) => renderText(bot.view(reply, { inlineAlternatives: true })).text;
  return { bot, conversation, send, shown };
}

/** A paste of French log lines: no sentence a person wrote. */
const FRENCH_LOG = [
  '2026-11-30 08:12:44 ERROR [Erreur 18215] Erreur de provisionnement avec le serveur de messagerie',
  '2026-11-30 08:12:45 ERROR échec du provisionnement errorCode=200039',
  'Event ID 20017 LS UCWA Avertissement pool01',
].join('\n');
/** Lines a program wrote in English, without a timestamp: key=value and JSON. */
const ENGLISH_FRAGMENT = [
  'Provisioning failed for user john.doe@example.com, errorCode=200039',
  '{"error": "user could not be validated", "callEndReason": 487}',
].join('\n');

/** The catalogue words of a findings reply, in each language. */
const FRENCH_LABELS = /constats|Ligne :|Détails :|Action :/;
const ENGLISH_LABELS = /findings|Line:|Details:|Action:/;

describe('the reply language (docs/language.md)', () => {
  it('1. a sentence: its language, remembered as the person’s', async () => {
    const { send } = chat();
    expect((await send('what does error 200039 mean?')).language).toBe('en');
    expect((await send('200039')).language).toBe('en');
  });

  it('2. a sentence beside pasted log lines: the sentence’s language', async () => {
    const { send, shown } = chat();
    await send('what does error 200039 mean?');
    const reply = await send(`voici le journal du client :\n${ENGLISH_FRAGMENT}`);
    expect(reply.language).toBe('fr');
    expect(shown(reply)).not.toMatch(ENGLISH_LABELS);
  });

  it('3. only lines a program wrote: the person’s last sentence’s language, never the log’s', async () => {
    const french = chat();
    await french.send("l'icône d'appel a disparu pour un utilisateur");
    const log = await french.send(ENGLISH_FRAGMENT);
    expect(log.language).toBe('fr');
    expect(french.shown(log)).toMatch(FRENCH_LABELS);
    expect(french.shown(log)).not.toMatch(ENGLISH_LABELS);
    const english = chat();
    await english.send('the calling icon is missing for one user');
    const paste = await english.send(FRENCH_LOG);
    expect(paste.language).toBe('en');
    expect(english.shown(paste)).toMatch(/^3 findings: /);
    expect(english.shown(paste)).not.toMatch(FRENCH_LABELS);
  });

  it('4. a code or a word that says neither: the person’s last sentence’s language', async () => {
    const { send } = chat();
    await send('users cannot sign in since this morning');
    expect((await send('100006')).language).toBe('en');
    expect((await send('ok')).language).toBe('en');
  });

  it('5. having said nothing yet: the platform’s locale, else French', async () => {
    expect((await chat().send('200039', { locale: 'en' })).language).toBe('en');
    expect((await chat().send(ENGLISH_FRAGMENT, { locale: 'en' })).language).toBe('en');
    expect((await chat().send(ENGLISH_FRAGMENT)).language).toBe('fr');
  });

  it('6. a greeting or thanks alone: the language of its words, remembered', async () => {
    const { send, shown } = chat();
    const hello = await send('hello!');
    expect(hello).toEqual({ kind: 'courtesy', language: 'en', courtesy: 'greeting' });
    expect(shown(hello)).toBe('Hello! Send me an error code, a log line or a symptom ("help" for examples).');
    expect((await send('200039')).language).toBe('en');
    const thanks = await send('merci beaucoup');
    expect(shown(thanks)).toBe(
      'Avec plaisir ! Si le problème revient, envoyez-moi son code ou son symptôme.',
    );
  });

  it('7. "Diagnostiquer ce message": the person’s language, never the diagnosed message’s', async () => {
    // Issue 23: the shortcut on an English-looking log fragment answered in English.
    const someone = chat();
    const diagnosis = await someone.send('', { action: { kind: 'diagnose', text: ENGLISH_FRAGMENT } });
    expect(diagnosis.language).toBe('fr');
    expect(someone.shown(diagnosis)).toMatch(/^2 constats : /);
    const english = chat();
    await english.send('which code means the user is already in CI?');
    const theirs = await english.send('', { action: { kind: 'diagnose', text: FRENCH_LOG } });
    expect(theirs.language).toBe('en');
    // Nor does a diagnosed message change what the person speaks.
    await someone.send('', { action: { kind: 'diagnose', text: 'the user cannot sign in at all' } });
    expect((await someone.send('200039')).language).toBe('fr');
  });

  it('8. a button: the language of the reply it is on; a follow-up is shown and asked in it', async () => {
    const { bot, send, shown } = chat();
    const answer = await send('what does error 200039 mean?');
    const followUp = bot
      .view(answer)
      .blocks.flatMap((b) => ('buttons' in b ? b.buttons : []))
      .find((b) => b.action.kind === 'ask');
    const english = 'Does the email address already exist in Common Identity (user already in CI)?';
    expect(followUp?.text ?? followUp?.label).toBe(english);
    expect(shown(answer)).not.toMatch(/Questions de suivi|Common Identity \(utilisateur/);
    if (!followUp) throw new Error('no follow-up');
    const asked = await send('', { action: followUp.action });
    expect(asked.language).toBe('en');
    expect(asked.kind === 'answer' && asked.answer.query).toBe(english);
    expect(asked.kind === 'answer' && asked.answer.results[0]?.id).toBe('webex/utilisateur-deja-dans-ci');
    // A French reply's button stays French, whatever the person said last.
    const french = await send('', { action: { kind: 'pick', id: 'webex-200039', l: 'fr' } });
    expect(french.language).toBe('fr');
  });

  it('9. in a conversation where someone else wrote in another language: the person’s own', async () => {
    // Issue 23: one English sentence switched the whole conversation to English, the next French paste included.
    const { send, shown } = chat();
    expect((await send('what does error 200039 mean?', { user: 'U1' })).language).toBe('en');
    const paste = await send(FRENCH_LOG, { user: 'U2' });
    expect(paste.language).toBe('fr');
    expect(shown(paste)).toMatch(/^3 constats : /);
    expect(shown(paste)).not.toMatch(ENGLISH_LABELS);
    expect((await send('20017', { user: 'U1' })).language).toBe('en');
  });
});
