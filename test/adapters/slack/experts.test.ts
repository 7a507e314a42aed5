import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/logger.js';
import { SlackApiHealth } from '../../../adapters/slack/api-health.js';
import { ExpertsChannel, MEMBERS_TTL_MS, MembersUnavailable } from '../../../adapters/slack/experts.js';
import { SlackOutbound } from '../../../adapters/slack/outbound.js';

/** conversations.members over pages of two, counting its calls; `fail` makes the next call fail. */
function membersApi(all: string[]) {
  const api = {
    calls: [] as { channel: string; cursor?: string }[],
    members: all,
    fail: false,
    client: null as unknown as WebClient,
  };
  api.client = {
    conversations: {
      members: async (args: { channel: string; cursor?: string }) => {
        api.calls.push(args);
        if (api.fail)
          throw Object.assign(new Error('An API error occurred: missing_scope'), {
            code: 'slack_webapi_platform_error',
          });
        const from = Number(args.cursor ?? 0);
        const next = from + 2 < api.members.length ? String(from + 2) : '';
        return {
          ok: true,
          members: api.members.slice(from, from + 2),
          response_metadata: { next_cursor: next },
        };
      },
    },
  } as unknown as WebClient;
  return api;
}

const outbound = () => new SlackOutbound({ logger: createLogger('silent'), health: new SlackApiHealth() });

describe('the experts’ channel', () => {
  it('reads every page of its members, and keeps them briefly', async () => {
    let now = 0;
    const api = membersApi(['U1', 'U2', 'U3', 'U4', 'U5']);
    const experts = new ExpertsChannel('CEXP', outbound(), () => now);
    expect(await experts.isMember(api.client, 'U5')).toBe(true);
    expect(await experts.isMember(api.client, 'U9')).toBe(false);
    expect(api.calls.map((c) => c.cursor)).toEqual([undefined, '2', '4']);
    // Someone added to the channel is a member once the list is read again.
    api.members = [...api.members, 'U9'];
    now += MEMBERS_TTL_MS - 1;
    expect(await experts.isMember(api.client, 'U9')).toBe(false);
    now += 2;
    expect(await experts.isMember(api.client, 'U9')).toBe(true);
    expect(api.calls).toHaveLength(6);
  });

  it('reads once for lookups made at the same moment', async () => {
    const api = membersApi(['U1', 'U2', 'U3']);
    const experts = new ExpertsChannel('CEXP', outbound());
    const answers = await Promise.all(['U1', 'U3', 'U7'].map((u) => experts.isMember(api.client, u)));
    expect(answers).toEqual([true, true, false]);
    expect(api.calls).toHaveLength(2);
  });

  it('says when its members cannot be read, and reads again next time', async () => {
    const api = membersApi(['U1']);
    api.fail = true;
    const experts = new ExpertsChannel('CEXP', outbound());
    await expect(experts.isMember(api.client, 'U1')).rejects.toBeInstanceOf(MembersUnavailable);
    api.fail = false;
    expect(await experts.isMember(api.client, 'U1')).toBe(true);
  });
});
