import { MessageFactory, type TurnContext } from 'botbuilder';
import { detectLanguage, strings } from '../../src/index.js';
import type { TeamsDeps } from './context.js';
import { ReplyGivenUp, sendWithRetry } from './send.js';

/**
 * The one apology wrapper of the Teams listeners: whatever fails while answering, the user gets a
 * short apology in their language (one try), and the log gets the detail. A reply the connector
 * gave up on (ReplyGivenUp) gets none: the apology would be refused too.
 */
export async function withApology(
  deps: TeamsDeps,
  context: TurnContext,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const activity = context.activity;
    deps.metrics?.outboundFailures.inc({ platform: 'teams' });
    deps.logger.error({ err: error, conversation: activity.conversation?.id }, 'Teams answer failed');
    // A throttled or unreachable connector would refuse the apology too: it would only add POSTs.
    if (error instanceof ReplyGivenUp) return;
    const apology = strings(detectLanguage(activity.text ?? '')).answer.apology;
    await sendWithRetry(context, MessageFactory.text(apology)).catch((err: unknown) =>
      deps.logger.error({ err }, 'Teams apology failed too'),
    );
  }
}
