import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { type SlackDeps, slackConversation } from '../../context.js';
import { decodeTriageAction, TRIAGE_ACTION_ID } from '../../render/triage-blocks.js';
import { renderReply } from '../../reply.js';
import { answerInThread } from '../answer-in-thread.js';

/**
 * A guided-triage button (start, option, back/restart/escalate/stop): the next step is posted in
 * the thread of the message that offered it, or privately when that message was private.
 */
export function registerTriageStep(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${TRIAGE_ACTION_ID}:`),
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const triageAction = decodeTriageAction(action.value);
      if (!triageAction) return;
      const container = body.container as
        | { is_ephemeral?: boolean; thread_ts?: string; message_ts?: string }
        | undefined;
      const message = body.message as { ts?: string; thread_ts?: string } | undefined;
      const channel = body.channel?.id;
      const team = body.team?.id;
      if (container?.is_ephemeral || !channel) {
        const reply = await deps.bot.handle({
          conversation: slackConversation(team, channel ?? 'unknown', `command:${body.user.id}`),
          text: '',
          user: body.user.id,
          action: triageAction,
        });
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderReply(reply, true) });
        return;
      }
      const thread = message?.thread_ts ?? container?.thread_ts ?? message?.ts ?? container?.message_ts;
      const reply = await deps.bot.handle({
        conversation: slackConversation(team, channel, thread ?? 'direct'),
        text: '',
        user: body.user.id,
        action: triageAction,
      });
      await answerInThread(
        client,
        deps,
        { team, channel, threadTs: thread, text: '', user: body.user.id },
        reply,
      );
    },
  );
}
