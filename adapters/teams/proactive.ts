import type {
  ChannelAccount,
  CloudAdapter,
  ConversationAccount,
  ConversationReference,
  TurnContext,
} from 'botbuilder';

/** What a proactive turn needs: the adapter, and the bot's app id (empty without authentication). */
export interface Proactive {
  adapter: CloudAdapter;
  appId: string;
}

/** A conversation reached proactively: its id, its Teams type, its tenant. */
export interface ProactiveConversation {
  id: string;
  type: string;
  tenantId?: string | undefined;
}

/** Outside a turn, messages are sent as the bot's own Teams account. */
export function botAccountOf(appId: string): ChannelAccount | undefined {
  return appId ? { id: `28:${appId}`, name: '' } : undefined;
}

/**
 * Runs `work` in a conversation the turn is not in (a proactive turn of the CloudAdapter). Its
 * failure is thrown here: the adapter would only hand it to onTurnError, and the caller must know.
 */
export async function inConversation(
  { adapter, appId }: Proactive,
  serviceUrl: string,
  conversation: ProactiveConversation,
  bot: ChannelAccount | undefined,
  work: (context: TurnContext) => Promise<void>,
): Promise<void> {
  const reference: Partial<ConversationReference> = {
    channelId: 'msteams',
    serviceUrl,
    // Teams needs no conversation name.
    conversation: {
      id: conversation.id,
      isGroup: conversation.type !== 'personal',
      conversationType: conversation.type,
      ...(conversation.tenantId ? { tenantId: conversation.tenantId } : {}),
    } as ConversationAccount,
    ...(bot ? { bot } : {}),
  };
  let failure: { error: unknown } | undefined;
  await adapter.continueConversationAsync(appId, reference, async (context) => {
    // The continuation activity has a random id that every message would reply to: these are
    // new messages of the conversation (POST …/activities), a new thread in a channel.
    context.activity.id = undefined as unknown as string;
    try {
      await work(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
}
