import type { Activity, TurnContext } from 'botbuilder';
import {
  type ConversationRef,
  type CoreAction,
  type IncomingMessage,
  isCaseAction,
  type Language,
  languageOfLocale,
  type SharedState,
  type TriageBot,
} from '../../src/index.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { ExpertsDirectory } from './experts.js';
import type { ExpertsChannel } from './experts-channel.js';
import type { TechnicianNotices } from './technician.js';

/** The experts' channel and who its experts are, when TEAMS_ESCALATION_CHANNEL is set. */
export interface TeamsEscalation {
  channel: ExpertsChannel;
  experts: ExpertsDirectory;
}

/** What every Teams listener needs: the core, the shared state (dedupe), a logger and the metrics. */
export interface TeamsDeps {
  bot: TriageBot;
  /** Activity ids already answered (Bot Framework redelivers an activity it thinks was lost). */
  state: SharedState;
  logger: Logger;
  /** Replies that could not be delivered and redeliveries dropped are counted here. */
  metrics?: Metrics | undefined;
  /** Without it, a case's card is given to the technician to forward, and no one is an expert. */
  escalation?: TeamsEscalation | undefined;
  /** The technicians' conversations, told of their cases from any turn or none. */
  technician: TechnicianNotices;
}

/** What the process gives the Teams adapter; the metrics come with its operations (TeamsOps). */
export type TeamsServices = Omit<TeamsDeps, 'metrics' | 'escalation' | 'technician'>;

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
  return languageOfLocale(activity.locale ?? '');
}

/**
 * The turn's activity as the core's message: where, who (id and display name), the locale, the
 * button clicked, and for an expert's command whether the sender is a member of the experts' team.
 */
export async function incomingOf(
  deps: TeamsDeps,
  context: TurnContext,
  message: { text?: string; action?: CoreAction | null },
): Promise<IncomingMessage> {
  const activity = context.activity;
  const { action } = message;
  const locale = localeOf(activity);
  // The experts' commands (every case action but the filled form): only a member of the experts'
  // team may, and the adapter says who is.
  const vouched =
    action && isCaseAction(action) && action.kind !== 'case-open' && deps.escalation
      ? await deps.escalation.experts.vouches(context)
      : undefined;
  return {
    conversation: conversationOf(activity),
    text: message.text ?? '',
    ...(activity.from?.id ? { user: activity.from.id } : {}),
    ...(activity.from?.name ? { userName: activity.from.name } : {}),
    ...(action ? { action } : {}),
    ...(locale ? { locale } : {}),
    ...(vouched !== undefined ? { expert: vouched } : {}),
  };
}
