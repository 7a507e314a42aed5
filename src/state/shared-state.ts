/**
 * State shared by every instance of the bot: event dedupe, the threads the bot takes part in, and
 * the records of what a reply showed (which its buttons refer to). MemoryState is the embedded
 * default; a Redis implementation shares it across instances.
 */
export interface SharedState {
  /** True the first time a key is seen within ttlSeconds (a retried delivery gets false). */
  firstSeen(key: string, ttlSeconds: number): Promise<boolean>;
  remember(key: string, ttlSeconds: number): Promise<void>;
  recall(key: string): Promise<boolean>;
  /** Keeps a value under a key for ttlSeconds (replacing any value it had). */
  put(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** The value kept under a key; null once it expired (or was never kept, or was dropped). */
  get(key: string): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * Values kept in memory at most (the oldest dropped first): records of what replies showed are
 * a few hundred bytes each (at worst about 5 KB, with a 2,000-character question), so this bounds
 * them at about 100 MB whatever their TTL, where a single instance keeps them.
 */
export const MAX_MEMORY_VALUES = 20_000;

/**
 * Expiring keys in memory, every operation O(1) amortised: keys are kept in one queue per TTL, in
 * the order they were set, so the expired ones are always at the front of their queue and each key
 * is swept once. (The bot uses a handful of TTLs: dedupe, followed threads, shares, shown replies.)
 */
export class MemoryState implements SharedState {
  private readonly expiries = new Map<string, number>();
  /** Per TTL, the keys in the order they were set (Map keeps insertion order). */
  private readonly queues = new Map<number, Map<string, number>>();
  private readonly ttlOf = new Map<string, number>();
  /** The keys that hold a value, oldest first. */
  private readonly values = new Map<string, string>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxValues = MAX_MEMORY_VALUES,
  ) {}

  private alive(key: string): boolean {
    const expiry = this.expiries.get(key);
    return expiry !== undefined && expiry > this.now();
  }

  private set(key: string, ttlSeconds: number): void {
    this.sweep();
    const previous = this.ttlOf.get(key);
    if (previous !== undefined) this.queues.get(previous)?.delete(key);
    const expiry = this.now() + ttlSeconds * 1000;
    const queue = this.queues.get(ttlSeconds) ?? new Map<string, number>();
    this.queues.set(ttlSeconds, queue);
    queue.set(key, expiry);
    this.expiries.set(key, expiry);
    this.ttlOf.set(key, ttlSeconds);
  }

  private forget(key: string): void {
    const ttl = this.ttlOf.get(key);
    if (ttl !== undefined) this.queues.get(ttl)?.delete(key);
    this.expiries.delete(key);
    this.ttlOf.delete(key);
    this.values.delete(key);
  }

  /** Drops the expired keys at the front of each queue: each key is visited once after it expires. */
  private sweep(): void {
    const now = this.now();
    for (const queue of this.queues.values()) {
      for (const [key, expiry] of queue) {
        if (expiry > now) break;
        this.forget(key);
      }
    }
  }

  /** Keys held (expired ones included until swept): for tests of the memory bound. */
  get size(): number {
    return this.expiries.size;
  }

  async firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.alive(key)) return false;
    this.set(key, ttlSeconds);
    return true;
  }

  async remember(key: string, ttlSeconds: number): Promise<void> {
    this.set(key, ttlSeconds);
  }

  async recall(key: string): Promise<boolean> {
    return this.alive(key);
  }

  async put(key: string, value: string, ttlSeconds: number): Promise<void> {
    this.set(key, ttlSeconds);
    this.values.delete(key);
    this.values.set(key, value);
    if (this.values.size > this.maxValues) {
      const oldest = this.values.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
  }

  async get(key: string): Promise<string | null> {
    return this.alive(key) ? (this.values.get(key) ?? null) : null;
  }

  async close(): Promise<void> {}
}
