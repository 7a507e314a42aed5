import { detectLanguage, strings } from '../../../src/index.js';
import type { SlackDeps } from '../context.js';
import { SlackRateLimited } from '../outbound.js';

/**
 * The one apology wrapper of every Slack listener: whatever fails while answering, the user gets
 * a short apology in their language where they asked (one try), and the log gets the detail. A
 * reply Slack rate-limited gets no apology: it would be throttled too.
 */
export async function withApology(
  deps: SlackDeps,
  what: { listener: string; text: string; channel?: string | undefined },
  answer: () => Promise<void>,
  apologize: (text: string) => Promise<unknown>,
): Promise<void> {
  try {
    await answer();
  } catch (error) {
    deps.logger.error({ err: error, listener: what.listener, channel: what.channel }, 'Slack answer failed');
    if (error instanceof SlackRateLimited) return;
    await apologize(strings(detectLanguage(what.text)).answer.apology).catch((err: unknown) =>
      deps.logger.error({ err, listener: what.listener }, 'Slack apology failed too'),
    );
  }
}
