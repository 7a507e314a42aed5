import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { SqliteFeedbackStore } from '../../adapters/feedback/sqlite-store.js';
import type { FeedbackEvent } from '../../src/feedback/events.js';

/**
 * `uc-triage report` through the built CLI, run from a folder of its own (a file it wrongly
 * writes shows there), on a feedback store the test fills.
 */
const cliFile = new URL('../../dist/adapters/cli.js', import.meta.url).pathname;
let dir: string;
let env: Record<string, string>;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const base = { platform: 'slack', language: 'fr' as const };
const question = (query: string, answered: boolean, extra: Partial<FeedbackEvent> = {}): FeedbackEvent =>
  ({ ...base, type: 'question', at: hoursAgo(2), query, answered, ...extra }) as FeedbackEvent;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uc-report-cli-'));
  env = { PATH: process.env.PATH ?? '', FEEDBACK_DB: join(dir, 'store', 'feedback.sqlite') };
  const store = new SqliteFeedbackStore(env.FEEDBACK_DB as string);
  const events: FeedbackEvent[] = [
    question('imprimante en panne', false, { suggestions: ['webex/contacts'] }),
    question('imprimante en panne', false, { suggestions: ['webex/contacts'] }),
    question('200039', true, { top: 'webex-200039' }),
    question('403', true, { top: 'acs-403', platform: 'teams' }),
    { ...base, type: 'feedback', at: hoursAgo(1), query: '403', useful: false, entry: 'acs-403' },
    { ...base, type: 'correction', at: hoursAgo(1), query: '403', entry: 'webex-403', via: 'pick' },
    { ...base, type: 'correction', at: hoursAgo(1), query: '403', entry: 'webex-999999', via: 'pick' },
  ];
  await Promise.all(events.map((e) => store.append(e)));
  await store.close();
});

async function report(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [cliFile, 'report', ...args], {
    cwd: dir,
    env,
    timeout: 15_000,
  })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => e);
}

/** The words a person reads on a page: tags dropped, tooltips (<title>) and labels kept. */
const pageText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/aria-label="([^"]*)"/g, ' $1 ')
    .replace(/<[^>]+>/g, ' ');

/** Words of today's English reports, and of the French ones: a report in one language has none of the other's. */
const ENGLISH =
  /\b(answered|unanswered|feedback|closest|e\.g\.|Knowledge gaps|Ready to paste|Usage since|Top codes|Top sections|Per platform|per day|No data|Candidate|Review each|left out|not useful|query_or_id|count|details)\b/i;
const FRENCH =
  /répond|réponse|Lacunes|depuis|À coller|plus proches|rubrique|nombre|détails|aucune|avis|Par plateforme|utilisation|Candidats|Relisez|écartés|pas utile|ex\./i;

describe('report usage --html', () => {
  it('with no file writes the page to standard output: `report usage --html > file` makes a whole page', async () => {
    await promisify(execFile)(
      'sh',
      ['-c', `"${process.execPath}" "${cliFile}" report usage --html > usage.html`],
      {
        cwd: dir,
        env,
      },
    );
    const page = readFileSync(join(dir, 'usage.html'), 'utf8');
    expect(page.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(page.endsWith('</html>\n')).toBe(true);
    expect(page).toContain('<svg');
    expect(readdirSync(dir).sort()).toEqual(['store', 'usage.html']);
  });

  it('with "-" writes to standard output too, not to a file named "-"', async () => {
    const { code, stdout } = await report(['usage', '--html', '-', '--since', '7d']);
    expect(code).toBe(0);
    expect(stdout.startsWith('<!doctype html>')).toBe(true);
    expect(stdout.trimEnd().endsWith('</html>')).toBe(true);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('with a FILE writes the page there and prints the report', async () => {
    const { code, stdout } = await report(['usage', '--html', 'page.html']);
    expect(code).toBe(0);
    expect(stdout).toContain('questions : 4, répondues : 2 (50 %)');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('Rapport HTML écrit dans page.html');
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toContain('<html lang="fr">');
  });

  it('refuses --format with the page on standard output (both would go there), exit 2', async () => {
    const { code, stdout, stderr } = await report(['usage', '--html', '--format', 'json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('give --html a FILE')]);
  });
});

describe('one language per report: French by default, English with --lang en', () => {
  it('the HTML page', async () => {
    const fr = (await report(['usage', '--html'])).stdout;
    expect(fr).toContain('<h2>Questions par jour</h2>');
    expect(fr).toContain('répondues, 0 avis</title>');
    expect(pageText(fr)).not.toMatch(ENGLISH);
    const en = (await report(['usage', '--html', '--lang', 'en'])).stdout;
    expect(en.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(en).toContain('<h2>Questions per day</h2>');
    expect(pageText(en)).not.toMatch(FRENCH);
  });

  it('report usage as text and CSV', async () => {
    const fr = (await report(['usage'])).stdout;
    expect(fr).toMatch(/^Utilisation depuis le /);
    expect(fr).toContain('Par plateforme :\n  slack : 3 questions, 33 % répondues, 1 avis');
    expect(fr).not.toMatch(ENGLISH);
    const en = (await report(['usage', '--lang', 'en'])).stdout;
    expect(en).toMatch(/^Usage since /);
    expect(en).toContain('questions: 4, answered: 2 (50%)');
    expect(en).not.toMatch(FRENCH);
    expect((await report(['usage', '--format', 'csv'])).stdout.split('\n')[0]).toBe(
      'date,questions,répondues,avis',
    );
    expect((await report(['usage', '--format', 'csv', '--lang=en'])).stdout.split('\n')[0]).toBe(
      'date,questions,answered,feedback',
    );
  });

  it('report gaps as text, markdown and CSV', async () => {
    const fr = (await report(['gaps'])).stdout;
    expect(fr).toContain(
      '== Questions sans réponse\n  - 2 × « imprimante en panne » (plus proches : webex/contacts)',
    );
    expect(fr).toContain('== Réponses marquées « pas utile »\n  - acs-403 : 1 × (« 403 »)');
    expect(fr).toContain('« 403 » -> webex-403 (1)');
    expect(fr).toContain('À coller sous `keywords:` dans knowledge/overlays/keywords.yaml :');
    expect(fr).toContain('== Identifiants absents de la base de connaissances');
    // The English words left are the user's data and the file names, not the report's.
    expect(fr.replace(/webex\/contacts|keywords/g, '')).not.toMatch(ENGLISH);
    expect((await report(['gaps', '--format', 'md'])).stdout).toMatch(
      /^# Lacunes de la base de connaissances depuis le /,
    );
    const csv = (await report(['gaps', '--format', 'csv'])).stdout.trimEnd().split('\n');
    expect(csv[0]).toBe('rubrique,question_ou_id,nombre,détails');
    expect(csv.map((row) => row.split(',')[0])).toEqual([
      'rubrique',
      'sans-réponse',
      'pas-utile',
      'correction',
      'id-inconnu',
    ]);
    const en = (await report(['gaps', '--lang', 'en'])).stdout;
    expect(en).toContain('== Unanswered questions\n  - 2 × "imprimante en panne" (closest: webex/contacts)');
    expect(en.replace(/imprimante en panne/g, '')).not.toMatch(FRENCH);
    expect((await report(['gaps', '--format', 'csv', '--lang', 'en'])).stdout.split('\n')[0]).toBe(
      'section,query_or_id,count,details',
    );
  });

  it('report export-eval’s comments, around the same YAML', async () => {
    const fr = (await report(['export-eval'])).stdout;
    const en = (await report(['export-eval', '--lang', 'en'])).stdout;
    expect(fr.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# Candidats d’évaluation tirés des corrections des utilisateurs (uc-triage report export-eval).',
      '# Relisez chacun avant de l’ajouter à un jeu réservé ; ne réglez jamais rien sur les éléments réservés.',
      '# 1 correction ou clic « pas utile » nommait un identifiant absent de la base de connaissances : écarté.',
    ]);
    expect(en.split('\n').filter((l) => l.startsWith('#'))[0]).toBe(
      '# Candidate evaluation items from user corrections (uc-triage report export-eval).',
    );
    const items = { queries: [{ q: '403', expect: 'webex-403', cat: 'from-feedback' }] };
    expect(parseYaml(fr)).toEqual(items);
    expect(parseYaml(en)).toEqual(items);
  });

  it('refuses a language it does not have, exit 2', async () => {
    const { code, stderr } = await report(['gaps', '--lang', 'de']);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('uc-triage: report: --lang de: expected fr or en');
  });
});
