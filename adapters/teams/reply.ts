import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { type Reply, renderText } from '../../src/index.js';
import { renderCard } from './cards.js';
import type { TeamsDeps } from './context.js';
import { sendWithRetry } from './send.js';

/** A core reply as an Adaptive Card, which carries its own plain-text fallback; the summary is what notifications show. */
export async function sendReply(deps: TeamsDeps, context: TurnContext, reply: Reply): Promise<void> {
  const view = deps.bot.view(reply);
  const text = renderText(view).text;
  // A rating is acknowledged in one line of text (the answer is not posted again); an expired button too.
  if (reply.kind === 'feedback-ack' || reply.kind === 'expired')
    return void (await sendWithRetry(context, MessageFactory.text(text)));
  const attachment = CardFactory.adaptiveCard({
    ...renderCard(view),
    fallbackText: [...text].slice(0, 1000).join(''),
  });
  await sendWithRetry(context, {
    type: 'message',
    summary: [...text].slice(0, 200).join(''),
    attachments: [attachment],
  });
}
