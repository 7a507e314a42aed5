import { cleanMessage } from '../intent/clean.js';
import type { CoreAction } from '../reply/actions.js';
import type { Reply } from '../reply/reply.js';
import type { Language } from '../text/language.js';
import type { TriageAction } from '../triage/actions.js';
import type { ButtonReplies } from './buttons.js';
import type { Conversation } from './conversation.js';
import type { PersonLanguages } from './conversation-language.js';
import { courtesyOf } from './courtesy.js';
import { isHelpRequest } from './help.js';
import type { IncomingMessage } from './messages.js';
import type { Recording } from './recording.js';

function isTriageAction(action: CoreAction): action is TriageAction & { l?: Language } {
  return (
    action.kind === 'triage-start' || action.kind === 'triage-choice' || action.kind === 'triage-control'
  );
}

/**
 * Where a message goes: a help request gets the help, a greeting or thanks a word back; a typed
 * message, a follow-up or a triage button is a turn of the conversation; any other button gets its
 * reply, recorded.
 */
export class Router {
  constructor(
    private readonly languages: PersonLanguages,
    private readonly conversation: Conversation,
    private readonly buttons: ButtonReplies,
    private readonly recording: Recording,
  ) {}

  async route(incoming: IncomingMessage): Promise<Reply> {
    const action = incoming.action;
    // Mentions and markup go first: "<@U123> diagnostic" is a request to start a triage.
    const text = cleanMessage(action?.kind === 'ask' ? action.q : incoming.text);
    const language = this.languages.languageOf(incoming);
    if (!action || action.kind === 'ask') {
      if (isHelpRequest(text)) return { kind: 'help', language };
      // "bonjour", "merci": said to the bot, not asked; the triage, if any, waits.
      const courtesy = action ? null : courtesyOf(text);
      if (courtesy) return { kind: 'courtesy', language, courtesy: courtesy.kind };
      return this.conversation.take(incoming, text, language);
    }
    if (isTriageAction(action)) return this.conversation.take(incoming, text, language, action);
    const reply = this.buttons.reply(action, language);
    this.recording.click(incoming, action, reply);
    return reply;
  }
}
