import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../../src/index.js';
import { type SlackDeps, slackConversation, THREAD_TTL_SECONDS, threadKey } from '../context.js';
import { APOLOGY_POLICY, type DeliveryPolicy } from '../outbound.js';
import { renderReply } from '../reply.js';
import { withApology } from './apology.js';

export interface ThreadMessage {
  team: string | undefined;
  channel: string;
  /** The thread to answer in: the message's thread, or the message itself when it starts one. */
  threadTs: string | undefined;
  text: string;
  user: string | undefined;
  /**
   * A message nobody addressed to the bot (a reply in a thread it follows): answered only when
   * there is something to say, so "merci" or "ok je regarde" between technicians stay unanswered.
   */
  passive?: boolean;
}

/** Answers a message in its thread (or directly when threadTs is undefined) and follows the thread. */
export async function answerInThread(
  client: WebClient,
  deps: SlackDeps,
  message: ThreadMessage,
  prepared?: () => Promise<Reply>,
): Promise<void> {
  const thread = message.threadTs;
  const post = (content: { text: string; blocks?: unknown[] }, policy?: DeliveryPolicy) =>
    deps.outbound.postMessage(
      client,
      { channel: message.channel, ...(thread ? { thread_ts: thread } : {}), ...content },
      policy,
    );
  await withApology(
    deps,
    { listener: 'thread', text: message.text, channel: message.channel },
    async () => {
      const place = {
        team: message.team,
        channel: message.channel,
        thread,
        private: false,
        user: message.user,
      };
      const reply = prepared
        ? await prepared()
        : await deps.bot.handle({
            conversation: slackConversation(place),
            text: message.text,
            ...(message.user ? { user: message.user } : {}),
          });
      if (message.passive && isSilentReply(reply)) return;
      await post(renderReply(deps.bot, reply, false));
      if (thread)
        await deps.state.remember(threadKey(message.team, message.channel, thread), THREAD_TTL_SECONDS);
    },
    (apology) => post({ text: apology }, APOLOGY_POLICY),
  );
}

/**
 * Nothing found and no code asked about, or a "merci" between technicians: not worth a message in
 * a thread nobody asked the bot in.
 */
function isSilentReply(reply: Reply): boolean {
  if (reply.kind === 'courtesy') return true;
  return (
    reply.kind === 'answer' &&
    !reply.answer.answered &&
    reply.answer.unknownCodes.length === 0 &&
    !reply.notice
  );
}
