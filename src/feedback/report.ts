import { Document, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { strings } from '../text/catalogue.js';
import type { Language } from '../text/language.js';
import type { FeedbackEvent, QuestionEvent } from './events.js';
import { redact } from './redact.js';

/** The JSON shape of `uc-triage report gaps` (a contract: extend, never rename). */
export interface GapsReport {
  since: string;
  unanswered: { query: string; count: number; examples: string[]; suggestions: string[] }[];
  notHelpful: { id: string; count: number; queries: string[] }[];
  corrections: { query: string; id: string; count: number }[];
  /** The corrections as lines to paste under `keywords:` in knowledge/overlays/keywords.yaml. */
  keywordsYaml: string;
  /**
   * Corrections and "not useful" clicks naming an id that is not in the knowledge base (an entry
   * removed or renamed since, or a forged button): left out of the lists above, of the YAML and of
   * export-eval. Ids are cut to UNKNOWN_ID_SHOWN characters.
   */
  unknownEntries: { id: string; count: number }[];
}

/** An unknown id is shown at most this long (it is whatever a client sent). */
const UNKNOWN_ID_SHOWN = 100;

/** At most this many examples or queries are listed per group. */
const EXAMPLES = 5;

/** Turns a question into the words that say what it is about (the search normaliser). */
export type Normalize = (text: string) => string[];

function countBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function mostFrequent(values: string[], limit = EXAMPLES): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([v]) => v);
}

/**
 * Unanswered questions grouped when they have the same normalised words or the same closest entry
 * (a union-find over both keys), biggest groups first.
 */
function unansweredGroups(questions: QuestionEvent[], normalize: Normalize): GapsReport['unanswered'] {
  const parent = questions.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const firstWith = new Map<string, number>();
  questions.forEach((q, i) => {
    const words = [...new Set(normalize(q.query))].sort().join(' ');
    for (const key of [
      `w:${words}`,
      ...((q.suggestions?.[0] ?? q.top) ? [`e:${q.suggestions?.[0] ?? q.top}`] : []),
    ]) {
      if (key === 'w:') continue;
      const other = firstWith.get(key);
      if (other === undefined) firstWith.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = countBy(
    questions.map((q, i) => ({ q, root: find(i) })),
    (x) => String(x.root),
  );
  return [...groups.values()]
    .map((members) => {
      const queries = members.map((m) => m.q.query);
      return {
        query: mostFrequent(queries, 1)[0] ?? '',
        count: members.length,
        examples: mostFrequent(queries),
        suggestions: mostFrequent(
          members.flatMap((m) => m.q.suggestions ?? (m.q.top ? [m.q.top] : [])),
          3,
        ),
      };
    })
    .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query));
}

/** Is this id an entry of the knowledge base? */
export type IsEntry = (id: string) => boolean;

/**
 * Stored questions redacted again with today's rules: events recorded by an earlier version (kept
 * for the retention period) may hold what the rules catch now.
 */
function redactedAgain(events: FeedbackEvent[]): FeedbackEvent[] {
  const seen = new Map<string, string>();
  const once = (query: string) => {
    const known = seen.get(query);
    if (known !== undefined) return known;
    const redacted = redact(query);
    seen.set(query, redacted);
    return redacted;
  };
  return events.map((e) => ({ ...e, query: once(e.query) }));
}

/** Entry ids that corrections and "not useful" clicks name but the knowledge base does not have. */
function unknownEntriesOf(events: FeedbackEvent[], isEntry: IsEntry): GapsReport['unknownEntries'] {
  const named = events.flatMap((e) =>
    (e.type === 'correction' || (e.type === 'feedback' && !e.useful)) && e.entry && !isEntry(e.entry)
      ? [e.entry.length > UNKNOWN_ID_SHOWN ? `${e.entry.slice(0, UNKNOWN_ID_SHOWN - 1)}…` : e.entry]
      : [],
  );
  return [...countBy(named, (id) => id).entries()]
    .map(([id, list]) => ({ id, count: list.length }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

export function gapsReport(
  stored: FeedbackEvent[],
  since: Date,
  normalize: Normalize,
  isEntry: IsEntry,
): GapsReport {
  const unknownEntries = unknownEntriesOf(stored, isEntry);
  const events = redactedAgain(stored).filter(
    (e) => !((e.type === 'correction' || e.type === 'feedback') && e.entry && !isEntry(e.entry)),
  );
  const unanswered = events.filter(
    (e): e is QuestionEvent => e.type === 'question' && !e.answered && e.query.trim() !== '',
  );
  const notUseful = events.filter((e) => e.type === 'feedback' && !e.useful && e.entry);
  const notHelpful = [
    ...countBy(notUseful, (e) => (e.type === 'feedback' ? (e.entry as string) : '')).entries(),
  ]
    .map(([id, list]) => ({ id, count: list.length, queries: mostFrequent(list.map((e) => e.query)) }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  const corrected = events.filter((e) => e.type === 'correction');
  const corrections = [
    ...countBy(
      corrected,
      (e) => `${e.type === 'correction' ? e.entry : ''}\u0000${normalize(e.query).join(' ')}`,
    ).values(),
  ]
    .map((list) => ({
      query:
        mostFrequent(
          list.map((e) => e.query),
          1,
        )[0] ?? '',
      id: (list[0] as Extract<FeedbackEvent, { type: 'correction' }>).entry,
      count: list.length,
    }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  return {
    since: since.toISOString(),
    unanswered: unansweredGroups(unanswered, normalize),
    notHelpful,
    corrections,
    keywordsYaml: keywordsLines(corrections),
    unknownEntries,
  };
}

/**
 * YAML is written by the yaml library (ids and questions are data, never markup), on one line per
 * item, in the style of the files it is pasted into (keywords.yaml, the held-out sets).
 */
const YAML_OPTIONS = { lineWidth: 0 } as const;

/**
 * `  webex-200039: ["adresse déjà prise dans une autre org"]`, one line per entry, indented to go
 * under `keywords:`. Questions are double-quoted, ids quoted when they need it.
 */
export function keywordsLines(corrections: GapsReport['corrections']): string {
  if (corrections.length === 0) return '';
  const byEntry = new Map(
    [...countBy(corrections, (c) => c.id).entries()].map(([id, list]) => [
      id,
      [...new Set(list.map((c) => c.query))],
    ]),
  );
  const doc = new Document(byEntry);
  for (const pair of (doc.contents as YAMLMap<unknown, YAMLSeq<Scalar>>).items) {
    const queries = pair.value as YAMLSeq<Scalar>;
    queries.flow = true;
    for (const query of queries.items) query.type = 'QUOTE_DOUBLE';
  }
  return doc
    .toString({ ...YAML_OPTIONS, flowCollectionPadding: false })
    .trimEnd()
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

export interface UsageReport {
  since: string;
  totals: {
    questions: number;
    answered: number;
    answeredRate: number;
    feedback: number;
    feedbackRate: number;
    useful: number;
    notUseful: number;
    corrections: number;
  };
  days: { date: string; questions: number; answered: number; feedback: number }[];
  platforms: {
    platform: string;
    questions: number;
    answered: number;
    answeredRate: number;
    feedback: number;
  }[];
  topCodes: { id: string; count: number }[];
  topSections: { id: string; count: number }[];
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

/** Questions per day, answered and feedback rates, top entries and platforms. `isCode` tells codes from sections. */
export function usageReport(
  events: FeedbackEvent[],
  since: Date,
  until: Date,
  isCode: (id: string) => boolean,
  top = 10,
): UsageReport {
  const questions = events.filter((e): e is QuestionEvent => e.type === 'question');
  const feedback = events.filter((e) => e.type === 'feedback');
  const days: UsageReport['days'] = [];
  for (
    let day = new Date(since.toISOString().slice(0, 10));
    day <= until;
    day = new Date(day.getTime() + 86_400_000)
  ) {
    const date = day.toISOString().slice(0, 10);
    const mine = questions.filter((q) => q.at.startsWith(date));
    days.push({
      date,
      questions: mine.length,
      answered: mine.filter((q) => q.answered).length,
      feedback: feedback.filter((f) => f.at.startsWith(date)).length,
    });
  }
  const platforms = [...countBy(questions, (q) => q.platform).entries()].map(([platform, list]) => {
    const answered = list.filter((q) => q.answered).length;
    const fb = feedback.filter((f) => f.platform === platform).length;
    return {
      platform,
      questions: list.length,
      answered,
      answeredRate: rate(answered, list.length),
      feedback: fb,
    };
  });
  const answeredTops = questions.filter((q) => q.answered && q.top).map((q) => q.top as string);
  const ranked = (filter: (id: string) => boolean) =>
    [...countBy(answeredTops.filter(filter), (id) => id).entries()]
      .map(([id, list]) => ({ id, count: list.length }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
      .slice(0, top);
  const answered = questions.filter((q) => q.answered).length;
  const useful = feedback.filter((f) => f.type === 'feedback' && f.useful).length;
  return {
    since: since.toISOString(),
    totals: {
      questions: questions.length,
      answered,
      answeredRate: rate(answered, questions.length),
      feedback: feedback.length,
      feedbackRate: rate(feedback.length, questions.length),
      useful,
      notUseful: feedback.length - useful,
      corrections: events.filter((e) => e.type === 'correction').length,
    },
    days,
    platforms: platforms.sort((a, b) => b.questions - a.questions),
    topCodes: ranked(isCode),
    topSections: ranked((id) => !isCode(id)),
  };
}

/**
 * Corrections as candidate evaluation items (YAML) for a held-out set: a person reviews them first.
 * Only corrections to entries of the knowledge base (see GapsReport.unknownEntries).
 */
export function evalCandidates(report: GapsReport, language: Language): string {
  const doc = new Document({
    queries: report.corrections.map((c) => ({ q: c.query, expect: c.id, cat: 'from-feedback' })),
  });
  for (const item of (doc.get('queries') as YAMLSeq<YAMLMap>).items) {
    item.flow = true;
    (item.get('q', true) as Scalar).type = 'QUOTE_DOUBLE';
  }
  const left = report.unknownEntries.reduce((n, u) => n + u.count, 0);
  const say = strings(language).report.exportEval;
  doc.commentBefore = [say.intro, say.review, ...(left > 0 ? [say.leftOut(left)] : [])].join('\n');
  return doc.toString(YAML_OPTIONS);
}
