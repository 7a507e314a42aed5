import { createHash } from 'node:crypto';
import {
  type CaseAction,
  type CaseFormReply,
  type FormView,
  type IncomingMessage,
  type Language,
  strings,
} from '../../../../src/index.js';
import { encodeMetadata, type FormMetadata, formModal, type TechnicianPlace } from '../../cases/modal.js';
import type { CasePosts } from '../../cases/posts.js';
import type { SlackDeps } from '../../context.js';
import { isExpert } from '../../experts.js';
import { ONE_TRY } from '../../outbound.js';
import { renderReply } from '../../reply.js';
import { type Click, postWhereClicked, replaceClicked, toClicker } from './click.js';

/**
 * One escalation opens one case: its form sent twice (a double click, a second modal of the same
 * "Escalader", "Ouvrir le dossier" clicked again) is dropped for this long, across instances.
 */
export const OPEN_ONCE_TTL_SECONDS = 600;

/** The shared-state key that lets one case open per escalation. */
export const openOnceKey = (once: string) => `slack:case-open:${once}`;

const digest = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

/**
 * A form as a modal (views.open with the click's trigger_id, which lasts 3 s); false when it
 * cannot be (no trigger, metadata too large, Slack refused): the caller shows the form as a message.
 */
export async function openFormModal(
  deps: SlackDeps,
  click: Click,
  form: FormView,
  metadata: FormMetadata,
): Promise<boolean> {
  const json = encodeMetadata(metadata);
  const trigger = click.triggerId;
  if (!json || !trigger) return false;
  try {
    await deps.outbound.call({ method: 'views.open', channel: click.place.channel }, ONE_TRY, () =>
      click.client.views.open({ trigger_id: trigger, view: formModal(form, json) }),
    );
    return true;
  } catch (error) {
    deps.logger.warn({ err: error }, 'modal not opened: the form is shown as a message');
    return false;
  }
}

/**
 * "Escalader" (under an answer, an "I don't know", a diagnosis, or a guided triage's control): the
 * case form as a modal, keyed to this escalation so that it opens one case. Without a modal, the
 * form is a message whose "Ouvrir le dossier" button opens the case with the checklist unanswered.
 */
export async function openCaseForm(deps: SlackDeps, click: Click, reply: CaseFormReply): Promise<void> {
  const form = deps.bot.form(reply);
  const { channel, user, team, thread } = click.place;
  if (form && channel && user) {
    const at: TechnicianPlace = {
      channel,
      user,
      private: click.place.private,
      ...(team ? { team } : {}),
      ...(thread && !click.place.private ? { thread } : {}),
      ...(click.place.private && click.responseUrl ? { responseUrl: click.responseUrl } : {}),
    };
    const once = digest(user, channel, click.messageTs ?? '', click.value, JSON.stringify(reply.draft));
    if (await openFormModal(deps, click, form, { submit: form.submit, at, once })) return;
  }
  await postWhereClicked(deps, click, renderReply(deps.bot, reply, click.place.private));
}

/**
 * The buttons of cases: an expert's command on a card ("Je prends", "Résoudre", "Fermer sans
 * réponse", "Rouvrir"), for members of the experts' channel only, and "Ouvrir le dossier" on a case
 * form shown as a message. A card is updated in place and the technician told; whoever may not act
 * gets one private line, and nothing changes.
 */
export async function caseButton(
  deps: SlackDeps,
  posts: CasePosts,
  click: Click,
  message: IncomingMessage,
  action: CaseAction & { l?: Language },
): Promise<void> {
  const named = { ...message, ...(click.userName ? { userName: click.userName } : {}) };
  if (action.kind === 'case-open') return openFromCard(deps, posts, click, named);
  const expert = await isExpert(deps, click.client, click.place.user, 'case command');
  if (expert === null) {
    await toClicker(deps, click, { text: strings(action.l ?? 'fr').cases.refused.unavailable });
    return;
  }
  const reply = await deps.bot.handle({ ...named, expert });
  const clicked =
    click.place.channel && click.messageTs
      ? { channel: click.place.channel, ts: click.messageTs }
      : undefined;
  if (reply.kind === 'case-card') return posts.commanded(click.client, reply, clicked);
  if (reply.kind === 'case-resolve-form') {
    const form = deps.bot.form(reply);
    if (form && (await openFormModal(deps, click, form, { submit: form.submit }))) return;
  }
  await toClicker(deps, click, renderReply(deps.bot, reply, true));
}

/** "Ouvrir le dossier" on a case form shown as a message: opens the case once, and the form becomes "Dossier N ouvert". */
async function openFromCard(
  deps: SlackDeps,
  posts: CasePosts,
  click: Click,
  message: IncomingMessage,
): Promise<void> {
  const once = digest(click.place.user ?? '', click.place.channel ?? '', click.messageTs ?? '', click.value);
  if (!(await deps.state.firstSeen(openOnceKey(once), OPEN_ONCE_TTL_SECONDS))) {
    deps.logger.info({ channel: click.place.channel }, 'case form clicked again: already opened');
    return;
  }
  const reply = await deps.bot.handle(message);
  if (reply.kind === 'case-opened')
    return posts.opened(click.client, reply, (m) => replaceClicked(deps, click, m));
  await postWhereClicked(deps, click, renderReply(deps.bot, reply, click.place.private));
}
