import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../src/app/build-library.js';
import { escalationProblems } from '../../src/knowledge/escalation.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/kb.js';
import { newSession } from '../../src/triage/engine.js';
import { escalationText } from '../../src/triage/view.js';
import { realBot } from '../support/bot.js';

/** knowledge/escalation.yaml: what to collect before escalating, quoted from the sources, never invented. */
const { kb, treeList } = realBot();
const products = new Set(kb.products.map((p) => p.id));

describe('the escalation checklists', () => {
  it('names a checklist for every covered product', () => {
    expect(Object.keys(kb.overlays.escalation.products).sort()).toEqual([...products].sort());
    expect(escalationProblems(kb.overlays.escalation, kb.byId, products)).toEqual([]);
  });

  it('refuses an item the entry does not say, an unknown entry or product, an entry of another product', () => {
    const problems = escalationProblems(
      {
        products: {
          'webex-broadworks': { checklist: ['acs/obtenir-de-l-aide', 'webex/nulle-part'] },
          'lync-2010': { checklist: ['ucwa-20002'] },
        },
        items: {
          'acs/obtenir-de-l-aide': [
            'ID MS-CV : cet ID sert à résoudre les problèmes liés aux appels et aux messages.',
            'Numéro de série du casque',
          ],
          'acs/absent': ['x'],
        },
      },
      kb.byId,
      products,
    );
    expect(problems).toEqual([
      'escalation.yaml: products.webex-broadworks names acs/obtenir-de-l-aide, an entry of azure-communication-services',
      'escalation.yaml: products.webex-broadworks names webex/nulle-part, which is no entry',
      'escalation.yaml: products.lync-2010 is not a product of sources.yaml',
      'escalation.yaml: products.lync-2010 names ucwa-20002, an entry of skype-ucwa',
      'escalation.yaml: items.acs/obtenir-de-l-aide: "Numéro de série du casque" is not a line of the entry',
      'escalation.yaml: items.acs/absent names no entry',
    ]);
  });

  it('stops the build when an item is invented', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'uc-esc-')), 'knowledge');
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    writeFileSync(
      join(dir, 'escalation.yaml'),
      'items:\n  webex/quelles-informations-client-collecter: ["Le mot de passe de l\'utilisateur"]\n',
    );
    expect(() => buildLibrary(dir)).toThrow(/"Le mot de passe de l'utilisateur" is not a line of the entry/);
  });

  const summaryOf = (id: string) => {
    const tree = treeList.find((t) => t.id === id);
    if (!tree) throw new Error(`${id} tree missing`);
    return escalationText(kb, tree, newSession(tree, 0), 'fr', null).text;
  };

  it('lists what to collect in a guided triage’s summary, not the forums or the clicks a section also names', () => {
    // Before: the ACS tree's summary asked to collect "Microsoft Q&A" and "Stackoverflow", the
    // sign-in tree's every click in Partner Hub, the provisioning tree's "contact Cisco".
    const text = summaryOf('acs-call-failure');
    expect(text).not.toContain('[ ] Microsoft Q&A');
    expect(text).not.toContain('[ ] Stackoverflow');
    expect(text).toMatch(/\[ \] ID MS-CV\s: cet ID sert à résoudre/);
    expect(text).toMatch(/\[ \] Journaux des appels\s: ces journaux/);
    const signIn = summaryOf('sign-in');
    expect(signIn).toContain('[ ] Étape 3 Obtenez les journaux des clients depuis Partner Hub ou Help Desk');
    expect(signIn).not.toContain('[ ] a. connectez-vous au Partner Hub');
    expect(summaryOf('provisioning')).not.toContain("[ ] Étape 2 Contactez l'équipe appropriée de Cisco");
  });
});
