import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackDeps } from '../context.js';

export interface PrivateMessage {
  text: string;
  blocks?: unknown[];
}

/**
 * A private answer that always arrives: through the response_url first; if that URL is dead
 * (404, 500, expired), as an ephemeral message in the channel; if that fails too (the bot is not
 * in the channel), as a direct message.
 */
export async function replyPrivately(
  deps: SlackDeps,
  respond: RespondFn,
  client: WebClient,
  where: { channel: string | undefined; user: string | undefined },
  message: PrivateMessage,
  replaceOriginal = false,
): Promise<void> {
  try {
    await respond({ response_type: 'ephemeral', replace_original: replaceOriginal, ...message } as never);
    return;
  } catch (error) {
    deps.logger.warn(
      { err: error, channel: where.channel },
      'response_url failed: posting the answer ephemerally',
    );
  }
  if (!where.user) throw new Error('no user to answer privately');
  if (where.channel) {
    try {
      await client.chat.postEphemeral({ channel: where.channel, user: where.user, ...message } as never);
      return;
    } catch (error) {
      deps.logger.warn(
        { err: error, channel: where.channel },
        'ephemeral post failed: sending a direct message',
      );
    }
  }
  await client.chat.postMessage({ channel: where.user, ...message } as never);
}
