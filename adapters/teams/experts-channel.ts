import type { CloudAdapter, TurnContext } from 'botbuilder';
import {
  type Case,
  type CaseCardReply,
  type CaseConversation,
  type CaseOpenedReply,
  parseJsonOrNull,
  strings,
  type TriageBot,
} from '../../src/index.js';
import type { TeamsEscalationConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { type AdaptiveCard, cardActivity, renderCard, withLinks } from './cards.js';
import { channelMessageLink, type Link, technicianLink } from './deep-links.js';
import { botAccountOf, inConversation } from './proactive.js';
import { sendWithRetry, updateWithRetry } from './send.js';

/**
 * Where a case's card was posted in Teams, and what telling the technician needs: Case.expertsPost
 * is `teams:` and this as JSON (the core keeps it, opaque), so another instance or a restarted one
 * updates the same card and reaches the same conversation.
 */
export interface TeamsCasePost {
  /** The experts' channel, the card's activity id, the Bot Connector URL that reaches them, the tenant. */
  channel: string;
  activity: string;
  serviceUrl: string;
  tenant?: string;
  /** The technician's conversation: its type, the Bot Connector URL that reaches it, the way back to it. */
  technician: { type?: string; serviceUrl: string; link?: Link };
}

const PREFIX = 'teams:';

/** A case's Teams post, or null when it has none (not posted from Teams, or not posted). */
export function postOf(c: Case): TeamsCasePost | null {
  if (!c.expertsPost?.startsWith(PREFIX)) return null;
  const post = parseJsonOrNull(c.expertsPost.slice(PREFIX.length)) as Partial<TeamsCasePost> | null;
  return typeof post?.channel === 'string' && typeof post.activity === 'string'
    ? (post as TeamsCasePost)
    : null;
}

/** The technician's conversation id as Teams knows it: a channel thread is "channel;messageid=root". */
function conversationIdOf(c: CaseConversation): string {
  return c.thread === c.channel ? c.channel : `${c.channel};messageid=${c.thread}`;
}

/**
 * The experts' channel (TEAMS_ESCALATION_CHANNEL): a new case's card is posted there as a new
 * thread, each expert's command updates that card in place, and the technician's conversation is
 * told. Both are proactive messages through the CloudAdapter (continueConversationAsync), so the
 * card and the conversation are reached from any turn, any instance, after any restart.
 */
export class ExpertsChannel {
  constructor(
    private readonly deps: {
      adapter: CloudAdapter;
      /** The bot's app id (empty without authentication): the identity proactive messages are sent as. */
      appId: string;
      config: TeamsEscalationConfig;
      bot: TriageBot;
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
    const tenant = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
    const serviceUrl = config.serviceUrl ?? activity.serviceUrl;
    const s = strings(reply.card.language).cases;
    const back = technicianLink(activity, { conversation: s.technicianLink, chatWith: s.chatWith });
    const view = bot.view(reply.card);
    let posted: string | undefined;
    try {
      await inConversation(
        this.deps,
        serviceUrl,
        { id: config.channel, type: 'channel', tenantId: tenant },
        activity.recipient,
        async (ctx) => {
          posted = (await sendWithRetry(ctx, cardActivity(withLinks(renderCard(view), [back]), view)))?.id;
        },
      );
    } catch (error) {
      this.deps.metrics?.outboundFailures.inc({ platform: 'teams' });
      logger.error({ err: error, case: reply.case.id }, 'case card not posted in the experts’ channel');
      return null;
    }
    if (!posted) return null;
    const post: TeamsCasePost = {
      channel: config.channel,
      activity: posted,
      serviceUrl,
      ...(tenant ? { tenant } : {}),
      technician: {
        ...(activity.conversation?.conversationType ? { type: activity.conversation.conversationType } : {}),
        serviceUrl: activity.serviceUrl,
        ...(back ? { link: back } : {}),
      },
    };
    try {
      await bot.cases.attachExpertsPost(reply.case.id, `${PREFIX}${JSON.stringify(post)}`);
    } catch (error) {
      // The card is posted and works (its buttons name the case); only later updates of it are lost.
      logger.error(
        { err: error, case: reply.case.id },
        'where the case card was posted could not be recorded',
      );
    }
    return {
      url: channelMessageLink(config.channel, posted, tenant),
      label: strings(reply.language).cases.expertsLink,
    };
  }

  /** The experts' card of a case as it now is, with the way back to the technician's conversation. */
  card(reply: CaseCardReply): AdaptiveCard {
    const view = this.deps.bot.view(reply);
    return withLinks(renderCard(view), [postOf(reply.case)?.technician.link]);
  }

  /**
   * An expert's command applied: the card is updated in place for everyone (PUT), and the
   * technician's conversation is told (with the expert's answer when resolved). Each failure is
   * logged and counted, and does not stop the other.
   */
  async applied(context: TurnContext, reply: CaseCardReply): Promise<void> {
    const { bot, logger, metrics } = this.deps;
    const c = reply.case;
    const post = postOf(c);
    const failed = (what: string) => (error: unknown) => {
      metrics?.outboundFailures.inc({ platform: 'teams' });
      logger.error({ err: error, case: c.id }, what);
    };
    const me = context.activity.recipient;
    if (post) {
      const view = bot.view(reply);
      const channel = { id: post.channel, type: 'channel', tenantId: post.tenant };
      await inConversation(this.deps, post.serviceUrl, channel, me, (ctx) =>
        updateWithRetry(ctx, post.activity, cardActivity(this.card(reply), view)),
      ).catch(failed('case card not updated'));
    }
    if (!reply.notify || c.conversation.platform !== 'teams') return;
    const notice = bot.view(reply.notify);
    const serviceUrl = post?.technician.serviceUrl ?? context.activity.serviceUrl;
    await inConversation(this.deps, serviceUrl, this.technicianConversation(c, post), me, async (ctx) => {
      await sendWithRetry(ctx, cardActivity(renderCard(notice), notice));
    }).catch(failed('technician not told of the case'));
  }

  /**
   * A transition made outside Teams (the CLI), delivered by the running bot as a click would have:
   * the card updated in place, then the technician's conversation told, reached through what the
   * card's post recorded. A failure is counted and thrown, and everything is tried again later (the
   * card first: updating it twice changes nothing). `unreachable` when the card was never posted:
   * nothing records the Bot Connector URL of the technician's conversation.
   */
  async delivered(reply: CaseCardReply): Promise<'delivered' | 'unreachable'> {
    const { bot, metrics, appId } = this.deps;
    const c = reply.case;
    const post = postOf(c);
    if (!post) return 'unreachable';
    const me = botAccountOf(appId);
    try {
      const channel = { id: post.channel, type: 'channel', tenantId: post.tenant };
      await inConversation(this.deps, post.serviceUrl, channel, me, (ctx) =>
        updateWithRetry(ctx, post.activity, cardActivity(this.card(reply), bot.view(reply))),
      );
      if (reply.notify && c.conversation.platform === 'teams') {
        const notice = bot.view(reply.notify);
        await inConversation(
          this.deps,
          post.technician.serviceUrl,
          this.technicianConversation(c, post),
          me,
          async (ctx) => {
            await sendWithRetry(ctx, cardActivity(renderCard(notice), notice));
          },
        );
      }
      return 'delivered';
    } catch (error) {
      metrics?.outboundFailures.inc({ platform: 'teams' });
      throw error;
    }
  }

  private technicianConversation(c: Case, post: TeamsCasePost | null) {
    return {
      id: conversationIdOf(c.conversation),
      type:
        post?.technician.type ?? (c.conversation.thread === c.conversation.channel ? 'personal' : 'channel'),
      tenantId: c.conversation.workspace,
    };
  }
}
