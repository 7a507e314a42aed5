import { type Answer, buildAnswer } from '../answer/answer.js';
import { IntentParser } from '../intent/intent.js';
import { type KnowledgeBase, loadKnowledgeBase } from '../knowledge/kb.js';
import { SearchIndex } from '../search/search-index.js';

/** The use case every platform calls: a question in, a cited answer out. */
export class TriageBot {
  readonly parser: IntentParser;
  readonly index: SearchIndex;

  constructor(readonly kb: KnowledgeBase) {
    this.parser = new IntentParser(kb.overlays);
    this.index = new SearchIndex(kb);
  }

  static async load(): Promise<TriageBot> {
    return new TriageBot(await loadKnowledgeBase());
  }

  ask(raw: string): Answer {
    const intent = this.parser.parse(raw);
    return buildAnswer(this.kb, raw, intent.language, this.index.search(intent));
  }
}
