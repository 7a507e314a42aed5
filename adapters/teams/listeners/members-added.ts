import type { TurnContext } from 'botbuilder';
import type { TeamsDeps } from '../context.js';
import { sendReply } from '../reply.js';

/** The bot added to a conversation, or someone to a personal chat with it: the welcome and the help. */
export async function welcome(deps: TeamsDeps, context: TurnContext): Promise<void> {
  const added = context.activity.membersAdded ?? [];
  const botAdded = added.some((m) => m.id === context.activity.recipient?.id);
  const personal = context.activity.conversation?.conversationType === 'personal';
  if (botAdded || (personal && added.length > 0))
    await sendReply(deps, context, { kind: 'help', language: 'fr', welcome: true });
}
