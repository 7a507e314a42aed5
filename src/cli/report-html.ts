import type { UsageReport } from '../feedback/usage.js';
import { strings } from '../text/catalogue.js';
import type { Language } from '../text/language.js';

type Say = ReturnType<typeof strings>['report'];

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const COLOURS = {
  answered: '#2e7d32',
  gaps: '#c62828',
  apart: '#b0b0b0',
  bar: '#1565c0',
  escalated: '#ef6c00',
} as const;

/**
 * Stacked bars per day: answered questions, gaps and the messages counted apart, with the day's
 * date under every 7th bar.
 */
function daysChart(days: UsageReport['days'], say: Say): string {
  const width = 760;
  const height = 200;
  const bottom = 30;
  const max = Math.max(1, ...days.map((d) => d.questions));
  const slot = width / Math.max(1, days.length);
  const bar = Math.max(2, slot * 0.7);
  const scale = (n: number) => (n / max) * (height - bottom - 10);
  const bars = days
    .map((d, i) => {
      const x = i * slot + (slot - bar) / 2;
      let y = height - bottom;
      const parts = (
        [
          [d.answered, COLOURS.answered],
          [d.gaps, COLOURS.gaps],
          [d.questions - d.answered - d.gaps, COLOURS.apart],
        ] as const
      )
        .map(([n, colour]) => {
          const h = scale(n);
          y -= h;
          return `<rect x="${x}" y="${y}" width="${bar}" height="${h}" fill="${colour}"/>`;
        })
        .join('');
      // The first date starts at the left edge rather than being cut by it.
      const label =
        i % 7 === 0
          ? `<text x="${i === 0 ? x : x + bar / 2}" y="${height - 10}" font-size="10" text-anchor="${i === 0 ? 'start' : 'middle'}">${d.date.slice(5)}</text>`
          : '';
      return `<g><title>${d.date}${say.colon} ${say.usage.counts(d.questions, String(d.answered), d.feedback)}</title>
${parts}${label}</g>`;
    })
    .join('\n');
  return `<svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeHtml(say.usage.perDay)}">
<line x1="0" y1="${height - bottom}" x2="${width}" y2="${height - bottom}" stroke="#999"/>
<line x1="0" y1="${height - bottom - scale(max)}" x2="${width}" y2="${height - bottom - scale(max)}" stroke="#ddd" stroke-dasharray="4 4"/>
<text x="0" y="${height - bottom - scale(max) - 3}" font-size="10" fill="#777">${max}</text>${bars}</svg>`;
}

/** What a row names: a title (or the id when there is none), the id in its tooltip. */
function named(id: string, report: UsageReport, say: Say): string {
  const title = report.titles[id];
  return title
    ? `<span title="${escapeHtml(say.usage.idHint(id))}">${escapeHtml(title)}</span>`
    : `<code>${escapeHtml(id)}</code>`;
}

/** A bar in a table cell, as wide as value / max. */
const bar = (value: number, max: number, colour: string = COLOURS.bar) =>
  `<span class="bar" style="width:${Math.round((value / Math.max(1, max)) * 100)}%;background:${colour}"></span>`;

/** A ranked list as a table: the label, the count with its bar, an optional note. */
function barTable(items: { label: string; value: number; note?: string }[], say: Say): string {
  if (items.length === 0) return `<p class="muted">${escapeHtml(say.usage.noData)}</p>`;
  const max = Math.max(...items.map((i) => i.value));
  const rows = items
    .map(
      (item) =>
        `<tr><td>${item.label}</td><td class="n">${item.value}</td><td class="w">${bar(item.value, max)}${item.note ? ` <span class="muted">${escapeHtml(item.note)}</span>` : ''}</td></tr>`,
    )
    .join('\n');
  return `<table class="list">${rows}</table>`;
}

function table(head: string[], rows: string[][], say: Say, numeric: number[] = [], kind = ''): string {
  if (rows.length === 0) return `<p class="muted">${escapeHtml(say.usage.noData)}</p>`;
  const cell = (tag: 'td' | 'th', text: string, i: number) =>
    `<${tag}${numeric.includes(i) ? ' class="n"' : ''}>${text}</${tag}>`;
  return `<table class="grid${kind ? ` ${kind}` : ''}"><thead><tr>${head.map((h, i) => cell('th', escapeHtml(h), i)).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n')}</tbody></table>`;
}

function gapsSection(report: UsageReport, say: Say, language: Language): string {
  const u = say.usage;
  const { caseLabel } = strings(language).cases;
  const rows = report.gaps.map((g) => [
    `<q>${escapeHtml(g.query)}</q>${
      g.examples.length > 1
        ? `<div class="muted small">${g.examples
            .filter((e) => e !== g.query)
            .map((e) => `<q>${escapeHtml(e)}</q>`)
            .join(' · ')}</div>`
        : ''
    }`,
    String(g.count),
    g.suggestions.map((id) => named(id, report, say)).join('<br>'),
    g.cases
      .map(
        (c) =>
          `<b>${escapeHtml(caseLabel(c.id))}</b>${say.colon} ${escapeHtml(c.answer)}${c.entry ? ` <span class="muted">→ ${named(c.entry, report, say)}</span>` : ''}`,
      )
      .join('<br>'),
  ]);
  return table([u.question, u.times, u.closest, u.experts], rows, say, [1]);
}

function notHelpfulSection(report: UsageReport, say: Say): string {
  const u = say.usage;
  const rows = report.notHelpful.map((n) => [
    named(n.id, report, say),
    String(n.count),
    String(n.wrongTopic),
    String(n.doesNotAnswer),
    String(n.count - n.wrongTopic - n.doesNotAnswer),
  ]);
  return table([u.entry, u.notUseful, u.wrongTopic, u.doesNotAnswer, u.noReason], rows, say, [1, 2, 3, 4]);
}

function escalationsSection(report: UsageReport, say: Say): string {
  const u = say.usage;
  const e = report.escalations;
  const median = e.medianResolveMs === null ? u.noResolution : u.medianLine(u.duration(e.medianResolveMs));
  const rows = e.perProduct.map((p) => [
    named(p.product, report, say),
    String(p.questions),
    String(p.escalated),
    p.questions > 0 ? say.percent(p.rate) : '—',
  ]);
  return `<p class="text">${escapeHtml(u.escalationsLine({ ...e, rate: say.percent(e.rate) }))}<br>${escapeHtml(median)}</p>
<h3>${escapeHtml(u.perProduct)}</h3>
${table([u.product, u.questionsAbout, u.escalated, u.escalationRate], rows, say, [1, 2, 3])}`;
}

function funnelSection(report: UsageReport, say: Say): string {
  const u = say.usage;
  const max = Math.max(1, ...report.triage.map((t) => t.started));
  const rows = report.triage.map((t) => {
    const rate = report.escalations.perTree.find((p) => p.tree === t.tree)?.rate ?? 0;
    return [
      named(t.tree, report, say),
      `<span class="num">${t.started}</span>${bar(t.started, max)}`,
      `<span class="num">${t.finished}</span>${bar(t.finished, max, COLOURS.answered)}`,
      `<span class="num">${t.escalated}</span>${bar(t.escalated, max, COLOURS.escalated)}`,
      t.started > 0 ? say.percent(rate) : '—',
    ];
  });
  return table([u.tree, u.started, u.finished, u.escalated, u.escalationRate], rows, say, [4], 'funnel');
}

/**
 * One self-contained page (inline CSS and SVG, no external asset) a team lead opens in a browser,
 * every word in one language: the period and platform it covers, the key figures, questions per
 * day, the gaps with the experts' answers, the "not useful" entries with their reasons, the
 * escalations, the guided triages' funnel, platforms and top entries by title.
 */
export function usageHtml(report: UsageReport, language: Language): string {
  const say = strings(language).report;
  const u = say.usage;
  const t = report.totals;
  const e = report.escalations;
  const card = (value: string, label: string, detail = '', tone = '') =>
    `<div class="card${tone}"><div class="v">${escapeHtml(value)}</div><div class="l">${escapeHtml(label)}</div>${
      detail ? `<div class="d">${escapeHtml(detail)}</div>` : ''
    }</div>`;
  const h2 = (title: string, hint = '') =>
    `<h2>${escapeHtml(title)}</h2>${hint ? `<p class="muted small">${escapeHtml(hint)}</p>` : ''}`;
  const apart = t.smallTalk + t.menuPicks + t.outOfScope;
  const legend = [
    [COLOURS.answered, u.answered],
    [COLOURS.gaps, u.more.gaps],
    [COLOURS.apart, u.apart],
  ]
    .map(([colour, label]) => `<span style="background:${colour}"></span>${escapeHtml(label as string)}`)
    .join('');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(u.htmlTitle)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222;max-width:900px}
h1{font-size:22px;margin-bottom:2px}h2{font-size:17px;margin:30px 0 4px}h3{font-size:14px;margin:14px 0 4px}
.sub{margin:0 0 16px;color:#444}.muted{color:#777}.small{font-size:12px;margin:2px 0 8px}
.cards{display:grid;grid-template-columns:repeat(3,1fr);gap:12px}
.card{border:1px solid #ddd;border-radius:8px;padding:10px 14px}.card.bad{border-left:4px solid ${COLOURS.gaps}}
.card.good{border-left:4px solid ${COLOURS.answered}}.card.apart{border-left:4px solid ${COLOURS.apart}}
.v{font-size:24px;font-weight:600}.l{font-size:13px;color:#333}.d{font-size:12px;color:#777;margin-top:2px}
.legend span{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px}
table{border-collapse:collapse;width:100%;font-size:13px}
.grid th{text-align:left;font-weight:600;border-bottom:2px solid #ddd;padding:4px 6px}
.grid td{border-bottom:1px solid #eee;padding:5px 6px;vertical-align:top}
.list td{padding:3px 6px;vertical-align:middle}.list td:first-child{width:55%}
td.n,th.n{text-align:right;white-space:nowrap}td.w{width:35%}
.bar{display:inline-block;height:10px;vertical-align:middle;margin-left:6px;min-width:1px;max-width:140px}
.grid .bar{max-width:90px}.funnel td{white-space:nowrap;width:13%}.funnel td:first-child{white-space:normal;width:48%}
.funnel .bar{max-width:52px}
.num{display:inline-block;min-width:2.2em;text-align:right}.text{font-size:14px;line-height:1.5}
q{quotes:"«\\00a0" "\\00a0»"}
</style></head><body>
<h1>${escapeHtml(u.htmlTitle)}</h1>
<p class="sub">${escapeHtml(u.period(report.since.slice(0, 10), report.until.slice(0, 10)))} · <b>${escapeHtml(u.onPlatform(report.platform))}</b></p>
<div class="cards">
${card(say.percent(t.answeredRate), u.more.answered, u.answeredOfSources(t.answered, t.answered + t.gaps), ' good')}
${card(String(t.gaps), u.more.gaps, u.gapsCard(say.percent(1 - t.answeredRate), report.gaps.length), ' bad')}
${card(String(apart), u.more.apart, u.apartCard(t), ' apart')}
${card(String(t.notUseful), u.more.notUseful, u.notUsefulCard(t.feedback, t.useful))}
${card(String(e.opened), u.more.escalated, u.escalatedCard(say.percent(e.rate), e.waiting))}
${card(e.medianResolveMs === null ? '—' : u.duration(e.medianResolveMs), u.more.medianResolve, u.resolvedCard(e.resolved))}
</div>
${h2(u.perDay)}
<div class="legend muted small">${legend}</div>
${daysChart(report.days, say)}
${h2(u.gaps, u.gapsHint)}
${gapsSection(report, say, language)}
<p class="muted small">${escapeHtml(u.apartHint(t))}</p>
${h2(u.notHelpful, u.notHelpfulHint)}
${notHelpfulSection(report, say)}
${h2(u.escalations)}
${escalationsSection(report, say)}
${h2(u.funnel, u.funnelHint)}
${funnelSection(report, say)}
${h2(u.perPlatform)}
${barTable(
  report.platforms.map((p) => ({
    label: escapeHtml(p.platform),
    value: p.questions,
    note: `${say.percent(p.answeredRate)} ${u.answered}`,
  })),
  say,
)}
${h2(u.topCodes)}
${barTable(
  report.topCodes.map((c) => ({ label: named(c.id, report, say), value: c.count })),
  say,
)}
${h2(u.topSections)}
${barTable(
  report.topSections.map((c) => ({ label: named(c.id, report, say), value: c.count })),
  say,
)}
</body></html>
`;
}
