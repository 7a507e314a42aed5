import { type Activity, CardFactory, MessageFactory, TeamsActivityHandler, TurnContext } from 'botbuilder';
import {
  type ConversationRef,
  decodeAction,
  detectLanguage,
  type Reply,
  renderText,
  strings,
  type TriageBot,
} from '../../src/index.js';
import type { Logger } from '../logger.js';
import { renderCard } from './cards.js';
import { sendWithRetry } from './send.js';

export interface TeamsDeps {
  bot: TriageBot;
  logger: Logger;
}

/** The text the user typed, without the bot's <at>mention</at> (and any other mention markup). */
export function questionText(context: TurnContext): string {
  const activity = context.activity;
  const withoutBot = activity.recipient
    ? (TurnContext.removeRecipientMention(activity) ?? activity.text)
    : activity.text;
  return (withoutBot ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isMentioned(activity: Activity): boolean {
  return (activity.entities ?? []).some(
    (e) =>
      e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
  );
}

/** The one conversation key of Teams: a channel thread (";messageid=") or a chat. */
export function conversationOf(activity: Activity): ConversationRef {
  const [channel, message] = (activity.conversation?.id ?? 'unknown').split(';messageid=');
  return {
    platform: 'teams',
    workspace: activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? 'unknown',
    channel: channel ?? 'unknown',
    thread: message ?? activity.conversation?.id ?? 'unknown',
  };
}

/**
 * Personal chat: every message is a question. Channels and group chats: only when mentioned
 * (Teams delivers channel messages to a bot only when it is mentioned). Card buttons
 * (Action.Submit) come back as a message whose `value` is a core action: the same door.
 */
export class TeamsTriageHandler extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.withApology(context, () => this.answer(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      const botAdded = added.some((m) => m.id === context.activity.recipient?.id);
      const personal = context.activity.conversation?.conversationType === 'personal';
      if (botAdded || (personal && added.length > 0)) {
        await this.withApology(context, () =>
          this.sendReply(context, { kind: 'help', language: 'fr', welcome: true }),
        );
      }
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const clicked = activity.value !== undefined && activity.value !== null;
    const action = clicked ? decodeAction(activity.value) : null;
    const text = questionText(context);
    if (clicked && !action && !text) {
      await sendWithRetry(context, MessageFactory.text(strings('fr').ui.staleButton));
      return;
    }
    if (!action) {
      if (activity.conversation?.conversationType === 'groupChat' && !isMentioned(activity)) return;
      if (!text) return this.sendReply(context, { kind: 'help', language: detectLanguage(text) });
    }
    const reply = await this.deps.bot.handle({
      conversation: conversationOf(activity),
      text,
      ...(activity.from?.id ? { user: activity.from.id } : {}),
      ...(action ? { action } : {}),
    });
    await this.sendReply(context, reply);
  }

  /** The one apology wrapper of the Teams handlers: a failure still gets the user a short reply. */
  private async withApology(context: TurnContext, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const activity = context.activity;
      this.deps.logger.error({ err: error, conversation: activity.conversation?.id }, 'Teams answer failed');
      const apology = strings(detectLanguage(activity.text ?? '')).answer.apology;
      await sendWithRetry(context, MessageFactory.text(apology)).catch((err: unknown) =>
        this.deps.logger.error({ err }, 'Teams apology failed too'),
      );
    }
  }

  /** The card carries its own plain-text fallback; the summary is what notifications show. */
  private async sendReply(context: TurnContext, reply: Reply): Promise<void> {
    const view = this.deps.bot.view(reply);
    const text = renderText(view).text;
    // A rating is acknowledged in one line of text: the answer is not posted again.
    if (reply.kind === 'feedback-ack') return void (await sendWithRetry(context, MessageFactory.text(text)));
    const attachment = CardFactory.adaptiveCard({
      ...renderCard(view),
      fallbackText: [...text].slice(0, 1000).join(''),
    });
    await sendWithRetry(context, {
      type: 'message',
      summary: [...text].slice(0, 200).join(''),
      attachments: [attachment],
    });
  }
}
