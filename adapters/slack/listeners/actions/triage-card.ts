import { type CoreAction, type Reply, strings, triageCardUpdate } from '../../../../src/index.js';
import type { SlackDeps } from '../../context.js';
import { renderSlack } from '../../render/blocks.js';
import { renderReply } from '../../reply.js';
import { type Click, postWhereClicked, replaceClicked } from './click.js';

/**
 * The clicks on a guided triage's card: an option or a control. "Escalader" is one too: with its
 * triage in progress it gives the case form (a modal); without, its card is out of date.
 */
export function isTriageCardClick(action: CoreAction): boolean {
  return action.kind === 'triage-choice' || action.kind === 'triage-control';
}

/**
 * A guided triage on one card: each step replaces the clicked card (chat.update in a thread,
 * response_url's replace_original for a private one), the answers given so far above its question;
 * a result or an escalation summary is a new message under the card, which keeps its trail; a stop
 * leaves the trail saying so. A card the triage has moved on from, or whose triage is over or
 * expired, gets one private line and stays as it is. False for a reply that is not about the card
 * (core: triageCardUpdate).
 */
export async function moveTriageCard(deps: SlackDeps, click: Click, reply: Reply): Promise<boolean> {
  const ui = strings(reply.language).ui;
  const isPrivate = click.place.private;
  switch (triageCardUpdate(reply)) {
    case 'stale':
      await click.privately({ text: ui.staleTriageCard });
      return true;
    case 'ended':
      await click.privately({ text: ui.endedTriageCard });
      return true;
    case 'update':
      await replaceClicked(deps, click, renderReply(deps.bot, reply, isPrivate));
      return true;
    case 'stopped':
      await replaceClicked(deps, click, renderSlack(deps.bot.view(reply, { triageTrail: true })));
      return true;
    case 'result':
      await replaceClicked(deps, click, renderSlack(deps.bot.view(reply, { triageTrail: true })));
      await postWhereClicked(deps, click, renderReply(deps.bot, reply, isPrivate));
      return true;
    case 'new':
      return false;
  }
}
