import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { TriageBot } from '../../src/app/triage-bot.js';

export interface LabelledQuery {
  q: string;
  expect: string | string[] | null;
  cat: string;
  /** Real users' texts (test/eval/real): where the text was written. */
  url?: string;
  lang?: string;
}

export interface Outcome {
  query: LabelledQuery;
  ok: boolean;
  /** Answered with a top result that is not the expected one (or answered an off-topic query). */
  confidentWrong: boolean;
  answered: boolean;
  /** Not answered, but "Vouliez-vous dire …" offers the right entry first (counted apart). */
  suggestedRight: boolean;
  got: string;
}

/** queries.yaml is the tuned set; heldout.yaml is never tuned on (see its header). */
export function loadEvalSet(file = 'queries.yaml'): LabelledQuery[] {
  const url = new URL(`./${file}`, import.meta.url);
  return (parse(readFileSync(url, 'utf8')) as { queries: LabelledQuery[] }).queries;
}

/** Right when the expected entry comes first (answered), or when an off-topic query is not answered. */
export function evaluate(bot: TriageBot, queries: LabelledQuery[]): Outcome[] {
  return queries.map((query) => {
    const answer = bot.ask(query.q);
    const top = answer.results[0];
    const got = answer.answered
      ? `${top?.id} (${top?.score})`
      : `answered=false/${answer.decision}/${answer.reason} [${answer.results.map((r) => r.id).join(', ')}]`;
    if (query.expect === null) {
      return {
        query,
        ok: !answer.answered,
        confidentWrong: answer.answered,
        answered: answer.answered,
        suggestedRight: false,
        got,
      };
    }
    const wanted = Array.isArray(query.expect) ? query.expect : [query.expect];
    // A result standing for several codes of one row ("490, 491, 496, 487, 498") answers any of them.
    const ok = answer.answered && Boolean(top) && wanted.includes(top?.id as string);
    const suggestedRight = answer.decision === 'suggest' && wanted.includes(top?.id as string);
    return {
      query,
      ok,
      confidentWrong: answer.answered && !ok,
      answered: answer.answered,
      suggestedRight,
      got,
    };
  });
}

export function accuracyTable(outcomes: Outcome[]): {
  table: string;
  byCategory: Map<string, number>;
  overall: number;
  confidentWrongRate: number;
} {
  const byCategory = new Map<string, number>();
  const rows: string[] = [
    '| category | queries | right | accuracy | answered | confident-wrong | "did you mean", right first |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  const cats = [...new Set(outcomes.map((o) => o.query.cat))];
  let confidentWrongRate = 0;
  for (const cat of [...cats, 'all']) {
    const mine = cat === 'all' ? outcomes : outcomes.filter((o) => o.query.cat === cat);
    const right = mine.filter((o) => o.ok).length;
    const answered = mine.filter((o) => o.answered).length;
    const wrong = mine.filter((o) => o.confidentWrong).length;
    const suggested = mine.filter((o) => o.suggestedRight).length;
    const accuracy = right / mine.length;
    // Confident-wrong rate: answered with a wrong top result / all answered.
    const cwRate = answered === 0 ? 0 : wrong / answered;
    if (cat === 'all') confidentWrongRate = cwRate;
    byCategory.set(cat, accuracy);
    rows.push(
      `| ${cat} | ${mine.length} | ${right} | ${(accuracy * 100).toFixed(1)} % | ${answered} | ${wrong} (${(cwRate * 100).toFixed(1)} %) | ${suggested} |`,
    );
  }
  return { table: rows.join('\n'), byCategory, overall: byCategory.get('all') ?? 0, confidentWrongRate };
}
