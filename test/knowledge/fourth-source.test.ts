import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { buildLibrary } from '../../src/app/build-library.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { kbLint } from '../../src/cli/kb.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/kb.js';
import { renderText } from '../../src/reply/render-text.js';

/**
 * Adding a fourth source document with the same table shapes is data only: the file, an entry in
 * sources.yaml (its product and column headers), a product alias and the entries' English match
 * text. No code edit.
 */
let bot: TriageBot;
let dir: string;

beforeAll(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'uc-kb-')), 'knowledge');
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  cpSync(
    new URL('../fixtures/fourth-source/acme-voice-troubleshooting.md', import.meta.url),
    join(dir, 'sources', 'acme-voice-troubleshooting.md'),
  );
  const registry = parse(readFileSync(join(dir, 'sources.yaml'), 'utf8'));
  registry.products.push({ id: 'acme-voice', label: { fr: 'Acme Voice', en: 'Acme Voice' } });
  registry.sources.push({
    id: 'acme',
    file: 'acme-voice-troubleshooting.md',
    product: 'acme-voice',
    title: "Dépannage d'Acme Voice",
    columns: { code: ["Code d'erreur"], message: ['Description'], action: ['Action à effectuer'] },
  });
  writeFileSync(join(dir, 'sources.yaml'), stringify(registry));
  const products = parse(readFileSync(join(dir, 'overlays', 'products.yaml'), 'utf8'));
  products.products['acme-voice'] = { aliases: ['acme', 'acme voice'], hints: ['passerelle acme'] };
  writeFileSync(join(dir, 'overlays', 'products.yaml'), stringify(products));
  // Every entry gets its English match text (kb lint refuses an entry without one).
  const english = parse(readFileSync(join(dir, 'overlays', 'english.yaml'), 'utf8'));
  Object.assign(english.entries, {
    'acme-710001': {
      title: 'The gateway could not reach the registration server',
      terms: ['registrar unreachable'],
    },
    'acme-710002': { title: 'The gateway certificate has expired', terms: ['expired certificate'] },
    'acme-710003': { title: 'The dial plan is empty', terms: ['empty dial plan'] },
    'acme/depannage-d-acme-voice': { title: 'Acme Voice troubleshooting', terms: [] },
    'acme/codes-d-erreur-de-la-passerelle': { title: 'Gateway error codes', terms: [] },
    'acme/collecter-les-journaux-de-la-passerelle': {
      title: 'Collect the gateway logs',
      terms: ['export logs'],
    },
  });
  writeFileSync(join(dir, 'overlays', 'english.yaml'), stringify(english));
  bot = new TriageBot(buildLibrary(dir));
});

describe('a fourth source added as data only', () => {
  it('answers its codes with their own text and citation', () => {
    const answer = bot.ask('erreur 710002 sur la passerelle');
    expect(answer.answered).toBe(true);
    expect(answer.results[0]).toMatchObject({
      product: 'acme-voice',
      code: '710002',
      action: "Renouvelez le certificat dans la console d'administration Acme.",
      source: 'acme-voice-troubleshooting.md',
      section: "Codes d'erreur de la passerelle",
    });
  });

  it('finds its sections by their words, and names the product in replies and help', () => {
    const answer = bot.ask('Acme : comment exporter les journaux de la passerelle');
    expect(answer.results[0]?.id).toBe('acme/collecter-les-journaux-de-la-passerelle');
    const view = bot.view({ kind: 'answer', language: 'fr', answer });
    expect(renderText(view).text).toContain('Acme Voice — Collecter les journaux de la passerelle');
    const help = renderText(bot.view({ kind: 'help', language: 'fr' })).text;
    expect(help).toContain('Je réponds à partir de 4 guides');
    expect(help).toContain('Skype Entreprise Server (UCWA) et Acme Voice');
  });

  it('still answers the three original sources, and passes kb lint', async () => {
    expect(bot.ask('200039').results[0]?.id).toBe('webex-200039');
    expect((await kbLint(bot.library)).exitCode).toBe(0);
  });
});
