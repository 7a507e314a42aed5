import type { FeedbackEvent, QuestionEvent } from '../feedback/events.js';
import { questionKind } from '../feedback/question-kind.js';
import type { ResolvedCase } from '../feedback/report.js';
import { type Escalations, rate, type UsageReport } from '../feedback/usage.js';
import type { Case } from './case.js';

/** One resolved case in the JSON of `uc-triage report cases` (a contract: extend, never rename). */
export interface CasesReportItem {
  id: number;
  product: string | null;
  title: string;
  /** What the technician asked (the case's summary). */
  summary: string;
  answer: string;
  /** The entry the expert related the answer to, and its title; null when none. */
  entry: string | null;
  entryTitle: string | null;
  treeId: string | null;
  openedAt: string;
  resolvedAt: string;
  resolvedBy: string | null;
}

/** The JSON shape of `uc-triage report cases`. */
export interface CasesReport {
  since: string;
  platform: string | null;
  /** Resolved cases whose resolution falls in the period, newest first. */
  cases: CasesReportItem[];
}

/** A case on the platform asked for (null: every platform). */
const onPlatform = (c: Case, platform: string | null) =>
  platform === null || c.conversation.platform === platform;

const isResolved = (c: Case): c is Case & { answer: string; resolvedAt: string } =>
  c.state === 'resolved' && c.answer !== undefined && c.resolvedAt !== undefined;

/** Every resolved case as the gaps report matches them (whenever resolved: an answer stays true). */
export function resolvedCases(cases: Case[]): ResolvedCase[] {
  return cases.filter(isResolved).map((c) => ({
    id: c.id,
    summary: c.summary,
    answer: c.answer,
    ...(c.entry ? { entry: c.entry } : {}),
    resolvedAt: c.resolvedAt,
  }));
}

/** The cases resolved since `since`, with their answers and the title of the entry each relates to. */
export function casesReport(
  cases: Case[],
  since: Date,
  platform: string | null,
  entryTitle: (id: string) => string | undefined,
): CasesReport {
  const from = since.toISOString();
  return {
    since: from,
    platform,
    cases: cases
      .filter(isResolved)
      .filter((c) => c.resolvedAt >= from && onPlatform(c, platform))
      .sort((a, b) => b.resolvedAt.localeCompare(a.resolvedAt) || b.id - a.id)
      .map((c) => ({
        id: c.id,
        product: c.product,
        title: c.title,
        summary: c.summary,
        answer: c.answer,
        entry: c.entry ?? null,
        entryTitle: (c.entry && entryTitle(c.entry)) || null,
        treeId: c.treeId ?? null,
        openedAt: c.openedAt,
        resolvedAt: c.resolvedAt,
        resolvedBy: c.resolvedBy ?? null,
      })),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The usage report with its escalations: cases opened, resolved and closed in the period, those
 * waiting now, the median time to resolve, and the escalation rate overall, per product (cases /
 * questions whose best or closest entry is the product's) and per guided triage (cases / runs
 * started); the triage funnel gets its escalated runs. `events` are the report's (period, platform).
 */
export function withEscalations(
  usage: UsageReport,
  cases: Case[],
  events: FeedbackEvent[],
  productOf: (entryId: string) => string | undefined,
): UsageReport {
  const { since, until, platform } = usage;
  const mine = cases.filter((c) => onPlatform(c, platform));
  const opened = mine.filter((c) => c.openedAt >= since && c.openedAt <= until);
  const resolved = mine.filter(isResolved).filter((c) => c.resolvedAt >= since);
  const about = events.filter(
    (e): e is QuestionEvent => e.type === 'question' && ['answered', 'gap'].includes(questionKind(e)),
  );
  const questionsPerProduct = new Map<string, number>();
  for (const q of about) {
    const product = productOf(q.top ?? q.suggestions?.[0] ?? '');
    if (product) questionsPerProduct.set(product, (questionsPerProduct.get(product) ?? 0) + 1);
  }
  const products = [...new Set([...questionsPerProduct.keys(), ...opened.flatMap((c) => c.product ?? [])])];
  const perProduct = products
    .map((product) => {
      const questions = questionsPerProduct.get(product) ?? 0;
      const escalated = opened.filter((c) => c.product === product).length;
      return { product, questions, escalated, rate: rate(escalated, questions) };
    })
    .sort(
      (a, b) => b.escalated - a.escalated || b.questions - a.questions || a.product.localeCompare(b.product),
    );
  const fromTree = (tree: string) => opened.filter((c) => c.treeId === tree).length;
  const trees = [...new Set([...usage.triage.map((t) => t.tree), ...opened.flatMap((c) => c.treeId ?? [])])];
  const triage = trees
    .map((tree) => {
      const known = usage.triage.find((t) => t.tree === tree);
      return {
        tree,
        started: known?.started ?? 0,
        finished: known?.finished ?? 0,
        escalated: fromTree(tree),
      };
    })
    .sort((a, b) => b.started - a.started || b.escalated - a.escalated || a.tree.localeCompare(b.tree));
  const escalations: Escalations = {
    opened: opened.length,
    resolved: resolved.length,
    closed: mine.filter((c) => c.state === 'closed' && c.closedAt !== undefined && c.closedAt >= since)
      .length,
    waiting: mine.filter((c) => c.state === 'open' || c.state === 'taken').length,
    medianResolveMs: median(resolved.map((c) => Date.parse(c.resolvedAt) - Date.parse(c.openedAt))),
    rate: rate(opened.length, usage.totals.answered + usage.totals.gaps),
    perProduct,
    perTree: triage.map((t) => ({
      tree: t.tree,
      started: t.started,
      escalated: t.escalated,
      rate: rate(t.escalated, t.started),
    })),
  };
  return { ...usage, triage, escalations };
}
