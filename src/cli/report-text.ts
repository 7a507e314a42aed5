import type { CasesReport } from '../cases/report.js';
import type { GapsReport } from '../feedback/report.js';
import type { UsageReport } from '../feedback/usage.js';
import { strings } from '../text/catalogue.js';
import type { Language } from '../text/language.js';
import { csvCell, markdownFence, markdownText, terminalText } from './report-escape.js';

export type ReportFormat = 'text' | 'md' | 'csv' | 'json';

const csv = (rows: (string | number)[][]) => rows.map((r) => r.map(csvCell).join(',')).join('\n');

/** Blank lines never follow one another. */
const joined = (lines: string[]) =>
  lines.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n');

/** Headings, list items and user text (escaped for markdown, on one line in text) of a text or md report. */
function writer(format: ReportFormat, language: Language) {
  const say = strings(language).report;
  const u = format === 'md' ? markdownText : terminalText;
  return {
    h: (title: string) => (format === 'md' ? `## ${title}` : `== ${title}`),
    li: (text: string) => (format === 'md' ? `- ${text}` : `  - ${text}`),
    sub: (text: string) => (format === 'md' ? `  - ${text}` : `    ${text}`),
    u,
    q: (text: string) => say.quoted(u(text)),
  };
}

/**
 * `report gaps`: the knowledge gaps with the experts' answers to matching cases, what is counted
 * apart, the "not useful" entries, the corrections and their YAML; the patch is written by --patch.
 */
export function gapsText(r: GapsReport, format: ReportFormat, language: Language): string {
  if (format === 'json') return JSON.stringify(r, null, 2);
  const say = strings(language).report;
  if (format === 'csv') {
    const section = say.gaps.csvSections;
    return csv([
      say.gaps.csvHeader,
      ...r.unanswered.flatMap((u) => [
        [section.unanswered, u.query, u.count, [...u.examples, ...u.suggestions].join(' | ')],
        ...u.cases.map((c) => [section.caseAnswer, u.query, c.id, c.answer]),
      ]),
      ...r.outOfScope.map((o) => [section.outOfScope, o.query, o.count, '']),
      ...r.notHelpful.map((n) => [section.notHelpful, n.id, n.count, n.queries.join(' | ')]),
      ...r.corrections.map((c) => [section.correction, c.query, c.count, c.id]),
      ...r.unknownEntries.map((x) => [section.unknownEntry, x.id, x.count, '']),
    ]);
  }
  const { h, li, sub, u, q } = writer(format, language);
  const fence = format === 'md' ? markdownFence(r.keywordsYaml) : '';
  const none = [li(say.none)];
  const title = say.gaps.title(r.since) + (r.platform ? ` (${say.usage.onPlatform(r.platform)})` : '');
  return joined([
    format === 'md' ? `# ${title}` : title,
    '',
    h(say.gaps.unanswered),
    ...(r.unanswered.length === 0 ? none : []),
    ...r.unanswered.flatMap((group) => [
      li(
        `${group.count} × ${q(group.query)}${group.suggestions.length ? say.gaps.closest(group.suggestions.map(u).join(', ')) : ''}`,
      ),
      ...group.examples.filter((e) => e !== group.query).map((e) => sub(`${say.gaps.example} ${q(e)}`)),
      ...group.cases.map((c) =>
        sub(`${say.gaps.caseAnswer(c.id)}${say.colon} ${q(c.answer)}${c.entry ? ` -> ${u(c.entry)}` : ''}`),
      ),
    ]),
    '',
    say.gaps.notGaps(r.notGaps),
    ...(r.outOfScope.length > 0
      ? ['', h(say.gaps.outOfScope), ...r.outOfScope.map((o) => li(`${o.count} × ${q(o.query)}`))]
      : []),
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
  ]);
}

/** `report usage` as text (the page is report-html.ts). */
export function usageText(r: UsageReport, format: ReportFormat, language: Language): string {
  if (format === 'json') return JSON.stringify(r, null, 2);
  const say = strings(language).report;
  if (format === 'csv')
    return csv([say.usage.csvHeader, ...r.days.map((d) => [d.date, d.questions, d.answered, d.feedback])]);
  const t = r.totals;
  const e = r.escalations;
  const list = (title: string) => `${title}${say.colon}`;
  return [
    say.usage.title(r.since) + (r.platform ? ` (${say.usage.onPlatform(r.platform)})` : ''),
    say.usage.totals({
      ...t,
      answeredRate: say.percent(t.answeredRate),
      feedbackRate: say.percent(t.feedbackRate),
    }),
    say.gaps.notGaps(t),
    `${say.usage.escalationsLine({ ...e, rate: say.percent(e.rate) })}, ${
      e.medianResolveMs === null
        ? say.usage.noResolution
        : say.usage.medianLine(say.usage.duration(e.medianResolveMs))
    }`,
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
    ...(r.triage.length > 0
      ? [
          '',
          say.usage.funnel,
          ...r.triage.map((f) => say.usage.funnelLine(f.tree, f.started, f.finished, f.escalated)),
        ]
      : []),
    '',
    list(say.usage.perDay),
    ...r.days
      .filter((d) => d.questions > 0)
      .map((d) => `  ${d.date}${say.colon} ${say.usage.counts(d.questions, String(d.answered), d.feedback)}`),
  ].join('\n');
}

/** `report cases`: the resolved cases with the experts' answers and the entry each relates to. */
export function casesText(r: CasesReport, format: ReportFormat, language: Language): string {
  if (format === 'json') return JSON.stringify(r, null, 2);
  const say = strings(language).report;
  if (format === 'csv')
    return csv([
      say.cases.csvHeader,
      ...r.cases.map((c) => [
        c.id,
        c.product ?? '',
        c.title,
        c.summary,
        c.answer,
        c.entry ?? '',
        c.entryTitle ?? '',
        c.resolvedAt,
      ]),
    ]);
  const { h, li, sub, u, q } = writer(format, language);
  const title = say.cases.title(r.since) + (r.platform ? ` (${say.usage.onPlatform(r.platform)})` : '');
  return joined([
    format === 'md' ? `# ${title}` : title,
    '',
    ...(r.cases.length === 0 ? [li(say.none)] : []),
    ...r.cases.flatMap((c) => [
      h(`${strings(language).cases.caseLabel(c.id)} — ${u(c.title)}`),
      li(`${say.cases.asked}${say.colon} ${q(c.summary)}`),
      li(`${say.cases.answer}${say.colon} ${q(c.answer)}`),
      ...(c.entry
        ? [li(`${say.cases.entry}${say.colon} ${u(c.entryTitle ?? c.entry)} [${u(c.entry)}]`)]
        : []),
      sub(
        say.cases.resolved(
          c.resolvedBy ? u(c.resolvedBy) : null,
          c.resolvedAt.slice(0, 16).replace('T', ' '),
        ),
      ),
      '',
    ]),
  ]);
}
