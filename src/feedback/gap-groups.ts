import { countBy, mostFrequent } from './counting.js';
import type { QuestionEvent } from './events.js';

/** Turns a question into the words that say what it is about (the search normaliser). */
export type Normalize = (text: string) => string[];

/** An expert's answer to a case that matches a group of unanswered questions. */
export interface CaseAnswer {
  id: number;
  answer: string;
  /** The entry of the knowledge base the expert related the answer to, if any. */
  entry?: string;
  resolvedAt: string;
}

/** A resolved case as the gaps report reads it: what was asked (the case's summary) and what the expert answered. */
export interface ResolvedCase extends CaseAnswer {
  summary: string;
}

/** A group of unanswered questions: same normalised words or same closest entry. */
export interface UnansweredGroup {
  query: string;
  count: number;
  examples: string[];
  suggestions: string[];
  /** The experts' answers to resolved cases about the same thing, newest first (empty when none). */
  cases: CaseAnswer[];
}

/** A group with the keys its questions were grouped by, to match cases against. */
export interface KeyedGroup {
  group: UnansweredGroup;
  /** The questions' normalised words, each set sorted and joined. */
  words: Set<string>;
  /** The questions' closest entries. */
  entries: Set<string>;
}

/** A question's words, as the groups compare them: each word once, sorted. */
export const wordsKey = (text: string, normalize: Normalize) =>
  [...new Set(normalize(text))].sort().join(' ');

const closestOf = (q: QuestionEvent) => q.suggestions?.[0] ?? q.top;

/**
 * Unanswered questions grouped when they have the same normalised words or the same closest entry
 * (a union-find over both keys), biggest groups first.
 */
export function unansweredGroups(questions: QuestionEvent[], normalize: Normalize): KeyedGroup[] {
  const parent = questions.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const firstWith = new Map<string, number>();
  const words = questions.map((q) => wordsKey(q.query, normalize));
  questions.forEach((q, i) => {
    const closest = closestOf(q);
    for (const key of [`w:${words[i]}`, ...(closest ? [`e:${closest}`] : [])]) {
      if (key === 'w:') continue;
      const other = firstWith.get(key);
      if (other === undefined) firstWith.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = countBy(
    questions.map((q, i) => ({ q, words: words[i] as string, root: find(i) })),
    (x) => String(x.root),
  );
  return [...groups.values()]
    .map((members) => {
      const queries = members.map((m) => m.q.query);
      return {
        group: {
          query: mostFrequent(queries, 1)[0] ?? '',
          count: members.length,
          examples: mostFrequent(queries),
          suggestions: mostFrequent(
            members.flatMap((m) => m.q.suggestions ?? (m.q.top ? [m.q.top] : [])),
            3,
          ),
          cases: [],
        },
        words: new Set(members.map((m) => m.words).filter((w) => w !== '')),
        entries: new Set(members.flatMap((m) => closestOf(m.q) ?? [])),
      };
    })
    .sort((a, b) => b.group.count - a.group.count || a.group.query.localeCompare(b.group.query));
}

/** A resolved case with its summary's words, as the groups compare them: computed once per report. */
export interface KeyedCase {
  case: ResolvedCase;
  words: string;
}

export const keyedCase = (c: ResolvedCase, normalize: Normalize): KeyedCase => ({
  case: c,
  words: wordsKey(c.summary, normalize),
});

/**
 * The resolved cases about a group, newest first: a case matches when its summary has the same
 * normalised words as one of the group's questions, or the entry the expert named is the closest
 * entry of one of them (as the questions themselves are grouped).
 */
export function casesOf(keyed: KeyedGroup, cases: KeyedCase[]): ResolvedCase[] {
  return cases
    .filter(
      ({ case: c, words }) => keyed.words.has(words) || (c.entry !== undefined && keyed.entries.has(c.entry)),
    )
    .map((k) => k.case)
    .sort((a, b) => b.resolvedAt.localeCompare(a.resolvedAt) || b.id - a.id);
}
