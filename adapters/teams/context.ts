import type { Activity, TurnContext } from 'botbuilder';
import type {
  ConversationRef,
  CoreAction,
  IncomingMessage,
  Language,
  SharedState,
  TriageBot,
} from '../../src/index.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';

/** What every Teams listener needs: the core, the shared state (dedupe), a logger and the metrics. */
export interface TeamsDeps {
  bot: TriageBot;
  /** Activity ids already answered (Bot Framework redelivers an activity it thinks was lost). */
  state: SharedState;
  logger: Logger;
  /** Replies that could not be delivered and redeliveries dropped are counted here. */
  metrics?: Metrics | undefined;
}

/** What the process gives the Teams adapter; the metrics come with its operations (TeamsOps). */
export type TeamsServices = Omit<TeamsDeps, 'metrics'>;

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

/** Teams' locale ("fr-FR", "en-US") as a reply language, when it is one we speak. */
export function localeOf(activity: Activity): Language | undefined {
  const locale = (activity.locale ?? '').slice(0, 2).toLowerCase();
  return locale === 'fr' || locale === 'en' ? locale : undefined;
}

/** The turn's activity as the core's message: where, who (id and display name), the locale, the button clicked. */
export function incomingOf(
  context: TurnContext,
  message: { text?: string; action?: CoreAction | null },
): IncomingMessage {
  const activity = context.activity;
  const { action } = message;
  const locale = localeOf(activity);
  return {
    conversation: conversationOf(activity),
    text: message.text ?? '',
    ...(activity.from?.id ? { user: activity.from.id } : {}),
    ...(activity.from?.name ? { userName: activity.from.name } : {}),
    ...(action ? { action } : {}),
    ...(locale ? { locale } : {}),
  };
}
