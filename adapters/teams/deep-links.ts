import type { Activity } from 'botbuilder';

/** Teams deep links open a message, a chat or a channel in the Teams client of whoever clicks them. */
const TEAMS = 'https://teams.microsoft.com/l';

/** A link and what its button says. */
export interface Link {
  url: string;
  label: string;
}

/**
 * A channel's message: a thread's root post (`parent` is itself) or a reply in a thread. It opens
 * for the members of the channel only: Teams checks who follows the link.
 */
export function channelMessageLink(
  channel: string,
  message: string,
  tenant?: string,
  parent = message,
): string {
  const query = new URLSearchParams({ ...(tenant ? { tenantId: tenant } : {}), parentMessageId: parent });
  return `${TEAMS}/message/${encodeURIComponent(channel)}/${encodeURIComponent(message)}?${query}`;
}

/** A message of a group chat, for its members. */
export function chatMessageLink(chat: string, message: string): string {
  const query = new URLSearchParams({ context: JSON.stringify({ contextType: 'chat' }) });
  return `${TEAMS}/message/${encodeURIComponent(chat)}/${encodeURIComponent(message)}?${query}`;
}

/** A 1:1 chat with a person (their Entra object id), opened by whoever clicks. */
export function chatWithLink(aadObjectId: string): string {
  return `${TEAMS}/chat/0/0?${new URLSearchParams({ users: aadObjectId })}`;
}

/**
 * The way back to where a technician escalated, for the experts: the channel thread or the group
 * chat message (the card the button was on); a personal chat with the bot is the technician's
 * alone, so there the link opens a chat with the technician instead. Undefined when Teams gave
 * nothing to link to (a personal chat without the sender's Entra id).
 */
export function technicianLink(
  activity: Activity,
  labels: { conversation: string; chatWith: (name: string) => string },
): Link | undefined {
  const id = activity.conversation?.id ?? '';
  const [channel, thread] = id.split(';messageid=');
  const tenant = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
  const message = activity.replyToId ?? activity.id;
  switch (activity.conversation?.conversationType) {
    case 'channel': {
      const root = thread ?? message;
      return root && channel
        ? { url: channelMessageLink(channel, root, tenant), label: labels.conversation }
        : undefined;
    }
    case 'groupChat':
      return message ? { url: chatMessageLink(id, message), label: labels.conversation } : undefined;
    default: {
      const aad = activity.from?.aadObjectId;
      return aad ? { url: chatWithLink(aad), label: labels.chatWith(activity.from?.name ?? '') } : undefined;
    }
  }
}
