import type { Answer } from '../answer/answer.js';
import type { Language } from '../text/language.js';
import type { TriageControl } from '../triage/engine.js';
import type { TriageNotice } from '../triage/notices.js';
import type { TriageView } from '../triage/view.js';

export type { TriageNotice };

export type Platform = 'slack' | 'teams' | 'terminal';

/** Where a message was said: the key of a conversation (and of its guided-triage session). */
export interface ConversationRef {
  platform: Platform;
  workspace: string;
  channel: string;
  thread: string;
}

/** A button of a guided triage, as clicked in any adapter. */
export type TriageAction =
  | { kind: 'triage-start'; treeId: string }
  /** `step` guards against a click on the buttons of an earlier step. */
  | { kind: 'triage-choice'; treeId: string; step: number; option: number }
  | { kind: 'triage-control'; control: TriageControl };

const CONTROLS = new Set(['back', 'restart', 'stop', 'escalate', 'resume']);

/** A triage action carried back by a button (Slack value, Teams Action.Submit data), validated. */
export function parseTriageAction(value: unknown): TriageAction | null {
  if (typeof value !== 'object' || value === null) return null;
  const a = value as Record<string, unknown>;
  if (a.kind === 'triage-start' && typeof a.treeId === 'string')
    return { kind: 'triage-start', treeId: a.treeId };
  if (
    a.kind === 'triage-choice' &&
    typeof a.treeId === 'string' &&
    Number.isInteger(a.step) &&
    Number.isInteger(a.option)
  ) {
    return { kind: 'triage-choice', treeId: a.treeId, step: a.step as number, option: a.option as number };
  }
  if (a.kind === 'triage-control' && CONTROLS.has(String(a.control))) {
    return { kind: 'triage-control', control: a.control as TriageControl };
  }
  return null;
}

/** One message from any platform, already stripped of its transport. */
export interface IncomingMessage {
  conversation: ConversationRef;
  text: string;
  user?: string;
  action?: TriageAction;
}

export type Reply =
  | {
      kind: 'answer';
      language: Language;
      answer: Answer;
      /** A guided triage that fits this answer, offered as a button. */
      triageOffer?: { treeId: string; title: string };
      notice?: TriageNotice;
      /** For 'choose-tree': the trees to pick from. */
      trees?: { treeId: string; title: string }[];
    }
  | {
      kind: 'triage';
      language: Language;
      view: TriageView;
      /** An off-script question answered in the middle of a triage. */
      answer?: Answer;
      notice?: TriageNotice;
    }
  | { kind: 'help'; language: Language };

export function conversationKey(ref: ConversationRef): string {
  return [ref.platform, ref.workspace, ref.channel, ref.thread].map((p) => encodeURIComponent(p)).join(':');
}
