import type { Redis } from 'ioredis';
import { MemoryState, type SharedState } from '../../src/index.js';
import type { Logger } from '../logger.js';
import { connectRedis } from './connect.js';

/**
 * SharedState in Redis, for several instances behind a load balancer. Commands time out after
 * 500 ms instead of waiting ~73 s in ioredis' offline queue: while Redis is down, each instance
 * falls back to its own memory (dedupe, thread following and the records of what replies showed
 * keep working, per instance) and Redis is used again as soon as it is back.
 */
export class RedisState implements SharedState {
  private readonly local = new MemoryState();
  private degraded = false;

  /** Called each time Redis is found unavailable (metrics). */
  onFallback: () => void = () => {};

  constructor(
    readonly redis: Redis,
    private readonly logger: Logger,
  ) {
    redis.on('error', (err) => this.markDown(err));
    redis.on('ready', () => {
      if (this.degraded) this.logger.info('Redis is back: shared state restored');
      this.degraded = false;
    });
  }

  static async connect(url: string, logger: Logger): Promise<RedisState> {
    return new RedisState(await connectRedis(url), logger);
  }

  get available(): boolean {
    return this.redis.status === 'ready';
  }

  private markDown(error: unknown): void {
    if (!this.degraded) this.onFallback();
    if (!this.degraded) this.logger.warn({ err: error }, 'Redis unavailable: falling back to local state');
    this.degraded = true;
  }

  private async attempt<T>(command: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (!this.available) return fallback();
    try {
      return await command();
    } catch (error) {
      this.markDown(error);
      return fallback();
    }
  }

  firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    return this.attempt(
      async () => (await this.redis.set(key, '1', 'EX', ttlSeconds, 'NX')) === 'OK',
      () => this.local.firstSeen(key, ttlSeconds),
    );
  }

  /** Written through to local memory too: during an outage this instance still knows its threads. */
  async remember(key: string, ttlSeconds: number): Promise<void> {
    await this.local.remember(key, ttlSeconds);
    return this.attempt(
      async () => {
        await this.redis.set(key, '1', 'EX', ttlSeconds);
      },
      async () => {},
    );
  }

  /** Written through to local memory too, like remember: during an outage this instance still finds it. */
  async put(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.local.put(key, value, ttlSeconds);
    return this.attempt(
      async () => {
        await this.redis.set(key, value, 'EX', ttlSeconds);
      },
      async () => {},
    );
  }

  /** From Redis, else from local memory (a value put while Redis was down lives only there). */
  get(key: string): Promise<string | null> {
    return this.attempt(
      async () => (await this.redis.get(key)) ?? (await this.local.get(key)),
      () => this.local.get(key),
    );
  }

  recall(key: string): Promise<boolean> {
    return this.attempt(
      async () => (await this.redis.exists(key)) === 1 || (await this.local.recall(key)),
      () => this.local.recall(key),
    );
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
