import { type Decision, type DecisionKind, MAX_RESULTS, type NoAnswerReason } from '../decision/decide.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Entry, Product } from '../knowledge/types.js';
import type { Hit } from '../search/hits.js';
import { ellipsize } from '../text/ellipsize.js';
import type { Language } from '../text/language.js';

/** One answer candidate, platform-neutral; the JSON contract of `uc-triage ask --json`. */
export interface AnswerResult {
  product: Product;
  code: string | null;
  /** Every code of a source row that lists several codes with one meaning (e.g. "490, 491, 496"). */
  codes: string[];
  title: string;
  /** The clean heading of the source section the answer comes from. */
  section: string;
  sectionPath: string[];
  cause: string | null;
  action: string | null;
  severity: string | null;
  steps: string[];
  followUps: string[];
  score: number;
  id: string;
  source: string;
  lines: [number, number];
}

/** One problem found in a message: a code (or a log signature a section quotes) and what the source says of it. */
export interface Finding {
  code: string;
  product: Product;
  id: string;
  /** The code's message, or the title of the section that quotes the signature. */
  title: string;
  cause: string | null;
  action: string | null;
  /** The line of the message the code was read from (trimmed). */
  line: string;
  citation: string;
}

export interface Answer {
  query: string;
  answered: boolean;
  /** answer, suggest ("Vouliez-vous dire …": `results` are the choices) or decline (no leads). */
  decision: DecisionKind;
  language: Language;
  results: AnswerResult[];
  unknownCodes: string[];
  reason?: NoAnswerReason;
  /** With reason "out-of-scope": the uncovered systems the message seems to be about, labelled in its language. */
  outOfScope?: { id: string; label: string }[];
  /** Every distinct code of the message the sources know, in order of appearance (one per product and code). */
  findings: Finding[];
}

function toResult(kb: KnowledgeBase, hit: Hit): AnswerResult {
  return resultOf(kb, hit.entry, hit.confidence);
}

/** The answer result of an entry with its confidence: what a search hit becomes, or a record of it. */
export function resultOf(kb: KnowledgeBase, entry: Entry, score: number): AnswerResult {
  // Curated follow-up questions first; without them, the related sections are what to look at next.
  const curated = kb.followUpsOf(entry);
  const followUps = curated.length > 0 ? [...curated] : kb.relatedOf(entry).map((r) => r.title);
  // One object literal per kind (no spread of a shared base): every query builds several of these.
  if (entry.kind === 'code') {
    return {
      product: entry.product,
      code: entry.code,
      codes: [entry.code],
      title: `${entry.code} : ${entry.message}`,
      section: entry.section,
      sectionPath: entry.sectionPath,
      // The source's message states what failed; it stands as the cause where no cause column exists.
      cause: entry.cause ?? entry.message,
      action: entry.action,
      severity: entry.severity,
      steps: [],
      followUps,
      score,
      id: entry.id,
      source: entry.source,
      lines: entry.lines,
    };
  }
  return {
    product: entry.product,
    code: null,
    codes: [],
    title: entry.title,
    section: entry.section,
    sectionPath: entry.sectionPath,
    cause: null,
    action: entry.body,
    severity: null,
    steps: entry.steps,
    followUps,
    score,
    id: entry.id,
    source: entry.source,
    lines: entry.lines,
  };
}

/** Rows that give several codes one meaning come back as one result listing all the codes. */
function collapseSameMeaning(results: AnswerResult[]): AnswerResult[] {
  const out: AnswerResult[] = [];
  for (const result of results) {
    const twin = out.find(
      (r) =>
        r.code !== null &&
        result.code !== null &&
        r.product === result.product &&
        r.cause === result.cause &&
        r.action === result.action &&
        r.section === result.section &&
        r.lines[0] === result.lines[0],
    );
    if (twin) twin.codes.push(...result.codes.filter((c) => !twin.codes.includes(c)));
    else out.push(result);
  }
  return out;
}

export function buildAnswer(kb: KnowledgeBase, query: string, language: Language, outcome: Decision): Answer {
  return {
    query,
    answered: outcome.answered,
    decision: outcome.kind,
    language,
    results: collapseSameMeaning(outcome.hits.map((hit) => toResult(kb, hit))).slice(0, MAX_RESULTS),
    unknownCodes: outcome.unknownCodes,
    findings: outcome.answered ? findingsOf(kb, query, outcome.hits) : [],
    ...(outcome.reason ? { reason: outcome.reason } : {}),
    ...(outcome.outOfScope
      ? { outOfScope: outcome.outOfScope.map(({ id, label }) => ({ id, label: label[language] })) }
      : {}),
  };
}

/**
 * The first line of a message that holds each number ("200 039" and "200.039" count as 200039), in
 * one pass: a pasted log of 1 MB with a hundred codes is read once, not once per code.
 */
function firstLinesOfNumbers(text: string): Map<string, string> {
  const first = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const runs = [...line.matchAll(/\d+/g)];
    runs.forEach((run, i) => {
      if (!first.has(run[0])) first.set(run[0], line);
      const next = runs[i + 1];
      // Two runs of three digits split by one space or dot: how people type a six-digit code.
      const gap = next ? line.slice((run.index ?? 0) + run[0].length, next.index) : '';
      if (next && run[0].length === 3 && next[0].length === 3 && /^[ .\u00a0]$/.test(gap)) {
        const joined = run[0] + next[0];
        if (!first.has(joined)) first.set(joined, line);
      }
    });
  }
  return first;
}

/** The line of a message that holds a code, as a finding quotes it (trimmed, at most 300 characters). */
function lineOf(text: string, lines: Map<string, string>, code: string): string {
  return ellipsize((lines.get(code) ?? text).trim().replace(/\s+/g, ' '), 300);
}

/**
 * One finding per code the user gave, in order of appearance: the code's best entry (the hinted
 * product first, as the answer ranks them), then merged by product and code.
 */
function findingsOf(kb: KnowledgeBase, query: string, hits: Hit[]): Finding[] {
  const firstPerCode = new Map<string, Hit>();
  for (const hit of hits)
    if (hit.mention && !firstPerCode.has(hit.mention.code)) firstPerCode.set(hit.mention.code, hit);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const lines = firstLinesOfNumbers(query);
  for (const hit of [...firstPerCode.values()].sort((a, b) => (a.mention?.at ?? 0) - (b.mention?.at ?? 0))) {
    const { entry } = hit;
    const code = hit.mention?.code as string;
    if (seen.has(`${entry.product}:${code}`)) continue;
    seen.add(`${entry.product}:${code}`);
    findings.push(findingOf(kb, entry, code, lineOf(query, lines, code)));
  }
  return findings;
}

/** What the sources say of a code read from a line of a message: a finding, or a record of it. */
export function findingOf(kb: KnowledgeBase, entry: Entry, code: string, line: string): Finding {
  const result = resultOf(kb, entry, 1);
  return {
    code,
    product: entry.product,
    id: entry.id,
    title: entry.kind === 'code' ? entry.message : entry.title,
    cause: entry.kind === 'code' ? result.cause : null,
    action: result.action,
    line,
    citation: citationOf(entry),
  };
}

export function citationOf(result: Pick<AnswerResult, 'source' | 'sectionPath' | 'lines'>): string {
  return `${result.sectionPath.join(' › ')} (${result.source}, l. ${result.lines[0]}-${result.lines[1]})`;
}
