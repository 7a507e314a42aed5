import { Redis } from 'ioredis';

/**
 * A Redis client that never makes a user wait for a Redis that is down: commands fail after
 * 500 ms instead of queueing (ioredis would wait ~73 s, see TOOLCHAIN.md), reconnection is retried
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
  // Connection errors reach the owner through its failing commands; unheard, ioredis would print
  // "Unhandled error event" with a stack on every reconnection attempt.
  redis.on('error', () => {});
  await new Promise<void>((resolve) => {
    const done = () => resolve();
    redis.once('ready', done);
    setTimeout(done, 2000).unref();
  });
  return redis;
}
