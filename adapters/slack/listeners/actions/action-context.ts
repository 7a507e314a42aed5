import type { BlockAction, ButtonAction } from '@slack/bolt';
import { type ActionValue, decodeAction } from '../../render/action-values.js';

/** Where a clicked button lives: its channel, its thread, and whether the message was private. */
export interface ClickLocation {
  team: string | undefined;
  channel: string | undefined;
  thread: string | undefined;
  ephemeral: boolean;
  user: string;
}

export interface ClickContext extends ClickLocation {
  value: ActionValue;
}

export function clickLocation(body: BlockAction): ClickLocation {
  const container = body.container as
    | { is_ephemeral?: boolean; thread_ts?: string; message_ts?: string }
    | undefined;
  const message = body.message as { ts?: string; thread_ts?: string } | undefined;
  return {
    team: body.team?.id,
    channel: body.channel?.id,
    thread: message?.thread_ts ?? container?.thread_ts ?? message?.ts ?? container?.message_ts,
    ephemeral: Boolean(container?.is_ephemeral),
    user: body.user.id,
  };
}

export function clickContext(body: BlockAction, action: ButtonAction): ClickContext | null {
  const value = decodeAction(action.value);
  return value ? { value, ...clickLocation(body) } : null;
}
