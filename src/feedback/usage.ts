import { countBy, mostFrequent } from './counting.js';
import type { FeedbackEvent, HelpfulnessEvent, QuestionEvent, TriageEvent } from './events.js';
import type { UnansweredGroup } from './gap-groups.js';
import { type QuestionKind, questionKind } from './question-kind.js';
import { ratedOnce } from './ratings.js';
import { type NotGaps, notGapsOf } from './report.js';

/** The JSON shape of `uc-triage report usage` (a contract: extend, never rename). */
export interface UsageReport {
  since: string;
  /** The end of the period: when the report was made. */
  until: string;
  /** The platform the report is restricted to (`--platform`), null for all. */
  platform: string | null;
  totals: {
    /** Every message recorded as a question, small talk and menu picks included. */
    questions: number;
    answered: number;
    /** answered / (answered + gaps): small talk, menu picks and out-of-scope questions left out. */
    answeredRate: number;
    feedback: number;
    feedbackRate: number;
    useful: number;
    notUseful: number;
    corrections: number;
    /** Questions about what the sources cover that got no answer. */
    gaps: number;
  } & NotGaps;
  days: { date: string; questions: number; answered: number; feedback: number; gaps: number }[];
  platforms: {
    platform: string;
    questions: number;
    answered: number;
    answeredRate: number;
    feedback: number;
    gaps: number;
  }[];
  topCodes: { id: string; count: number }[];
  topSections: { id: string; count: number }[];
  /** The biggest groups of unanswered questions (those of `report gaps`). */
  gaps: UnansweredGroup[];
  /** Entries marked not useful, with why when the click said (`wrongTopic`, `doesNotAnswer`). */
  notHelpful: { id: string; count: number; wrongTopic: number; doesNotAnswer: number; queries: string[] }[];
  /** Per guided triage: runs started, runs that reached an outcome, cases opened from it. */
  triage: { tree: string; started: number; finished: number; escalated: number }[];
  /** Escalations as cases (filled from the case store; zeros without one). */
  escalations: Escalations;
  /** The title of every entry, tree and product id the report names (ids are kept as they are elsewhere). */
  titles: Record<string, string>;
}

export interface Escalations {
  /** Cases opened in the period. */
  opened: number;
  /** Cases resolved in the period, and closed without an answer. */
  resolved: number;
  closed: number;
  /** Cases open or taken now, whenever opened. */
  waiting: number;
  /** Median time from opening to resolution of the cases resolved in the period; null when none. */
  medianResolveMs: number | null;
  /** Cases opened / questions about the sources (answered + gaps). */
  rate: number;
  /** Per product: questions whose best or closest entry is the product's, cases opened about it. */
  perProduct: { product: string; questions: number; escalated: number; rate: number }[];
  /** Per guided triage: runs started, cases opened from it. */
  perTree: { tree: string; started: number; escalated: number; rate: number }[];
}

export const NO_ESCALATIONS: Escalations = {
  opened: 0,
  resolved: 0,
  closed: 0,
  waiting: 0,
  medianResolveMs: null,
  rate: 0,
  perProduct: [],
  perTree: [],
};

export const rate = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;

export interface UsageOptions {
  /** How many top codes and sections. */
  top?: number;
  platform?: string | null;
  /** The groups of unanswered questions (gapsReport), the biggest shown. */
  gaps?: UnansweredGroup[];
}

/** How many questions of each kind, and the answered rate among those about the sources. */
function tally(kinds: QuestionKind[]) {
  const answered = kinds.filter((k) => k === 'answered').length;
  const gaps = kinds.filter((k) => k === 'gap').length;
  return { questions: kinds.length, answered, gaps, answeredRate: rate(answered, answered + gaps) };
}

/** Triage runs counted once each: a run is its tree, start time, platform and user. */
function funnel(events: TriageEvent[]): UsageReport['triage'] {
  const runs = (step: TriageEvent['step'], tree: string) =>
    new Set(
      events
        .filter((e) => e.step === step && e.tree === tree)
        .map((e) => `${e.platform}\u0000${e.user ?? ''}\u0000${e.startedAt}`),
    ).size;
  return [...new Set(events.map((e) => e.tree))]
    .map((tree) => ({ tree, started: runs('started', tree), finished: runs('finished', tree), escalated: 0 }))
    .sort((a, b) => b.started - a.started || a.tree.localeCompare(b.tree));
}

function notHelpfulOf(feedback: HelpfulnessEvent[]): UsageReport['notHelpful'] {
  const notUseful = feedback.filter((f) => !f.useful && f.entry);
  return [...countBy(notUseful, (f) => f.entry as string).entries()]
    .map(([id, list]) => ({
      id,
      count: list.length,
      wrongTopic: list.filter((f) => f.reason === 'wrong-topic').length,
      doesNotAnswer: list.filter((f) => f.reason === 'does-not-answer').length,
      queries: mostFrequent(list.map((f) => f.query)),
    }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

/**
 * Questions per day, answered and feedback rates, top entries and platforms, the "not useful"
 * clicks and the guided triages' funnel. Small talk, menu picks and out-of-scope questions are
 * counted apart from the gaps. `isCode` tells codes from sections. A reason given after a "Pas
 * utile" is that rating's reason, never a second rating (ratings.ts).
 */
export function usageReport(
  stored: FeedbackEvent[],
  since: Date,
  until: Date,
  isCode: (id: string) => boolean,
  options: UsageOptions = {},
): UsageReport {
  const top = options.top ?? 10;
  const events = ratedOnce(stored);
  const questions = events.filter((e): e is QuestionEvent => e.type === 'question');
  const kinds = new Map(questions.map((q) => [q, questionKind(q)]));
  const kindsOf = (list: QuestionEvent[]) => list.map((q) => kinds.get(q) as QuestionKind);
  const feedback = events.filter((e): e is HelpfulnessEvent => e.type === 'feedback');
  const days: UsageReport['days'] = [];
  for (
    let day = new Date(since.toISOString().slice(0, 10));
    day <= until;
    day = new Date(day.getTime() + 86_400_000)
  ) {
    const date = day.toISOString().slice(0, 10);
    const {
      questions: asked,
      answered,
      gaps,
    } = tally(kindsOf(questions.filter((q) => q.at.startsWith(date))));
    days.push({
      date,
      questions: asked,
      answered,
      feedback: feedback.filter((f) => f.at.startsWith(date)).length,
      gaps,
    });
  }
  const platforms = [...countBy(questions, (q) => q.platform).entries()].map(([platform, list]) => ({
    platform,
    ...tally(kindsOf(list)),
    feedback: feedback.filter((f) => f.platform === platform).length,
  }));
  const answeredTops = questions.filter((q) => q.answered && q.top).map((q) => q.top as string);
  const ranked = (filter: (id: string) => boolean) =>
    [...countBy(answeredTops.filter(filter), (id) => id).entries()]
      .map(([id, list]) => ({ id, count: list.length }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
      .slice(0, top);
  const all = tally(kindsOf(questions));
  const useful = feedback.filter((f) => f.useful).length;
  return {
    since: since.toISOString(),
    until: until.toISOString(),
    platform: options.platform ?? null,
    totals: {
      questions: all.questions,
      answered: all.answered,
      answeredRate: all.answeredRate,
      feedback: feedback.length,
      feedbackRate: rate(feedback.length, questions.length),
      useful,
      notUseful: feedback.length - useful,
      corrections: events.filter((e) => e.type === 'correction').length,
      gaps: all.gaps,
      ...notGapsOf(kindsOf(questions)),
    },
    days,
    platforms: platforms
      .map(({ platform, questions, answered, answeredRate, feedback, gaps }) => ({
        platform,
        questions,
        answered,
        answeredRate,
        feedback,
        gaps,
      }))
      .sort((a, b) => b.questions - a.questions),
    topCodes: ranked(isCode),
    topSections: ranked((id) => !isCode(id)),
    gaps: (options.gaps ?? []).slice(0, top),
    notHelpful: notHelpfulOf(feedback).slice(0, top),
    triage: funnel(events.filter((e): e is TriageEvent => e.type === 'triage')),
    escalations: NO_ESCALATIONS,
    titles: {},
  };
}
