import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { strings } from '../../../../src/index.js';
import { type SlackDeps, slackConversation } from '../../context.js';
import { APOLOGY_POLICY } from '../../outbound.js';
import { renderSlack } from '../../render/blocks.js';
import { withApology } from '../apology.js';
import { replyPrivately } from '../private-reply.js';

export const DIAGNOSE_CALLBACK_ID = 'diagnose_message';
/** Text attached to a message (a snippet, a .log/.txt file) is read up to this size, in all. */
export const MAX_ATTACHED_BYTES = 1_000_000;
/** A file download slower than this is skipped (the message's own text is still diagnosed). */
const FILE_TIMEOUT_MS = 5000;

interface SlackFile {
  name?: string;
  mimetype?: string;
  filetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

const TEXT_FILETYPES = new Set([
  'text',
  'log',
  'csv',
  'json',
  'xml',
  'yaml',
  'yml',
  'javascript',
  'shell',
  'ini',
]);
const isText = (f: SlackFile) => f.mimetype?.startsWith('text/') || TEXT_FILETYPES.has(f.filetype ?? '');

/** The text of the message's text files, within MAX_ATTACHED_BYTES (files:read, bot token). */
export async function attachedText(
  files: SlackFile[] | undefined,
  token: string,
  log: SlackDeps['logger'],
): Promise<string> {
  const parts: string[] = [];
  let budget = MAX_ATTACHED_BYTES;
  for (const file of (files ?? []).filter(isText)) {
    const url = file.url_private_download ?? file.url_private;
    if (!url || budget <= 0) continue;
    try {
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(FILE_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = new TextDecoder('utf-8').decode((await res.arrayBuffer()).slice(0, budget));
      budget -= Buffer.byteLength(text);
      parts.push(text);
    } catch (error) {
      log.warn({ err: error, file: file.name }, 'attached file not read: diagnosing the message text only');
    }
  }
  return parts.join('\n');
}

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

/**
 * "Diagnostiquer ce message": the diagnosis of any message (in a thread, in a channel the bot is
 * not in, one of the bot's own) goes privately to the person who asked, with a button that posts
 * it in the message's thread.
 */
export function diagnoseMessageListener(deps: SlackDeps, botToken: string) {
  return async ({ shortcut, ack, respond, client }: ShortcutArgs): Promise<void> => {
    await ack();
    const message = shortcut.message as {
      text?: string;
      ts: string;
      thread_ts?: string;
      files?: SlackFile[];
    };
    const channel = shortcut.channel.id;
    const user = shortcut.user.id;
    const where = { channel, user };
    await withApology(
      deps,
      { listener: DIAGNOSE_CALLBACK_ID, text: message.text ?? '', channel },
      async () => {
        const attached = await attachedText(message.files, botToken, deps.logger);
        const text = [message.text ?? '', attached].filter((t) => t.trim()).join('\n');
        if (!text.trim()) {
          await replyPrivately(deps, respond, client, where, { text: strings('fr').ui.emptyMessage });
          return;
        }
        const place = { team: shortcut.team?.id, channel, thread: undefined, private: true, user };
        const reply = await deps.bot.handle({
          conversation: slackConversation(place),
          text: '',
          user,
          action: { kind: 'diagnose', text },
        });
        // "Share" posts in the diagnosed message's thread (its own ts when it starts none).
        const shareTo = `${channel}/${message.thread_ts ?? message.ts}`;
        const view = deps.bot.view(reply, { private: true, shareTo });
        await replyPrivately(deps, respond, client, where, renderSlack(view));
      },
      (apology) => replyPrivately(deps, respond, client, where, { text: apology }, false, APOLOGY_POLICY),
    );
  };
}

export function registerDiagnoseMessage(app: App, deps: SlackDeps, botToken: string): void {
  app.shortcut<MessageShortcut>(
    { callback_id: DIAGNOSE_CALLBACK_ID, type: 'message_action' },
    diagnoseMessageListener(deps, botToken),
  );
}
