import { type Answer, type AnswerResult, citationOf, noAnswerLead, productLabel } from './answer.js';
import { labels } from './labels.js';

function percent(score: number): string {
  return `${Math.round(score * 100)} %`;
}

/** Plain-text rendering (terminal, CLI, and the fallback text of chat messages). */
export function renderResultText(answer: Answer, result: AnswerResult): string {
  const l = labels(answer.language);
  const lines: string[] = [];
  const codes = result.codes.length > 1 ? result.codes.join(', ') : result.code;
  lines.push(
    `${productLabel(result.product)}${codes ? ` — ${codes}` : ''} — ${result.code ? result.cause : result.title}`,
  );
  if (result.severity) lines.push(`${l.type}${l.colon} ${result.severity}`);
  if (result.code) {
    lines.push(`${l.action}${l.colon} ${result.action ?? l.noAction}`);
  } else if (result.action) {
    lines.push(result.action);
  }
  if (result.followUps.length > 0) {
    lines.push(`${l.followUps}${l.colon}`, ...result.followUps.map((q) => `  - ${q}`));
  }
  lines.push(`${l.source}${l.colon} ${citationOf(result)}`);
  return lines.join('\n');
}

export function renderAnswerText(answer: Answer): string {
  const l = labels(answer.language);
  const parts: string[] = [];
  if (!answer.answered) {
    parts.push(...noAnswerLead(answer));
    if (answer.results.length === 0) {
      parts.push(l.escalate);
      return parts.join('\n');
    }
    parts.push(`${l.didYouMean}${l.colon}`, ...answer.results.map((r) => `  - ${r.title} [${r.id}]`));
    return parts.join('\n');
  }
  const [best, ...others] = answer.results;
  if (!best) return l.noAnswer;
  parts.push(renderResultText(answer, best), `${l.confidence}${l.colon} ${percent(best.score)}`);
  if (others.length > 0) {
    parts.push(
      '',
      `${l.alternatives}${l.colon}`,
      ...others.map((r) => `  - ${productLabel(r.product)}${l.colon} ${r.title} [${r.id}]`),
    );
  }
  return parts.join('\n');
}
