import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { type CaseCardReply, CaseError, decodeAction, renderText, strings } from '../../../src/index.js';
import { type AdaptiveCard, EXECUTED, renderCard, withNotice } from '../cards.js';
import { caseApplied } from '../case-replies.js';
import { incomingOf, localeOf, type TeamsDeps } from '../context.js';

/** The invoke's answer is a card that replaces the clicked one for the person who clicked only. */
function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { ...card } };
}

/** A message Teams shows the person who clicked, and no one else. */
function messageResponse(text: string): AdaptiveCardInvokeResponse {
  // Universal Actions take the text itself as the value; botbuilder types it as an object.
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}

/**
 * "Je prends", "Fermer sans réponse", "Rouvrir" on the experts' card (Action.Execute, an
 * adaptiveCard/action invoke). Applied, the card is updated in place for everyone and the
 * technician's conversation is told; the clicker's card is the updated one at once. Refused (not a
 * member of the experts' team, already taken…), nothing changes: the clicker alone sees the card
 * as it is with the one line that says why above it.
 */
export async function caseCommand(
  deps: TeamsDeps,
  context: TurnContext,
  value: AdaptiveCardInvokeValue,
): Promise<AdaptiveCardInvokeResponse> {
  try {
    return await command(deps, context, value);
  } catch (error) {
    deps.metrics?.outboundFailures.inc({ platform: 'teams' });
    deps.logger.error({ err: error }, 'Teams case command failed');
    return messageResponse(strings(localeOf(context.activity) ?? 'fr').answer.apology);
  }
}

async function command(
  deps: TeamsDeps,
  context: TurnContext,
  value: AdaptiveCardInvokeValue,
): Promise<AdaptiveCardInvokeResponse> {
  const action = decodeAction(value.action?.data);
  if (!action || !EXECUTED.has(action.kind))
    return messageResponse(strings(localeOf(context.activity) ?? 'fr').ui.staleButton);
  const reply = await deps.bot.handle(await incomingOf(deps, context, { action }));
  const cardOf = (r: CaseCardReply) => deps.escalation?.channel.card(r) ?? renderCard(deps.bot.view(r));
  if (reply.kind === 'case-card') {
    await caseApplied(deps, context, reply);
    return cardResponse(cardOf(reply));
  }
  const line = renderText(deps.bot.view(reply)).text;
  if (reply.kind !== 'case-refused' || reply.caseId === undefined) return messageResponse(line);
  const current = await deps.bot.cases.get(reply.caseId).catch((error: unknown) => {
    if (error instanceof CaseError) return null;
    throw error;
  });
  if (!current) return messageResponse(line);
  return cardResponse(
    withNotice(cardOf({ kind: 'case-card', language: reply.language, case: current }), line),
  );
}
