import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../context.js';
import { ACTION_IDS, renderAnswerBlocks } from '../../render/blocks.js';
import { clickContext } from './action-context.js';

/** "Partager dans le canal": posts the same answer in the channel, for everyone. */
export function registerShareAnswer(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTION_IDS.share}:`),
    async ({ ack, body, action, client, respond }) => {
      await ack();
      const click = clickContext(body, action);
      if (!click?.channel) return;
      const { value } = click;
      const answer =
        (value.id && deps.bot.answerEntry(value.id, value.l, value.q)) || deps.bot.ask(value.q ?? '');
      try {
        const shared = value.l === 'en' ? `<@${click.user}> shared:` : `<@${click.user}> a partagé :`;
        const message = renderAnswerBlocks(answer, { ephemeral: false });
        await client.chat.postMessage({
          channel: click.channel,
          text: `${shared}\n${message.text}`,
          blocks: message.blocks,
        });
        await respond({
          response_type: 'ephemeral',
          replace_original: true,
          text: value.l === 'en' ? 'Shared in the channel.' : 'Réponse partagée dans le canal.',
        });
      } catch (error) {
        deps.logger.error({ err: error }, 'share failed');
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text:
            value.l === 'en'
              ? 'I could not post in this channel: invite me to it first (/invite @UC Triage).'
              : 'Je n’ai pas pu publier dans ce canal : invitez-moi d’abord (/invite @UC Triage).',
        });
      }
    },
  );
}
