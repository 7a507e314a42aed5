import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { TeamsEscalationConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { withTimeout } from './send.js';

/**
 * How long an answer of the members API is trusted: someone added to the experts' team can act
 * within this, someone removed keeps acting at most this long.
 */
export const MEMBERSHIP_TTL_MS = 5 * 60_000;
/** Members remembered at most (the oldest forgotten first). */
const MAX_CACHED = 5000;
/** The members API answers within this, or the click is not vouched for (a case's commands are invokes Teams waits on). */
export const MEMBERS_TIMEOUT_MS = 5000;

/** A member lookup that did not answer in time. */
class MembersTimeout extends Error {
  constructor() {
    super(`the members API did not answer within ${MEMBERS_TIMEOUT_MS} ms`);
    this.name = 'MembersTimeout';
  }
}

/**
 * Who may act on cases in Teams: the members of the experts' team, asked of the Bot Connector's
 * members API (TeamsInfo.getTeamMember: GET /v3/conversations/{team}/members/{user}) and cached
 * briefly. The team is TEAMS_ESCALATION_TEAM, else the team of the experts' channel as a click
 * from that channel says (channelData.team), else the channel itself (its own members: the General
 * channel's id is the team's, a private channel has its own). A members API that fails or does
 * not answer within MEMBERS_TIMEOUT_MS vouches for no one (logged, not cached): a case is never
 * changed on a guess.
 */
export class ExpertsDirectory {
  private readonly cache = new Map<string, { member: boolean; until: number }>();

  constructor(
    private readonly config: TeamsEscalationConfig,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the sender of the turn's activity is a member of the experts' team. */
  async vouches(context: TurnContext): Promise<boolean> {
    const user = context.activity.from?.id;
    if (!user) return false;
    const team = this.teamOf(context);
    const key = `${team}\n${user}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.member;
    let member: boolean;
    try {
      await withTimeout(
        TeamsInfo.getTeamMember(context, team, user),
        MEMBERS_TIMEOUT_MS,
        () => new MembersTimeout(),
      );
      member = true;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) {
        this.logger.warn({ err: error, team }, 'Teams members API failed: the click is not vouched for');
        return false;
      }
      member = false;
    }
    this.cache.delete(key);
    this.cache.set(key, { member, until: this.now() + MEMBERSHIP_TTL_MS });
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    return member;
  }

  private teamOf(context: TurnContext): string {
    if (this.config.team) return this.config.team;
    const data = context.activity.channelData as
      | { channel?: { id?: string }; team?: { id?: string } }
      | undefined;
    if (data?.channel?.id === this.config.channel && data.team?.id) return data.team.id;
    return this.config.channel;
  }
}
