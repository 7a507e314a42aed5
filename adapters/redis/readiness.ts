import type { Redis } from 'ioredis';
import { lastConnectionError } from './connect.js';

/** The key the readiness check writes: a few bytes that expire, shared by every instance. */
export const READINESS_KEY = 'uc-triage:readyz';
/** A write slower than this makes the process not ready: every answer that saves a session would wait as long. */
export const READINESS_WITHIN_MS = 1000;

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The Redis check of /readyz: null when a write (SET with a short expiry) succeeds within 1 s, else
 * why not. A write, not a PING: under CLIENT PAUSE WRITE (Redis' FAILOVER pauses writes this way)
 * PING is answered at once while every session save waits. A client that is not connected reports its last
 * connection error (WRONGPASS, NOAUTH, ECONNREFUSED), not what its commands say then.
 */
export function redisReadiness(redis: Redis): () => Promise<string | null> {
  return async () => {
    if (redis.status !== 'ready')
      return `not connected (${redis.status}): ${lastConnectionError(redis)?.message ?? 'no connection yet'}`;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(
        () => resolve(`SET ${READINESS_KEY} did not complete within ${READINESS_WITHIN_MS} ms`),
        READINESS_WITHIN_MS,
      );
      timer.unref();
    });
    const written = redis.set(READINESS_KEY, String(Date.now()), 'PX', 10_000).then(
      () => null,
      (error: unknown) => `SET ${READINESS_KEY} failed: ${reasonOf(error)}`,
    );
    return Promise.race([written, late]).finally(() => clearTimeout(timer));
  };
}
