import type { UsageReport } from '../feedback/report.js';
import { strings } from '../text/catalogue.js';
import type { Language } from '../text/language.js';

type Say = ReturnType<typeof strings>['report'];

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Stacked bars per day: answered questions and the others, with the day's date under every 7th bar. */
function daysChart(days: UsageReport['days'], say: Say): string {
  const width = 760;
  const height = 220;
  const bottom = 30;
  const max = Math.max(1, ...days.map((d) => d.questions));
  const slot = width / Math.max(1, days.length);
  const bar = Math.max(2, slot * 0.7);
  const scale = (n: number) => (n / max) * (height - bottom - 10);
  const bars = days
    .map((d, i) => {
      const x = i * slot + (slot - bar) / 2;
      const answered = scale(d.answered);
      const other = scale(d.questions - d.answered);
      const label =
        i % 7 === 0
          ? `<text x="${x + bar / 2}" y="${height - 10}" font-size="10" text-anchor="middle">${d.date.slice(5)}</text>`
          : '';
      return `<g><title>${d.date}${say.colon} ${say.usage.counts(d.questions, String(d.answered), d.feedback)}</title>
<rect x="${x}" y="${height - bottom - answered}" width="${bar}" height="${answered}" fill="#2e7d32"/>
<rect x="${x}" y="${height - bottom - answered - other}" width="${bar}" height="${other}" fill="#c62828"/>${label}</g>`;
    })
    .join('\n');
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(say.usage.perDay)}">
<line x1="0" y1="${height - bottom}" x2="${width}" y2="${height - bottom}" stroke="#999"/>
<text x="0" y="12" font-size="11">${max}</text>${bars}</svg>`;
}

/** Horizontal bars for a ranked list (platforms, top entries). */
function barList(items: { label: string; value: number; note?: string }[], say: Say): string {
  if (items.length === 0) return `<p class="muted">${escapeHtml(say.usage.noData)}</p>`;
  const max = Math.max(1, ...items.map((i) => i.value));
  const row = 26;
  // Labels up to 48 characters (the full id in the tooltip), bars short enough to leave room for the note.
  const rows = items
    .map((item, i) => {
      const w = (item.value / max) * 240;
      const label = item.label.length > 48 ? `${item.label.slice(0, 47)}…` : item.label;
      return `<g><title>${escapeHtml(item.label)}</title><text x="0" y="${i * row + 17}" font-size="12">${escapeHtml(label)}</text>
<rect x="340" y="${i * row + 5}" width="${w}" height="16" fill="#1565c0"/>
<text x="${345 + w}" y="${i * row + 17}" font-size="12">${item.value}${item.note ? ` (${escapeHtml(item.note)})` : ''}</text></g>`;
    })
    .join('\n');
  return `<svg viewBox="0 0 760 ${items.length * row + 6}" width="100%" role="img">${rows}</svg>`;
}

/**
 * One self-contained page (inline CSS and SVG, no external asset) a team lead opens in a browser,
 * every word in one language.
 */
export function usageHtml(report: UsageReport, language: Language): string {
  const say = strings(language).report;
  const { cards } = say.usage;
  const pct = say.percent;
  const t = report.totals;
  const card = (label: string, value: string) =>
    `<div class="card"><div class="v">${value}</div><div class="l">${escapeHtml(label)}</div></div>`;
  const h2 = (title: string) => `<h2>${escapeHtml(title)}</h2>`;
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(say.usage.htmlTitle)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222;max-width:820px}
h1{font-size:22px}h2{font-size:16px;margin-top:28px}.muted{color:#777}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:8px;padding:10px 14px;min-width:120px}
.v{font-size:22px;font-weight:600}.l{font-size:12px;color:#555}
.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}
</style></head><body>
<h1>${escapeHtml(say.usage.htmlHeading(report.since.slice(0, 10)))}</h1>
<div class="cards">
${card(cards.questions, String(t.questions))}
${card(cards.answered, `${t.answered} (${pct(t.answeredRate)})`)}
${card(cards.feedback, `${t.feedback} (${pct(t.feedbackRate)})`)}
${card(cards.usefulOrNot, `${t.useful} / ${t.notUseful}`)}
${card(cards.corrections, String(t.corrections))}
</div>
${h2(say.usage.perDay)}
<div class="legend muted"><span style="background:#2e7d32"></span>${escapeHtml(say.usage.answered)}<span style="background:#c62828"></span>${escapeHtml(say.usage.unanswered)}</div>
${daysChart(report.days, say)}
${h2(say.usage.perPlatform)}
${barList(
  report.platforms.map((p) => ({
    label: p.platform,
    value: p.questions,
    note: `${pct(p.answeredRate)} ${say.usage.answered}`,
  })),
  say,
)}
${h2(say.usage.topCodes)}
${barList(
  report.topCodes.map((c) => ({ label: c.id, value: c.count })),
  say,
)}
${h2(say.usage.topSections)}
${barList(
  report.topSections.map((c) => ({ label: c.id, value: c.count })),
  say,
)}
</body></html>
`;
}
