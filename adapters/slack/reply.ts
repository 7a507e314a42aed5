import type { Reply, TriageBot } from '../../src/index.js';
import { renderSlack, type SlackMessage } from './render/blocks.js';

/** A core reply as a Slack message; a private one offers to share it. */
export function renderReply(bot: TriageBot, reply: Reply, isPrivate: boolean): SlackMessage {
  return renderSlack(bot.view(reply, { private: isPrivate }));
}
