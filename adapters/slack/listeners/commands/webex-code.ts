import type { App } from '@slack/bolt';
import { detectLanguage, HELP_TEXT, labels } from '../../../../src/index.js';
import { type SlackDeps, slackConversation } from '../../context.js';
import { escapeMrkdwn } from '../../render/blocks.js';
import { renderReply } from '../../reply.js';

export const COMMAND = '/webex-code';

const USAGE = `Usage : \`${COMMAND} <code, ligne de journal ou symptôme>\`, par exemple \`${COMMAND} 200039\`, \`${COMMAND} callEndReason 487\`, \`${COMMAND} l'utilisateur ne voit pas l'icône d'appel\`.`;

/** /webex-code: acknowledged at once, answered privately (ephemeral) with a button to share. */
export function registerWebexCode(app: App, deps: SlackDeps): void {
  app.command(COMMAND, async ({ command, ack, respond }) => {
    await ack();
    const text = command.text.trim();
    try {
      if (!text) {
        const help = `${USAGE}\n\n${HELP_TEXT.fr}`;
        await respond({
          response_type: 'ephemeral',
          text: help,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(help) } }],
        });
        return;
      }
      const reply = await deps.bot.handle({
        conversation: slackConversation(command.team_id, command.channel_id, `command:${command.user_id}`),
        text,
        user: command.user_id,
      });
      await respond({ response_type: 'ephemeral', ...renderReply(reply, true) });
    } catch (error) {
      deps.logger.error({ err: error, command: COMMAND }, 'slash command failed');
      await respond({ response_type: 'ephemeral', text: labels(detectLanguage(text)).apology });
    }
  });
}
