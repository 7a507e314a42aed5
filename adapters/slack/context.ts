import type { ConversationRef, SharedState, TriageBot } from '../../src/index.js';
import type { Logger } from '../logger.js';
import type { ExpertsChannel } from './experts.js';
import type { SlackOutbound } from './outbound.js';

/** What every Slack listener needs: the core, the shared state, a logger and the outbound policy. */
export interface SlackDeps {
  bot: TriageBot;
  state: SharedState;
  logger: Logger;
  /** Every message to Slack goes through it: retries, rate limits, failures counted. */
  outbound: SlackOutbound;
  /** The experts' channel (ESCALATION_CHANNEL): case cards go there, its members act on them; null when not set. */
  experts: ExpertsChannel | null;
}

/**
 * What the process gives the Slack adapter; the outbound policy is built from its metrics and
 * readiness, the experts' channel from the configuration.
 */
export type SlackServices = Omit<SlackDeps, 'outbound' | 'experts'>;

/** How long the bot keeps following a thread it answered. */
export const THREAD_TTL_SECONDS = 7 * 24 * 3600;

/** Where a Slack message or click happened. */
export interface SlackPlace {
  team: string | undefined;
  channel: string | undefined;
  /** The thread's ts (or the message's own ts when it starts one); undefined in a DM without thread. */
  thread: string | undefined;
  /** Seen by one person only: a slash command's answer or a click on it (ephemeral). */
  private: boolean;
  user: string | undefined;
}

/**
 * The one conversation key of Slack. Everything private to one person in a channel (the slash
 * command, its ephemeral answers and every button on them) is one conversation per user, so a
 * guided triage started with /webex-code continues whatever button or command comes next.
 */
export function slackConversation(place: SlackPlace): ConversationRef {
  const thread = place.private ? `command:${place.user ?? 'unknown'}` : (place.thread ?? 'direct');
  return {
    platform: 'slack',
    workspace: place.team ?? 'unknown',
    channel: place.channel ?? 'unknown',
    thread,
  };
}

export function threadKey(team: string | undefined, channel: string, thread: string): string {
  return `slack:thread:${team ?? 'unknown'}:${channel}:${thread}`;
}
