import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { type ReplyView, strings } from '../../../../src/index.js';
import { readAttachedText } from '../../attached-files.js';
import { type SlackDeps, slackConversation } from '../../context.js';
import { APOLOGY_POLICY } from '../../outbound.js';
import { renderSlack } from '../../render/blocks.js';
import { withApology } from '../apology.js';
import { replyPrivately } from '../private-reply.js';

export const DIAGNOSE_CALLBACK_ID = 'diagnose_message';

/** How the shortcut may read attached files: the bot token, sent only to these origins. */
export interface FileAccess {
  token: string;
  origins: Set<string>;
}

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/** The reply says which attachments it could not read, above the diagnosis. */
function withUnread(view: ReplyView, unread: string[]): ReplyView {
  if (unread.length === 0) return view;
  const notice = strings(view.language).ui.unreadAttachments(unread.join(', '));
  return { ...view, blocks: [{ type: 'notice', text: notice }, ...view.blocks] };
}

/**
 * "Diagnostiquer ce message": the diagnosis of any message (in a thread, in a channel the bot is
 * not in, one of the bot's own) and of its attached text files goes privately to the person who
 * asked, with a button that posts it in the message's thread.
 */
export function diagnoseMessageListener(deps: SlackDeps, files: FileAccess) {
  return async ({ shortcut, ack, respond, client }: ShortcutArgs): Promise<void> => {
    await ack();
    const message = shortcut.message as {
      text?: string;
      ts: string;
      thread_ts?: string;
      files?: unknown;
    };
    const channel = shortcut.channel.id;
    const user = shortcut.user.id;
    const where = { channel, user };
    await withApology(
      deps,
      { listener: DIAGNOSE_CALLBACK_ID, text: message.text ?? '', channel },
      async () => {
        const attached = await readAttachedText(message.files, { ...files, logger: deps.logger });
        const text = [message.text ?? '', attached.text].filter((t) => t.trim()).join('\n');
        if (!text.trim()) {
          const ui = strings('fr').ui;
          const said = attached.unread.length
            ? ui.unreadAttachments(attached.unread.join(', '))
            : ui.emptyMessage;
          await replyPrivately(deps, respond, client, where, { text: said });
          return;
        }
        const place = { team: shortcut.team?.id, channel, thread: undefined, private: true, user };
        const reply = await deps.bot.handle({
          conversation: slackConversation(place),
          text: '',
          user,
          action: { kind: 'diagnose', text },
          // "Share" posts in the diagnosed message's thread (its own ts when it starts none).
          shareTo: `${channel}/${message.thread_ts ?? message.ts}`,
        });
        const view = withUnread(deps.bot.view(reply, { private: true }), attached.unread);
        await replyPrivately(deps, respond, client, where, renderSlack(view));
      },
      (apology) => replyPrivately(deps, respond, client, where, { text: apology }, false, APOLOGY_POLICY),
    );
  };
}

export function registerDiagnoseMessage(app: App, deps: SlackDeps, files: FileAccess): void {
  app.shortcut<MessageShortcut>(
    { callback_id: DIAGNOSE_CALLBACK_ID, type: 'message_action' },
    diagnoseMessageListener(deps, files),
  );
}
