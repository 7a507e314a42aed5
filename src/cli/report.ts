import type { FeedbackStore } from '../feedback/events.js';
import type { GapsReport, IsEntry, Normalize, UsageReport } from '../feedback/report.js';
import { type CommandSpec, parseCommandLine, UsageError } from './command-line.js';
import { csvCell, markdownFence, markdownText, terminalText } from './report-escape.js';

export type ReportFormat = 'text' | 'md' | 'csv' | 'json';

export interface ReportOptions {
  kind: 'gaps' | 'usage' | 'export-eval';
  sinceMs: number;
  format: ReportFormat;
  html?: string;
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

export class ReportArgsError extends UsageError {}

/** Each report's options: an option another report takes (`gaps --html`) is refused, not ignored. */
export const REPORT_COMMANDS: Record<ReportOptions['kind'], CommandSpec> = {
  gaps: {
    name: 'report gaps',
    usage: 'uc-triage report gaps [--since 7d] [--format text|md|csv|json]',
    options: ['--since', '--format'],
    operands: 'none',
  },
  usage: {
    name: 'report usage',
    usage: 'uc-triage report usage [--since 30d] [--format text|json|csv] [--html FILE]',
    options: ['--since', '--format', '--html'],
    operands: 'none',
  },
  'export-eval': {
    name: 'report export-eval',
    usage: 'uc-triage report export-eval [--since 90d]',
    options: ['--since'],
    operands: 'none',
  },
};

/** `report gaps|usage|export-eval [--since 7d] [--format text|md|csv|json] [--html FILE]`. */
export function parseReportArgs(args: string[]): ReportOptions {
  const [kind, ...rest] = args;
  if (kind !== 'gaps' && kind !== 'usage' && kind !== 'export-eval')
    throw new ReportArgsError(
      `report: expected gaps, usage or export-eval (usage: ${Object.values(REPORT_COMMANDS)
        .map((c) => c.usage)
        .join(' | ')})`,
    );
  const line = parseCommandLine(REPORT_COMMANDS[kind], rest);
  const since = line.options.get('--since') ?? (kind === 'usage' ? '30d' : kind === 'gaps' ? '7d' : '90d');
  const match = /^(\d+)([mhdw])$/.exec(since);
  if (!match) throw new ReportArgsError(`report: --since ${since}: expected a duration like 7d, 24h or 2w`);
  const format = line.options.get('--format') ?? 'text';
  if (!['text', 'md', 'csv', 'json'].includes(format))
    throw new ReportArgsError(`report: --format ${format}: expected text, md, csv or json`);
  const html = line.options.get('--html');
  return {
    kind,
    sinceMs: Number(match[1]) * (UNITS[match[2] as string] as number),
    format: format as ReportFormat,
    ...(html ? { html } : {}),
  };
}

const csv = (rows: (string | number)[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n');
const pct = (r: number) => `${Math.round(r * 100)} %`;

function gapsText(r: GapsReport, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify(r, null, 2);
  if (format === 'csv') {
    return csv([
      ['section', 'query_or_id', 'count', 'details'],
      ...r.unanswered.map((u) => [
        'unanswered',
        u.query,
        u.count,
        [...u.examples, ...u.suggestions].join(' | '),
      ]),
      ...r.notHelpful.map((n) => ['not-helpful', n.id, n.count, n.queries.join(' | ')]),
      ...r.corrections.map((c) => ['correction', c.query, c.count, c.id]),
      ...r.unknownEntries.map((x) => ['unknown-id', x.id, x.count, '']),
    ]);
  }
  const h = (title: string) => (format === 'md' ? `## ${title}` : `== ${title}`);
  const li = (text: string) => (format === 'md' ? `- ${text}` : `  - ${text}`);
  // What users typed (and ids their buttons carried) is data: escaped for markdown, one line in text.
  const u = format === 'md' ? markdownText : terminalText;
  const fence = format === 'md' ? markdownFence(r.keywordsYaml) : '';
  return [
    format === 'md' ? `# Knowledge gaps since ${r.since}` : `Knowledge gaps since ${r.since}`,
    '',
    h('Unanswered questions'),
    ...(r.unanswered.length === 0 ? [li('none')] : []),
    ...r.unanswered.flatMap((group) => [
      li(
        `${group.count} × "${u(group.query)}"${group.suggestions.length ? ` (closest: ${group.suggestions.map(u).join(', ')})` : ''}`,
      ),
      ...group.examples.filter((e) => e !== group.query).map((e) => `    e.g. "${u(e)}"`),
    ]),
    '',
    h('Answers marked not useful'),
    ...(r.notHelpful.length === 0 ? [li('none')] : []),
    ...r.notHelpful.map((n) =>
      li(`${u(n.id)}: ${n.count} × (${n.queries.map((q) => `"${u(q)}"`).join(', ')})`),
    ),
    '',
    h('Corrections (query -> the entry that was right)'),
    ...(r.corrections.length === 0 ? [li('none')] : []),
    ...r.corrections.map((c) => li(`"${u(c.query)}" -> ${u(c.id)} (${c.count})`)),
    ...(r.keywordsYaml
      ? [
          '',
          'Ready to paste under `keywords:` in knowledge/overlays/keywords.yaml:',
          format === 'md' ? `${fence}yaml` : '',
          r.keywordsYaml,
          format === 'md' ? fence : '',
        ]
      : []),
    ...(r.unknownEntries.length > 0
      ? [
          '',
          h('Ids not in the knowledge base (left out above and of the YAML)'),
          ...r.unknownEntries.map((x) => li(`${u(x.id)} (${x.count})`)),
        ]
      : []),
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n');
}

function usageText(r: UsageReport, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify(r, null, 2);
  if (format === 'csv')
    return csv([
      ['date', 'questions', 'answered', 'feedback'],
      ...r.days.map((d) => [d.date, d.questions, d.answered, d.feedback]),
    ]);
  const t = r.totals;
  return [
    `Usage since ${r.since}`,
    `questions: ${t.questions}, answered: ${t.answered} (${pct(t.answeredRate)}), feedback: ${t.feedback} (${pct(t.feedbackRate)} of questions; ${t.useful} useful, ${t.notUseful} not), corrections: ${t.corrections}`,
    '',
    'per platform:',
    ...r.platforms.map(
      (p) =>
        `  ${p.platform}: ${p.questions} questions, ${pct(p.answeredRate)} answered, ${p.feedback} feedback`,
    ),
    '',
    'top codes:',
    ...r.topCodes.map((c) => `  ${c.id}: ${c.count}`),
    'top sections:',
    ...r.topSections.map((c) => `  ${c.id}: ${c.count}`),
    '',
    'per day:',
    ...r.days
      .filter((d) => d.questions > 0)
      .map((d) => `  ${d.date}: ${d.questions} questions, ${d.answered} answered, ${d.feedback} feedback`),
  ].join('\n');
}

export interface ReportContext {
  store: FeedbackStore;
  normalize: Normalize;
  isCode: (id: string) => boolean;
  /** Is this id an entry of the knowledge base (the YAML and export-eval name no other)? */
  isEntry: IsEntry;
  now?: () => Date;
  writeFile: (file: string, content: string) => void;
}

/** Runs one report and returns its output (the HTML page, if asked, is written to its file). */
export async function runReport(options: ReportOptions, ctx: ReportContext): Promise<string> {
  const now = ctx.now?.() ?? new Date();
  const since = new Date(now.getTime() - options.sinceMs);
  const events = await ctx.store.events(since);
  // The report builders (and the YAML library they use) load only for this command.
  const { evalCandidates, gapsReport, usageReport } = await import('../feedback/report.js');
  if (options.kind === 'usage') {
    const { usageHtml } = await import('./report-html.js');
    const report = usageReport(events, since, now, ctx.isCode);
    if (options.html) {
      ctx.writeFile(options.html, usageHtml(report));
      return `${usageText(report, options.format)}\n\nHTML report written to ${options.html}`;
    }
    return usageText(report, options.format);
  }
  const gaps = gapsReport(events, since, ctx.normalize, ctx.isEntry);
  return options.kind === 'export-eval' ? evalCandidates(gaps) : gapsText(gaps, options.format);
}
