import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { FeedbackEvent, FeedbackStore } from '../../src/index.js';

const STREAM = 'uc-triage:feedback';
const SECRET = 'uc-triage:feedback:secret';
/** The stream keeps about this many events (XADD MAXLEN ~): the retention purge usually trims first. */
const MAX_EVENTS = 200_000;

/**
 * Feedback events of every instance in one Redis stream, so one report covers them all. Stream
 * ids are millisecond timestamps: "since" is a range read, the retention purge an XTRIM MINID.
 * The client's 500 ms command timeout makes a down Redis fail fast (the recorder drops the event).
 */
export class RedisFeedbackStore implements FeedbackStore {
  /** `owned`: the store opened this client for itself (the CLI, the terminal) and closes it. */
  constructor(
    private readonly redis: Redis,
    private readonly owned = false,
  ) {}

  async append(event: FeedbackEvent): Promise<void> {
    await this.redis.xadd(STREAM, 'MAXLEN', '~', String(MAX_EVENTS), '*', 'e', JSON.stringify(event));
  }

  async events(since: Date): Promise<FeedbackEvent[]> {
    const entries = await this.redis.xrange(STREAM, String(since.getTime()), '+');
    return entries.flatMap(([, fields]) => {
      const body = fields[fields.indexOf('e') + 1];
      return body ? [JSON.parse(body) as FeedbackEvent] : [];
    });
  }

  async purge(before: Date): Promise<number> {
    return Number(await this.redis.xtrim(STREAM, 'MINID', String(before.getTime())));
  }

  async secret(): Promise<string> {
    await this.redis.set(SECRET, randomBytes(32).toString('hex'), 'NX');
    return (await this.redis.get(SECRET)) as string;
  }

  async close(): Promise<void> {
    if (this.owned) this.redis.disconnect();
  }
}
