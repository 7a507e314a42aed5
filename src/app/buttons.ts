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

/** An action that shows something without touching the conversation's triage (cases have their own replies). */
export type ButtonAction = Exclude<CoreAction, TriageAction | CaseAction | { kind: 'ask' }>;

/** The replies of the buttons that leave the conversation's triage alone (and of a diagnosed message). */
export class ButtonReplies {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly trees: ReadonlyMap<string, TriageTree>,
    private readonly answers: Answers,
  ) {}

  reply(action: ButtonAction, language: Language): Reply {
    const { answers } = this;
    switch (action.kind) {
      case 'pick':
        // The full answer of one lead or finding, with its follow-ups and the guided triage that fits it.
        return this.withOffer(
          answers.forEntry(action.id, language, action.q ?? action.id) ??
            answers.forQuestion(action.q ?? '', language),
          language,
        );
      case 'alternatives':
        return { kind: 'alternatives', language, answer: answers.forQuestion(action.q, language) };
      case 'share': {
        const answer =
          (action.id && answers.forEntry(action.id, language, action.q)) ||
          answers.forQuestion(action.q, language);
        return { kind: 'answer', language, answer, shared: true };
      }
      case 'feedback':
        return { kind: 'feedback-ack', language, useful: action.useful };
      case 'diagnose':
        return this.withOffer(answers.forMessage(action.text, language), language);
      case 'full':
        return fullTextReply(this.kb, action.id, language);
    }
  }

  private withOffer(answer: Answer, language: Language): AnswerReply {
    const offer = offerFor(this.trees, answer);
    return { kind: 'answer', language, answer, ...(offer ? { triageOffer: offer } : {}) };
  }
}
