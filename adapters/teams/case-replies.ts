import type { TurnContext } from 'botbuilder';
import type { CaseCardReply, CaseOpenedReply } from '../../src/index.js';
import { cardActivity, renderCard, withLinks } from './cards.js';
import type { TeamsDeps } from './context.js';
import { sendWithRetry } from './send.js';

/**
 * A case opened from the technician's dialog: its card goes to the experts' channel, and the
 * technician's conversation gets "Dossier 12 ouvert" with a link to the experts' post. Without an
 * experts' channel (or when the post fails) the technician gets the card to forward, and how to
 * reach them is recorded alone: an expert's resolution from the CLI is still told to them.
 */
export async function caseOpened(
  deps: TeamsDeps,
  context: TurnContext,
  reply: CaseOpenedReply,
): Promise<void> {
  const link = deps.escalation ? await deps.escalation.channel.publish(context, reply) : null;
  if (!link) await deps.technician.record(context, reply);
  const view = deps.bot.view(reply, { expertsChannel: link !== null });
  await sendWithRetry(context, cardActivity(withLinks(renderCard(view), [link ?? undefined]), view));
}

/** An expert's command applied: the experts' card updated in place, the technician's conversation told. */
export async function caseApplied(
  deps: TeamsDeps,
  context: TurnContext,
  reply: CaseCardReply,
): Promise<void> {
  await deps.escalation?.channel.applied(context, reply);
}
