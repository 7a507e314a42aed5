import type { Reply } from '../../src/index.js';
import { renderAnswerBlocks, renderHelp, type SlackMessage } from './render/blocks.js';
import { decorateAnswer, renderTriageReply } from './render/triage-blocks.js';

export function renderReply(reply: Reply, ephemeral: boolean): SlackMessage {
  if (reply.kind === 'help') return renderHelp(reply.language);
  if (reply.kind === 'triage') return renderTriageReply(reply, ephemeral);
  return decorateAnswer(reply, renderAnswerBlocks(reply.answer, { ephemeral }));
}
