import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PASTE_QUIET_MS, runTerminalChat, terminalLocale } from '../../../adapters/terminal/chat.js';
import { TriageBot } from '../../../src/app/triage-bot.js';
import { FeedbackRecorder } from '../../../src/feedback/recorder.js';
import { usageReport } from '../../../src/feedback/usage.js';
import type { Language } from '../../../src/text/language.js';
import { realBot } from '../../support/bot.js';
import { MemoryFeedbackStore } from '../../support/feedback.js';

/** A terminal: stdin that says it is a TTY, stdout collected. */
function terminal(bot: TriageBot = realBot(), locale?: Language) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let screen = '';
  output.on('data', (c) => {
    screen += String(c);
  });
  const done = runTerminalChat(bot, input, output, locale);
  return { input, screen: () => screen, done };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A bot of its own: a terminal is one process, one conversation, one person. */
const freshBot = () => new TriageBot(realBot().library, realBot().index);

/**
 * A person typing these lines one at a time, each after the previous reply: what each reply said,
 * in order (the screen cut at each prompt).
 */
async function typed(lines: string[], bot = freshBot(), locale?: Language): Promise<string[]> {
  const t = terminal(bot, locale);
  for (const line of lines) {
    const before = t.screen().split('uc-triage> ').length;
    t.input.write(`${line}\n`);
    // The reply is on screen when the next prompt is.
    for (let waited = 0; t.screen().split('uc-triage> ').length === before && waited < 10_000; waited += 20)
      await sleep(20);
  }
  t.input.end();
  await t.done;
  return t.screen().split('uc-triage> ').slice(1);
}

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

describe('the terminal’s rough edges (issue 23)', () => {
  it('"+" after a triage’s fix rates that fix, once; a second "+" rates nothing and says so', async () => {
    const store = new MemoryFeedbackStore();
    const recorder = new FeedbackRecorder(store, 'k', { warn: () => {}, error: () => {} });
    const bot = new TriageBot(realBot().library, realBot().index, { recorder });
    const replies = await typed(['diagnostic provisionnement', 'certains', '409', 'oui', '+', '+', '-'], bot);
    expect(replies[3]).toContain('Résultat : Utilisateur déjà dans CI');
    expect(replies[3]).toContain('(+ utile · - pas utile)');
    expect(replies[4]).toContain('Merci, c’est noté.');
    expect(replies[5]).toContain('Cette réponse est déjà notée, merci.');
    expect(replies[6]).toContain('Cette réponse est déjà notée, merci.');
    await recorder.flush();
    const ratings = store.saved.filter((e) => e.type === 'feedback');
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ useful: true, entry: 'webex/utilisateur-deja-dans-ci' });
  });

  it('after "-", offers the two reasons as numbers; "2" records why, once, and the answer stays rated', async () => {
    const store = new MemoryFeedbackStore();
    const recorder = new FeedbackRecorder(store, 'k', { warn: () => {}, error: () => {} });
    const bot = new TriageBot(realBot().library, realBot().index, { recorder });
    const replies = await typed(['200039', '-', '2', '+'], bot);
    expect(replies[1]).toContain(
      [
        'Merci, c’est noté : cela aide à améliorer les réponses.',
        'Qu’est-ce qui n’allait pas ?',
        '  1) Pas le bon sujet',
        '  2) Bon sujet, mais ne répond pas',
        'Facultatif : Entrée (ou une autre question) pour passer.',
      ].join('\n'),
    );
    expect(replies[2]).toContain('Merci, la raison est notée.');
    expect(replies[3]).toContain('Cette réponse est déjà notée, merci.');
    await recorder.flush();
    expect(store.saved.filter((e) => e.type === 'feedback')).toMatchObject([
      { useful: false, entry: 'webex-200039' },
      { useful: false, entry: 'webex-200039', reason: 'does-not-answer' },
    ]);
    const usage = usageReport(store.saved, new Date(Date.now() - 3_600_000), new Date(), () => true);
    expect(usage.notHelpful).toMatchObject([{ id: 'webex-200039', count: 1, doesNotAnswer: 1 }]);
  });

  it('after "-", an empty line or anything else skips the reasons: the numbers are the answer’s again', async () => {
    const store = new MemoryFeedbackStore();
    const recorder = new FeedbackRecorder(store, 'k', { warn: () => {}, error: () => {} });
    const bot = new TriageBot(realBot().library, realBot().index, { recorder });
    const skipped = await typed(['200039', '-', '', '1'], bot);
    expect(skipped[0]).toContain("  1) L'adresse e-mail existe-t-elle déjà dans Common Identity");
    // "1" after the empty line is the answer's first follow-up, not "Pas le bon sujet".
    expect(skipped[3]).toContain('Webex pour Cisco BroadWorks — Utilisateur déjà dans CI');
    const asked = await typed(['200039', '-', '20017'], bot);
    expect(asked[2]).toContain('Skype Entreprise Server (UCWA) — 20017');
    await recorder.flush();
    expect(store.saved.filter((e) => e.type === 'feedback' && e.reason)).toEqual([]);
  });

  it('says there is nothing to rate when nothing was answered, in the conversation’s language', async () => {
    const replies = await typed(['+', 'what does error 200039 mean?', '+', '+']);
    expect(replies[0]).toContain('Il n’y a pas de réponse à évaluer ici');
    expect(replies[2]).toContain('Thanks, noted.');
    expect(replies[3]).toContain('This answer is already rated, thanks.');
  });

  it('numbers a paused triage’s options as the step numbers them, and the same on "reprendre"', async () => {
    const replies = await typed(["diagnostic icône d'appel", '200039', 'reprendre', '200039', '1']);
    const options = (reply: string | undefined) => reply?.slice(reply.indexOf('Diagnostic guidé'));
    // Issue 23: after an off-script answer the options read "2) Oui … 3) Non"; "1" asked the follow-up.
    expect(options(replies[1])).toContain("  1) Oui, elle est là\n  2) Non, pas d'icône");
    expect(options(replies[2])).toContain("  1) Oui, elle est là\n  2) Non, pas d'icône");
    expect(replies[1]).toMatch(/Questions de suivi :\n {2}6\) L'adresse e-mail/);
    // "1" after an off-script answer is the step's first option, as it is in Slack and Teams.
    expect(replies[4]).toContain('Étape 2 : Dans Paramètres/Préférences > Services téléphoniques');
  });

  it('answers "bonjour" and "merci" with a word back, not the usage text', async () => {
    const replies = await typed(['bonjour', 'merci !', 'thanks a lot']);
    expect(replies[0]).toContain('Bonjour ! Envoyez-moi un code d’erreur');
    expect(replies[1]).toContain('Avec plaisir !');
    expect(replies[2]).toContain('You’re welcome!'.replace('’', "'"));
    for (const reply of replies.slice(0, 3)) expect(reply).not.toContain('Posez-moi un code');
  });

  it('names every word it understands in its help: the numbers, + and -, and each triage word', async () => {
    const [help] = await typed(['aide']);
    for (const word of [
      'un numéro',
      '+ ou -',
      'après -, 1 ou 2 dit pourquoi',
      'diagnostic [symptôme]',
      '« retour »',
    ])
      expect(help).toContain(word);
    for (const word of ['« reprendre »', '« escalader »', '« arrêter »', '« stop »', 'aide : cette aide'])
      expect(help).toContain(word);
  });

  it('asks "which triage?" with one question mark, and writes "(aucune)" for no log lines', async () => {
    // The provisioning tree (4), some users (2), a 200 the guide gives no fix for: its summary.
    const replies = await typed(['diagnostic', '4', '2', '200 OK']);
    expect(replies[0]).toContain('Quel diagnostic guidé voulez-vous lancer ?\n');
    expect(replies[0]).not.toContain('lancer ? :');
    expect(replies[3]).toContain('Lignes de journal :\n  (aucune)');
  });

  it('answers "comment configurer Zoom ?" with what it covers, and no unrelated lead', async () => {
    const [zoom] = await typed(['comment configurer Zoom ?']);
    expect(zoom).toContain('votre message semble concerner Zoom');
    // Its only choice is to escalate: no lead.
    expect(zoom).not.toContain('Vouliez-vous dire');
    expect(zoom?.match(/\d\) .*/g)).toEqual(['1) Escalader']);
  });

  it('speaks the terminal’s language (LANG) until the person writes a sentence', async () => {
    expect(terminalLocale({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(terminalLocale({ LANG: 'C.UTF-8' })).toBeUndefined();
    expect(terminalLocale({ LC_ALL: 'fr_FR.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
    const t = terminal(freshBot(), 'en');
    t.input.write('200039\n');
    await sleep(PASTE_QUIET_MS * 10);
    t.input.end();
    await t.done;
    expect(t.screen()).toMatch(/^UC Triage — terminal\. Ask an error code/);
    expect(t.screen()).toContain('Follow-up questions:');
    expect(t.screen()).toMatch(/Goodbye\.\n$/);
  });
});
