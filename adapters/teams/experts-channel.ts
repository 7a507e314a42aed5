import type { ChannelAccount, CloudAdapter, TurnContext } from 'botbuilder';
import {
  type Case,
  type CaseCardReply,
  type CaseOpenedReply,
  parseJsonOrNull,
  type ReplyView,
  strings,
  type TriageBot,
} from '../../src/index.js';
import type { TeamsEscalationConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { type AdaptiveCard, cardActivity, renderCard, withLinks } from './cards.js';
import { channelMessageLink, type Link } from './deep-links.js';
import { botAccountOf, inConversation } from './proactive.js';
import { sendWithRetry, updateWithRetry } from './send.js';
import {
  reachOf,
  TEAMS_POST_PREFIX,
  type TeamsTechnicianReach,
  type TechnicianNotices,
  technicianReachOf,
} from './technician.js';

/**
 * Where a case's card was posted in Teams, and what telling the technician needs: Case.expertsPost
 * is `teams:` and this as JSON (the core keeps it, opaque), so another instance or a restarted one
 * updates the same card and reaches the same conversation. A case without a card records only the
 * technician's part (TeamsTechnicianReach, read by reachOf).
 */
export interface TeamsCasePost extends TeamsTechnicianReach {
  /** The experts' channel, the card's activity id, the Bot Connector URL that reaches them. */
  channel: string;
  activity: string;
  serviceUrl: string;
}

/** A case's Teams card post, or null when it has none (not posted from Teams, or not posted). */
export function postOf(c: Case): TeamsCasePost | null {
  if (!c.expertsPost?.startsWith(TEAMS_POST_PREFIX)) return null;
  const post = parseJsonOrNull(
    c.expertsPost.slice(TEAMS_POST_PREFIX.length),
  ) as Partial<TeamsCasePost> | null;
  return typeof post?.channel === 'string' && typeof post.activity === 'string'
    ? (post as TeamsCasePost)
    : null;
}

/** The experts' card of a case's view, with the way back to the technician's conversation when known. */
function expertsCard(view: ReplyView, reach: TeamsTechnicianReach | null): AdaptiveCard {
  return withLinks(renderCard(view), [reach?.technician.link]);
}

/**
 * The experts' channel (TEAMS_ESCALATION_CHANNEL): a new case's card is posted there as a new
 * thread, each expert's command updates that card in place, and the technician's conversation is
 * told (TechnicianNotices). Both are proactive messages through the CloudAdapter
 * (continueConversationAsync), so the card and the conversation are reached from any turn, any
 * instance, after any restart.
 */
export class ExpertsChannel {
  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      /** The bot's app id (empty without authentication): the identity proactive messages are sent as. */
      appId: string;
      config: TeamsEscalationConfig;
      bot: TriageBot;
      technician: TechnicianNotices;
      logger: Logger;
      metrics?: Metrics | undefined;
    },
  ) {}

  /**
   * Posts the new case's card in the experts' channel, with the way back to the technician's
   * conversation, and records where (bot.cases.attachExpertsPost). The link to the post, or null
   * when it could not be posted (logged and counted: the technician then gets the card to forward).
   */
  async publish(context: TurnContext, reply: CaseOpenedReply): Promise<Link | null> {
    const { config, bot, logger } = this.deps;
    const activity = context.activity;
    const reach = technicianReachOf(activity, reply.card.language);
    const serviceUrl = config.serviceUrl ?? activity.serviceUrl;
    const view = bot.view(reply.card);
    let posted: string | undefined;
    try {
      await inConversation(
        this.deps,
        serviceUrl,
        { id: config.channel, type: 'channel', tenantId: reach.tenant },
        activity.recipient,
        async (ctx) => {
          posted = (await sendWithRetry(ctx, cardActivity(expertsCard(view, reach), view)))?.id;
        },
      );
    } catch (error) {
      this.deps.metrics?.outboundFailures.inc({ platform: 'teams' });
      logger.error({ err: error, case: reply.case.id }, 'case card not posted in the experts’ channel');
      return null;
    }
    if (!posted) return null;
    const post: TeamsCasePost = { channel: config.channel, activity: posted, serviceUrl, ...reach };
    try {
      await bot.cases.attachExpertsPost(reply.case.id, `${TEAMS_POST_PREFIX}${JSON.stringify(post)}`);
    } catch (error) {
      // The card is posted and works (its buttons name the case); only later updates of it are lost.
      logger.error(
        { err: error, case: reply.case.id },
        'where the case card was posted could not be recorded',
      );
    }
    return {
      url: channelMessageLink(config.channel, posted, reach.tenant),
      label: strings(reply.language).cases.expertsLink,
    };
  }

  /** The experts' card of a case as it now is, with the way back to the technician's conversation. */
  card(reply: CaseCardReply): AdaptiveCard {
    return expertsCard(this.deps.bot.view(reply), postOf(reply.case));
  }

  /**
   * An expert's command applied: the card is updated in place for everyone (PUT), and the
   * technician's conversation is told (with the expert's answer when resolved). Each failure is
   * logged and counted, and does not stop the other.
   */
  async applied(context: TurnContext, reply: CaseCardReply): Promise<void> {
    const { logger, metrics, technician } = this.deps;
    const c = reply.case;
    const failed = (what: string) => (error: unknown) => {
      metrics?.outboundFailures.inc({ platform: 'teams' });
      logger.error({ err: error, case: c.id }, what);
    };
    const me = context.activity.recipient;
    await this.updateCard(reply, me).catch(failed('case card not updated'));
    const reach = reachOf(c);
    const serviceUrl = reach?.technician.serviceUrl ?? context.activity.serviceUrl;
    await technician.tell(reply, reach, serviceUrl, me).catch(failed('technician not told of the case'));
  }

  /**
   * A transition made outside Teams (the CLI), delivered by the running bot as a click would have:
   * the card updated in place when it was posted, then the technician's conversation told, reached
   * through what the case recorded (TechnicianNotices.delivered: `unreachable` when nothing was).
   * A failure is counted and thrown, and everything is tried again later (the card first: updating
   * it twice changes nothing).
   */
  async delivered(reply: CaseCardReply): Promise<'delivered' | 'unreachable'> {
    const { metrics, appId, technician } = this.deps;
    try {
      await this.updateCard(reply, botAccountOf(appId));
    } catch (error) {
      metrics?.outboundFailures.inc({ platform: 'teams' });
      throw error;
    }
    return technician.delivered(reply);
  }

  /** The case's card updated in place, when it was posted; as `me`. A failure is thrown. */
  private async updateCard(reply: CaseCardReply, me: ChannelAccount | undefined) {
    const post = postOf(reply.case);
    if (!post) return;
    const channel = { id: post.channel, type: 'channel', tenantId: post.tenant };
    const view = this.deps.bot.view(reply);
    await inConversation(this.deps, post.serviceUrl, channel, me, (ctx) =>
      updateWithRetry(ctx, post.activity, cardActivity(expertsCard(view, post), view)),
    );
  }
}
