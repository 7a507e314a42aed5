import type { Answer } from '../answer/answer.js';
import type { Language } from '../intent/language.js';

export type Platform = 'slack' | 'teams' | 'terminal';

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
}

export type Reply =
  | { kind: 'answer'; language: Language; answer: Answer }
  | { kind: 'help'; language: Language };

export function conversationKey(ref: ConversationRef): string {
  return [ref.platform, ref.workspace, ref.channel, ref.thread].map((p) => encodeURIComponent(p)).join(':');
}
