import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PASTE_QUIET_MS, runTerminalChat } from '../../../adapters/terminal/chat.js';
import { MemoryCaseStore, TriageBot } from '../../../src/index.js';
import { realBot } from '../../support/bot.js';

/** The terminal walks the case flow: "escalader" asks the checklist as prompts, then gives the case's number. */
async function chat(lines: string[], options: { tty?: boolean } = {}) {
  const shared = realBot();
  const store = new MemoryCaseStore();
  const bot = new TriageBot(shared.library, shared.index, { cases: store });
  const input = Object.assign(new PassThrough(), { isTTY: options.tty ?? false });
  const output = new PassThrough();
  let screen = '';
  output.on('data', (c) => {
    screen += String(c);
  });
  const done = runTerminalChat(bot, input, output);
  for (const line of lines) {
    input.write(`${line}\n`);
    // A person types one line at a time: never two within the paste window.
    if (options.tty) await new Promise((r) => setTimeout(r, PASTE_QUIET_MS * 5));
  }
  input.end();
  await done;
  return { screen, store };
}

describe('escalating in the terminal chat', () => {
  it('after an answer: "escalader" prompts the checklist, an empty line skips one, and ends with "Dossier N ouvert"', async () => {
    const { screen, store } = await chat(
      ['200039', 'escalader', '', 'jean@exemple.fr', 'ORG-42', '', 'Windows 44.10', '', ''],
      { tty: true },
    );
    expect(screen).toContain('Ouvrir un dossier — 200039 : Échec de la validation');
    expect(screen).toContain('[1/7] Résumé : (ligne vide : garder)\n  200039');
    expect(screen).toContain("[3/7] Identifiant de l'organisation : (ligne vide : passer)");
    expect(screen).toContain(
      "[7/7] Enregistrez l'ID de suivi s'il est affiché sur le client : (ligne vide : passer)",
    );
    expect(screen).toContain('\nDossier 1 ouvert\n');
    expect(screen).toContain('Aucun canal d’experts n’est configuré : transmettez-leur cette fiche.');
    const [opened] = await store.list();
    expect(opened).toMatchObject({ id: 1, summary: '200039', product: 'webex-broadworks' });
    expect(opened?.checklist.map((c) => c.answer)).toEqual([
      'jean@exemple.fr',
      'ORG-42',
      null,
      'Windows 44.10',
      null,
      null,
    ]);
    // Back to the chat afterwards.
    expect(screen.trimEnd().endsWith('Au revoir.')).toBe(true);
  });

  it('from a guided triage: the form shows its path; left (Ctrl-D) before its last item, nothing is opened', async () => {
    const { screen, store } = await chat([
      'diagnostic provisionnement',
      'certains',
      'escalader',
      'Provisionnement KO pour 3 utilisateurs, code 409',
      'jean@exemple.fr',
    ]);
    expect(screen).toContain('Ouvrir un dossier — Échecs de provisionnement');
    expect(screen).toContain('Parcours : 1. Le provisionnement échoue-t-il pour tous les utilisateurs');
    expect(await store.list()).toEqual([]);
  });

  it('counts every prompt of a triage’s form and opens the case once answered', async () => {
    const first = await chat(['diagnostic provisionnement', 'certains', 'escalader']);
    const count = Number(/\[1\/(\d+)\]/.exec(first.screen)?.[1]);
    expect(count).toBeGreaterThan(1);
    const { screen, store } = await chat([
      'diagnostic provisionnement',
      'certains',
      'escalader',
      'Provisionnement KO pour 3 utilisateurs',
      'jean@exemple.fr',
      ...Array.from({ length: count - 2 }, () => ''),
    ]);
    expect(screen).toContain('\nDossier 1 ouvert\n');
    const [opened] = await store.list();
    expect(opened).toMatchObject({
      treeId: 'provisioning',
      summary: 'Provisionnement KO pour 3 utilisateurs',
      path: [{ answer: 'Certains utilisateurs' }],
    });
    expect(opened?.checklist[0]?.answer).toBe('jean@exemple.fr');
  });

  it('says there is nothing to escalate before any question', async () => {
    const { screen } = await chat(['escalader']);
    expect(screen).toContain('Rien à escalader pour l’instant');
  });
});
