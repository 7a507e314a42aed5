import {
  type Activity,
  CardFactory,
  MessageFactory,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import {
  type ConversationRef,
  type CoreAction,
  decodeAction,
  detectLanguage,
  type Language,
  type Reply,
  renderText,
  type SharedState,
  strings,
  type TriageBot,
} from '../../src/index.js';
import { firstDelivery } from '../dedupe.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { renderCard } from './cards.js';
import { ReplyGivenUp, sendWithRetry } from './send.js';

export interface TeamsDeps {
  bot: TriageBot;
  logger: Logger;
  /** Activity ids already answered (Bot Framework redelivers an activity it thinks was lost). */
  state?: SharedState;
  metrics?: Metrics;
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

/** The message action of the manifest (composeExtensions): "Diagnostiquer ce message". */
export const DIAGNOSE_COMMAND_ID = 'diagnoseMessage';

/** Teams' locale ("fr-FR", "en-US") as a reply language, when it is one we speak. */
export function localeOf(activity: Activity): Language | undefined {
  const locale = (activity.locale ?? '').slice(0, 2).toLowerCase();
  return locale === 'fr' || locale === 'en' ? locale : undefined;
}

/** The text of a Teams message body (HTML): line breaks kept, tags dropped, entities decoded. */
export function messageBodyText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(p|div|li|pre|tr|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of the cards attached to a message (the bot's own answers are Adaptive Cards). */
export function attachmentsText(attachments: { content?: unknown }[] | undefined): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock' && typeof element.text === 'string') texts.push(element.text);
    for (const [key, value] of Object.entries(element)) if (key !== 'data') walk(value);
  };
  for (const attachment of attachments ?? []) {
    const content =
      typeof attachment.content === 'string' ? safeJson(attachment.content) : attachment.content;
    walk(content);
  }
  return texts.join('\n');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
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
      if (await this.firstDelivery(context)) await this.withApology(context, () => this.answer(context));
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
      ...(localeOf(activity) ? { locale: localeOf(activity) } : {}),
    });
    await this.sendReply(context, reply);
  }

  /**
   * "Diagnostiquer ce message" (message action, composeExtension/submitAction): the diagnosis is
   * shown to the user in a dialog; its buttons come back here; "Partager" puts the diagnosis in
   * the compose box, for the user to post in the conversation.
   */
  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    submitted: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    try {
      return await this.diagnose(context, submitted);
    } catch (error) {
      // The same apology as a message, in the dialog: the user always gets an answer.
      this.deps.metrics?.outboundFailures.inc({ platform: 'teams' });
      this.deps.logger.error({ err: error, command: submitted.commandId }, 'Teams message action failed');
      return this.dialog(strings(localeOf(context.activity) ?? 'fr').answer.apology);
    }
  }

  private async diagnose(
    context: TurnContext,
    submitted: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const activity = context.activity;
    const language = localeOf(activity);
    const clicked = decodeAction(submitted.data);
    let action: CoreAction;
    if (clicked) action = clicked;
    else {
      const note = typeof submitted.data?.note === 'string' ? submitted.data.note : '';
      const payload = submitted.messagePayload;
      const body = messageBodyText(payload?.body?.content ?? '');
      // The bot's own answers are Adaptive Cards: their text is in the attachments.
      const cards = attachmentsText(payload?.attachments as { content?: unknown }[] | undefined);
      const text = [note, body, cards].filter((t) => t.trim()).join('\n');
      if (submitted.commandId !== DIAGNOSE_COMMAND_ID || !text)
        return this.dialog(strings(language ?? 'fr').ui.emptyMessage);
      action = { kind: 'diagnose', text };
    }
    const reply = await this.deps.bot.handle({
      conversation: conversationOf(activity),
      text: '',
      action,
      ...(activity.from?.id ? { user: activity.from.id } : {}),
      ...(language ? { locale: language } : {}),
    });
    const card = renderCard(this.deps.bot.view(reply, { private: action.kind !== 'share' }));
    if (action.kind === 'share')
      return {
        composeExtension: {
          type: 'result',
          attachmentLayout: 'list',
          attachments: [CardFactory.adaptiveCard(card)],
        },
      };
    return {
      task: {
        type: 'continue',
        value: { title: 'UC Triage', height: 'large', width: 'large', card: CardFactory.adaptiveCard(card) },
      },
    };
  }

  /** The same action with the dialog fetched from the bot (fetchTask: true): the diagnosis at once. */
  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.handleTeamsMessagingExtensionSubmitAction(context, { ...action, data: {} });
  }

  private dialog(text: string): MessagingExtensionActionResponse {
    const card = renderCard({ language: 'fr', blocks: [{ type: 'paragraph', text }] });
    return {
      task: {
        type: 'continue',
        value: { title: 'UC Triage', height: 'small', width: 'medium', card: CardFactory.adaptiveCard(card) },
      },
    };
  }

  /**
   * False for a redelivered activity (same conversation, same id), which must not be answered
   * twice. An id is unique only within its conversation: a channel post's id is its millisecond
   * timestamp, so two channels can send the same one.
   */
  private async firstDelivery(context: TurnContext): Promise<boolean> {
    const id = context.activity.id;
    const conversation = context.activity.conversation?.id;
    if (!id || !conversation || !this.deps.state) return true;
    return firstDelivery(this.deps.state, `teams:activity:${conversation}:${id}`, {
      platform: 'teams',
      logger: this.deps.logger,
      metrics: this.deps.metrics,
      message: 'duplicate Teams activity dropped',
      fields: { activityId: id, conversation },
    });
  }

  /** The one apology wrapper of the Teams handlers: a failure still gets the user a short reply. */
  private async withApology(context: TurnContext, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const activity = context.activity;
      this.deps.metrics?.outboundFailures.inc({ platform: 'teams' });
      this.deps.logger.error({ err: error, conversation: activity.conversation?.id }, 'Teams answer failed');
      // A throttled or unreachable connector would refuse the apology too: it would only add POSTs.
      if (error instanceof ReplyGivenUp) return;
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
