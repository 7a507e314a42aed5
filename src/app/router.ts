import { isCaseAction } from '../cases/actions.js';
import { cleanMessage } from '../intent/clean.js';
import { type CoreAction, subjectOf } from '../reply/actions.js';
import type { Reply } from '../reply/reply.js';
import { courtesyOf } from '../text/courtesy.js';
import type { Language } from '../text/language.js';
import type { TriageAction } from '../triage/actions.js';
import type { ButtonReplies } from './buttons.js';
import type { CaseReplies } from './case-replies.js';
import type { Conversation } from './conversation.js';
import type { PersonLanguages } from './conversation-language.js';
import { isHelpRequest } from './help.js';
import type { IncomingMessage } from './messages.js';
import type { Recording } from './recording.js';
import type { ShownReplies } from './shown.js';

type CoreTriageAction = Extract<CoreAction, TriageAction>;

function isTriageAction(action: CoreAction): action is CoreTriageAction {
  return (
    action.kind === 'triage-start' || action.kind === 'triage-choice' || action.kind === 'triage-control'
  );
}

/**
 * Where a message goes: a help request gets the help, a greeting or thanks a word back; a typed
 * message, a follow-up or a triage button is a turn of the conversation; a case's button or form
 * goes to the case replies; any other button gets its reply, recorded. A button that acts on a
 * reply shown (escalate included) finds its record first (an expired one gets one line); every
 * reply a button can act on is recorded in turn (shown.ts).
 */
export class Router {
  constructor(
    private readonly languages: PersonLanguages,
    private readonly conversation: Conversation,
    private readonly buttons: ButtonReplies,
    private readonly recording: Recording,
    private readonly shown: ShownReplies,
    private readonly cases: CaseReplies,
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
      if (courtesy) {
        this.recording.courtesy(incoming, text, language);
        return { kind: 'courtesy', language, courtesy: courtesy.kind };
      }
      return this.keep(await this.conversation.take(incoming, text, language), incoming, incoming.shareTo);
    }
    if (isTriageAction(action))
      return this.keep(
        await this.conversation.take(
          incoming,
          text,
          language,
          await this.withOrigin(action, incoming, language),
        ),
        incoming,
        incoming.shareTo,
      );
    const subject = subjectOf(action);
    const shown = subject ? await this.shown.find(subject, incoming, language) : undefined;
    if (shown === null) return { kind: 'expired', language };
    if (action.kind === 'escalate')
      return shown ? this.cases.escalate(shown, language) : { kind: 'expired', language };
    if (isCaseAction(action)) return this.cases.reply(incoming, action, language);
    const reply = this.buttons.reply(action, shown, language);
    this.recording.click(incoming, action, reply, shown);
    return this.keep(reply, incoming, shown?.to ?? incoming.shareTo);
  }

  private keep(reply: Reply, incoming: IncomingMessage, to: string | undefined): Promise<Reply> {
    return this.shown.keep(reply, incoming, to);
  }

  /**
   * "Lancer le diagnostic guidé" under an answer: the triage's origin is the question of the answer
   * shown. An expired record only costs the origin (what the reports learn from the triage's end):
   * the triage still starts.
   */
  private async withOrigin(
    action: CoreTriageAction,
    incoming: IncomingMessage,
    language: Language,
  ): Promise<TriageAction> {
    if (action.kind !== 'triage-start' || action.ref === undefined) return action;
    const { ref, ...start } = action;
    const shown = await this.shown.find({ ref }, incoming, language);
    return shown ? { ...start, q: shown.query } : start;
  }
}
