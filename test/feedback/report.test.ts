import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { TriageBot } from '../../src/app/triage-bot.js';
import { type ReportFormat, runReport } from '../../src/cli/report.js';
import type { FeedbackEvent, HelpfulnessEvent } from '../../src/feedback/events.js';
import { FeedbackRecorder } from '../../src/feedback/recorder.js';
import { evalCandidates, gapsReport, keywordsLines } from '../../src/feedback/report.js';
import { usageReport } from '../../src/feedback/usage.js';
import { type CoreAction, decodeAction } from '../../src/index.js';
import { realBot } from '../support/bot.js';
import { MemoryFeedbackStore } from '../support/feedback.js';

const normalize = (text: string) => realBot().searchWords(text);
const isEntry = (id: string) => realBot().kb.byId.has(id);
const base = { platform: 'slack', language: 'fr' as const };
const q = (
  at: string,
  query: string,
  answered: boolean,
  extra: Record<string, unknown> = {},
): FeedbackEvent => ({
  ...base,
  type: 'question',
  at,
  query,
  answered,
  ...extra,
});

const events: FeedbackEvent[] = [
  q('2026-11-30T09:00:00Z', 'le fax ne part plus', false, { suggestions: ['webex/contacts'] }),
  q('2026-11-30T10:00:00Z', 'Le FAX ne part plus !', false, { suggestions: ['webex/x'] }),
  q('2026-11-30T11:00:00Z', 'imprimante en panne', false, { suggestions: ['webex/contacts'] }),
  q('2026-11-30T12:00:00Z', 'badgeuse hors ligne', false, { suggestions: ['ucwa-20004'] }),
  q('2026-12-01T08:00:00Z', '200039', true, { top: 'webex-200039' }),
  q('2026-12-01T08:05:00Z', '403', true, { top: 'acs-403', platform: 'teams' }),
  { ...base, type: 'feedback', at: '2026-12-01T08:06:00Z', query: '403', useful: false, entry: 'acs-403' },
  {
    ...base,
    type: 'feedback',
    at: '2026-12-01T08:07:00Z',
    query: '403 interdit',
    useful: false,
    entry: 'acs-403',
  },
  {
    ...base,
    type: 'feedback',
    at: '2026-12-01T08:08:00Z',
    query: '200039',
    useful: true,
    entry: 'webex-200039',
  },
  { ...base, type: 'correction', at: '2026-12-01T08:09:00Z', query: '403', entry: 'webex-403', via: 'pick' },
  { ...base, type: 'correction', at: '2026-12-01T08:10:00Z', query: '403', entry: 'webex-403', via: 'pick' },
];

describe('report gaps', () => {
  const report = gapsReport(events, new Date('2026-11-24T00:00:00Z'), normalize, isEntry);

  it('groups unanswered questions with the same words or the same closest entry, biggest first', () => {
    expect(report.unanswered[0]).toMatchObject({
      count: 3,
      suggestions: expect.arrayContaining(['webex/contacts']),
    });
    expect(report.unanswered[0]?.examples).toEqual(
      expect.arrayContaining(['le fax ne part plus', 'imprimante en panne']),
    );
    expect(report.unanswered[1]).toMatchObject({ query: 'badgeuse hors ligne', count: 1 });
  });

  it('lists the entries marked not useful with the questions that led to them, and the corrections', () => {
    expect(report.notHelpful).toEqual([{ id: 'acs-403', count: 2, queries: ['403', '403 interdit'] }]);
    expect(report.corrections).toEqual([{ query: '403', id: 'webex-403', count: 2 }]);
    expect(report.keywordsYaml).toBe('  webex-403: ["403"]');
    expect(report.since).toBe('2026-11-24T00:00:00.000Z');
  });

  it('exports the corrections as candidate evaluation items', () => {
    expect(evalCandidates(report, 'fr')).toContain('  - { q: "403", expect: webex-403, cat: from-feedback }');
  });
});

describe('report usage', () => {
  const report = usageReport(
    events,
    new Date('2026-11-29T00:00:00Z'),
    new Date('2026-12-01T23:00:00Z'),
    (id) => /-\d+$/.test(id),
  );

  it('counts questions per day, answered and feedback rates, per platform and top entries', () => {
    expect(report.days.map((d) => [d.date, d.questions, d.answered])).toEqual([
      ['2026-11-29', 0, 0],
      ['2026-11-30', 4, 0],
      ['2026-12-01', 2, 2],
    ]);
    expect(report.totals).toMatchObject({
      questions: 6,
      answered: 2,
      answeredRate: 0.333,
      feedback: 3,
      useful: 1,
      notUseful: 2,
      corrections: 2,
    });
    expect(report.platforms.find((p) => p.platform === 'teams')).toMatchObject({
      questions: 1,
      answeredRate: 1,
    });
    expect(report.topCodes).toEqual([
      { id: 'acs-403', count: 1 },
      { id: 'webex-200039', count: 1 },
    ]);
  });
});

describe('report formats', () => {
  it('writes the gaps as markdown and as CSV', async () => {
    const { runReport } = await import('../../src/cli/report.js');
    const { MemoryFeedbackStore } = await import('../support/feedback.js');
    const store = new MemoryFeedbackStore();
    for (const e of events) await store.append(e);
    const ctx = {
      store,
      normalize,
      isCode: () => true,
      isEntry,
      now: () => new Date('2026-12-02T00:00:00Z'),
      writeFile: () => {},
    };
    const md = await runReport({ kind: 'gaps', sinceMs: 7 * 86_400_000, format: 'md', language: 'en' }, ctx);
    expect(md).toContain('## Unanswered questions');
    expect(md).toContain('```yaml\n  webex-403: ["403"]\n```');
    const csv = await runReport(
      { kind: 'gaps', sinceMs: 7 * 86_400_000, format: 'csv', language: 'en' },
      ctx,
    );
    expect(csv.split('\n')[0]).toBe('section,query_or_id,count,details');
    expect(csv).toContain('correction,403,2,webex-403');
  });
});

describe('hostile input in the reports', () => {
  const at = '2026-12-01T09:00:00Z';
  const correction = (query: string, entry: string): FeedbackEvent => ({
    ...base,
    type: 'correction',
    at,
    query,
    entry,
    via: 'pick',
  });
  const forged = 'x"\n- evil: 1';

  async function run(stored: FeedbackEvent[], kind: 'gaps' | 'export-eval', format: ReportFormat = 'text') {
    const store = new MemoryFeedbackStore();
    for (const e of stored) await store.append(e);
    return runReport(
      { kind, sinceMs: 7 * 86_400_000, format, language: 'fr' },
      { store, normalize, isCode: () => true, isEntry, now: () => new Date(at), writeFile: () => {} },
    );
  }

  it('writes only entries of the knowledge base into the YAML to paste, which parses back to the same data', () => {
    const hostileQuery = '"]\n  evil: [1 # not a comment';
    const report = gapsReport(
      [correction('403', 'webex-403'), correction(hostileQuery, 'webex-403'), correction('403', forged)],
      new Date(0),
      normalize,
      isEntry,
    );
    expect(parseYaml(`keywords:\n${report.keywordsYaml}`)).toEqual({
      keywords: { 'webex-403': ['403', hostileQuery] },
    });
    expect(report.corrections.map((c) => c.id)).toEqual(['webex-403', 'webex-403']);
    expect(report.unknownEntries).toEqual([{ id: forged, count: 1 }]);
  });

  it('quotes any id the YAML is given: a key never escapes its line', () => {
    const yaml = keywordsLines([
      { query: 'q', id: forged, count: 1 },
      { query: 'r', id: 'a: b', count: 1 },
    ]);
    expect(parseYaml(`keywords:\n${yaml}`)).toEqual({ keywords: { [forged]: ['q'], 'a: b': ['r'] } });
  });

  it('exports as evaluation items only corrections to entries of the knowledge base, as YAML that parses back', async () => {
    const output = await run(
      [correction('le "403" \n- expect: evil', 'webex-403'), correction('403', forged)],
      'export-eval',
    );
    expect(parseYaml(output)).toEqual({
      queries: [{ q: 'le "403" \n- expect: evil', expect: 'webex-403', cat: 'from-feedback' }],
    });
    expect(output).toContain(
      '1 correction ou clic « pas utile » nommait un identifiant absent de la base de connaissances',
    );
    expect(output).not.toContain('evil: 1');
  });

  it('prints what users typed as plain text in the markdown report: no heading, link, image, HTML or code of theirs', async () => {
    const typed = [
      '# heading',
      '[cliquez ici](http://evil.example/x)',
      '<img src=x onerror=alert(1)>',
      'a | b | c',
      '`rm -rf`',
      '- item',
      'ligne\n## injected',
      '![image](http://evil.example/i.png)',
      'www.evil.example',
      '*gras* _it_ ~~barré~~ $x^2$',
    ];
    const md = await run(
      typed.map((query, i) => q(at, `${query} ${'abcdefghij'[i]}`, false)),
      'gaps',
      'md',
    );
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    const kinds = new Set<string>();
    const texts: string[] = [];
    const links: { url: string; shown: string }[] = [];
    type Node = { type: string; value?: string; url?: string; children?: Node[] };
    const walk = (node: Node) => {
      kinds.add(node.type);
      if (node.type === 'text' && node.value) texts.push(node.value);
      if (node.type === 'link')
        links.push({ url: node.url ?? '', shown: node.children?.map((c) => c.value).join('') ?? '' });
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree as Node);
    for (const kind of ['image', 'html', 'table', 'emphasis', 'strong', 'delete', 'inlineMath'])
      expect(kinds).not.toContain(kind);
    // A link whose words hide its target cannot be made; a bare address shows where it goes, as typed.
    for (const link of links) expect(link.url.endsWith(link.shown)).toBe(true);
    const headings = tree.children.filter((n) => n.type === 'heading');
    expect(headings).toHaveLength(4);
    // Every question reads as the user wrote it, on one line.
    const shown = texts.join('');
    for (const [i, query] of typed.entries())
      expect(shown).toContain(`${query.replace('\n', ' ')} ${'abcdefghij'[i]}`);
  });

  it('keeps terminal escapes out of the text report and formulas out of the CSV', async () => {
    const stored = [
      q(at, 'écran \u001b[2J\u001b]0;pwned\u0007 effacé', false),
      q(at, '=HYPERLINK("http://evil.example")', false),
    ];
    const text = await run(stored, 'gaps', 'text');
    expect([...text].filter((c) => c < ' ' && c !== '\n')).toEqual([]);
    expect(text).toContain('écran  [2J ]0;pwned  effacé');
    const csv = await run(stored, 'gaps', 'csv');
    expect(csv).toContain(`sans-réponse,"'=HYPERLINK(""http://evil.example"")"`);
  });
});

describe('no secret reaches report gaps', () => {
  /** Each secret as typed, and the part that must never be printed (a key name like "pass=" may stay). */
  const cases: [string, string][] = [
    ['jean@société.fr', 'jean@société.fr'],
    ['éloïse.durand@exemple.fr', 'éloïse.durand'],
    ['2001:db8::1', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['#access_token=ya29AbCdEf123', 'ya29AbCdEf123'],
    ['client_secret=Zx9Qw8Er7', 'Zx9Qw8Er7'],
    ['pass=hunter2x', 'hunter2x'],
    ['passwd: Tr0ub4dor', 'Tr0ub4dor'],
    ['AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
    ['ASIAY34FZKBOKMUTVV7A', 'ASIAY34FZKBOKMUTVV7A'],
    [
      'https://hooks.slack.com/services/T0123ABCD/B0456EFGH/abcdefghijklmnopqrstuvwx',
      'abcdefghijklmnopqrstuvwx',
    ],
    [
      'https://contoso.webhook.office.com/webhookb2/3fa85f64-5717-4562-b3fc-2c963f66afa6@x/IncomingWebhook/AbCdEfGhIjKlMnOp/y',
      'AbCdEfGhIjKlMnOp',
    ],
    [
      'https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz',
      'AbCdEfGhIjKlMnOpQrStUvWxYz',
    ],
  ];
  const secrets = cases.map(([typed]) => typed);
  const sensitive = (typed: string) => cases.find(([t]) => t === typed)?.[1] ?? typed;
  const formats: ReportFormat[] = ['text', 'md', 'csv', 'json'];

  async function reports(store: MemoryFeedbackStore): Promise<string[]> {
    const ctx = { store, normalize, isCode: () => true, isEntry, writeFile: () => {} };
    return Promise.all(
      formats.map((format) => runReport({ kind: 'gaps', sinceMs: 86_400_000, format, language: 'fr' }, ctx)),
    );
  }

  it('redacts them before they are stored (questions, "not useful" clicks, corrections)', async () => {
    const store = new MemoryFeedbackStore();
    const recorder = new FeedbackRecorder(store, 'k', { warn: () => {}, error: () => {} });
    const bot = new TriageBot(realBot().library, realBot().index, { recorder });
    const conversation = { platform: 'teams', workspace: 't', channel: 'c', thread: 'privacy' };
    for (const secret of secrets) {
      await bot.handle({ conversation, text: `la badgeuse refuse ${secret} depuis hier` });
      // Buttons of an earlier version, which carried their question (today's refer to the record of it).
      await bot.handle({
        conversation,
        text: '',
        action: decodeAction({
          kind: 'feedback',
          useful: false,
          q: `403 ${secret}`,
          id: 'acs-403',
        }) as CoreAction,
      });
      await bot.handle({
        conversation,
        text: '',
        action: decodeAction({ kind: 'pick', id: 'webex-403', q: `403 ${secret}` }) as CoreAction,
      });
    }
    await recorder.flush();
    expect(store.saved).toHaveLength(secrets.length * 3);
    for (const output of await reports(store))
      for (const secret of secrets) expect(output).not.toContain(sensitive(secret));
  });

  it('redacts them again in events stored by an earlier version', async () => {
    const store = new MemoryFeedbackStore();
    const now = new Date().toISOString();
    for (const secret of secrets) {
      await store.append({
        ...base,
        type: 'question',
        at: now,
        query: `badgeuse ${secret}`,
        answered: false,
      });
      await store.append({
        ...base,
        type: 'correction',
        at: now,
        query: `403 ${secret}`,
        entry: 'webex-403',
        via: 'pick',
      });
    }
    const outputs = await reports(store);
    expect(outputs[0]).toContain('badgeuse <email>');
    for (const output of outputs)
      for (const secret of secrets) expect(output).not.toContain(sensitive(secret));
  });
});

describe('"pas utile" with its reasons, and the proposed keywords', () => {
  const at = '2026-12-01T09:00:00Z';
  const notUseful = (entry: string, reason?: 'wrong-topic' | 'does-not-answer'): HelpfulnessEvent => ({
    ...base,
    type: 'feedback',
    at,
    query: '403',
    useful: false,
    entry,
    ...(reason ? { reason } : {}),
  });

  it('counts the reasons of "not useful" clicks per entry, and the page shows them under the entry’s title', async () => {
    const store = new MemoryFeedbackStore();
    for (const e of [
      notUseful('acs-403', 'wrong-topic'),
      notUseful('acs-403', 'wrong-topic'),
      notUseful('acs-403', 'does-not-answer'),
      notUseful('acs-403'),
    ])
      await store.append(e);
    const ctx = {
      store,
      normalize,
      isCode: () => true,
      isEntry,
      library: realBot().library,
      now: () => new Date('2026-12-02T00:00:00Z'),
      writeFile: () => {},
    };
    const options = { kind: 'usage', sinceMs: 7 * 86_400_000, format: 'json', language: 'fr' } as const;
    const usage = JSON.parse(await runReport(options, ctx));
    expect(usage.notHelpful).toEqual([
      { id: 'acs-403', count: 4, wrongTopic: 2, doesNotAnswer: 1, queries: ['403'] },
    ]);
    const page = await runReport({ ...options, format: 'text', html: '-' }, ctx);
    const row = page.slice(page.indexOf('<h2>Réponses jugées « pas utile »</h2>'));
    expect(row).toMatch(
      /<tr><td><span title="identifiant : acs-403">403 : [^<]+<\/span><\/td><td class="n">4<\/td><td class="n">2<\/td><td class="n">1<\/td><td class="n">1<\/td><\/tr>/,
    );
    expect(row).toContain('<th class="n">pas le bon sujet</th><th class="n">bon sujet, ne répond pas</th>');
  });

  it('reads a reason clicked after "Pas utile" as that rating’s reason: every report counts the rating once', () => {
    const rated = (
      rating: string,
      user: string,
      reason?: 'wrong-topic' | 'does-not-answer',
    ): FeedbackEvent => ({
      ...notUseful('acs-403', reason),
      rating,
      user,
    });
    const stored: FeedbackEvent[] = [
      // One person: "Pas utile", then "Pas le bon sujet", then (the card still there) "Bon sujet…".
      rated('r1', 'u1'),
      rated('r1', 'u1', 'wrong-topic'),
      rated('r1', 'u1', 'does-not-answer'),
      // Another person on the same reply: a rating of their own, no reason given.
      rated('r1', 'u2'),
      // A reason whose "Pas utile" is before the period: still one "not useful", with its reason.
      rated('r2', 'u1', 'wrong-topic'),
      // An event with a reason and no rated reply (as earlier data has): a rating with its reason.
      notUseful('acs-403', 'wrong-topic'),
    ];
    const usage = usageReport(stored, new Date('2026-12-01T00:00:00Z'), new Date(at), () => true);
    expect(usage.totals).toMatchObject({ feedback: 4, notUseful: 4, useful: 0 });
    expect(usage.days.at(-1)?.feedback).toBe(4);
    expect(usage.notHelpful).toEqual([
      { id: 'acs-403', count: 4, wrongTopic: 2, doesNotAnswer: 1, queries: ['403'] },
    ]);
    const gaps = gapsReport(stored, new Date(0), normalize, isEntry);
    expect(gaps.notHelpful).toEqual([{ id: 'acs-403', count: 4, queries: ['403'] }]);
  });

  it('proposes only phrases worth a keyword, for entries of the knowledge base, that keywords.yaml does not have yet', () => {
    const question = (query: string): FeedbackEvent =>
      q(at, query, false, { suggestions: ['webex/contacts'] });
    const resolved = (id: number, entry: string, summary: string) => ({
      id,
      summary,
      answer: 'Réponse',
      entry,
      resolvedAt: at,
    });
    const report = gapsReport(
      [question('synchronisation des contacts bloquée'), question('contacts écrire à jean@exemple.fr')],
      new Date(0),
      normalize,
      isEntry,
      {
        cases: [
          // Matched by the closest entry of the group's questions, not by its words.
          resolved(7, 'webex/contacts', 'autre formulation'),
          resolved(8, 'webex-999999', 'synchronisation des contacts bloquée'),
        ],
        keywords: { 'webex/contacts': ['Synchronisation des contacts BLOQUÉE'] },
      },
    );
    expect(report.unanswered[0]?.cases.map((c) => c.id)).toEqual([8, 7]);
    expect(parseYaml(report.keywordsPatch)).toEqual({
      keywords: { 'webex/contacts': ['autre formulation'] },
    });
  });
});
