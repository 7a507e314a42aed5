/**
 * Buttons posted by earlier versions stay clickable: their values are rewritten here, in one place,
 * into today's action vocabulary (actions.ts validates the result like any other value). Slack
 * values {q, l} / {id, l}, whose kind the button's action id gave; Teams data {kind: followUp,
 * ...}, {kind: pick, context} and {kind: 'triage', triage: {...}}.
 */

/** The kind of an action, by the Slack action id of the buttons that carried none in their value. */
const KIND_BY_SLACK_ACTION_ID: Record<string, string> = {
  share_answer: 'share',
  show_alternatives: 'alternatives',
  ask_follow_up: 'ask',
  pick_entry: 'pick',
};

/** The Slack action id prefixes ("share_answer:0") of the buttons posted by earlier versions. */
export const LEGACY_SLACK_ACTION_IDS: readonly string[] = [...Object.keys(KIND_BY_SLACK_ACTION_ID), 'triage'];

const TRIAGE_KINDS = new Set(['triage-start', 'triage-choice', 'triage-control']);

/**
 * A button's value in today's vocabulary (today's values come back unchanged); null for an earlier
 * triage button that wraps no triage action. `buttonId`: a Slack button's action_id.
 */
export function upgradeLegacyAction(
  v: Record<string, unknown>,
  buttonId?: string,
): Record<string, unknown> | null {
  const kindOfId = buttonId ? KIND_BY_SLACK_ACTION_ID[buttonId.split(':')[0] ?? ''] : undefined;
  const kind = kindOfId === undefined ? v.kind : (v.kind ?? kindOfId);
  const context = typeof v.context === 'string' ? v.context : undefined;
  if (kind === 'triage') {
    const triage = v.triage as Record<string, unknown> | null | undefined;
    if (
      typeof triage !== 'object' ||
      triage === null ||
      typeof triage.kind !== 'string' ||
      !TRIAGE_KINDS.has(triage.kind)
    )
      return null;
    return { ...triage, l: v.l };
  }
  if (kind === 'followUp') return { ...v, kind: 'ask' };
  // The question a pick answers was once called `context`.
  if (kind === 'pick' && typeof v.q !== 'string' && context !== undefined) return { ...v, kind, q: context };
  if (kind === undefined && typeof v.id === 'string' && v.id.length > 0)
    return { ...v, kind: 'pick', q: context ?? v.q };
  if (kind === undefined && typeof v.q === 'string') return { ...v, kind: 'ask' };
  return kind === v.kind ? v : { ...v, kind };
}
