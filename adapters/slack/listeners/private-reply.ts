import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackDeps } from '../context.js';
import { type DeliveryPolicy, REPLY_POLICY } from '../outbound.js';

export interface PrivateMessage {
  text: string;
  blocks?: unknown[];
}

/**
 * A private answer that always arrives: through the response_url first; if that URL is dead
 * (404, 500, expired, no answer), as an ephemeral message in the channel; if that fails too (the
 * bot is not in the channel), as a direct message. Only when all three fail is it counted as not
 * delivered. `policy` is how hard each Web API fallback is tried (an apology: once).
 */
export async function replyPrivately(
  deps: SlackDeps,
  respond: RespondFn,
  client: WebClient,
  where: { channel: string | undefined; user: string | undefined },
  message: PrivateMessage,
  replaceOriginal = false,
  policy: DeliveryPolicy = REPLY_POLICY,
): Promise<void> {
  await deps.outbound.deliver(async () => {
    try {
      await respond({ response_type: 'ephemeral', replace_original: replaceOriginal, ...message } as never);
      return;
    } catch (error) {
      deps.logger.warn(
        { err: error, channel: where.channel },
        'response_url failed: posting the answer ephemerally',
      );
    }
    const user = where.user;
    if (!user) throw new Error('no user to answer privately');
    const channel = where.channel;
    if (channel) {
      try {
        await deps.outbound.call({ method: 'chat.postEphemeral', channel }, policy, () =>
          client.chat.postEphemeral({ channel, user, ...message } as never),
        );
        return;
      } catch (error) {
        deps.logger.warn({ err: error, channel }, 'ephemeral post failed: sending a direct message');
      }
    }
    await deps.outbound.call({ method: 'chat.postMessage', channel: user }, policy, () =>
      client.chat.postMessage({ channel: user, ...message } as never),
    );
  });
}
