import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { type SlackDeps, slackConversation } from '../../context.js';
import { decodeTriageAction, TRIAGE_ACTION_ID } from '../../render/triage-blocks.js';
import { renderReply } from '../../reply.js';
import { answerInThread } from '../answer-in-thread.js';
import { clickLocation } from './action-context.js';

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
      const { team, channel, thread, ephemeral, user } = clickLocation(body);
      if (ephemeral || !channel) {
        const reply = await deps.bot.handle({
          conversation: slackConversation(team, channel ?? 'unknown', `command:${user}`),
          text: '',
          user,
          action: triageAction,
        });
        await respond({ response_type: 'ephemeral', replace_original: false, ...renderReply(reply, true) });
        return;
      }
      const reply = await deps.bot.handle({
        conversation: slackConversation(team, channel, thread ?? 'direct'),
        text: '',
        user,
        action: triageAction,
      });
      await answerInThread(client, deps, { team, channel, threadTs: thread, text: '', user }, reply);
    },
  );
}
