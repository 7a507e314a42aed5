import { createHash } from 'node:crypto';
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import {
  type CoreAction,
  decodeAction,
  type IncomingMessage,
  isCaseAction,
  LEGACY_SLACK_ACTION_IDS,
  strings,
} from '../../../../src/index.js';
import { DEDUPE_TTL_SECONDS } from '../../../dedupe.js';
import { CasePosts } from '../../cases/posts.js';
import { type SlackDeps, type SlackPlace, slackConversation } from '../../context.js';
import { APOLOGY_POLICY } from '../../outbound.js';
import { BUTTON_ACTION_ID } from '../../render/blocks.js';
import { renderReply } from '../../reply.js';
import { answerInThread } from '../answer-in-thread.js';
import { withApology } from '../apology.js';
import { replyPrivately } from '../private-reply.js';
import { caseButton, openCaseForm } from './case-buttons.js';
import type { Click, Privately } from './click.js';
import { isTriageCardClick, moveTriageCard } from './triage-card.js';

/** Every button of the bot: today's, and those of messages posted by earlier versions. */
export const BUTTON_PATTERN = new RegExp(`^(${[BUTTON_ACTION_ID, ...LEGACY_SLACK_ACTION_IDS].join('|')}):`);

/** Where a clicked button lives: its channel, its thread, and whether the message was private. */
export function clickPlace(body: BlockAction): SlackPlace {
  const container = body.container as
    | { is_ephemeral?: boolean; thread_ts?: string; message_ts?: string }
    | undefined;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  return {
    team: body.team?.id,
    channel: body.channel?.id,
    thread: message?.thread_ts ?? container?.thread_ts ?? message?.ts ?? container?.message_ts,
    private: Boolean(container?.is_ephemeral),
    user: body.user.id,
  };
}

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** The clicked message's own ts (a private message may have none). */
function clickedTs(body: BlockAction): string | undefined {
  const container = body.container as { message_ts?: string } | undefined;
  return (body.message as { ts?: string } | undefined)?.ts ?? container?.message_ts;
}

/**
 * Every button of every message: decoded by the core, answered through TriageBot.handle. A click
 * on a private message is answered privately; on a public one, in its thread. "Ce n'était pas ça",
 * a rating and an expired button are always answered privately (a "Pas utile" asks why with two
 * buttons, and the reason clicked replaces that question); "Partager dans le canal" posts the
 * answer for everyone, where the record of what was shown says. A guided triage's option or control
 * replaces its card; "Escalader" opens the case form as a modal; the experts' buttons act on a case.
 */
export function buttonListener(deps: SlackDeps) {
  const posts = new CasePosts(deps);
  return async ({ ack, body, action, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const decoded = decodeAction(action.value, action.action_id);
    const place = clickPlace(body);
    const text = (decoded?.kind === 'ask' && decoded.q) || '';
    const ephemeral: Privately = (content, replace = false) =>
      replyPrivately(deps, respond, client, { channel: place.channel, user: place.user }, content, replace);
    const userName = body.user.username || body.user.name;
    const click: Click = {
      client,
      place,
      messageTs: clickedTs(body),
      triggerId: body.trigger_id,
      responseUrl: body.response_url,
      value: action.value ?? '',
      userName,
      privately: ephemeral,
    };
    await withApology(
      deps,
      { listener: 'button', text, channel: place.channel },
      async () => {
        if (!decoded) {
          await ephemeral({ text: strings('fr').ui.staleButton });
          return;
        }
        const message: IncomingMessage = {
          conversation: slackConversation(place),
          text: '',
          ...(place.user ? { user: place.user } : {}),
          action: decoded,
          // A private reply is shared in the channel it is shown in, unless its record says more
          // (the diagnosed message's thread); an earlier version's share button, there too.
          ...((place.private || decoded.kind === 'share') && place.channel ? { shareTo: place.channel } : {}),
        };
        if (decoded.kind === 'share') return await share(deps, place, client, message, decoded, ephemeral);
        // The buttons of cases: an expert's command, "Ouvrir le dossier" on a form shown as a message.
        if (isCaseAction(decoded)) return await caseButton(deps, posts, click, message, decoded);
        const reply = await deps.bot.handle(message);
        if (reply.kind === 'case-form') return await openCaseForm(deps, click, reply);
        if (isTriageCardClick(decoded) && (await moveTriageCard(deps, click, reply))) return;
        if (
          place.private ||
          !place.channel ||
          reply.kind === 'alternatives' ||
          reply.kind === 'feedback-ack' ||
          reply.kind === 'expired'
        ) {
          // A reason replaces the private "Pas utile" acknowledgement that asked for it: its buttons go.
          const answersWhy = reply.kind === 'feedback-ack' && reply.reason !== undefined && place.private;
          await ephemeral(renderReply(deps.bot, reply, true), answersWhy);
          return;
        }
        const thread = {
          team: place.team,
          channel: place.channel,
          threadTs: place.thread,
          text,
          user: place.user,
        };
        await answerInThread(client, deps, thread, async () => reply);
      },
      (apology) =>
        replyPrivately(
          deps,
          respond,
          client,
          { channel: place.channel, user: place.user },
          { text: apology },
          false,
          APOLOGY_POLICY,
        ),
    );
  };
}

/** Where a share posts, from the record of what was shown: `C123`, or `C123/1700000000.000100` for a thread. */
function shareTarget(to: string | undefined): { channel: string; thread?: string } | null {
  const [channel, thread] = to?.split('/') ?? [];
  if (!channel) return null;
  return thread ? { channel, thread } : { channel };
}

type ShareAction = Extract<CoreAction, { kind: 'share' }>;

async function share(
  deps: SlackDeps,
  place: SlackPlace,
  client: ButtonArgs['client'],
  message: IncomingMessage,
  action: ShareAction,
  ephemeral: Privately,
): Promise<void> {
  const ui = strings(action.l ?? 'fr').ui;
  // One post per reply shown and person, however often the button is clicked.
  const shown =
    action.ref ??
    createHash('sha256').update(`${place.channel}:${action.carried.q}`).digest('hex').slice(0, 16);
  const once = `slack:shared:${place.user}:${shown}`;
  if (await deps.state.recall(once)) {
    await ephemeral({ text: ui.shared }, true);
    return;
  }
  const reply = await deps.bot.handle(message);
  // An expired button says so, privately.
  if (reply.kind !== 'answer' || !reply.shared)
    return void (await ephemeral(renderReply(deps.bot, reply, true)));
  const target = shareTarget(reply.to);
  if (!target) return void (await ephemeral({ text: ui.staleButton }));
  const rendered = renderReply(deps.bot, reply, false);
  try {
    await deps.outbound.postMessage(client, {
      channel: target.channel,
      ...(target.thread ? { thread_ts: target.thread } : {}),
      text: `${ui.sharedBy(`<@${place.user}>`)}\n${rendered.text}`,
      blocks: rendered.blocks,
    });
  } catch (error) {
    deps.logger.error({ err: error, channel: target.channel }, 'share failed');
    await ephemeral({ text: ui.cannotPost });
    return;
  }
  await deps.state.remember(once, DEDUPE_TTL_SECONDS);
  await ephemeral({ text: ui.shared }, true);
}

export function registerButtons(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(BUTTON_PATTERN, buttonListener(deps));
}
