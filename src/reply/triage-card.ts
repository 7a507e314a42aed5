import type { CoreAction } from './actions.js';
import type { Reply } from './reply.js';

/**
 * What a platform that updates a guided triage's card in place (Teams updateActivity, Slack
 * chat.update) does with the reply to a click on that card:
 * - `update`: the card becomes the reply (the next question, the step gone back to, the restart);
 * - `result`: the card keeps its trail (`bot.view(reply, { triageTrail: true })`) and the reply,
 *   the triage's result, is a new message;
 * - `stopped`: the card keeps its trail, which says it was stopped; nothing else is posted;
 * - `stale`: the card shows an earlier step (its session moved on): one line
 *   (`ui.staleTriageCard`), nothing changes;
 * - `ended`: the triage is over or expired: one line (`ui.endedTriageCard`), nothing changes;
 * - `new`: any other reply is a new message, as for a typed one.
 */
export type TriageCardUpdate = 'update' | 'result' | 'stopped' | 'stale' | 'ended' | 'new';

/** Whether a click acts on the triage card it is on (an option, back, restart, stop): escalating opens a form instead. */
export function actsOnTriageCard(action: CoreAction): boolean {
  return (
    action.kind === 'triage-choice' || (action.kind === 'triage-control' && action.control !== 'escalate')
  );
}

/** How the reply to a click on a triage card (actsOnTriageCard) changes that card. */
export function triageCardUpdate(reply: Reply): TriageCardUpdate {
  if (reply.kind === 'answer')
    return reply.notice === 'no-session' || reply.notice === 'expired' ? 'ended' : 'new';
  if (reply.kind !== 'triage' || reply.answer) return 'new';
  if (reply.notice === 'stale-choice') return 'stale';
  switch (reply.view.state) {
    case 'question':
      return 'update';
    case 'stopped':
      return 'stopped';
    case 'outcome':
    case 'escalation':
      return 'result';
  }
}
