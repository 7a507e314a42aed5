import {
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { withApology } from './apology.js';
import type { TeamsDeps } from './context.js';
import { firstTeamsDelivery } from './dedupe.js';
import { diagnoseMessage } from './listeners/diagnose-message.js';
import { welcome } from './listeners/members-added.js';
import { answerMessage } from './listeners/message.js';

/**
 * Every Teams listener, registered in one place (one listener per file, under listeners/): a
 * message or a card button, the bot added to a conversation, and the "Diagnostiquer ce message"
 * message action.
 */
export class TeamsTriageHandler extends TeamsActivityHandler {
  constructor(private readonly deps: TeamsDeps) {
    super();
    this.onMessage(async (context, next) => {
      if (await firstTeamsDelivery(deps, context.activity))
        await withApology(deps, context, () => answerMessage(deps, context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await withApology(deps, context, () => welcome(deps, context));
      await next();
    });
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    submitted: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return diagnoseMessage(this.deps, context, submitted);
  }

  /** The same action with the dialog fetched from the bot (fetchTask: true): the diagnosis at once. */
  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return diagnoseMessage(this.deps, context, { ...action, data: {} });
  }
}
