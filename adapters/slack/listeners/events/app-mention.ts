import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../context.js';
import { answerInThread } from '../answer-in-thread.js';

/** A mention in a channel is answered in the thread of the mention (or of its thread). */
export function appMentionListener(deps: SlackDeps) {
  return async ({
    event,
    client,
    body,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    if (typeof event.text !== 'string' || !event.channel || !event.ts) return;
    await answerInThread(client, deps, {
      team: event.team ?? (body as { team_id?: string }).team_id,
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      text: event.text,
      user: event.user,
    });
  };
}

export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', appMentionListener(deps));
}
