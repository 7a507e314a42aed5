import { Redis } from 'ioredis';

const lastErrors = new WeakMap<Redis, Error>();

/**
 * Why the client is not connected: its last connection error (WRONGPASS, NOAUTH, ECONNREFUSED...),
 * until it is ready again. Its commands only say "Stream isn't writeable" meanwhile.
 */
export function lastConnectionError(redis: Redis): Error | undefined {
  return lastErrors.get(redis);
}

/**
 * A Redis client that never makes a user wait for a Redis that is down: commands fail after
 * 500 ms instead of queueing (ioredis' offline queue would hold them ~73 s), reconnection is retried
 * in the background. Resolves once connected, or after 2 s with the client still trying.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    commandTimeout: 500,
    connectTimeout: 2000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
  // Connection errors reach the owner through its failing commands and lastConnectionError;
  // unheard, ioredis would print "Unhandled error event" with a stack on every reconnection attempt.
  redis.on('error', (error: Error) => lastErrors.set(redis, error));
  redis.on('ready', () => lastErrors.delete(redis));
  await new Promise<void>((resolve) => {
    const done = () => resolve();
    redis.once('ready', done);
    setTimeout(done, 2000).unref();
  });
  return redis;
}
