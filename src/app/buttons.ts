import type { Answer } from '../answer/answer.js';
import type { CaseAction } from '../cases/actions.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { CoreAction } from '../reply/actions.js';
import type { AnswerReply, Reply } from '../reply/reply.js';
import type { Language } from '../text/language.js';
import type { TriageAction } from '../triage/actions.js';
import { offerFor } from '../triage/fit.js';
import type { TriageTree } from '../triage/tree.js';
import type { Answers } from './answers.js';
import { fullTextReply } from './full-text.js';
import type { Shown } from './shown.js';

/** An action that shows something without touching the conversation's triage (cases, escalation included, have their own replies). */
export type ButtonAction = Exclude<
  CoreAction,
  TriageAction | CaseAction | { kind: 'ask' } | { kind: 'escalate' }
>;

/** The replies of the buttons that leave the conversation's triage alone (and of a diagnosed message). */
export class ButtonReplies {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly trees: ReadonlyMap<string, TriageTree>,
    private readonly answers: Answers,
  ) {}

  /** `shown`: what the button acts on, found again (shown.ts); share, ratings and "not it" always have one. */
  reply(action: ButtonAction, shown: Shown | undefined, language: Language): Reply {
    const { answers } = this;
    switch (action.kind) {
      case 'pick': {
        // The full answer of one lead or finding, with its follow-ups and the guided triage that fits it.
        const q = shown?.query;
        return this.withOffer(
          answers.forEntry(action.id, language, q ?? action.id) ?? answers.forQuestion(q ?? '', language),
          language,
        );
      }
      case 'alternatives':
        return shown ? { kind: 'alternatives', language, answer: shown.answer() } : expired(language);
      case 'share':
        // What was shown, as it was (every finding of a long diagnosis), where its record says.
        return shown
          ? {
              kind: 'answer',
              language,
              answer: shown.answer(),
              shared: true,
              ...(shown.to !== undefined ? { to: shown.to } : {}),
            }
          : expired(language);
      case 'feedback':
        return shown ? feedbackAck(action, language) : expired(language);
      case 'diagnose':
        // A whole message (a message shortcut, with its attached files) answered like a typed one:
        // every message's codes are read in its whole text (up to MAX_MESSAGE_LENGTH).
        return this.withOffer(answers.forQuestion(action.text, language), language);
      case 'full':
        return fullTextReply(this.kb, action.id, language);
    }
  }

  private withOffer(answer: Answer, language: Language): AnswerReply {
    const offer = offerFor(this.trees, answer);
    return { kind: 'answer', language, answer, ...(offer ? { triageOffer: offer } : {}) };
  }
}

const expired = (language: Language): Reply => ({ kind: 'expired', language });

/**
 * A rating thanked for. A "Pas utile" on a reply shown (a ref: an earlier version's button has none)
 * asks why, with reason buttons on the same record; a reason is thanked for, and asks nothing more.
 */
function feedbackAck(action: Extract<ButtonAction, { kind: 'feedback' }>, language: Language): Reply {
  if (action.reason) return { kind: 'feedback-ack', language, useful: false, reason: action.reason };
  const asksWhy = !action.useful && action.ref !== undefined;
  return { kind: 'feedback-ack', language, useful: action.useful, ...(asksWhy ? { ref: action.ref } : {}) };
}
