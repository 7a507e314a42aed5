import type { Activity, ChannelAccount, CloudAdapter, TurnContext } from 'botbuilder';
import {
  type Case,
  type CaseCardReply,
  type CaseConversation,
  type CaseOpenedReply,
  type Language,
  parseJsonOrNull,
  strings,
  type TriageBot,
} from '../../src/index.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { cardActivity, renderCard } from './cards.js';
import { type Link, technicianLink } from './deep-links.js';
import { botAccountOf, inConversation, type ProactiveConversation } from './proactive.js';
import { sendWithRetry } from './send.js';

/** Case.expertsPost of a case opened in Teams starts with this; JSON follows (opaque to the core). */
export const TEAMS_POST_PREFIX = 'teams:';

/**
 * What telling a case's technician needs, recorded when the case is opened: the tenant, and the
 * technician's conversation (its type, the Bot Connector URL that reaches it, the way back to it).
 * A case whose card was posted in the experts' channel records this inside its post (TeamsCasePost);
 * one without (no channel, or the post failed) records this alone.
 */
export interface TeamsTechnicianReach {
  tenant?: string;
  technician: { type?: string; serviceUrl: string; link?: Link };
}

/** The technician's reach as the turn that opens the case shows it. */
export function technicianReachOf(activity: Activity, language: Language): TeamsTechnicianReach {
  const tenant = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
  const s = strings(language).cases;
  const back = technicianLink(activity, { conversation: s.technicianLink, chatWith: s.chatWith });
  return {
    ...(tenant ? { tenant } : {}),
    technician: {
      ...(activity.conversation?.conversationType ? { type: activity.conversation.conversationType } : {}),
      serviceUrl: activity.serviceUrl,
      ...(back ? { link: back } : {}),
    },
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isLink = (value: unknown): value is Link =>
  isRecord(value) && typeof value.url === 'string' && typeof value.label === 'string';

/**
 * How to reach a case's technician, from its experts' post or its technician-only record; null when
 * it records neither (opened elsewhere than Teams, before this was recorded, or unreadable).
 */
export function reachOf(c: Case): TeamsTechnicianReach | null {
  if (!c.expertsPost?.startsWith(TEAMS_POST_PREFIX)) return null;
  const record = parseJsonOrNull(c.expertsPost.slice(TEAMS_POST_PREFIX.length));
  if (!isRecord(record)) return null;
  const { tenant, technician } = record;
  if (!isRecord(technician) || typeof technician.serviceUrl !== 'string') return null;
  return {
    ...(typeof tenant === 'string' ? { tenant } : {}),
    technician: {
      ...(typeof technician.type === 'string' ? { type: technician.type } : {}),
      serviceUrl: technician.serviceUrl,
      ...(isLink(technician.link) ? { link: technician.link } : {}),
    },
  };
}

/** The technician's conversation id as Teams knows it: a channel thread is "channel;messageid=root". */
function conversationIdOf(c: CaseConversation): string {
  return c.thread === c.channel ? c.channel : `${c.channel};messageid=${c.thread}`;
}

/** The technician's conversation as a proactive message reaches it: as the case records it, else as its key says. */
function conversationOf(c: Case, reach: TeamsTechnicianReach | null): ProactiveConversation {
  return {
    id: conversationIdOf(c.conversation),
    type:
      reach?.technician.type ?? (c.conversation.thread === c.conversation.channel ? 'personal' : 'channel'),
    tenantId: reach?.tenant ?? c.conversation.workspace,
  };
}

/**
 * The technician's conversation, told of what happens to their case (proactive messages through
 * the CloudAdapter, so from any turn, any instance, after any restart), with or without an
 * experts' channel.
 */
export class TechnicianNotices {
  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      /** The bot's app id (empty without authentication): the identity proactive messages are sent as. */
      appId: string;
      bot: TriageBot;
      logger: Logger;
      metrics?: Metrics | undefined;
    },
  ) {}

  /**
   * A case opened without a card in the experts' channel: how to reach the technician is recorded
   * alone, so a transition made from the CLI still reaches them. A failure is logged: the case and
   * the card the technician forwards work, only that later notice is lost.
   */
  async record(context: TurnContext, reply: CaseOpenedReply): Promise<void> {
    const reach = technicianReachOf(context.activity, reply.card.language);
    try {
      await this.deps.bot.cases.attachExpertsPost(
        reply.case.id,
        `${TEAMS_POST_PREFIX}${JSON.stringify(reach)}`,
      );
    } catch (error) {
      this.deps.logger.error(
        { err: error, case: reply.case.id },
        'how to reach the technician could not be recorded',
      );
    }
  }

  /**
   * Tells the technician's conversation of the transition (with the expert's answer when resolved),
   * when there is one to tell; reached as the case records (`reach`, reachOf), through `serviceUrl`,
   * as `me`. A failure is thrown.
   */
  async tell(
    reply: CaseCardReply,
    reach: TeamsTechnicianReach | null,
    serviceUrl: string,
    me: ChannelAccount | undefined,
  ): Promise<void> {
    const c = reply.case;
    if (!reply.notify || c.conversation.platform !== 'teams') return;
    const notice = this.deps.bot.view(reply.notify);
    await inConversation(this.deps, serviceUrl, conversationOf(c, reach), me, async (ctx) => {
      await sendWithRetry(ctx, cardActivity(renderCard(notice), notice));
    });
  }

  /**
   * A transition made outside Teams (the CLI), told to the technician through what the case
   * recorded. A failure is counted and thrown (tried again later); `unreachable` when the case
   * records no way to the technician's conversation.
   */
  async delivered(reply: CaseCardReply): Promise<'delivered' | 'unreachable'> {
    const reach = reachOf(reply.case);
    if (!reach) return 'unreachable';
    try {
      await this.tell(reply, reach, reach.technician.serviceUrl, botAccountOf(this.deps.appId));
      return 'delivered';
    } catch (error) {
      this.deps.metrics?.outboundFailures.inc({ platform: 'teams' });
      throw error;
    }
  }
}
