import { detectLanguage, strings } from '../../../src/index.js';
import type { SlackDeps } from '../context.js';

/**
 * The one apology wrapper of every Slack listener: whatever fails while answering, the user gets
 * a short apology in their language where they asked, and the log gets the detail.
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
    await apologize(strings(detectLanguage(what.text)).answer.apology).catch((err: unknown) =>
      deps.logger.error({ err, listener: what.listener }, 'Slack apology failed too'),
    );
  }
}
