import type { Redis } from 'ioredis';
import type { SessionStore, StoredSession, TriageSession } from '../../src/index.js';

/**
 * Compare-and-set in one atomic script: the session is written only if its stored version is the
 * one the caller read (-1: it must not exist yet), with its TTL re-armed (a plain SET would drop
 * it), and only before its deadline (ARGV[4], ms since the epoch, checked against Redis' TIME).
 * Two instances handling messages of one thread therefore never overwrite each other's step.
 */
const SAVE_IF_VERSION = `
local t = redis.call('TIME')
if t[1] * 1000 + math.floor(t[2] / 1000) > tonumber(ARGV[4]) then return -1 end
local current = redis.call('GET', KEYS[1])
local expected = tonumber(ARGV[1])
if current then
  if cjson.decode(current).v ~= expected then return 0 end
elseif expected ~= -1 then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1
`;

/** A delete with the same deadline as a save. */
const DELETE_BEFORE = `
local t = redis.call('TIME')
if t[1] * 1000 + math.floor(t[2] / 1000) > tonumber(ARGV[1]) then return -1 end
return redis.call('DEL', KEYS[1])
`;

/**
 * A write must run in Redis within this many milliseconds of being sent, or not at all. The
 * client gives up after 500 ms (commandTimeout) and tells the user guided triage is unavailable;
 * a write that Redis ran later (a stalled Redis, CLIENT PAUSE) would apply a step the user never
 * saw. The margin covers the answer's trip back. Assumes the hosts' clocks are in sync (NTP).
 */
export const WRITE_DEADLINE_MS = 300;

/** Guided-triage sessions in Redis (REDIS_URL), shared by every instance of the bot. */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'uc-triage:session:',
  ) {}

  async load(key: string): Promise<StoredSession | null> {
    this.ensureReady();
    const raw = await this.redis.get(this.prefix + key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as { v: number; s: TriageSession };
    return { session: parsed.s, version: parsed.v };
  }

  async save(
    key: string,
    session: TriageSession,
    expectedVersion: number | null,
    ttlSeconds: number,
  ): Promise<boolean> {
    this.ensureReady();
    const next = JSON.stringify({ v: (expectedVersion ?? 0) + 1, s: session });
    const saved = await this.redis.eval(
      SAVE_IF_VERSION,
      1,
      this.prefix + key,
      String(expectedVersion ?? -1),
      next,
      String(ttlSeconds),
      String(Date.now() + WRITE_DEADLINE_MS),
    );
    if (saved === -1) throw new Error('Redis ran the session save after its deadline: not applied');
    return saved === 1;
  }

  async delete(key: string): Promise<void> {
    this.ensureReady();
    const deleted = await this.redis.eval(
      DELETE_BEFORE,
      1,
      this.prefix + key,
      String(Date.now() + WRITE_DEADLINE_MS),
    );
    if (deleted === -1) throw new Error('Redis ran the session delete after its deadline: not applied');
  }

  /** While Redis is down, fail at once (the bot then answers without triage) instead of queueing. */
  private ensureReady(): void {
    if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
  }
}
