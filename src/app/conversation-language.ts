import { MAX_QUERY_LENGTH } from '../intent/intent.js';
import { detectHumanLanguage, type Language } from '../text/language.js';
import { conversationKey, type IncomingMessage } from './messages.js';

/** Conversations whose language is remembered, per instance (the oldest is forgotten first). */
const REMEMBERED_CONVERSATIONS = 10_000;

/**
 * The language of each recent conversation. A reply's language is the one a button carries, else
 * the one the person's words say (log lines and identifiers say nothing), else the conversation's
 * so far, else the platform's locale, else French: a pasted English log does not switch a French
 * thread to English.
 */
export class ConversationLanguages {
  /** Most recent last. */
  private readonly languages = new Map<string, Language>();

  constructor(private readonly remembered = REMEMBERED_CONVERSATIONS) {}

  /** The language to reply to `incoming` in; remembered as the conversation's. */
  languageOf(incoming: IncomingMessage): Language {
    const key = conversationKey(incoming.conversation);
    // The raw text: log lines are told apart line by line, before cleaning joins the lines.
    const raw =
      incoming.action?.kind === 'ask'
        ? incoming.action.q
        : incoming.action?.kind === 'diagnose'
          ? incoming.action.text.slice(0, MAX_QUERY_LENGTH)
          : incoming.text;
    const said = incoming.action?.l ?? detectHumanLanguage(raw);
    const language = said ?? this.languages.get(key) ?? incoming.locale ?? 'fr';
    this.languages.delete(key);
    this.languages.set(key, language);
    if (this.languages.size > this.remembered) {
      const oldest = this.languages.keys().next().value;
      if (oldest !== undefined) this.languages.delete(oldest);
    }
    return language;
  }
}
