// The screenshot of the team lead's page in docs/screenshots/usage-report.png: 30 days of realistic
// synthetic events and cases (seeded, so the same every run) in a throwaway store, the page the CLI
// writes from it, and that page in headless Chromium. Run after `npm run build`:
//   npm install --no-save playwright-core && node scripts/usage-screenshot.mjs [OUT.png]
// (or PLAYWRIGHT_CORE=/path/to/node_modules/playwright-core/index.mjs when it is installed elsewhere)
// (Chromium: /usr/bin/chromium, `apt-get install -y chromium`). The store is deleted afterwards.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCaseStore } from '../dist/adapters/feedback/sqlite-case-store.js';
import { SqliteFeedbackStore } from '../dist/adapters/feedback/sqlite-store.js';
import { Cases } from '../dist/src/index.js';

const out = process.argv[2] ?? 'docs/screenshots/usage-report.png';
const DAY = 86_400_000;
const now = Date.now();

/** A small seeded generator (mulberry32): the same events every run. */
let seed = 24;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const weighted = (pairs) => {
  let r = random() * pairs.reduce((n, [, w]) => n + w, 0);
  for (const [value, w] of pairs) {
    r -= w;
    if (r < 0) return value;
  }
  return pairs[0][0];
};

/** What technicians ask that the sources answer: the question and the entry answered. */
const ANSWERED = [
  ['200039', 'webex-200039'],
  ['erreur 200039 à l’activation', 'webex-200039'],
  ['callEndReason 487', 'acs-487'],
  ['code 403 ACS', 'acs-403'],
  ['Event ID 20017', 'ucwa-20017'],
  ['100006', 'webex-100006'],
  ['pas d’icône d’appel dans Webex', 'webex/le-client-n-a-pas-d-icone-d-appel'],
  ['échec SSO à la connexion', 'webex/echec-de-l-authentification-unique'],
  ['où sont les journaux du client', 'webex/fichiers-journaux-utiles'],
  ['600014', 'webex-600014'],
  ['callEndReason 480', 'acs-480'],
  ['utilisateur déjà dans CI', 'webex/utilisateur-deja-dans-ci'],
];
/** Questions about what the sources cover that they do not answer, with the closest entry shown. */
const GAPS = [
  ['l’écran du poste reste noir', 'webex/appareil-de-bureau-non-configure-pour-l-utilisateur'],
  ['le poste de bureau ne sonne plus', 'webex/appareil-de-bureau-non-configure-pour-l-utilisateur'],
  ['pas de tonalité sur le téléphone de bureau', 'webex/appareil-de-bureau-non-configure-pour-l-utilisateur'],
  ['la messagerie vocale ne se déclenche pas', 'webex/problemes-connus-et-limites'],
  ['les contacts Outlook n’apparaissent pas dans Webex', 'webex/contacts'],
  [
    'transfert d’appel impossible depuis le softphone',
    'webex/verifier-le-comportement-d-appel-de-l-organisation',
  ],
];
const SMALL_TALK = ['bonjour', 'merci', 'ok', 'ok merci', 'Merci beaucoup !', 'super', 'hello'];
const MENU = ['1', '2', '3)', '1'];
const OUT_OF_SCOPE = [
  'mon imprimante bourre',
  'Outlook ne synchronise plus',
  'le VPN coupe toutes les 5 minutes',
];
const TREES = [
  ['provisioning', 'webex-403', 'provisionnement'],
  ['sign-in', 'webex/echec-de-l-authentification-unique', 'connexion impossible'],
  ['calling-icon', 'webex/le-client-n-a-pas-d-icone-d-appel', 'icône d’appel absente'],
  ['acs-call-failure', 'acs-487', 'appel ACS coupé'],
];
const PLATFORMS = [
  ['slack', 6],
  ['teams', 3],
  ['terminal', 1],
];

const dir = mkdtempSync(join(tmpdir(), 'uc-usage-screenshot-'));
const file = join(dir, 'feedback.sqlite');
const events = [];
for (let d = 29; d >= 0; d--) {
  const day = now - d * DAY;
  const weekend = [0, 6].includes(new Date(day).getUTCDay());
  const count = weekend ? Math.floor(random() * 4) : 12 + Math.floor(random() * 14);
  for (let i = 0; i < count; i++) {
    const at = new Date(day - 9 * 3_600_000 + random() * 8 * 3_600_000).toISOString();
    const base = { at, platform: weighted(PLATFORMS), language: 'fr', user: `u${Math.floor(random() * 40)}` };
    const kind = weighted([
      ['answered', 58],
      ['gap', 14],
      ['small-talk', 12],
      ['menu', 6],
      ['out', 4],
      ['triage', 12],
    ]);
    if (kind === 'answered') {
      const [query, top] = pick(ANSWERED);
      events.push({ ...base, type: 'question', query, answered: true, top, confidence: 0.9 });
      if (random() < 0.35) {
        const useful = random() < 0.72;
        const reason = useful
          ? undefined
          : weighted([
              [undefined, 2],
              ['wrong-topic', 2],
              ['does-not-answer', 3],
            ]);
        events.push({ ...base, type: 'feedback', query, useful, entry: top, ...(reason ? { reason } : {}) });
      }
    } else if (kind === 'gap') {
      const [query, closest] = pick(GAPS);
      events.push({
        ...base,
        type: 'question',
        query,
        answered: false,
        reason: 'low-confidence',
        suggestions: [closest],
      });
    } else if (kind === 'small-talk') {
      events.push({ ...base, type: 'question', query: pick(SMALL_TALK), answered: false, reason: 'empty' });
    } else if (kind === 'menu') {
      events.push({ ...base, type: 'question', query: pick(MENU), answered: false, reason: 'empty' });
    } else if (kind === 'out') {
      events.push({
        ...base,
        type: 'question',
        query: pick(OUT_OF_SCOPE),
        answered: false,
        reason: 'out-of-scope',
      });
    } else {
      const [tree, outcome, query] = pick(TREES);
      const run = { ...base, type: 'triage', tree, startedAt: at, query };
      events.push({ ...run, step: 'started' });
      if (random() < 0.65) events.push({ ...run, step: 'finished', outcome });
    }
  }
}
const feedback = new SqliteFeedbackStore(file);
for (const event of events) await feedback.append(event);
await feedback.close();

/** The cases of the month: where from, how long the experts took, what they answered. */
const CASES = [
  [
    'provisioning',
    'webex-broadworks',
    'provisionnement',
    5,
    'Compte déjà présent dans CI : libéré par l’administrateur de l’autre organisation.',
    'webex/utilisateur-deja-dans-ci',
  ],
  [
    null,
    'webex-broadworks',
    'l’écran du poste reste noir',
    3,
    'Le poste n’était pas affecté à l’utilisateur dans Control Hub : affecté, puis redémarré.',
    'webex/appareil-de-bureau-non-configure-pour-l-utilisateur',
  ],
  [
    'sign-in',
    'webex-broadworks',
    'connexion impossible',
    20,
    'Certificat IdP expiré côté client : renouvelé.',
    'webex/echec-de-l-authentification-unique',
  ],
  [
    null,
    'webex-broadworks',
    'la messagerie vocale ne se déclenche pas',
    26,
    'Renvoi sur non-réponse désactivé dans BroadWorks : réactivé.',
    null,
  ],
  [
    'acs-call-failure',
    'azure-communication-services',
    'appel ACS coupé',
    2,
    'Pare-feu qui bloquait les ports média : règle ajoutée.',
    'acs-490',
  ],
  ['provisioning', 'webex-broadworks', 'provisionnement', null, null, null],
  [null, 'skype-ucwa', 'Event ID 20017 en boucle', null, null, null],
  [
    'calling-icon',
    'webex-broadworks',
    'icône d’appel absente',
    8,
    'Licence d’appel non attribuée : attribuée.',
    'webex/le-client-n-a-pas-d-icone-d-appel',
  ],
];
const store = new SqliteCaseStore(file);
let clock = new Date(now);
const cases = new Cases(
  store,
  () => true,
  () => clock,
);
for (const [i, [treeId, product, summary, hours, answer, entry]] of CASES.entries()) {
  clock = new Date(now - (26 - i * 3) * DAY);
  const platform = i % 3 === 1 ? 'teams' : 'slack';
  const opened = await cases.open({
    language: 'fr',
    product,
    title: summary,
    summary,
    path: [],
    codes: [],
    logLines: [],
    checklist: [],
    citations: [],
    ...(treeId ? { treeId } : {}),
    conversation: { platform, workspace: 'T1', channel: 'C1', thread: String(i) },
    openedBy: 'technicien',
  });
  if (hours === null) continue;
  clock = new Date(clock.getTime() + (hours / 3) * 3_600_000);
  await cases.act(opened.id, { kind: 'take', by: 'alice' }, true);
  clock = new Date(clock.getTime() + ((2 * hours) / 3) * 3_600_000);
  await cases.act(opened.id, { kind: 'resolve', by: 'alice', answer, ...(entry ? { entry } : {}) }, true);
}
await store.close();

const page = execFileSync(process.execPath, ['dist/adapters/cli.js', 'report', 'usage', '--html'], {
  env: { PATH: process.env.PATH ?? '', FEEDBACK_DB: file },
  encoding: 'utf8',
});
const html = join(dir, 'usage.html');
writeFileSync(html, page);

// PLAYWRIGHT_CORE: the module's file when it is installed elsewhere (e.g. /tmp/x/node_modules/playwright-core/index.mjs).
const { chromium } = await import(process.env.PLAYWRIGHT_CORE ?? 'playwright-core');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const tab = await browser.newPage({ viewport: { width: 960, height: 900 } });
  await tab.goto(`file://${html}`);
  await tab.screenshot({ path: out, fullPage: true });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`${out} written`);
