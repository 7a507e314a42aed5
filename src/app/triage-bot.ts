import { type Answer, buildAnswer } from '../answer/answer.js';
import { IntentParser } from '../intent/intent.js';
import { detectLanguage, type Language } from '../intent/language.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/kb.js';
import { loadSearchIndex } from '../search/cache.js';
import { SearchIndex } from '../search/search-index.js';
import { isHelpRequest } from './help.js';
import type { IncomingMessage, Reply } from './messages.js';

/** The use case every platform calls: a question in, a cited answer out. */
export class TriageBot {
  readonly parser: IntentParser;
  readonly index: SearchIndex;

  constructor(
    readonly kb: KnowledgeBase,
    index?: SearchIndex,
  ) {
    this.parser = new IntentParser(kb.overlays);
    this.index = index ?? new SearchIndex(kb);
  }

  /** The bot from the build caches (knowledge base and search index), rebuilt if they are stale. */
  static async load(): Promise<TriageBot> {
    const kb = await loadKnowledgeBase();
    return new TriageBot(kb, loadSearchIndex(kb));
  }

  /** The one entry point of every adapter: a message in, a reply to render out. */
  async handle(message: IncomingMessage): Promise<Reply> {
    if (isHelpRequest(message.text)) return { kind: 'help', language: detectLanguage(message.text) };
    const answer = this.ask(message.text);
    return { kind: 'answer', language: answer.language, answer };
  }

  /** The full answer for one entry, as when a user picks an alternative or a "did you mean". */
  answerEntry(id: string, language: Language, query = id): Answer | null {
    const entry = this.kb.byId.get(id);
    if (!entry) return null;
    return buildAnswer(this.kb, query, language, {
      answered: true,
      hits: [{ entry, confidence: 1, via: 'code' }],
      unknownCodes: [],
    });
  }

  ask(raw: string): Answer {
    const intent = this.parser.parse(raw);
    return buildAnswer(this.kb, raw, intent.language, this.index.search(intent));
  }
}
