import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import { ONE_TRY, type SlackOutbound } from './outbound.js';

/** The members of the experts' channel are read again after this long (someone just added waits that much). */
export const MEMBERS_TTL_MS = 60_000;
/** conversations.members' page size (Slack's recommended maximum is 200, its default 100). */
export const MEMBERS_PAGE = 200;
/** A channel with more pages than this is read this far: 10,000 experts is past any help desk. */
const MAX_PAGES = 50;

/** The experts' channel could not be read (a missing scope, the bot not in a private channel, Slack down). */
export class MembersUnavailable extends Error {
  override name = 'MembersUnavailable';
}

/**
 * Whether `user` may act on cases: a member of the experts' channel (no one without the channel or
 * a user); null when the channel cannot be read, logged: the caller refuses what `refused` names.
 */
export async function isExpert(
  deps: { experts: ExpertsChannel | null; logger: Logger },
  client: WebClient,
  user: string | undefined,
  refused: string,
): Promise<boolean | null> {
  if (!deps.experts || !user) return false;
  try {
    return await deps.experts.isMember(client, user);
  } catch (error) {
    if (!(error instanceof MembersUnavailable)) throw error;
    deps.logger.error({ err: error }, `experts’ channel unreadable: ${refused} refused`);
    return null;
  }
}

/**
 * The experts' channel (ESCALATION_CHANNEL): where case cards are posted, and whose members may
 * take, resolve, close and reopen them. Its members are read with conversations.members, every page,
 * and kept briefly; lookups at the same moment share one read.
 */
export class ExpertsChannel {
  private cached: { members: ReadonlySet<string>; until: number } | null = null;
  private reading: Promise<ReadonlySet<string>> | null = null;

  constructor(
    readonly channel: string,
    private readonly outbound: SlackOutbound,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a user is a member of the experts' channel; throws MembersUnavailable when it cannot be read. */
  async isMember(client: WebClient, user: string): Promise<boolean> {
    return (await this.members(client)).has(user);
  }

  private async members(client: WebClient): Promise<ReadonlySet<string>> {
    if (this.cached && this.now() < this.cached.until) return this.cached.members;
    this.reading ??= this.read(client).finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async read(client: WebClient): Promise<ReadonlySet<string>> {
    const members = new Set<string>();
    let cursor: string | undefined;
    try {
      for (let page = 0; page < MAX_PAGES; page++) {
        const answer = (await this.outbound.call(
          { method: 'conversations.members', channel: this.channel },
          ONE_TRY,
          () =>
            client.conversations.members({
              channel: this.channel,
              limit: MEMBERS_PAGE,
              ...(cursor ? { cursor } : {}),
            }),
        )) as { members?: string[]; response_metadata?: { next_cursor?: string } };
        for (const member of answer.members ?? []) members.add(member);
        cursor = answer.response_metadata?.next_cursor || undefined;
        if (!cursor) break;
      }
    } catch (error) {
      throw new MembersUnavailable(`the members of ${this.channel} could not be read`, { cause: error });
    }
    this.cached = { members, until: this.now() + MEMBERS_TTL_MS };
    return members;
  }
}
