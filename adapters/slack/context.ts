import type { ConversationRef, SharedState, TriageBot } from '../../src/index.js';
import type { Logger } from '../logger.js';

/** What every Slack listener needs: the core, the shared state and a logger. */
export interface SlackDeps {
  bot: TriageBot;
  state: SharedState;
  logger: Logger;
}

/** How long the bot keeps following a thread it answered, and remembers a delivered event. */
export const THREAD_TTL_SECONDS = 7 * 24 * 3600;
export const DEDUPE_TTL_SECONDS = 3600;

export function slackConversation(
  team: string | undefined,
  channel: string,
  thread: string,
): ConversationRef {
  return { platform: 'slack', workspace: team ?? 'unknown', channel, thread };
}

export function threadKey(team: string | undefined, channel: string, thread: string): string {
  return `slack:thread:${team ?? 'unknown'}:${channel}:${thread}`;
}
