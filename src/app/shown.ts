import { randomBytes } from 'node:crypto';
import { type Answer, type AnswerResult, type Finding, findingOf, resultOf } from '../answer/answer.js';
import { MAX_STORED_QUERY } from '../feedback/recorder.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { CoreLogger } from '../ports/logger.js';
import type { CarriedQuestion, Subject } from '../reply/actions.js';
import type { Reply } from '../reply/reply.js';
import type { SharedState } from '../state/shared-state.js';
import { parseJsonOrNull } from '../text/json.js';
import type { Language } from '../text/language.js';
import type { Answers } from './answers.js';
import type { IncomingMessage } from './messages.js';
import type { ShownRecord } from './shown-record.js';

/**
 * How long the buttons of a reply keep working: 7 days, as long as the bot follows a Slack thread
 * it answered (a rating or a lead is often clicked the next day, after the fix was tried). A record
 * is a few hundred bytes (the question, at most 2,000 characters, and the ids of what was shown).
 */
export const SHOWN_TTL_SECONDS = 7 * 24 * 3600;

/** The key of a record in shared state. */
const KEY_PREFIX = 'shown:';

/** A ref: 12 random bytes, 16 characters of base64url, never guessed. */
const newRef = () => randomBytes(12).toString('base64url');

/** What a reply showed, found again by one of its buttons. */
export interface Shown {
  /** The question it answered, bounded as the reports keep a question. */
  query: string;
  language: Language;
  /** Where a share of it posts, as the adapter wrote it when it was shown (never from a button). */
  to: string | undefined;
  /** The entry it answered with, when it answered: what "Utile" and "Pas utile" rate. */
  best: string | undefined;
  /** Whether it showed this entry (a lead, a finding), one of today's knowledge base: a pick of one is a correction. */
  showed(id: string): boolean;
  /** The answer as it was shown. */
  answer(): Answer;
}

/** The replies whose buttons act on what they show (rate, share, escalate, their leads, their findings). */
type ActionableReply = Extract<Reply, { kind: 'answer' | 'alternatives' | 'triage' }>;

/**
 * The fix a guided triage ended on, as an answer to the question the triage started from: what its
 * "Utile" / "Pas utile" rate.
 */
function outcomeAnswer(reply: Reply): Answer | undefined {
  if (reply.kind !== 'triage' || reply.view.state !== 'outcome' || !reply.view.outcome) return undefined;
  return {
    query: reply.view.origin ?? reply.view.title,
    answered: true,
    decision: 'answer',
    language: reply.language,
    results: [reply.view.outcome.result],
    unknownCodes: [],
    findings: [],
  };
}

/** The answer its buttons act on; undefined when the reply has no such buttons. */
function actionableAnswer(reply: ActionableReply): Answer | undefined {
  const answer = reply.answer ?? outcomeAnswer(reply);
  if (answer === undefined) return undefined;
  if (answer.results.length > 0 || answer.findings.length > 0) return answer;
  // An "I don't know" without leads still has "Escalader" (nothing to escalate when nothing was asked).
  return reply.kind === 'answer' && answer.reason !== 'empty' ? answer : undefined;
}

function recordOf(answer: Answer, incoming: IncomingMessage, to: string | undefined): ShownRecord {
  return {
    v: 1,
    q: answer.query.slice(0, MAX_STORED_QUERY),
    l: answer.language,
    c: incoming.conversation,
    ...(to !== undefined ? { to } : {}),
    a: {
      answered: answer.answered,
      decision: answer.decision,
      ...(answer.reason ? { reason: answer.reason } : {}),
      unknownCodes: answer.unknownCodes,
      ...(answer.outOfScope ? { outOfScope: answer.outOfScope } : {}),
      results: answer.results.map((r) => ({ id: r.id, score: r.score, codes: r.codes })),
      findings: answer.findings.map((f) => ({ id: f.id, code: f.code, line: f.line })),
    },
  };
}

/** The answer a record describes, from today's knowledge base; null when an entry it names is gone. */
function answerOf(kb: KnowledgeBase, record: ShownRecord): Answer | null {
  const { a } = record;
  const results: AnswerResult[] = [];
  for (const r of a.results) {
    const entry = kb.byId.get(r.id);
    if (!entry) return null;
    results.push({ ...resultOf(kb, entry, r.score), codes: r.codes });
  }
  const findings: Finding[] = [];
  for (const f of a.findings) {
    const entry = kb.byId.get(f.id);
    if (!entry) return null;
    findings.push(findingOf(kb, entry, f.code, f.line));
  }
  return {
    query: record.q,
    answered: a.answered,
    decision: a.decision,
    language: record.l,
    results,
    unknownCodes: a.unknownCodes,
    findings,
    ...(a.reason ? { reason: a.reason } : {}),
    ...(a.outOfScope ? { outOfScope: a.outOfScope } : {}),
  };
}

function fromRecord(record: ShownRecord, answer: Answer): Shown {
  const ids = new Set([...answer.results.map((r) => r.id), ...answer.findings.map((f) => f.id)]);
  return {
    query: record.q,
    language: record.l,
    to: record.to,
    best: answer.answered ? answer.results[0]?.id : undefined,
    showed: (id) => ids.has(id),
    answer: () => answer,
  };
}

export interface ShownRepliesDeps {
  kb: KnowledgeBase;
  answers: Answers;
  state: SharedState;
  logger: CoreLogger;
}

/**
 * The records of what replies showed, in shared state: a button refers to one by its ref and
 * never carries the question, nor where a share posts. A record that expired (or whose entries
 * left the knowledge base) is not found: the button says so.
 */
export class ShownReplies {
  constructor(private readonly deps: ShownRepliesDeps) {}

  /**
   * The reply with `ref`, the id of the record of what it shows, when a button can act on it;
   * `to`: where a share of it posts. Kept in shared state; a state that fails leaves the reply
   * without ref (and so without the buttons that need one), never without its answer.
   */
  async keep(reply: Reply, incoming: IncomingMessage, to: string | undefined): Promise<Reply> {
    if (reply.kind !== 'answer' && reply.kind !== 'alternatives' && reply.kind !== 'triage') return reply;
    const answer = actionableAnswer(reply);
    if (!answer) return reply;
    const ref = newRef();
    try {
      const record = recordOf(answer, incoming, to);
      await this.deps.state.put(KEY_PREFIX + ref, JSON.stringify(record), SHOWN_TTL_SECONDS);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'shared state unavailable: reply shown without its buttons');
      return reply;
    }
    return { ...reply, ref };
  }

  /**
   * What a button acts on: the record its ref names (null when it expired, or belongs to another
   * platform), or what a button of an earlier version carried, answered again as it was then.
   */
  async find(subject: Subject, incoming: IncomingMessage, language: Language): Promise<Shown | null> {
    if (subject.carried) return this.fromCarried(subject.carried, incoming, language);
    const raw = await this.deps.state.get(KEY_PREFIX + subject.ref);
    if (raw === null) return null;
    // The schema (zod) loads on the first click: `uc-triage ask` and a cold start never need it.
    const { RecordSchema } = await import('./shown-record.js');
    const parsed = RecordSchema.safeParse(parseJsonOrNull(raw));
    if (!parsed.success) {
      this.deps.logger.warn({ ref: subject.ref }, 'unreadable record of a shown reply: treated as expired');
      return null;
    }
    const record = parsed.data;
    // A ref is never guessed; a record of another platform is still no answer to this one's button.
    // (Not the workspace: in a channel shared between workspaces, a click comes from the clicker's.)
    if (record.c.platform !== incoming.conversation.platform) return null;
    const answer = answerOf(this.deps.kb, record);
    return answer ? fromRecord(record, answer) : null;
  }

  /**
   * An earlier version's button: its question (cut at 1,500 characters then) answered again, or the
   * entry it named; its share posts where the adapter says the click happened.
   */
  private fromCarried(carried: CarriedQuestion, incoming: IncomingMessage, language: Language): Shown {
    const { kb, answers } = this.deps;
    const known = carried.id !== undefined && kb.byId.has(carried.id) ? carried.id : undefined;
    let answer: Answer | undefined;
    return {
      query: carried.q.slice(0, MAX_STORED_QUERY),
      language,
      to: incoming.shareTo,
      best: known,
      // Earlier buttons named the entries they showed: a known one counts, as it did then.
      showed: (id) => kb.byId.has(id),
      answer: () => {
        answer ??=
          (known && answers.forEntry(known, language, carried.q)) || answers.forQuestion(carried.q, language);
        return answer;
      },
    };
  }
}
