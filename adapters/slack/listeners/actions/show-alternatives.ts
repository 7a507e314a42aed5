import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { SlackDeps } from '../../context.js';
import { ACTION_IDS, renderAlternatives } from '../../render/blocks.js';
import { clickContext } from './action-context.js';

/** "Ce n'était pas ça": the other candidates, privately, each one a button. */
export function registerShowAlternatives(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTION_IDS.notIt}:`),
    async ({ ack, body, action, respond }) => {
      await ack();
      const click = clickContext(body, action);
      if (!click?.value.q) return;
      const answer = deps.bot.ask(click.value.q);
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderAlternatives(answer) });
    },
  );
}
