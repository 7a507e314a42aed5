import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../context.js';
import { ACTION_IDS } from '../../render/blocks.js';
import { renderReply } from '../../reply.js';
import { answerInThread } from '../answer-in-thread.js';
import { clickContext } from './action-context.js';

/**
 * A follow-up question or a picked entry: asked in the thread of the message that offered it,
 * or privately when that message was private.
 */
export function registerAskFollowUp(app: App, deps: SlackDeps): void {
  const pattern = new RegExp(`^(${ACTION_IDS.followUp}|${ACTION_IDS.pick}):`);
  app.action<BlockAction<ButtonAction>>(pattern, async ({ ack, body, action, client, respond }) => {
    await ack();
    const click = clickContext(body, action);
    if (!click) return;
    const { value } = click;
    const picked = value.id ? deps.bot.answerEntry(value.id, value.l) : null;
    if (click.ephemeral || !click.channel) {
      const reply = picked
        ? { kind: 'answer' as const, language: value.l, answer: picked }
        : await deps.bot.handle({
            conversation: {
              platform: 'slack',
              workspace: click.team ?? 'unknown',
              channel: click.channel ?? 'unknown',
              thread: 'ephemeral',
            },
            text: value.q ?? '',
          });
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderReply(reply, true) });
      return;
    }
    await answerInThread(
      client,
      deps,
      {
        team: click.team,
        channel: click.channel,
        threadTs: click.thread,
        text: value.q ?? '',
        user: click.user,
      },
      picked ? { kind: 'answer', language: value.l, answer: picked } : undefined,
    );
  });
}
