import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One POST to the Bot Connector gives up after this (a hung connector must not hold a turn forever). */
export const SEND_TIMEOUT_MS = 10_000;

/** POSTs per reply, the first included: 3 waits at most. */
export const SEND_ATTEMPTS = 4;

/**
 * The longest Retry-After a reply waits for. Three waits of at most this fit in the 10 s after which
 * a turn is acknowledged (ACK_WITHIN_MS); a connector that asks for longer (Retry-After 3600 would
 * hold the turn an hour) will not take this reply while it still matters: it is given up at once.
 */
export const RETRY_AFTER_CAP_MS = 3_000;

/** A reply the Bot Connector did not take (still throttled, throttled beyond the cap, no answer): not sent. */
export class ReplyGivenUp extends Error {
  constructor(
    message: string,
    readonly reason: 'throttled' | 'timeout',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ReplyGivenUp';
  }
}

/** `work`, or the error `late` makes once `ms` have passed without its answer (the timer never holds the process). */
export function withTimeout<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Retry-After in milliseconds: seconds or an HTTP date; undefined when absent, zero or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/**
 * Teams throttles each conversation (about 7 messages/s) and answers 429: wait and retry, with
 * exponential backoff (or the Retry-After it gives, up to RETRY_AFTER_CAP_MS), a few times before
 * giving up. This is the only retry loop (the connector client's own is off): at most `attempts`
 * calls per reply. A reply given up throws ReplyGivenUp: the caller counts and logs it.
 */
async function withRetry<T>(call: () => Promise<T>, attempts: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTimeout(
        call(),
        SEND_TIMEOUT_MS,
        () => new ReplyGivenUp(`Bot Connector did not answer within ${SEND_TIMEOUT_MS} ms`, 'timeout'),
      );
    } catch (error) {
      const e = error as {
        statusCode?: number;
        response?: { headers?: { get?: (h: string) => string | undefined } };
      };
      if (e.statusCode !== 429) throw error;
      if (attempt >= attempts)
        throw new ReplyGivenUp(`Bot Connector still throttling after ${attempts} attempts`, 'throttled', {
          cause: error,
        });
      const asked = retryAfterMs(e.response?.headers?.get?.('retry-after'));
      if (asked !== undefined && asked > RETRY_AFTER_CAP_MS)
        throw new ReplyGivenUp(
          `Bot Connector asked to wait ${Math.ceil(asked / 1000)} s (Retry-After), over the ${RETRY_AFTER_CAP_MS / 1000} s cap: reply given up`,
          'throttled',
          { cause: error },
        );
      await sleep(asked ?? 250 * 2 ** attempt);
    }
  }
}

/** A reply posted in the turn's conversation (POST), retried on 429: its id, to update it later. */
export async function sendWithRetry(
  context: TurnContext,
  activity: Partial<Activity>,
  attempts = SEND_ATTEMPTS,
): Promise<ResourceResponse | undefined> {
  return withRetry(() => context.sendActivity(activity), attempts);
}

/** A message of the turn's conversation replaced by `activity` (PUT, updateActivity), retried on 429. */
export async function updateWithRetry(
  context: TurnContext,
  id: string,
  activity: Partial<Activity>,
  attempts = SEND_ATTEMPTS,
): Promise<void> {
  await withRetry(() => context.updateActivity({ ...activity, id }), attempts);
}
