/**
 * Buttons posted by earlier versions stay clickable: their values are rewritten here, in one place,
 * into today's action vocabulary (actions.ts validates the result like any other value). Slack
 * values {q, l} / {id, l}, whose kind the button's action id gave; Teams data {kind: followUp,
 * ...}, {kind: pick, context} and {kind: 'triage', triage: {...}}; and the buttons that carried
 * their question ({kind: share|feedback|alternatives|escalate|pick, q, id}) before a button referred to
 * the record of what was shown: their question and entry become `carried`. A share's `to` is
 * dropped: where a share posts is never taken from a button.
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

/** The kinds that act on what a reply showed: today they carry a ref, earlier they carried the question. */
const CARRYING_KINDS = new Set(['share', 'feedback', 'alternatives', 'escalate']);

/** A value that carried its question, with what it carried moved under `carried` (q, and the entry id). */
function withCarried(v: Record<string, unknown>, kind: string): Record<string, unknown> {
  const { q, id, to: _droppedTarget, context: _context, ...rest } = v;
  const carriedId = kind === 'pick' ? {} : typeof id === 'string' ? { id } : {};
  return { ...rest, kind, ...(kind === 'pick' ? { id } : {}), carried: { q, ...carriedId } };
}

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
  // A value with a ref is today's; one with a question is an earlier version's.
  if (v.ref !== undefined) return kind === v.kind ? v : { ...v, kind };
  if (typeof kind === 'string' && CARRYING_KINDS.has(kind) && typeof v.q === 'string')
    return withCarried(v, kind);
  // The question a pick answers was once called `context`.
  const pickQuestion = typeof v.q === 'string' ? v.q : context;
  if (kind === 'pick' && pickQuestion !== undefined) return withCarried({ ...v, q: pickQuestion }, 'pick');
  if (kind === undefined && typeof v.id === 'string' && v.id.length > 0)
    return pickQuestion === undefined
      ? { ...v, kind: 'pick' }
      : withCarried({ ...v, q: pickQuestion }, 'pick');
  if (kind === undefined && typeof v.q === 'string') return { ...v, kind: 'ask' };
  return kind === v.kind ? v : { ...v, kind };
}
