import type { WebClient } from '@slack/web-api';
import type { SlackDeps, SlackPlace } from '../../context.js';
import { ONE_TRY } from '../../outbound.js';
import type { SlackMessage } from '../../render/blocks.js';
import type { PrivateMessage } from '../private-reply.js';

/** A message to the person who clicked, seen by them only; `replace`: instead of the clicked (private) message. */
export type Privately = (content: PrivateMessage, replace?: boolean) => Promise<unknown>;

/** A button clicked, with what answering it needs. */
export interface Click {
  client: WebClient;
  place: SlackPlace;
  /** The clicked message's own ts (a thread reply's, not its thread's); Slack gives none for some private messages. */
  messageTs: string | undefined;
  /** Opens a modal within 3 s of the click. */
  triggerId: string | undefined;
  responseUrl: string | undefined;
  /** The button's value as clicked. */
  value: string;
  /** Who clicked, by name: who opens, takes or resolves a case. */
  userName: string | undefined;
  /** Through the response_url, else an ephemeral message, else a direct message. */
  privately: Privately;
}

/** A reply next to the clicked message: privately for a private one, else in its thread. */
export async function postWhereClicked(deps: SlackDeps, click: Click, message: SlackMessage): Promise<void> {
  const { channel, thread } = click.place;
  if (click.place.private || !channel) {
    await click.privately(message);
    return;
  }
  await deps.outbound.postMessage(click.client, {
    channel,
    ...(thread ? { thread_ts: thread } : {}),
    ...message,
  });
}

/**
 * The clicked message replaced by `message` (chat.update; response_url's replace_original for a
 * private one). A message Slack does not let the bot update is answered with a new one instead.
 */
export async function replaceClicked(deps: SlackDeps, click: Click, message: SlackMessage): Promise<void> {
  const { channel } = click.place;
  if (click.place.private) {
    await click.privately(message, true);
    return;
  }
  if (channel && click.messageTs) {
    try {
      await deps.outbound.updateMessage(click.client, { channel, ts: click.messageTs, ...message });
      return;
    } catch (error) {
      deps.logger.warn({ err: error, channel }, 'chat.update refused: posting a new message instead');
    }
  }
  await postWhereClicked(deps, click, message);
}

/**
 * One private line to whoever clicked a public message (chat.postEphemeral; someone viewing a
 * channel they are not in gets it through the response_url, else by direct message).
 */
export async function toClicker(deps: SlackDeps, click: Click, message: PrivateMessage): Promise<void> {
  const { channel, user } = click.place;
  if (channel && user && !click.place.private) {
    try {
      await deps.outbound.call({ method: 'chat.postEphemeral', channel }, ONE_TRY, () =>
        click.client.chat.postEphemeral({ channel, user, ...message } as never),
      );
      return;
    } catch (error) {
      deps.logger.warn({ err: error, channel }, 'ephemeral line refused: answering through the response_url');
    }
  }
  await click.privately(message);
}
