import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { detectLanguage, strings } from '../../../../src/index.js';
import { type SlackDeps, slackConversation } from '../../context.js';
import { APOLOGY_POLICY } from '../../outbound.js';
import { escapeMrkdwn } from '../../render/blocks.js';
import { renderReply } from '../../reply.js';
import { withApology } from '../apology.js';
import { replyPrivately } from '../private-reply.js';

export const COMMAND = '/webex-code';

/** /webex-code: acknowledged at once, answered privately (ephemeral) with a button to share. */
export function webexCodeListener(deps: SlackDeps) {
  return async ({
    command,
    ack,
    respond,
    client,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const where = { channel: command.channel_id, user: command.user_id };
    await ack();
    const text = command.text.trim();
    await withApology(
      deps,
      { listener: COMMAND, text, channel: command.channel_id },
      async () => {
        if (!text) {
          const usage = strings(detectLanguage(text)).ui.usage(COMMAND);
          const help = renderReply(deps.bot, { kind: 'help', language: 'fr' }, true);
          await replyPrivately(deps, respond, client, where, {
            text: `${usage}\n\n${help.text}`,
            blocks: [
              { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(usage) } },
              ...help.blocks,
            ],
          });
          return;
        }
        const place = {
          team: command.team_id,
          channel: command.channel_id,
          thread: undefined,
          private: true,
          user: command.user_id,
        };
        const reply = await deps.bot.handle({
          conversation: slackConversation(place),
          text,
          user: command.user_id,
          // Its "share" posts in the channel where the command was typed.
          shareTo: command.channel_id,
        });
        await replyPrivately(deps, respond, client, where, renderReply(deps.bot, reply, true));
      },
      (apology) => replyPrivately(deps, respond, client, where, { text: apology }, false, APOLOGY_POLICY),
    );
  };
}

export function registerWebexCode(app: App, deps: SlackDeps): void {
  app.command(COMMAND, webexCodeListener(deps));
}
