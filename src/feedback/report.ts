import { Document, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { strings } from '../text/catalogue.js';
import type { Language } from '../text/language.js';
import { countBy, mostFrequent } from './counting.js';
import type { FeedbackEvent, QuestionEvent } from './events.js';
import {
  casesOf,
  keyedCase,
  type Normalize,
  type ResolvedCase,
  type UnansweredGroup,
  unansweredGroups,
} from './gap-groups.js';
import { type KeywordProposal, keywordsPatch } from './keywords-patch.js';
import { type QuestionKind, questionKind } from './question-kind.js';
import { ratedOnce } from './ratings.js';
import { redact } from './redact.js';

export type { CaseAnswer, Normalize, ResolvedCase, UnansweredGroup } from './gap-groups.js';

/** Unanswered messages that are no knowledge gap, counted apart. */
export interface NotGaps {
  smallTalk: number;
  menuPicks: number;
  outOfScope: number;
}

/** The JSON shape of `uc-triage report gaps` (a contract: extend, never rename). */
export interface GapsReport {
  since: string;
  /** The platform the report is restricted to (`--platform`), null for all. */
  platform: string | null;
  /** Knowledge gaps only: small talk, menu picks and out-of-scope questions are in `notGaps`. */
  unanswered: UnansweredGroup[];
  notGaps: NotGaps;
  /** The out-of-scope questions (counted in notGaps), most frequent first: to check each was rightly declined. */
  outOfScope: { query: string; count: number }[];
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
  /**
   * Keywords a maintainer could add to knowledge/overlays/keywords.yaml, as a YAML document shaped
   * like that file, to review and merge by hand (never applied automatically): for each resolved
   * case related to an entry, the questions of the group it matches and the case's summary; and
   * the corrections. Phrases the file already has are left out. Empty when there is nothing to add.
   */
  keywordsPatch: string;
}

/** At most this many out-of-scope questions are listed. */
const OUT_OF_SCOPE_SHOWN = 10;

/** An unknown id is shown at most this long (it is whatever a client sent). */
const UNKNOWN_ID_SHOWN = 100;

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

/** How many unanswered questions of each kind that is no gap, from the questions' kinds. */
export function notGapsOf(kinds: QuestionKind[]): NotGaps {
  const count = (kind: QuestionKind) => kinds.filter((k) => k === kind).length;
  return { smallTalk: count('small-talk'), menuPicks: count('menu-pick'), outOfScope: count('out-of-scope') };
}

export interface GapsOptions {
  /** The platform the events were restricted to, null for all (said in the report). */
  platform?: string | null;
  /** Resolved cases: their experts' answers are shown next to the groups they match. */
  cases?: ResolvedCase[];
  /** Today's knowledge/overlays/keywords.yaml: the patch proposes no phrase it already has. */
  keywords?: Readonly<Record<string, readonly string[]>>;
  /** The language of the patch's comments. */
  language?: Language;
}

/** What the patch proposes: per resolved case related to an entry, the questions of the group it matches; the corrections. */
function proposals(
  groups: { group: UnansweredGroup; cases: ResolvedCase[] }[],
  corrections: GapsReport['corrections'],
  isEntry: IsEntry,
): KeywordProposal[] {
  const fromCases = groups.flatMap(({ group, cases }) =>
    cases
      .filter((c) => c.entry !== undefined && isEntry(c.entry))
      .map((c) => ({
        entry: c.entry as string,
        phrases: [...group.examples, redact(c.summary)],
        cases: [c.id],
        corrections: 0,
      })),
  );
  const fromCorrections = corrections.map((c) => ({
    entry: c.id,
    phrases: [c.query],
    cases: [],
    corrections: c.count,
  }));
  return [...fromCases, ...fromCorrections];
}

export function gapsReport(
  stored: FeedbackEvent[],
  since: Date,
  normalize: Normalize,
  isEntry: IsEntry,
  options: GapsOptions = {},
): GapsReport {
  // A reason given after a "Pas utile" is that rating's reason, never a second rating (ratings.ts).
  const rated = ratedOnce(stored);
  const unknownEntries = unknownEntriesOf(rated, isEntry);
  const events = redactedAgain(rated).filter(
    (e) => !((e.type === 'correction' || e.type === 'feedback') && e.entry && !isEntry(e.entry)),
  );
  const declined = events.filter(
    (e): e is QuestionEvent => e.type === 'question' && !e.answered && e.query.trim() !== '',
  );
  const kinds = declined.map(questionKind);
  const ofKind = (kind: QuestionKind) => declined.filter((_, i) => kinds[i] === kind);
  const unanswered = ofKind('gap');
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
  const resolved = (options.cases ?? []).map((c) => keyedCase(c, normalize));
  const groups = unansweredGroups(unanswered, normalize).map((keyed) => {
    const cases = casesOf(keyed, resolved);
    const answers = cases.map(({ id, answer, entry, resolvedAt }) => ({
      id,
      answer,
      ...(entry ? { entry } : {}),
      resolvedAt,
    }));
    return { group: { ...keyed.group, cases: answers }, cases };
  });
  return {
    since: since.toISOString(),
    platform: options.platform ?? null,
    unanswered: groups.map((g) => g.group),
    notGaps: notGapsOf(kinds),
    outOfScope: [...countBy(ofKind('out-of-scope'), (q) => q.query).entries()]
      .map(([query, list]) => ({ query, count: list.length }))
      .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query))
      .slice(0, OUT_OF_SCOPE_SHOWN),
    notHelpful,
    corrections,
    keywordsYaml: keywordsLines(corrections),
    unknownEntries,
    keywordsPatch: keywordsPatch(
      proposals(groups, corrections, isEntry),
      options.keywords ?? {},
      options.language ?? 'fr',
    ),
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
