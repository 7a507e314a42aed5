import type { Answer, AnswerResult } from '../answer/answer.js';
import { checklistOf, draftFromTriage } from '../cases/draft.js';
import type { Intent } from '../intent/intent.js';
import { MAX_QUERY_LENGTH } from '../intent/intent.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { AnswerReply, CaseFormReply, ChooseTreeReply, TriageStepReply } from '../reply/reply.js';
import type { Language } from '../text/language.js';
import { problemLinesOf } from '../text/log-lines.js';
import type { TriageAction } from '../triage/actions.js';
import {
  asksToEscalate,
  back,
  choose,
  currentQuestion,
  describedOption,
  matchOption,
  newSession,
  parseControl,
  parseStart,
  restart,
  stepNumber,
  type TriageControl,
  type TriageSession,
  withEvidence,
} from '../triage/engine.js';
import { offerFor, treeFor } from '../triage/fit.js';
import type { TriageNotice } from '../triage/notices.js';
import type { TriageTree } from '../triage/tree.js';
import { viewOf } from '../triage/view.js';

/**
 * What a turn of a conversation replies: an answer (possibly with a triage offer), a choice of
 * trees, a triage step, or the case form of an escalated triage.
 */
export type TurnReply = AnswerReply | ChooseTreeReply | TriageStepReply | CaseFormReply;

/** What one message does to a triage session: the session to save (or delete) and the reply. */
export interface Transition {
  session: TriageSession | null;
  reply: TurnReply;
}

/** What a turn reads: the knowledge, the trees, the clock and the question answerer. */
export interface TriageContext {
  kb: KnowledgeBase;
  trees: ReadonlyMap<string, TriageTree>;
  now: number;
  parse(text: string): Intent;
  answer(text: string, intent?: Intent): Answer;
  isKnownCode(code: string): boolean;
  /** The full answer of one entry (an outcome's cited fix). */
  entryResult(id: string, language: Language): AnswerResult | null;
}

export interface TriageInput {
  text: string;
  action?: TriageAction;
  language: Language;
}

/**
 * One turn of a conversation, pure: given the message and the conversation's stored triage session,
 * it answers the question or moves the guided triage, and returns the session to store (or delete)
 * with the reply; it reads and writes nothing.
 */
export function takeTurn(
  ctx: TriageContext,
  input: TriageInput,
  session: TriageSession | null,
  notice?: TriageNotice,
): Transition {
  const { action, language, text } = input;
  if (action?.kind === 'triage-start') {
    const tree = ctx.trees.get(action.treeId);
    if (!tree) return { session, reply: answerReply(ctx, text, language, notice) };
    const origin = action.q ?? text;
    const fresh = newSession(tree, ctx.now, undefined, originOf(origin));
    return startAt(ctx, tree, seeded(ctx, fresh, text), origin, language, notice);
  }
  const tree = session ? ctx.trees.get(session.treeId) : undefined;
  if (action?.kind === 'triage-choice') {
    if (!session || !tree || session.treeId !== action.treeId) {
      return { session, reply: { ...answerReply(ctx, '', language), notice: notice ?? 'no-session' } };
    }
    if (action.step !== stepNumber(session) || session.status !== 'active') {
      return step(ctx, tree, session, language, undefined, 'stale-choice');
    }
    return step(ctx, tree, choose(tree, session, action.option, ctx.now), language);
  }
  const control = action?.kind === 'triage-control' ? action.control : session ? parseControl(text) : null;
  if (control) {
    if (!session || !tree)
      return { session, reply: { ...answerReply(ctx, '', language), notice: 'no-session' } };
    // A control of a card the triage has moved on from (another step, another tree) acts on nothing.
    if (action?.kind === 'triage-control' && !isOnCard(action, session))
      return step(ctx, tree, session, language, undefined, 'stale-choice');
    return onControl(ctx, tree, session, control, language);
  }
  // "escalader" with no triage: what to escalate is under an answer (its button), not in the words.
  if (!session && !action && asksToEscalate(text))
    return { session, reply: { ...answerReply(ctx, '', language), notice: 'nothing-to-escalate' } };
  const start = parseStart(text);
  if (start) return startTriage(ctx, start.symptom, text, language, notice);
  if (session && tree && session.status === 'active') return inTriage(ctx, tree, session, text, language);
  const reply = answerReply(ctx, text, language, notice);
  // A finished triage stays in the store until it expires, so "retour" and "escalader" still work.
  return { session: session?.status === 'finished' ? session : null, reply };
}

/** Whether a control's card (its tree and step, when it names them) is the session's current step. */
function isOnCard(action: { treeId?: string; step?: number }, session: TriageSession): boolean {
  return (
    (action.treeId === undefined || action.treeId === session.treeId) &&
    (action.step === undefined || action.step === stepNumber(session))
  );
}

function onControl(
  ctx: TriageContext,
  tree: TriageTree,
  session: TriageSession,
  control: TriageControl,
  language: Language,
): Transition {
  switch (control) {
    case 'back':
      return step(ctx, tree, back(session, ctx.now), language);
    case 'restart':
      return step(ctx, tree, restart(tree, session, ctx.now), language);
    case 'resume':
      return step(ctx, tree, { ...session, updatedAt: ctx.now }, language);
    case 'escalate': {
      // The triage is over: its path, codes and log lines go into the case form.
      const draft = draftFromTriage(tree, session);
      const checklist = checklistOf(ctx.kb, ctx.trees, draft);
      return { session: null, reply: { kind: 'case-form', language, draft, checklist } };
    }
    case 'stop': {
      const view = viewOf(ctx.kb, tree, session, language, (id) => ctx.entryResult(id, language), 'stopped');
      return { session: null, reply: { kind: 'triage', language, view } };
    }
  }
}

function startTriage(
  ctx: TriageContext,
  symptom: string,
  text: string,
  language: Language,
  notice?: TriageNotice,
): Transition {
  const answer = ctx.answer(symptom);
  const tree = symptom ? treeFor(ctx.trees, symptom, answer) : null;
  if (!tree) {
    const trees = [...ctx.trees.values()].map((t) => ({ treeId: t.id, title: t.title }));
    // Without any tree to choose from, the symptom's answer is all there is.
    const reply: TurnReply =
      trees.length > 0
        ? { kind: 'choose-tree', language, trees }
        : { kind: 'answer', language, answer, notice: notice ?? 'choose-tree' };
    return { session: null, reply };
  }
  const fresh = newSession(tree, ctx.now, undefined, originOf(symptom || text));
  return startAt(ctx, tree, seeded(ctx, fresh, text), symptom, language, notice);
}

/**
 * A new triage goes to the first question its symptom does not already answer: "diagnostic
 * l'icône d'appel est absente" does not ask whether the icon shows. The step is in the path (the
 * escalation summary shows it) and "retour" undoes it.
 */
function startAt(
  ctx: TriageContext,
  tree: TriageTree,
  session: TriageSession,
  symptom: string,
  language: Language,
  notice?: TriageNotice,
): Transition {
  const first = currentQuestion(tree, session);
  const option = first ? describedOption(first, symptom) : null;
  if (option === null) return step(ctx, tree, session, language, undefined, notice);
  return step(
    ctx,
    tree,
    choose(tree, session, option, ctx.now),
    language,
    undefined,
    notice ?? 'from-symptom',
  );
}

/** The question a triage was started for, kept with its session: bounded, as what is stored must be. */
function originOf(text: string): string {
  return text.slice(0, MAX_QUERY_LENGTH);
}

/** A message while a question is pending: an option, a jump to a better tree, or an off-script question. */
function inTriage(
  ctx: TriageContext,
  tree: TriageTree,
  session: TriageSession,
  text: string,
  language: Language,
): Transition {
  const question = currentQuestion(tree, session);
  const intent = ctx.parse(text);
  const evidence = seeded(ctx, session, text, intent);
  if (question) {
    const option = matchOption(question, text);
    if (option !== null) return step(ctx, tree, choose(tree, evidence, option, ctx.now), language);
  }
  const answer = ctx.answer(text, intent);
  const hasKnownCode = intent.codes.some((c) => ctx.isKnownCode(c.code));
  if (!hasKnownCode) {
    const better = treeFor(ctx.trees, text, answer);
    if (better && better.id !== tree.id) {
      const fresh = seeded(ctx, newSession(better, ctx.now, undefined, originOf(text)), text);
      return startAt(ctx, better, fresh, text, language, 'switched-tree');
    }
  }
  const paused = { ...evidence, updatedAt: ctx.now };
  if (answer.answered) return step(ctx, tree, paused, language, answer, 'paused');
  return step(ctx, tree, paused, language, undefined, 'not-understood');
}

function step(
  ctx: TriageContext,
  tree: TriageTree,
  session: TriageSession,
  language: Language,
  answer?: Answer,
  notice?: TriageNotice,
): Transition {
  const view = viewOf(ctx.kb, tree, session, language, (id) => ctx.entryResult(id, language));
  // An outcome, fixed or not, stays in the store until it expires: "retour" and "escalader" still work.
  return {
    session,
    reply: { kind: 'triage', language, view, ...(answer ? { answer } : {}), ...(notice ? { notice } : {}) },
  };
}

/** Codes and log lines of a message, kept for the escalation summary. */
function seeded(
  ctx: TriageContext,
  session: TriageSession,
  text: string,
  intent = ctx.parse(text),
): TriageSession {
  return withEvidence(
    session,
    intent.codes.map((c) => c.code),
    problemLinesOf(text),
  );
}

function answerReply(
  ctx: TriageContext,
  text: string,
  language: Language,
  notice?: TriageNotice,
): AnswerReply {
  const answer = ctx.answer(text);
  const offer = offerFor(ctx.trees, answer);
  return {
    kind: 'answer',
    language: answer.language ?? language,
    answer,
    ...(offer ? { triageOffer: offer } : {}),
    ...(notice ? { notice } : {}),
  };
}
