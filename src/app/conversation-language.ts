import { MAX_QUERY_LENGTH } from '../intent/intent.js';
import { courtesyOf } from '../text/courtesy.js';
import { detectSentenceLanguage, type Language } from '../text/language.js';
import { conversationKey, type IncomingMessage } from './messages.js';

/** People whose language is remembered, per instance (the oldest is forgotten first). */
const REMEMBERED_PEOPLE = 10_000;

/**
 * The language of each reply follows the person (docs/language.md): a button's is the language of
 * the reply it is on; a message's is the language of the sentences the person wrote in it (log
 * lines, key=value, JSON, codes and identifiers say nothing), remembered as theirs; otherwise (a
 * pasted log, a code alone, a message diagnosed with the shortcut) their last sentence's, else the
 * platform's locale (Teams', the terminal's), else French. A person is a user of a workspace, in
 * every conversation there (without a user, the terminal: the conversation): one person's English
 * sentence does not switch the others'.
 */
export class PersonLanguages {
  /** Most recent last. */
  private readonly languages = new Map<string, Language>();

  constructor(private readonly remembered = REMEMBERED_PEOPLE) {}

  /** The language to reply to `incoming` in. */
  languageOf(incoming: IncomingMessage): Language {
    const action = incoming.action;
    if (action?.l) return action.l;
    const key = personKey(incoming);
    // A diagnosed message is someone's text shown to the bot, not the person's words.
    if (action?.kind !== 'diagnose') {
      // The raw text: log lines are told apart line by line, before cleaning joins the lines.
      const raw = (action?.kind === 'ask' ? action.q : incoming.text).slice(0, MAX_QUERY_LENGTH);
      const said = courtesyOf(raw)?.language ?? detectSentenceLanguage(raw);
      if (said && action?.kind !== 'ask') this.remember(key, said);
      if (said) return said;
    }
    return this.languages.get(key) ?? incoming.locale ?? 'fr';
  }

  private remember(key: string, language: Language): void {
    this.languages.delete(key);
    this.languages.set(key, language);
    if (this.languages.size > this.remembered) {
      const oldest = this.languages.keys().next().value;
      if (oldest !== undefined) this.languages.delete(oldest);
    }
  }
}

/** Whose language: a user of a workspace, or (no user known) the conversation. */
function personKey(incoming: IncomingMessage): string {
  const { platform, workspace } = incoming.conversation;
  return incoming.user
    ? ['person', platform, workspace, incoming.user].map((p) => encodeURIComponent(p)).join(':')
    : conversationKey(incoming.conversation);
}
