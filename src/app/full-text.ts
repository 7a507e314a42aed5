import { citationOf } from '../answer/answer.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import { entryTitle } from '../knowledge/types.js';
import type { FullTextReply, HelpReply } from '../reply/reply.js';
import type { Language } from '../text/language.js';

/** The whole text of an entry whose section was cut ("Texte complet"); the help for an unknown id. */
export function fullTextReply(kb: KnowledgeBase, id: string, language: Language): FullTextReply | HelpReply {
  const entry = kb.byId.get(id);
  if (!entry) return { kind: 'help', language };
  const text =
    entry.kind === 'section'
      ? entry.body
      : [entry.message, entry.cause, entry.action].filter(Boolean).join('\n\n');
  const title = `${kb.productLabel(entry.product, language)} — ${entryTitle(entry)}`;
  return { kind: 'full-text', language, id: entry.id, title, text, citation: citationOf(entry) };
}
