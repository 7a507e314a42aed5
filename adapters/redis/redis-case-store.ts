import type { Redis } from 'ioredis';
import type { Case, CaseState, CaseStore, NewCase, StoredCase } from '../../src/index.js';
import { WRITE_DEADLINE_MS } from './redis-session-store.js';

const PREFIX = 'uc-triage:case:';
/** The last number given: INCR allocates the next one atomically, for every instance. */
const LAST_ID = 'uc-triage:cases:last-id';
/** Every case's number, as a sorted set: the list is read in order without scanning keys. */
const INDEX = 'uc-triage:cases';
/** The numbers of the cases marked undelivered (Case.undelivered), kept by the save script: the bot reads only these. */
const UNDELIVERED = 'uc-triage:cases:undelivered';

/**
 * Opening in one atomic script: the next number, the case under it (version 1), its place in the
 * index; only before its deadline (ARGV[2], checked against Redis' TIME, as the session store does).
 * The stored JSON holds no number: the key does.
 */
const OPEN = `
local t = redis.call('TIME')
if t[1] * 1000 + math.floor(t[2] / 1000) > tonumber(ARGV[2]) then return -1 end
local id = redis.call('INCR', KEYS[1])
redis.call('SET', ARGV[3] .. id, ARGV[1])
redis.call('ZADD', KEYS[2], id, id)
return id
`;

/**
 * Compare-and-set: the case is written only if its stored version is the one the caller read, and
 * only before the deadline. Two instances acting on one case never overwrite each other's
 * transition: the one that read an old version gets 0, re-reads and re-applies its command. The set
 * of undelivered cases follows the case's mark in the same script.
 */
const SAVE_IF_VERSION = `
local t = redis.call('TIME')
if t[1] * 1000 + math.floor(t[2] / 1000) > tonumber(ARGV[3]) then return -1 end
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
if cjson.decode(current).v ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
if ARGV[5] == '1' then redis.call('SADD', KEYS[2], ARGV[4]) else redis.call('SREM', KEYS[2], ARGV[4]) end
return 1
`;

/** The index is read this many keys at a time: each MGET stays well within the 500 ms command timeout. */
const MGET_BATCH = 500;

interface Stored {
  v: number;
  c: NewCase;
}

/**
 * Cases in Redis (REDIS_URL), shared by every instance and the CLI: `uc-triage:case:<n>` holds
 * {v: version, c: the case without its number}, kept without expiry. Commands are bounded by the
 * client's 500 ms timeout (connect.ts); writes that Redis would run after their deadline are not run.
 */
export class RedisCaseStore implements CaseStore {
  /** `owned`: the store opened this client for itself (the CLI, the terminal) and closes it. */
  constructor(
    private readonly redis: Redis,
    private readonly owned = false,
  ) {}

  async open(fields: NewCase): Promise<Case> {
    this.ensureReady();
    const stored: Stored = { v: 1, c: fields };
    const id = await this.redis.eval(
      OPEN,
      2,
      LAST_ID,
      INDEX,
      JSON.stringify(stored),
      String(Date.now() + WRITE_DEADLINE_MS),
      PREFIX,
    );
    if (id === -1) throw new Error('Redis ran the case opening after its deadline: not applied');
    return { id: Number(id), ...fields };
  }

  async get(id: number): Promise<StoredCase | null> {
    this.ensureReady();
    const raw = await this.redis.get(PREFIX + id);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored;
    return { case: { id, ...stored.c }, version: stored.v };
  }

  async save(next: Case, expectedVersion: number): Promise<boolean> {
    this.ensureReady();
    const { id, ...c } = next;
    const stored: Stored = { v: expectedVersion + 1, c };
    const saved = await this.redis.eval(
      SAVE_IF_VERSION,
      2,
      PREFIX + id,
      UNDELIVERED,
      String(expectedVersion),
      JSON.stringify(stored),
      String(Date.now() + WRITE_DEADLINE_MS),
      String(id),
      c.undelivered ? '1' : '0',
    );
    if (saved === -1) throw new Error('Redis ran the case save after its deadline: not applied');
    return saved === 1;
  }

  async list(filter: { state?: CaseState } = {}): Promise<Case[]> {
    this.ensureReady();
    const ids = (await this.redis.zrange(INDEX, '0', '-1')).map(Number);
    const cases = (await this.read(ids)).map((s) => s.case);
    return cases.filter((c) => !filter.state || c.state === filter.state);
  }

  async undelivered(): Promise<StoredCase[]> {
    this.ensureReady();
    const ids = (await this.redis.smembers(UNDELIVERED)).map(Number).sort((a, b) => a - b);
    return (await this.read(ids)).filter((s) => s.case.undelivered === true);
  }

  /** The cases of these numbers (those that exist), MGET_BATCH at a time. */
  private async read(ids: number[]): Promise<StoredCase[]> {
    const cases: StoredCase[] = [];
    for (let i = 0; i < ids.length; i += MGET_BATCH) {
      const batch = ids.slice(i, i + MGET_BATCH);
      const raws = await this.redis.mget(batch.map((id) => PREFIX + id));
      raws.forEach((raw, j) => {
        if (!raw) return;
        const stored = JSON.parse(raw) as Stored;
        cases.push({ case: { id: batch[j] as number, ...stored.c }, version: stored.v });
      });
    }
    return cases;
  }

  async close(): Promise<void> {
    if (this.owned) this.redis.disconnect();
  }

  /** While Redis is down, fail at once (the reply says cases are unavailable) instead of queueing. */
  private ensureReady(): void {
    if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
  }
}
