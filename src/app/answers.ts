import { type Answer, buildAnswer } from '../answer/answer.js';
import { decide } from '../decision/decide.js';
import type { DecisionModel } from '../decision/model.js';
import type { Intent, IntentParser } from '../intent/intent.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Retrieval } from '../search/retrieval.js';
import type { SearchIndex } from '../search/search-index.js';
import type { Language } from '../text/language.js';

/**
 * Every answer the bot gives, one method per purpose: a question goes through search (ranked
 * candidates) and the decision (answer, suggest or decline); a picked entry is answered as is.
 */
export class Answers {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly parser: IntentParser,
    private readonly index: SearchIndex,
    private readonly model: DecisionModel,
  ) {}

  /** The ranked candidates of a question, before the decision (calibrate, `ask --explain`). */
  candidates(raw: string): Retrieval {
    return this.index.retrieve(this.parser.parse(raw));
  }

  /** A question answered in `language`; `intent` when the caller has already parsed the text. */
  forQuestion(text: string, language: Language, intent: Intent = this.parser.parse(text)): Answer {
    return buildAnswer(this.kb, text, language, decide(this.index.retrieve(intent), this.model));
  }

  /** The full answer of one entry, as when a user picks a lead; null for an id the knowledge base lacks. */
  forEntry(id: string, language: Language, query = id): Answer | null {
    const entry = this.kb.byId.get(id);
    if (!entry) return null;
    return buildAnswer(this.kb, query, language, {
      kind: 'answer',
      answered: true,
      hits: [{ entry, confidence: 1, via: 'code' }],
      unknownCodes: [],
    });
  }
}
