import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildLibrary } from '../../src/app/build-library.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { kbLint, kbStats } from '../../src/cli/kb.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/kb.js';
import { renderText } from '../../src/reply/render-text.js';

/**
 * docs/knowledge-base.md, "Adding a source document", step by step, for a guide of procedures
 * with no code table under a new product: data only (the file, sources.yaml without `columns`,
 * a product alias, English match text), no code edit.
 */
let bot: TriageBot;
let dir: string;
const yaml = (file: string) => parse(readFileSync(join(dir, file), 'utf8'));
const save = (file: string, data: unknown) => writeFileSync(join(dir, file), stringify(data));

beforeAll(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'uc-kb-')), 'knowledge');
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  // 1. The document, verbatim, in sources/, described in SOURCES.md.
  cpSync(
    new URL('../fixtures/table-less-guide/orion-softphone-guide.md', import.meta.url),
    join(dir, 'sources', 'orion-softphone-guide.md'),
  );
  appendFileSync(
    join(dir, 'sources', 'SOURCES.md'),
    "| orion-softphone-guide.md | Guide de dépannage d'Orion Softphone | Orion Softphone, `orion-softphone` | test fixture | none |\n",
  );
  // 2. The product and the source in sources.yaml: no `columns`, the guide has no code table.
  const registry = yaml('sources.yaml');
  registry.products.push({ id: 'orion-softphone', label: { fr: 'Orion Softphone', en: 'Orion Softphone' } });
  registry.sources.push({
    id: 'orion',
    file: 'orion-softphone-guide.md',
    product: 'orion-softphone',
    title: "Guide de dépannage d'Orion Softphone",
  });
  save('sources.yaml', registry);
  // 4. Its aliases, and the English match text every entry needs (kb lint refuses an entry without).
  const products = yaml('overlays/products.yaml');
  products.products['orion-softphone'] = { aliases: ['orion', 'orion softphone'], hints: [] };
  save('overlays/products.yaml', products);
  const english = yaml('overlays/english.yaml');
  Object.assign(english.entries, {
    'orion/guide-de-depannage-d-orion-softphone': {
      title: 'Orion Softphone troubleshooting guide',
      terms: [],
    },
    'orion/le-softphone-ne-s-enregistre-pas-aupres-du-serveur': {
      title: 'The softphone does not register with the server',
      terms: ['softphone registration fails', 'status icon stays red'],
    },
    'orion/pas-de-son-pendant-les-appels': {
      title: 'No audio during calls',
      terms: ['one-way audio', 'cannot hear the other party'],
    },
    'orion/reinitialiser-le-profil-de-l-application': {
      title: 'Reset the application profile',
      terms: ['corrupted settings', 'reset profile'],
    },
  });
  save('overlays/english.yaml', english);
  bot = new TriageBot(buildLibrary(dir));
});

describe('a guide without code tables, added as data only under a new product', () => {
  it('answers its sections with their procedure and citation', () => {
    const answer = bot.ask("le softphone Orion ne s'enregistre pas auprès du serveur");
    expect(answer.answered).toBe(true);
    expect(answer.results[0]).toMatchObject({
      id: 'orion/le-softphone-ne-s-enregistre-pas-aupres-du-serveur',
      product: 'orion-softphone',
      source: 'orion-softphone-guide.md',
      section: "Le softphone ne s'enregistre pas auprès du serveur",
      lines: [5, 11],
    });
    const text = renderText(bot.view({ kind: 'answer', language: 'fr', answer })).text;
    expect(text).toContain("Orion Softphone — Le softphone ne s'enregistre pas auprès du serveur");
    expect(text).toContain("Contrôlez l'identifiant SIP et le mot de passe saisis dans Paramètres > Compte.");
    expect(text).toContain(
      "Source : Guide de dépannage d'Orion Softphone › Le softphone ne s'enregistre pas auprès du serveur (orion-softphone-guide.md, l. 5-11)",
    );
  });

  it('finds its other sections by their words, in French and in English', () => {
    const sound = bot.ask("Orion : pas de son pendant les appels, l'interlocuteur n'entend rien");
    expect(sound.answered).toBe(true);
    expect(sound.results[0]?.id).toBe('orion/pas-de-son-pendant-les-appels');
    const reset = bot.ask('how do I reset the Orion softphone application profile');
    expect(reset.results[0]?.id).toBe('orion/reinitialiser-le-profil-de-l-application');
  });

  it('names the product in the help text and kb stats, and passes kb lint', async () => {
    const help = renderText(bot.view({ kind: 'help', language: 'fr' })).text;
    expect(help).toContain('Je réponds à partir de 4 guides');
    expect(help).toContain('Skype Entreprise Server (UCWA) et Orion Softphone');
    // 3. kb lint and kb stats: sections only, no code.
    expect(kbStats(bot.library.kb).output).toMatch(/orion-softphone\s+0\s+4/);
    expect((await kbLint(bot.library)).exitCode).toBe(0);
    expect(bot.ask('200039').results[0]?.id).toBe('webex-200039');
  });
});
