import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { SqliteCaseStore } from '../../adapters/feedback/sqlite-case-store.js';
import { SqliteFeedbackStore } from '../../adapters/feedback/sqlite-store.js';
import { buildLibrary } from '../../src/app/build-library.js';
import { TriageBot } from '../../src/app/triage-bot.js';
import { kbLint } from '../../src/cli/kb.js';
import { Cases, type CoreAction, FeedbackRecorder, type IncomingMessage } from '../../src/index.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/kb.js';
import { realBot } from '../support/bot.js';
import { newCase } from '../support/cases.js';

/**
 * The reports a team lead and a maintainer read, through the built CLI, on a session the real bot
 * recorded (as a technician on Slack would have it: greetings, a menu number, thanks, a question
 * the sources do not answer, one about a system they do not cover, a guided triage) and on cases
 * the experts resolved, in one SQLite file (FEEDBACK_DB).
 */
const cliFile = new URL('../../dist/adapters/cli.js', import.meta.url).pathname;
let dir: string;
let env: Record<string, string>;

const GAP = "l'écran du poste reste noir";
const DESK_PHONE = 'webex/appareil-de-bureau-non-configure-pour-l-utilisateur';
const EXPERT_ANSWER =
  "Le poste n'était pas affecté à l'utilisateur dans Control Hub : affectez-le puis redémarrez-le.";
const t0 = Date.now();
const hoursAgo = (h: number) => new Date(t0 - h * 3_600_000);

async function report(
  args: string[],
  inEnv: Record<string, string> = env,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [cliFile, 'report', ...args], {
    cwd: dir,
    env: inEnv,
    timeout: 20_000,
  })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => e);
}

const opening = (over: Parameters<typeof newCase>[0] = {}) => {
  const { state, history, openedAt, ...rest } = newCase(over);
  return rest;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'uc-report-lead-'));
  env = { PATH: process.env.PATH ?? '', FEEDBACK_DB: join(dir, 'feedback.sqlite') };
  const feedback = new SqliteFeedbackStore(env.FEEDBACK_DB as string);
  const recorder = new FeedbackRecorder(feedback, 'k', { warn: () => {}, error: () => {} });
  const bot = new TriageBot(realBot().library, realBot().index, { recorder });
  const session = async (platform: string, thread: string, texts: string[]) => {
    const conversation = { platform, workspace: 'T', channel: 'C', thread };
    for (const text of texts) await bot.handle({ conversation, text, user: `${platform}-${thread}` });
  };
  await session('slack', 'a', ['bonjour', '200039', '1', 'merci', 'ok', GAP, 'mon imprimante bourre']);
  await session('slack', 'b', ['diagnostic provisionnement', 'certains', '403', 'merci beaucoup !']);
  await session('teams', 'c', ['Bonjour,', '20017', '2)', GAP, 'Ok merci 👍']);
  await recorder.flush();
  await feedback.close();

  const store = new SqliteCaseStore(env.FEEDBACK_DB as string);
  let clock = hoursAgo(5);
  const cases = new Cases(
    store,
    (id) => realBot().kb.byId.has(id),
    () => clock,
  );
  const gap = await cases.open(opening({ summary: GAP, title: GAP, product: 'webex-broadworks' }));
  const triage = await cases.open(
    opening({ summary: 'provisionnement', title: 'Échecs de provisionnement', treeId: 'provisioning' }),
  );
  await cases.open(
    opening({ summary: 'autre', conversation: { ...newCase().conversation, platform: 'teams' } }),
  );
  clock = hoursAgo(4);
  await cases.act(gap.id, { kind: 'take', by: 'alice' }, true);
  clock = hoursAgo(2);
  await cases.act(gap.id, { kind: 'resolve', by: 'alice', answer: EXPERT_ANSWER, entry: DESK_PHONE }, true);
  clock = hoursAgo(1);
  await cases.act(
    triage.id,
    { kind: 'resolve', by: 'bob', answer: 'Compte déjà dans CI : le libérer.' },
    true,
  );
  await store.close();
}, 60_000);

describe('report gaps on a recorded session', () => {
  it('does not count small talk, menu picks or out-of-scope questions as gaps: they are counted apart', async () => {
    const { code, stdout } = await report(['gaps', '--format', 'json']);
    expect(code).toBe(0);
    const gaps = JSON.parse(stdout);
    expect(gaps.unanswered.map((g: { query: string; count: number }) => [g.query, g.count])).toEqual([
      [GAP, 2],
    ]);
    expect(gaps.notGaps).toEqual({ smallTalk: 6, menuPicks: 2, outOfScope: 1 });
    const text = (await report(['gaps'])).stdout;
    expect(text).toContain(`== Questions sans réponse\n  - 2 × « ${GAP} »\n`);
    expect(text).toContain(
      'Comptés à part (ce ne sont pas des lacunes) : 6 bavardage(s) (bonjour, merci, ok…), 2 choix de menu (un numéro tapé), 1 hors périmètre',
    );
  });

  it('shows next to a group the answer of the expert who resolved a matching case', async () => {
    const gaps = JSON.parse((await report(['gaps', '--format', 'json'])).stdout);
    expect(gaps.unanswered[0].cases).toEqual([
      { id: 1, answer: EXPERT_ANSWER, entry: DESK_PHONE, resolvedAt: expect.any(String) },
    ]);
    const text = (await report(['gaps'])).stdout;
    expect(text).toContain(`    réponse d’expert, dossier 1 : « ${EXPERT_ANSWER} » -> ${DESK_PHONE}`);
    expect(text).toContain('--patch FICHIER les écrit en YAML');
  });

  it('writes the proposed keywords as a YAML patch that passes kb lint once merged into a copy of the knowledge folder', async () => {
    const { code, stdout } = await report(['gaps', '--patch', 'patch.yaml']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      'Mots-clés proposés écrits dans patch.yaml : à relire puis à fusionner à la main',
    );
    const patch = readFileSync(join(dir, 'patch.yaml'), 'utf8');
    expect(patch).toMatch(/^# Mots-clés proposés pour knowledge\/overlays\/keywords\.yaml/);
    expect(patch).toContain(`  # dossier 1\n  ${DESK_PHONE}:\n    - "${GAP}"\n`);
    const proposed = parseYaml(patch).keywords as Record<string, string[]>;
    // The triage's correction (provisionnement -> webex-403) is proposed too; nothing the file has already.
    expect(proposed).toEqual({ [DESK_PHONE]: [GAP], 'webex-403': ['provisionnement'] });

    // Merged by hand as the header says: each phrase added to its entry's list under `keywords:`.
    const knowledge = join(mkdtempSync(join(tmpdir(), 'uc-kb-patch-')), 'knowledge');
    cpSync(DEFAULT_KNOWLEDGE_DIR, knowledge, { recursive: true });
    const file = join(knowledge, 'overlays', 'keywords.yaml');
    const overlay = parseYaml(readFileSync(file, 'utf8')) as { keywords: Record<string, string[]> };
    for (const [entry, phrases] of Object.entries(proposed))
      overlay.keywords[entry] = [...(overlay.keywords[entry] ?? []), ...phrases];
    writeFileSync(file, stringify(overlay));
    const library = buildLibrary(knowledge);
    expect(await kbLint(library)).toEqual({
      output: expect.stringContaining('no problem found'),
      exitCode: 0,
    });
    expect(library.kb.overlays.keywords[DESK_PHONE]).toContain(GAP);
  });

  it('keeps the JSON parseable with --patch, the patch in keywordsPatch', async () => {
    const { stdout } = await report(['gaps', '--format', 'json', '--patch', 'patch-2.yaml']);
    const gaps = JSON.parse(stdout);
    expect(gaps.keywordsPatch).toBe(readFileSync(join(dir, 'patch-2.yaml'), 'utf8'));
  });

  it('is restricted to one platform with --platform, and says so', async () => {
    const gaps = JSON.parse((await report(['gaps', '--format', 'json', '--platform', 'teams'])).stdout);
    expect(gaps.platform).toBe('teams');
    expect(gaps.unanswered.map((g: { count: number }) => g.count)).toEqual([1]);
    expect(gaps.notGaps).toEqual({ smallTalk: 2, menuPicks: 1, outOfScope: 0 });
    expect((await report(['gaps', '--platform', 'teams'])).stdout.split('\n')[0]).toMatch(
      /^Lacunes de la base de connaissances depuis le .* \(plateforme : teams\)$/,
    );
  });
});

describe('report cases', () => {
  it('lists the resolved cases with the experts’ answers and the entry each relates to, by title', async () => {
    const json = JSON.parse((await report(['cases', '--format', 'json'])).stdout);
    expect(json.cases.map((c: { id: number }) => c.id)).toEqual([2, 1]);
    expect(json.cases[1]).toMatchObject({
      id: 1,
      summary: GAP,
      answer: EXPERT_ANSWER,
      entry: DESK_PHONE,
      entryTitle: "Appareil de bureau non configuré pour l'utilisateur",
      resolvedBy: 'alice',
    });
    expect(json.cases[0]).toMatchObject({ id: 2, entry: null, entryTitle: null, treeId: 'provisioning' });
    const text = (await report(['cases'])).stdout;
    expect(text).toContain(
      `== Dossier 1 — ${GAP}\n  - Question : « ${GAP} »\n  - Réponse de l’expert : « ${EXPERT_ANSWER} »`,
    );
    expect(text).toContain(
      `  - Entrée : Appareil de bureau non configuré pour l'utilisateur [${DESK_PHONE}]`,
    );
    const en = (await report(['cases', '--lang', 'en', '--format', 'csv'])).stdout.split('\n');
    expect(en[0]).toBe('case,product,title,question,answer,entry,entry_title,resolved_at');
  });
});

describe('report usage for the team lead', () => {
  it('reads the answered rate on questions about the sources, with small talk, menu picks and out-of-scope apart', async () => {
    const usage = JSON.parse((await report(['usage', '--format', 'json'])).stdout);
    // Answered: 200039, 20017 and 403 typed in the triage is no question; gaps: the two black screens.
    expect(usage.totals).toMatchObject({
      answered: 2,
      gaps: 2,
      answeredRate: 0.5,
      smallTalk: 6,
      menuPicks: 2,
      outOfScope: 1,
    });
    expect(usage.triage).toEqual([{ tree: 'provisioning', started: 1, finished: 1, escalated: 1 }]);
    expect(usage.escalations).toMatchObject({
      opened: 3,
      resolved: 2,
      closed: 0,
      waiting: 1,
      medianResolveMs: 3.5 * 3_600_000,
      perTree: [{ tree: 'provisioning', started: 1, escalated: 1, rate: 1 }],
    });
    expect(usage.escalations.perProduct[0]).toMatchObject({ product: 'webex-broadworks', escalated: 3 });
    expect(usage.titles).toMatchObject({
      'webex-200039': expect.stringMatching(/^200039 : /),
      provisioning: expect.stringMatching(/^Échecs de provisionnement/),
      'webex-broadworks': 'Webex pour Cisco BroadWorks',
    });
  });

  it('the page shows the period and platform, the gaps with the experts’ answers, escalations and the funnel, titles instead of ids', async () => {
    const page = (await report(['usage', '--html', '--platform', 'slack'])).stdout;
    expect(page).toMatch(
      /<p class="sub">du \d{4}-\d\d-\d\d au \d{4}-\d\d-\d\d · <b>plateforme : slack<\/b><\/p>/,
    );
    expect(page).toContain('<h2>Lacunes : questions sur les sources restées sans réponse</h2>');
    expect(page).toContain(`<q>${GAP}</q>`);
    expect(page).toContain(`<b>Dossier 1</b> : ${EXPERT_ANSWER}`);
    expect(page).toContain('<h2>Escalades aux experts</h2>');
    expect(page).toContain('<h2>Diagnostics guidés : démarrés → terminés → escaladés</h2>');
    expect(page).toContain(
      '>Échecs de provisionnement (pont de provisionnement, utilisateur déjà dans CI)</span>',
    );
    expect(page).toMatch(/<span title="identifiant : webex-200039">200039 : Échec de la validation/);
    expect(page).not.toMatch(/>webex-200039</);
    // Slack only: the Teams case and the Teams questions are not counted.
    expect(page).toContain('<div class="v">2</div><div class="l">escalades (dossiers ouverts)</div>');
  });
});

describe('"pas utile" and why, from the buttons clicked', () => {
  it('counts each "Pas utile" once with the reason then clicked, in the JSON and on the page', async () => {
    const ratings = { FEEDBACK_DB: join(dir, 'ratings.sqlite') };
    const feedback = new SqliteFeedbackStore(ratings.FEEDBACK_DB);
    const recorder = new FeedbackRecorder(feedback, 'k', { warn: () => {}, error: () => {} });
    const bot = new TriageBot(realBot().library, realBot().index, { recorder });
    /** A technician asks, clicks "Pas utile", then the reason labelled `why` (none: no reason). */
    const notUseful = async (user: string, text: string, why?: string) => {
      const message = (over: Partial<IncomingMessage>): IncomingMessage => ({
        conversation: { platform: 'slack', workspace: 'T', channel: 'C', thread: user },
        text: '',
        user,
        ...over,
      });
      const click = (reply: Parameters<typeof bot.view>[0], label: string) => {
        const button = bot
          .view(reply)
          .blocks.flatMap((b) => (b.type === 'choices' || b.type === 'controls' ? b.buttons : []))
          .find((b) => b.label === label);
        return bot.handle(message({ action: button?.action as CoreAction }));
      };
      const ack = await click(await bot.handle(message({ text })), 'Pas utile');
      if (why) await click(ack, why);
    };
    await notUseful('U1', '200039', 'Bon sujet, mais ne répond pas');
    await notUseful('U2', '200039', 'Pas le bon sujet');
    await notUseful('U3', '200039');
    await notUseful('U4', '20017', 'Pas le bon sujet');
    await recorder.flush();
    await feedback.close();
    const usage = JSON.parse((await report(['usage', '--format', 'json'], { ...env, ...ratings })).stdout);
    expect(usage.totals).toMatchObject({ feedback: 4, useful: 0, notUseful: 4 });
    expect(usage.notHelpful).toEqual([
      { id: 'webex-200039', count: 3, wrongTopic: 1, doesNotAnswer: 1, queries: ['200039'] },
      { id: expect.stringContaining('20017'), count: 1, wrongTopic: 1, doesNotAnswer: 0, queries: ['20017'] },
    ]);
    const page = (await report(['usage', '--html'], { ...env, ...ratings })).stdout;
    const row = page.slice(page.indexOf('<h2>Réponses jugées « pas utile »</h2>'));
    expect(row).toContain('<th class="n">pas le bon sujet</th><th class="n">bon sujet, ne répond pas</th>');
    expect(row).toMatch(
      /<span title="identifiant : webex-200039">200039 : [^<]+<\/span><\/td><td class="n">3<\/td><td class="n">1<\/td><td class="n">1<\/td><td class="n">1<\/td>/,
    );
  });
});
