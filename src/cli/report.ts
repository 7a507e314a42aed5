import type { Library } from '../app/library.js';
import type { Case } from '../cases/case.js';
import type { FeedbackEvent, FeedbackStore } from '../feedback/events.js';
import type { IsEntry, Normalize } from '../feedback/report.js';
import type { UsageReport } from '../feedback/usage.js';
import { entryTitle } from '../knowledge/types.js';
import { strings } from '../text/catalogue.js';
import type { Language } from '../text/language.js';
import { type CommandSpec, parseCommandLine, UsageError } from './command-line.js';
import { casesText, gapsText, type ReportFormat, usageText } from './report-text.js';

export type { ReportFormat } from './report-text.js';

/** `--html` without a file, or `--html -`: the page goes to standard output. */
export const STANDARD_OUTPUT = '-';

export type ReportKind = 'gaps' | 'usage' | 'export-eval' | 'cases';

export interface ReportOptions {
  kind: ReportKind;
  sinceMs: number;
  format: ReportFormat;
  /** The language of every word the report prints (French unless `--lang en`); JSON has none. */
  language: Language;
  /** Where the usage page goes: a file, or STANDARD_OUTPUT. */
  html?: string;
  /** Only the events and cases of this platform (`--platform slack`). */
  platform?: string;
  /** `report gaps --patch FILE`: where the proposed keywords go. */
  patch?: string;
}

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

export class ReportArgsError extends UsageError {}

/** Each report's options: an option another report takes (`gaps --html`) is refused, not ignored. */
export const REPORT_COMMANDS: Record<ReportKind, CommandSpec> = {
  gaps: {
    name: 'report gaps',
    usage:
      'uc-triage report gaps [--since 7d] [--platform NAME] [--format text|md|csv|json] [--patch FILE] [--lang fr|en]',
    options: ['--since', '--platform', '--format', '--patch', '--lang'],
    operands: 'none',
  },
  usage: {
    name: 'report usage',
    usage:
      'uc-triage report usage [--since 30d] [--platform NAME] [--format text|json|csv] [--html [FILE]] [--lang fr|en]',
    options: ['--since', '--platform', '--format', '--lang'],
    optionalValue: { '--html': STANDARD_OUTPUT },
    operands: 'none',
  },
  cases: {
    name: 'report cases',
    usage:
      'uc-triage report cases [--since 30d] [--platform NAME] [--format text|md|csv|json] [--lang fr|en]',
    options: ['--since', '--platform', '--format', '--lang'],
    operands: 'none',
  },
  'export-eval': {
    name: 'report export-eval',
    usage: 'uc-triage report export-eval [--since 90d] [--lang fr|en]',
    options: ['--since', '--lang'],
    operands: 'none',
  },
};

const DEFAULT_SINCE: Record<ReportKind, string> = {
  gaps: '7d',
  usage: '30d',
  cases: '30d',
  'export-eval': '90d',
};

/** `report gaps|usage|cases|export-eval [--since 7d] [--platform NAME] [--format …] [--html [FILE]] [--patch FILE] [--lang fr|en]`. */
export function parseReportArgs(args: string[]): ReportOptions {
  const [kind, ...rest] = args;
  if (!kind || !Object.hasOwn(REPORT_COMMANDS, kind))
    throw new ReportArgsError(
      `report: expected gaps, usage, cases or export-eval (usage: ${Object.values(REPORT_COMMANDS)
        .map((c) => c.usage)
        .join(' | ')})`,
    );
  const report = kind as ReportKind;
  const line = parseCommandLine(REPORT_COMMANDS[report], rest);
  const since = line.options.get('--since') ?? DEFAULT_SINCE[report];
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
  const platform = line.options.get('--platform')?.trim().toLowerCase();
  if (line.options.has('--platform') && !platform)
    throw new ReportArgsError(`report: --platform needs a name (slack, teams, terminal…)`);
  const patch = line.options.get('--patch');
  return {
    kind: report,
    sinceMs: Number(match[1]) * (UNITS[match[2] as string] as number),
    format: format as ReportFormat,
    language,
    ...(html ? { html } : {}),
    ...(platform ? { platform } : {}),
    ...(patch ? { patch } : {}),
  };
}

export interface ReportContext {
  store: FeedbackStore;
  normalize: Normalize;
  isCode: (id: string) => boolean;
  /** Is this id an entry of the knowledge base (the YAML and export-eval name no other)? */
  isEntry: IsEntry;
  /**
   * The escalation cases (the case store of the deployment): the experts' answers for `gaps` and
   * `cases`, the escalations of `usage`. Without it, no case is shown.
   */
  cases?: () => Promise<Case[]>;
  /** The knowledge base and trees: entry, tree and product titles, and today's keywords for the patch. */
  library?: Library;
  now?: () => Date;
  writeFile: (file: string, content: string) => void;
}

/** The title of every entry, tree and product the usage report names, in the report's language. */
function titlesOf(
  report: UsageReport,
  library: Library | undefined,
  language: Language,
): Record<string, string> {
  if (!library) return {};
  const { kb, trees } = library;
  const entries = [
    ...report.topCodes.map((c) => c.id),
    ...report.topSections.map((c) => c.id),
    ...report.gaps.flatMap((g) => [...g.suggestions, ...g.cases.flatMap((c) => c.entry ?? [])]),
    ...report.notHelpful.map((n) => n.id),
  ];
  const titles: Record<string, string> = {};
  for (const id of entries) {
    const entry = kb.byId.get(id);
    if (entry) titles[id] = entryTitle(entry);
  }
  for (const id of [...report.triage.map((t) => t.tree), ...report.escalations.perTree.map((t) => t.tree)]) {
    const tree = trees.find((t) => t.id === id);
    if (tree) titles[id] = tree.title;
  }
  for (const { product } of report.escalations.perProduct)
    titles[product] = kb.productLabel(product, language);
  return titles;
}

/**
 * Runs one report and returns its output: the usage page itself when it goes to standard output,
 * else the report (the page, if asked, is written to its file; so is the patch of `gaps --patch`).
 */
export async function runReport(options: ReportOptions, ctx: ReportContext): Promise<string> {
  const now = ctx.now?.() ?? new Date();
  const since = new Date(now.getTime() - options.sinceMs);
  const platform = options.platform ?? null;
  const events = (await ctx.store.events(since)).filter(
    (e: FeedbackEvent) => platform === null || e.platform === platform,
  );
  const cases = ctx.cases ? await ctx.cases() : [];
  const { language } = options;
  const say = strings(language).report;
  const kb = ctx.library?.kb;
  // The report builders (and the YAML library they use) load only for this command.
  const { casesReport, resolvedCases, withEscalations } = await import('../cases/report.js');
  if (options.kind === 'cases') {
    const report = casesReport(cases, since, platform, (id) => {
      const entry = kb?.byId.get(id);
      return entry && entryTitle(entry);
    });
    return casesText(report, options.format, language);
  }
  const { evalCandidates, gapsReport } = await import('../feedback/report.js');
  const gaps = gapsReport(events, since, ctx.normalize, ctx.isEntry, {
    platform,
    cases: resolvedCases(cases),
    ...(kb ? { keywords: kb.overlays.keywords } : {}),
    language,
  });
  if (options.kind === 'usage') {
    const { usageReport } = await import('../feedback/usage.js');
    const { usageHtml } = await import('./report-html.js');
    const usage = withEscalations(
      usageReport(events, since, now, ctx.isCode, { platform, gaps: gaps.unanswered }),
      cases,
      events,
      (id) => kb?.byId.get(id)?.product,
    );
    const report = { ...usage, titles: titlesOf(usage, ctx.library, language) };
    if (options.html === STANDARD_OUTPUT) return usageHtml(report, language).trimEnd();
    if (options.html) {
      ctx.writeFile(options.html, usageHtml(report, language));
      return `${usageText(report, options.format, language)}\n\n${say.usage.htmlWritten(options.html)}`;
    }
    return usageText(report, options.format, language);
  }
  if (options.kind === 'export-eval') return evalCandidates(gaps, language);
  const text = gapsText(gaps, options.format, language);
  if (options.patch && gaps.keywordsPatch) ctx.writeFile(options.patch, gaps.keywordsPatch);
  // JSON and CSV stay parseable: the JSON holds the patch (keywordsPatch), the file is written all the same.
  if (options.format === 'json' || options.format === 'csv') return text;
  const note = !options.patch
    ? gaps.keywordsPatch && say.gaps.patch
    : gaps.keywordsPatch
      ? say.gaps.patchTo(options.patch)
      : say.gaps.patchEmpty;
  return note ? `${text}\n\n${note}` : text;
}
