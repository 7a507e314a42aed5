import type { FeedbackStore } from '../feedback/events.js';
import type { GapsReport, IsEntry, Normalize, UsageReport } from '../feedback/report.js';
import { strings } from '../text/catalogue.js';
import type { Language } from '../text/language.js';
import { type CommandSpec, parseCommandLine, UsageError } from './command-line.js';
import { csvCell, markdownFence, markdownText, terminalText } from './report-escape.js';

export type ReportFormat = 'text' | 'md' | 'csv' | 'json';

/** `--html` without a file, or `--html -`: the page goes to standard output. */
export const STANDARD_OUTPUT = '-';

export interface ReportOptions {
  kind: 'gaps' | 'usage' | 'export-eval';
  sinceMs: number;
  format: ReportFormat;
  /** The language of every word the report prints (French unless `--lang en`); JSON has none. */
  language: Language;
  /** Where the usage page goes: a file, or STANDARD_OUTPUT. */
  html?: string;
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

export class ReportArgsError extends UsageError {}

/** Each report's options: an option another report takes (`gaps --html`) is refused, not ignored. */
export const REPORT_COMMANDS: Record<ReportOptions['kind'], CommandSpec> = {
  gaps: {
    name: 'report gaps',
    usage: 'uc-triage report gaps [--since 7d] [--format text|md|csv|json] [--lang fr|en]',
    options: ['--since', '--format', '--lang'],
    operands: 'none',
  },
  usage: {
    name: 'report usage',
    usage: 'uc-triage report usage [--since 30d] [--format text|json|csv] [--html [FILE]] [--lang fr|en]',
    options: ['--since', '--format', '--lang'],
    optionalValue: { '--html': STANDARD_OUTPUT },
    operands: 'none',
  },
  'export-eval': {
    name: 'report export-eval',
    usage: 'uc-triage report export-eval [--since 90d] [--lang fr|en]',
    options: ['--since', '--lang'],
    operands: 'none',
  },
};

/** `report gaps|usage|export-eval [--since 7d] [--format text|md|csv|json] [--html [FILE]] [--lang fr|en]`. */
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
  const language = line.options.get('--lang') ?? 'fr';
  if (language !== 'fr' && language !== 'en')
    throw new ReportArgsError(`report: --lang ${language}: expected fr or en`);
  const html = line.options.get('--html');
  if (html === STANDARD_OUTPUT && line.options.has('--format'))
    throw new ReportArgsError(
      `report usage: --html without a file writes the page to standard output, so --format has nowhere to go: give --html a FILE`,
    );
  return {
    kind,
    sinceMs: Number(match[1]) * (UNITS[match[2] as string] as number),
    format: format as ReportFormat,
    language,
    ...(html ? { html } : {}),
  };
}

const csv = (rows: (string | number)[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n');

function gapsText(r: GapsReport, format: ReportFormat, language: Language): string {
  if (format === 'json') return JSON.stringify(r, null, 2);
  const say = strings(language).report;
  if (format === 'csv') {
    const section = say.gaps.csvSections;
    return csv([
      say.gaps.csvHeader,
      ...r.unanswered.map((u) => [
        section.unanswered,
        u.query,
        u.count,
        [...u.examples, ...u.suggestions].join(' | '),
      ]),
      ...r.notHelpful.map((n) => [section.notHelpful, n.id, n.count, n.queries.join(' | ')]),
      ...r.corrections.map((c) => [section.correction, c.query, c.count, c.id]),
      ...r.unknownEntries.map((x) => [section.unknownEntry, x.id, x.count, '']),
    ]);
  }
  const h = (title: string) => (format === 'md' ? `## ${title}` : `== ${title}`);
  const li = (text: string) => (format === 'md' ? `- ${text}` : `  - ${text}`);
  // What users typed (and ids their buttons carried) is data: escaped for markdown, one line in text.
  const u = format === 'md' ? markdownText : terminalText;
  const q = (text: string) => say.quoted(u(text));
  const fence = format === 'md' ? markdownFence(r.keywordsYaml) : '';
  const none = [li(say.none)];
  return [
    format === 'md' ? `# ${say.gaps.title(r.since)}` : say.gaps.title(r.since),
    '',
    h(say.gaps.unanswered),
    ...(r.unanswered.length === 0 ? none : []),
    ...r.unanswered.flatMap((group) => [
      li(
        `${group.count} × ${q(group.query)}${group.suggestions.length ? say.gaps.closest(group.suggestions.map(u).join(', ')) : ''}`,
      ),
      ...group.examples.filter((e) => e !== group.query).map((e) => `    ${say.gaps.example} ${q(e)}`),
    ]),
    '',
    h(say.gaps.notHelpful),
    ...(r.notHelpful.length === 0 ? none : []),
    ...r.notHelpful.map((n) => li(`${u(n.id)}${say.colon} ${n.count} × (${n.queries.map(q).join(', ')})`)),
    '',
    h(say.gaps.corrections),
    ...(r.corrections.length === 0 ? none : []),
    ...r.corrections.map((c) => li(`${q(c.query)} -> ${u(c.id)} (${c.count})`)),
    ...(r.keywordsYaml
      ? [
          '',
          say.gaps.pasteKeywords,
          format === 'md' ? `${fence}yaml` : '',
          r.keywordsYaml,
          format === 'md' ? fence : '',
        ]
      : []),
    ...(r.unknownEntries.length > 0
      ? ['', h(say.gaps.unknownEntries), ...r.unknownEntries.map((x) => li(`${u(x.id)} (${x.count})`))]
      : []),
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n');
}

function usageText(r: UsageReport, format: ReportFormat, language: Language): string {
  if (format === 'json') return JSON.stringify(r, null, 2);
  const say = strings(language).report;
  if (format === 'csv')
    return csv([say.usage.csvHeader, ...r.days.map((d) => [d.date, d.questions, d.answered, d.feedback])]);
  const t = r.totals;
  const list = (title: string) => `${title}${say.colon}`;
  return [
    say.usage.title(r.since),
    say.usage.totals({
      ...t,
      answeredRate: say.percent(t.answeredRate),
      feedbackRate: say.percent(t.feedbackRate),
    }),
    '',
    list(say.usage.perPlatform),
    ...r.platforms.map(
      (p) =>
        `  ${p.platform}${say.colon} ${say.usage.counts(p.questions, say.percent(p.answeredRate), p.feedback)}`,
    ),
    '',
    list(say.usage.topCodes),
    ...r.topCodes.map((c) => `  ${c.id}${say.colon} ${c.count}`),
    list(say.usage.topSections),
    ...r.topSections.map((c) => `  ${c.id}${say.colon} ${c.count}`),
    '',
    list(say.usage.perDay),
    ...r.days
      .filter((d) => d.questions > 0)
      .map((d) => `  ${d.date}${say.colon} ${say.usage.counts(d.questions, String(d.answered), d.feedback)}`),
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

/**
 * Runs one report and returns its output: the usage page itself when it goes to standard output,
 * else the report (the page, if asked, is written to its file).
 */
export async function runReport(options: ReportOptions, ctx: ReportContext): Promise<string> {
  const now = ctx.now?.() ?? new Date();
  const since = new Date(now.getTime() - options.sinceMs);
  const events = await ctx.store.events(since);
  const { language } = options;
  // The report builders (and the YAML library they use) load only for this command.
  const { evalCandidates, gapsReport, usageReport } = await import('../feedback/report.js');
  if (options.kind === 'usage') {
    const { usageHtml } = await import('./report-html.js');
    const report = usageReport(events, since, now, ctx.isCode);
    if (options.html === STANDARD_OUTPUT) return usageHtml(report, language).trimEnd();
    if (options.html) {
      ctx.writeFile(options.html, usageHtml(report, language));
      return `${usageText(report, options.format, language)}\n\n${strings(language).report.usage.htmlWritten(options.html)}`;
    }
    return usageText(report, options.format, language);
  }
  const gaps = gapsReport(events, since, ctx.normalize, ctx.isEntry);
  return options.kind === 'export-eval'
    ? evalCandidates(gaps, language)
    : gapsText(gaps, options.format, language);
}
