import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Case, CaseCardReply, CaseConversation, CaseOpenedReply, Reply } from '../../../src/index.js';
import { strings } from '../../../src/index.js';
import type { SlackDeps } from '../context.js';
import { ONE_TRY } from '../outbound.js';
import { escapeMrkdwn, renderSlack, type SlackMessage } from '../render/blocks.js';

/** Where a case's card is, as the case records it (Case.expertsPost): `slack:C123:1700000000.000100`. */
export function expertsPostRef(channel: string, ts: string): string {
  return `slack:${channel}:${ts}`;
}

/** The Slack message of a case's card, or null when it was posted elsewhere (or nowhere). */
export function expertsPostOf(c: Case): { channel: string; ts: string } | null {
  const [platform, channel, ts] = c.expertsPost?.split(':') ?? [];
  return platform === 'slack' && channel && ts ? { channel, ts } : null;
}

/**
 * Where a technician's conversation is told of their case: a slash command's private exchange by
 * direct message (a notice may come hours later: an ephemeral one would be gone), a DM without a
 * thread in the DM, anything else in its thread.
 */
export function technicianTarget(conversation: CaseConversation): { channel: string; thread_ts?: string } {
  if (conversation.thread.startsWith('command:'))
    return { channel: conversation.thread.slice('command:'.length) };
  if (conversation.thread === 'direct') return { channel: conversation.channel };
  return { channel: conversation.channel, thread_ts: conversation.thread };
}

/** A context line with one link (a permalink: Slack's own URLs, nothing to escape in them). */
function linkBlock(url: string, label: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `<${url}|${escapeMrkdwn(label)}>` }] };
}

/**
 * Escalation as a case in Slack: the card posted in the experts' channel (with a link to the
 * technician's thread), kept up to date in place, and the technician's conversation told ("Dossier
 * 12 ouvert" with a link to the card; taken, resolved with the answer, closed, reopened).
 */
export class CasePosts {
  constructor(private readonly deps: SlackDeps) {}

  /**
   * A case just opened: its card goes to the experts' channel and `tell` gives the technician
   * "Dossier N ouvert" with a link to it; without an experts' channel (or when the card cannot be
   * posted there), `tell` gives the technician the card to forward.
   */
  async opened(
    client: WebClient,
    reply: CaseOpenedReply,
    tell: (m: SlackMessage) => Promise<void>,
  ): Promise<void> {
    const { bot, experts, logger } = this.deps;
    const posted = experts
      ? await this.postCard(client, experts.channel, reply.card).catch((error: unknown) => {
          logger.error(
            { err: error, case: reply.case.id, channel: experts.channel },
            'case card not posted to the experts',
          );
          return null;
        })
      : null;
    if (!posted) {
      await tell(renderSlack(bot.view(reply)));
      return;
    }
    await bot.cases
      .attachExpertsPost(reply.case.id, expertsPostRef(posted.channel, posted.ts))
      .catch((error: unknown) =>
        logger.error({ err: error, case: reply.case.id }, 'where the card was posted is not recorded'),
      );
    const message = renderSlack(bot.view(reply, { expertsChannel: true }));
    const link = await this.permalink(client, posted.channel, posted.ts);
    const s = strings(reply.language).cases;
    await tell(link ? { ...message, blocks: [...message.blocks, linkBlock(link, s.expertsLink)] } : message);
  }

  /** An expert's command: the card replaced in place, and the technician's conversation told. */
  async commanded(
    client: WebClient,
    reply: CaseCardReply,
    clicked?: { channel: string; ts: string },
  ): Promise<void> {
    const where = expertsPostOf(reply.case) ?? clicked;
    // The command is done (in the store): a card that cannot be updated or a technician who cannot
    // be told is logged, and does not keep the other from happening.
    if (where) {
      const card = await this.card(client, reply);
      await this.deps.outbound
        .updateMessage(client, { channel: where.channel, ts: where.ts, ...card })
        .catch((error: unknown) =>
          this.deps.logger.error({ err: error, case: reply.case.id }, 'case card not updated'),
        );
    }
    if (reply.notify)
      await this.tellTechnician(client, reply.case, reply.notify).catch((error: unknown) =>
        this.deps.logger.error({ err: error, case: reply.case.id }, 'technician not told of the case'),
      );
  }

  /**
   * A transition made outside Slack (the CLI), delivered by the running bot as a click would have:
   * the card updated in place (when it was posted), then the technician told. A failure is thrown,
   * and everything is tried again later: the card first, since updating it twice changes nothing.
   */
  async delivered(client: WebClient, reply: CaseCardReply): Promise<void> {
    const where = expertsPostOf(reply.case);
    if (where)
      await this.deps.outbound.updateMessage(client, {
        channel: where.channel,
        ts: where.ts,
        ...(await this.card(client, reply)),
      });
    if (reply.notify) await this.tellTechnician(client, reply.case, reply.notify);
  }

  /** A notice in the technician's conversation (their language, whatever the expert's). */
  async tellTechnician(client: WebClient, c: Case, notice: Reply): Promise<void> {
    if (c.conversation.platform !== 'slack') {
      this.deps.logger.warn(
        { case: c.id, platform: c.conversation.platform },
        'case of another platform: its technician is not told from Slack',
      );
      return;
    }
    const message = renderSlack(this.deps.bot.view(notice));
    await this.deps.outbound.postMessage(client, { ...technicianTarget(c.conversation), ...message });
  }

  private async postCard(
    client: WebClient,
    channel: string,
    card: CaseCardReply,
  ): Promise<{ channel: string; ts: string }> {
    const message = await this.card(client, card);
    const posted = (await this.deps.outbound.postMessage(client, { channel, ...message })) as { ts?: string };
    if (!posted.ts) throw new Error('chat.postMessage gave no ts');
    return { channel, ts: posted.ts };
  }

  /** The experts' card with, under its title, a link to the technician's thread (when it is one). */
  private async card(client: WebClient, reply: CaseCardReply): Promise<SlackMessage> {
    const message = renderSlack(this.deps.bot.view(reply));
    const link = await this.technicianLink(client, reply.case);
    if (!link) return message;
    const [title, ...rest] = message.blocks;
    const line = linkBlock(link, strings(reply.language).cases.technicianLink);
    return { ...message, blocks: title ? [title, line, ...rest] : [line] };
  }

  private technicianLink(client: WebClient, c: Case): Promise<string | null> {
    const target = technicianTarget(c.conversation);
    if (c.conversation.platform !== 'slack' || !target.thread_ts) return Promise.resolve(null);
    return this.permalink(client, target.channel, target.thread_ts);
  }

  /** A message's permalink (chat.getPermalink), or null: a card without its link is still worth posting. */
  private async permalink(client: WebClient, channel: string, ts: string): Promise<string | null> {
    try {
      const answer = (await this.deps.outbound.call({ method: 'chat.getPermalink', channel }, ONE_TRY, () =>
        client.chat.getPermalink({ channel, message_ts: ts }),
      )) as { permalink?: string };
      return answer.permalink ?? null;
    } catch (error) {
      this.deps.logger.warn({ err: error, channel }, 'no permalink: the message goes without its link');
      return null;
    }
  }
}
