import type { Answer } from '../answer/answer.js';
import type { FeedbackRecorder } from '../feedback/recorder.js';
import type { CoreAction } from '../reply/actions.js';
import type { Reply } from '../reply/reply.js';
import type { Language } from '../text/language.js';
import type { TriageSession } from '../triage/engine.js';
import type { IncomingMessage } from './messages.js';
import type { Shown } from './shown.js';
import type { Transition } from './turn.js';

/**
 * What is recorded for the reports (off the answer's path; nothing without a recorder, FEEDBACK=off):
 * the questions and how they were answered, the feedback buttons, the corrections users make by
 * picking another lead or by reaching a guided triage's outcome, and each guided triage started
 * and finished.
 */
export class Recording {
  constructor(private readonly recorder: FeedbackRecorder | undefined) {}

  /**
   * A greeting or thanks said alone: recorded as the message it was, nothing found in it, as before
   * it had a reply of its own (the reports count it as small talk, apart from the gaps).
   */
  courtesy(incoming: IncomingMessage, text: string, language: Language): void {
    this.recorder?.record({
      type: 'question',
      platform: incoming.conversation.platform,
      language,
      query: text,
      answered: false,
      reason: 'empty',
      ...(incoming.user ? { userId: incoming.user } : {}),
    });
  }

  /** A question and its answer; `platform` "cli" or "degraded" for answers outside a conversation. */
  question(answer: Answer, platform: string, userId?: string): void {
    const best = answer.results[0];
    this.recorder?.record({
      type: 'question',
      platform,
      language: answer.language,
      query: answer.query,
      answered: answer.answered,
      ...(answer.reason ? { reason: answer.reason } : {}),
      ...(best ? { top: best.id, confidence: best.score } : {}),
      ...(!answer.answered && answer.results.length > 0
        ? { suggestions: answer.results.map((r) => r.id) }
        : {}),
      ...(userId ? { userId } : {}),
    });
  }

  /**
   * A button outside the conversation's triage: a diagnosis, a rating, "Ce n'était pas ça", a picked
   * lead. `shown`: what the button acted on; the question and entry recorded come from it, never from
   * the button (a pick is a correction only of a lead the reply showed).
   */
  click(incoming: IncomingMessage, action: CoreAction, reply: Reply, shown: Shown | undefined): void {
    if (!this.recorder) return;
    const base = {
      platform: incoming.conversation.platform,
      language: reply.language,
      ...(incoming.user ? { userId: incoming.user } : {}),
    };
    if (action.kind === 'diagnose' && reply.kind === 'answer') {
      this.question(reply.answer, incoming.conversation.platform, incoming.user);
    } else if (action.kind === 'feedback' && shown) {
      // A reason carries the same rated reply as its "Pas utile": the reports count the rating once.
      const entry = shown.best ? { entry: shown.best } : {};
      this.recorder.record({
        ...base,
        type: 'feedback',
        query: shown.query,
        useful: action.useful,
        ...entry,
        ...(action.reason ? { reason: action.reason } : {}),
        ...(action.ref !== undefined ? { ratedRef: action.ref } : {}),
      });
    } else if (action.kind === 'alternatives' && reply.kind === 'alternatives' && shown) {
      // "Ce n'était pas ça" is a "not useful" on the answer that was shown.
      const top = reply.answer.results[0]?.id;
      this.recorder.record({
        ...base,
        type: 'feedback',
        query: shown.query,
        useful: false,
        ...(top ? { entry: top } : {}),
      });
    } else if (
      action.kind === 'pick' &&
      shown?.query &&
      shown.query !== action.id &&
      shown.showed(action.id)
    ) {
      this.recorder.record({
        ...base,
        type: 'correction',
        query: shown.query,
        entry: action.id,
        via: 'pick',
      });
    }
  }

  /** A turn of a conversation: `text` is what the person typed ('' for a triage button). */
  turn(incoming: IncomingMessage, text: string, before: TriageSession | null, transition: Transition): void {
    if (!this.recorder) return;
    const { reply } = transition;
    const userId = incoming.user;
    if (reply.kind === 'answer' && text) this.question(reply.answer, incoming.conversation.platform, userId);
    if (reply.kind !== 'triage') return;
    if (reply.answer) this.question(reply.answer, incoming.conversation.platform, userId);
    const base = {
      platform: incoming.conversation.platform,
      language: reply.language,
      ...(userId ? { userId } : {}),
    };
    const after = transition.session;
    const origin = after?.origin ?? before?.origin;
    const outcome = reply.view.outcome?.result.id;
    // The funnel of the team lead's report: a triage started (a new tree, or a new start of one;
    // "recommencer" keeps its start), then finished when it reaches an outcome.
    const run = after && { tree: after.treeId, startedAt: new Date(after.startedAt).toISOString() };
    if (run && (after.treeId !== before?.treeId || after.startedAt !== before.startedAt))
      this.recorder.record({ ...base, ...run, type: 'triage', step: 'started', query: origin ?? '' });
    if (run && after.status === 'finished' && (before?.status !== 'finished' || after.node !== before.node))
      this.recorder.record({
        ...base,
        ...run,
        type: 'triage',
        step: 'finished',
        query: origin ?? '',
        ...(outcome ? { outcome } : {}),
      });
    // The outcome a guided triage reaches is the right answer to the question it started from.
    if (reply.view.state === 'outcome' && outcome && origin && after?.node !== before?.node) {
      this.recorder.record({ ...base, type: 'correction', query: origin, entry: outcome, via: 'triage' });
    }
  }
}
