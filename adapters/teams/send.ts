import type { Activity, TurnContext } from 'botbuilder';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One POST to the Bot Connector gives up after this (a hung connector must not hold a turn forever). */
export const SEND_TIMEOUT_MS = 10_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Bot Connector did not answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Teams throttles each conversation (about 7 messages/s) and answers 429: wait and retry, with
 * exponential backoff (or the Retry-After it gives), a few times before giving up. This is the only
 * retry loop (the connector client's own is off): at most `attempts` POSTs per reply.
 */
export async function sendWithRetry(
  context: TurnContext,
  activity: Partial<Activity>,
  attempts = 4,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withTimeout(context.sendActivity(activity), SEND_TIMEOUT_MS);
      return;
    } catch (error) {
      const e = error as {
        statusCode?: number;
        response?: { headers?: { get?: (h: string) => string | undefined } };
      };
      if (e.statusCode !== 429 || attempt >= attempts) throw error;
      const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
      await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 250 * 2 ** attempt);
    }
  }
}
