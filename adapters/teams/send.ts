import type { Activity, TurnContext } from 'botbuilder';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Teams throttles each conversation (about 7 messages/s) and answers 429: wait and retry, with
 * exponential backoff (or the Retry-After it gives), a few times before giving up.
 */
export async function sendWithRetry(
  context: TurnContext,
  activity: Partial<Activity>,
  attempts = 4,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await context.sendActivity(activity);
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
