import type { CoreAction } from '../reply/actions.js';
import type { Language } from '../text/language.js';

/** Which adapter a message came through ("slack", "teams", "terminal", ...): any adapter may add its own. */
export type Platform = string;

/** Where a message was said: the key of a conversation (and of its guided-triage session). */
export interface ConversationRef {
  platform: Platform;
  workspace: string;
  channel: string;
  thread: string;
}

/** One message from any platform, already stripped of its transport. */
export interface IncomingMessage {
  conversation: ConversationRef;
  text: string;
  user?: string;
  /** The sender's display name, where the platform gives one: who opened or took a case. */
  userName?: string;
  /**
   * The adapter vouches the sender may act on cases (take, resolve, close, reopen): a member of
   * the experts' channel. The core refuses any other sender, whatever the button carries.
   */
  expert?: boolean;
  /** A clicked button, decoded by decodeAction. */
  action?: CoreAction;
  /** The language the platform knows for the user (Teams' locale): the default when the words say nothing. */
  locale?: Language;
  /**
   * Where a share of the reply would post, in the adapter's words (Slack: the channel, or
   * `channel/thread` of a diagnosed message): recorded with what the reply shows, and read back
   * from that record only. A button whose record has its own keeps it (a lead picked from a
   * diagnosis still shares in the diagnosed message's thread).
   */
  shareTo?: string;
}

export function conversationKey(ref: ConversationRef): string {
  return [ref.platform, ref.workspace, ref.channel, ref.thread].map((p) => encodeURIComponent(p)).join(':');
}
