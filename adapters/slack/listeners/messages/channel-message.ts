import type { App } from '@slack/bolt';
import { type SlackDeps, threadKey } from '../../context.js';
import { answerInThread } from '../answer-in-thread.js';

interface PlainMessage {
  subtype?: string;
  bot_id?: string;
  text?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  team?: string;
}

/**
 * Direct messages are always answered; in channels, only replies in a thread the bot already
 * answered continue the conversation without a new mention. Edits, bot messages and messages
 * that mention the bot (handled as app_mention) are ignored.
 */
export function registerChannelMessage(app: App, deps: SlackDeps): void {
  app.message(async ({ message, client, context, body }) => {
    const m = message as unknown as PlainMessage;
    if (m.subtype || m.bot_id || typeof m.text !== 'string' || !m.channel) return;
    if (context.botUserId && m.user === context.botUserId) return;
    const team = m.team ?? (body as { team_id?: string }).team_id;
    if (m.channel_type === 'im') {
      await answerInThread(client, deps, {
        team,
        channel: m.channel,
        threadTs: m.thread_ts,
        text: m.text,
        user: m.user,
      });
      return;
    }
    if (!m.thread_ts) return;
    if (context.botUserId && m.text.includes(`<@${context.botUserId}>`)) return;
    if (!(await deps.state.recall(threadKey(team, m.channel, m.thread_ts)))) return;
    await answerInThread(client, deps, {
      team,
      channel: m.channel,
      threadTs: m.thread_ts,
      text: m.text,
      user: m.user,
      passive: true,
    });
  });
}
