import { type Activity, CardFactory, MessageFactory, TeamsActivityHandler, TurnContext } from 'botbuilder';
import {
  type ConversationRef,
  citationOf,
  detectLanguage,
  type Language,
  labels,
  type Reply,
  renderTriageText,
  type TriageBot,
} from '../../src/index.js';
import type { Logger } from '../logger.js';
import { type AdaptiveCard, helpCard, type SubmitData } from './cards.js';
import { sendWithRetry } from './send.js';
import { fallbackText, helpText } from './text.js';
import { decoratedAnswerCard, parseTriageSubmit, triageCard } from './triage-card.js';

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

function parseSubmit(value: unknown): SubmitData | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.kind !== 'followUp' && v.kind !== 'pick' && v.kind !== 'full') return null;
  const l: Language = v.l === 'en' ? 'en' : 'fr';
  return {
    kind: v.kind,
    l,
    ...(typeof v.q === 'string' ? { q: v.q } : {}),
    ...(typeof v.id === 'string' ? { id: v.id } : {}),
    ...(typeof v.context === 'string' ? { context: v.context } : {}),
  };
}

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
 * (Action.Submit) come back as a message with `value` and continue the same triage.
 */
export class TeamsTriageHandler extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const added = context.activity.membersAdded ?? [];
      const botAdded = added.some((m) => m.id === context.activity.recipient?.id);
      const personal = context.activity.conversation?.conversationType === 'personal';
      if (botAdded || (personal && added.length > 0)) {
        await this.sendCard(context, helpCard('fr', true), helpText('fr'));
      }
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const triage = parseTriageSubmit(activity.value);
    const submit = triage ? null : parseSubmit(activity.value);
    const text = questionText(context);
    const language = submit?.l ?? detectLanguage(text);
    try {
      if (triage) {
        const reply = await this.deps.bot.handle({
          conversation: conversationOf(activity),
          text: '',
          action: triage,
        });
        return await this.sendReply(context, reply);
      }
      if (submit) return await this.onSubmit(context, submit);
      const type = activity.conversation?.conversationType;
      if (type === 'groupChat' && !isMentioned(activity)) return;
      if (!text) {
        await this.sendCard(context, helpCard(language), helpText(language));
        return;
      }
      const reply = await this.deps.bot.handle({
        conversation: conversationOf(activity),
        text,
        ...(activity.from?.id ? { user: activity.from.id } : {}),
      });
      await this.sendReply(context, reply);
    } catch (error) {
      this.deps.logger.error({ err: error, conversation: activity.conversation?.id }, 'Teams answer failed');
      await sendWithRetry(context, MessageFactory.text(labels(language).apology)).catch((err: unknown) =>
        this.deps.logger.error({ err }, 'Teams apology failed too'),
      );
    }
  }

  private async sendReply(context: TurnContext, reply: Reply): Promise<void> {
    if (reply.kind === 'help')
      return this.sendCard(context, helpCard(reply.language), helpText(reply.language));
    if (reply.kind === 'triage')
      return this.sendCard(context, triageCard(reply), renderTriageText(reply.view, reply.language));
    return this.sendCard(context, decoratedAnswerCard(reply), fallbackText(reply.answer));
  }

  private async onSubmit(context: TurnContext, submit: SubmitData): Promise<void> {
    if (submit.kind === 'full' && submit.id) {
      const entry = this.deps.bot.kb.byId.get(submit.id);
      if (!entry) return;
      const body =
        entry.kind === 'section'
          ? entry.body
          : [entry.message, entry.cause, entry.action].filter(Boolean).join('\n\n');
      await sendWithRetry(context, MessageFactory.text(`${body}\n\n${citationOf(entry)}`.slice(0, 20_000)));
      return;
    }
    if (submit.id) {
      const picked = this.deps.bot.answerEntry(submit.id, submit.l, submit.context ?? submit.id);
      if (picked) await this.sendReply(context, { kind: 'answer', language: submit.l, answer: picked });
      return;
    }
    // A follow-up goes through the core like a typed question: in an active triage it is a step.
    await this.sendReply(
      context,
      await this.deps.bot.handle({ conversation: conversationOf(context.activity), text: submit.q ?? '' }),
    );
  }

  /** The card carries its own plain-text fallback; the summary is what notifications show. */
  private async sendCard(context: TurnContext, card: AdaptiveCard, text: string): Promise<void> {
    const attachment = CardFactory.adaptiveCard({ ...card, fallbackText: text });
    await sendWithRetry(context, {
      type: 'message',
      summary: [...text].slice(0, 200).join(''),
      attachments: [attachment],
    });
  }
}
