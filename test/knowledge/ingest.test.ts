import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';
import { DEFAULT_KNOWLEDGE_DIR, type KnowledgeBase } from '../../src/knowledge/kb.js';
import { lintKnowledgeBase } from '../../src/knowledge/lint.js';
import { repairMojibake } from '../../src/knowledge/mojibake.js';
import type { CodeEntry, Entry, SectionEntry } from '../../src/knowledge/types.js';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = buildKnowledgeBase();
});

const source = (file: string) => readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'sources', file), 'utf8');
const codes = (code: string) =>
  kb.entries.filter((e): e is CodeEntry => e.kind === 'code' && e.code === code);
const one = (code: string) => {
  const found = codes(code);
  expect(found).toHaveLength(1);
  return found[0] as CodeEntry;
};
const section = (title: string) =>
  kb.entries.find((e): e is SectionEntry => e.kind === 'section' && e.title === title);
const allText = (e: Entry) =>
  e.kind === 'code' ? [e.message, e.cause, e.action, e.section].join('\n') : [e.title, e.body].join('\n');

describe('Webex guide: tables split by the PDF extraction', () => {
  it('stitches the action of 200043 that continues in the next table', () => {
    expect(one('200043').action).toBe(
      "L'utilisateur doit réessayer avec une adresse e-mail différente.\nSinon, l'administrateur doit supprimer l'autre utilisateur qui utilise cette adresse e-mail.",
    );
  });

  it('stitches both the message and the action of 200039 across the page break', () => {
    const entry = one('200039');
    expect(entry.message).toBe(
      "Échec de la validation de l'e-mail en tant qu'emailId déjà utilisé dans une autre organisation",
    );
    expect(entry.action).toContain(
      "L'utilisateur doit réessayer de s'intégrer au même lien de vérification, mais en utilisant un ID utilisateur BroadWorks différent.",
    );
    expect(entry.lines[1]).toBeGreaterThan(entry.lines[0]);
  });

  it('keeps the whole action of 100006, whose second half sits in the next table', () => {
    const action = one('100006').action ?? '';
    expect(action).toMatch(/^Vérifiez que l'utilisateur utilise le bon mot de passe\./);
    expect(action).toContain('saisir son mot de passe BroadWorks "Web Access"');
    expect(action).toMatch(/caractères majuscules et minuscules\.$/);
  });

  it('finds the directory-sync codes under the bold line that is not a heading', () => {
    const entry = one('600014');
    expect(entry.message).toBe(
      "La synchronisation des utilisateurs de l'annuaire externe Broadworks a échoué lors de la tentative de connexion au cluster Broadworks. Erreur de Broadworks - %s.",
    );
    expect(entry.section).toBe("Codes d'erreur pour la synchronisation d'annuaire");
    expect(entry.action).toBeNull();
    const sync = kb.entries.filter((e) => e.kind === 'code' && /^600\d{3}$/.test(e.code));
    expect(sync).toHaveLength(28);
  });

  it('turns the provisioning bridge responses into codes of their own section', () => {
    const entry = one('409');
    expect(entry.product).toBe('webex-broadworks');
    expect(entry.section).toBe('409 Conflit');
    expect(entry.cause).toMatch(/^La demande de provisionnement ne peut pas continuer/);
  });

  it('folds junk headings from screenshots into their parent section', () => {
    const titles = kb.entries.flatMap((e) => e.sectionPath);
    for (const junk of ['Procédure', 'User Details', 'Cisco Systems Inc', 'Remarque']) {
      expect(titles).not.toContain(junk);
    }
    // The entitlement list shown under the "User Details" screenshot stays in the procedure.
    const procedure = section(
      "Vérifier le comportement d'appel d'un utilisateur et les droits d'accès au connecteur",
    );
    expect(procedure?.body).toContain('"broadworks-connector"');
    expect(procedure?.steps).toHaveLength(5);
  });

  it('keeps the guide readable after the code fence the export opened on a bullet line', () => {
    const later = section("Appareil de bureau non configuré pour l'utilisateur");
    expect(later?.body).toContain('Business Communicator - PC');
    expect(section("Mauvaise configuration du service d'authentification")?.body).toContain(
      'AllowClientApp = vrai',
    );
  });

  it('lists the numbered steps of a procedure', () => {
    expect(section('Escalader un problème')?.steps).toEqual([
      "Étape 1 Collectez autant d'informations que possible à partir des systèmes liés au problème",
      "Étape 2 Contactez l'équipe appropriée de Cisco pour ouvrir un dossier (voir Contacts section)",
    ]);
  });
});

describe('Azure Communication Services: mojibake and grouped codes', () => {
  it('repairs the Mac Roman mojibake only where the text is corrupted', () => {
    expect(repairMojibake('R√©solution des probl√®mes')).toBe('Résolution des problèmes');
    expect(repairMojibake('Déjà propre : é, à, ’')).toBe('Déjà propre : é, à, ’');
    expect(one('404').message).toBe('Appel introuvable.');
    expect(section('Obtenir de l’aide')?.body).toContain('ID MS-CV');
  });

  it('gives one entry per code of a row that lists several codes', () => {
    for (const code of ['490', '491', '496', '498']) {
      const entry = one(code);
      expect(entry.message).toBe('Problèmes de réseau de point de terminaison local.');
      expect(entry.action).toBe('Vérifiez votre réseau.');
    }
    expect(codes('503')[0]?.action).toBe('Soumettez une demande de support via le portail Azure.');
  });

  it('keeps both meanings of 487, which is listed twice', () => {
    const meanings = codes('487').map((e) => e.message);
    expect(meanings).toHaveLength(2);
    expect(meanings[0]).toMatch(/^Appel annulé, refusé localement/);
    expect(meanings[1]).toBe('Problèmes de réseau de point de terminaison local.');
    expect(new Set(codes('487').map((e) => e.id)).size).toBe(2);
  });

  it('has 403 in two products', () => {
    expect(
      codes('403')
        .map((e) => e.product)
        .sort(),
    ).toEqual(['azure-communication-services', 'webex-broadworks']);
  });
});

describe('Skype UCWA events: <br/> cells and anchors', () => {
  it('splits "Cause et résolution" into a cause and an action, with the event type as severity', () => {
    const entry = one('20004');
    expect(entry.product).toBe('skype-ucwa');
    expect(entry.severity).toBe('Erreur');
    expect(entry.message).toBe('Impossible d’Exchange la photo HD');
    expect(entry.cause).toBe('La connexion à Exchange n’est pas disponible');
    expect(entry.action).toBe('Assurez-vous que la connexion à Exchange est disponible');
    expect(entry.section).toBe('Événements UCWA dans Skype Entreprise Server');
  });

  it('never invents an action where the source says N/A', () => {
    const entry = one('20001');
    expect(entry.severity).toBe('Informatif');
    expect(entry.cause).toBeNull();
    expect(entry.action).toBeNull();
  });

  it('has every event ID from 20001 to 20027', () => {
    for (let id = 20001; id <= 20027; id++) expect(codes(String(id))).toHaveLength(1);
  });
});

describe('the whole knowledge base', () => {
  it('passes kb lint: no mojibake, no <br/>, no <a name, no **, no junk title, no dangling overlay', () => {
    expect(lintKnowledgeBase(kb)).toEqual([]);
    for (const entry of kb.entries) {
      expect(allText(entry)).not.toMatch(/√©|‚Äô|<br\/>|<a name|\*\*/);
    }
  });

  it('refuses a synonym listed in two groups (the second group would silently lose it)', () => {
    const synonyms = [...kb.overlays.synonyms, ['introuvable', 'missing call']];
    const problems = lintKnowledgeBase({ ...kb, overlays: { ...kb.overlays, synonyms } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/"introuvable" is in group \d+ and group \d+/);
    // Compared folded, as the normaliser keys them: "désolé" and "DESOLE" are one word.
    const folded = [...kb.overlays.synonyms, ['DESOLE', 'pardon']];
    expect(lintKnowledgeBase({ ...kb, overlays: { ...kb.overlays, synonyms: folded } })).toHaveLength(1);
  });

  it('cites the source file and a line range that holds the code', () => {
    for (const entry of kb.entries.filter((e): e is CodeEntry => e.kind === 'code')) {
      const lines = source(entry.source)
        .split('\n')
        .slice(entry.lines[0] - 1, entry.lines[1])
        .join('\n');
      expect(lines, entry.id).toContain(entry.code);
    }
  });

  it('maps every numeric code cell of the sources to exactly one entry (property)', () => {
    // The oracle reads the raw files: a table row whose first cell holds numbers is a code cell.
    const cells: { file: string; line: number; code: string }[] = [];
    for (const file of [
      'skype-ucwa-events.md',
      'azure-communication-services-troubleshooting.md',
      'webex-broadworks-troubleshooting.md',
    ]) {
      source(file)
        .split('\n')
        .forEach((text, index) => {
          const first = /^\|([^|]*)\|/.exec(text)?.[1] ?? '';
          for (const code of first.match(/\b\d{3,6}\b/g) ?? []) cells.push({ file, line: index + 1, code });
        });
    }
    expect(cells.length).toBe(27 + 17 + 53);
    fc.assert(
      fc.property(fc.constantFrom(...cells), (cell) => {
        const matching = kb.entries.filter(
          (e) =>
            e.kind === 'code' &&
            e.code === cell.code &&
            e.source === cell.file &&
            e.lines[0] <= cell.line &&
            cell.line <= e.lines[1],
        );
        return matching.length === 1;
      }),
      { numRuns: 300 },
    );
  });

  it('fails the build on an overlay that points at a missing entry', async () => {
    const { mkdtempSync, cpSync, appendFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    appendFileSync(
      join(dir, 'overlays', 'followups.yaml'),
      '  webex-999999: [webex/escalader-un-probleme]\n',
    );
    expect(() => buildKnowledgeBase(dir)).toThrow(/related\.webex-999999 names no entry/);
  });
});
