import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TaskModuleRequest,
  type TaskModuleResponse,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import { withApology } from './apology.js';
import type { TeamsDeps } from './context.js';
import { firstTeamsDelivery } from './dedupe.js';
import { caseCommand } from './listeners/case-command.js';
import { diagnoseMessage } from './listeners/diagnose-message.js';
import { fetchDialog } from './listeners/dialog-fetch.js';
import { submitDialog } from './listeners/dialog-submit.js';
import { welcome } from './listeners/members-added.js';
import { answerMessage } from './listeners/message.js';

/**
 * Every Teams listener, registered in one place (one listener per file, under listeners/): a
 * message or a card button, the bot added to a conversation, the "Diagnostiquer ce message"
 * message action, the dialogs of a case (fetched, submitted) and the experts' commands on a
 * case's card (Universal Actions).
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

  /** "Escalader", "Résoudre": a button whose reply is a form fetches its dialog. */
  protected override async handleTeamsTaskModuleFetch(
    context: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    return fetchDialog(this.deps, context, request);
  }

  /** A case form or an expert's resolution submitted from its dialog; undefined closes the dialog. */
  protected override async handleTeamsTaskModuleSubmit(
    context: TurnContext,
    request: TaskModuleRequest,
  ): Promise<TaskModuleResponse> {
    return (await submitDialog(this.deps, context, request)) as TaskModuleResponse;
  }

  /** An adaptiveCard/action without an action object makes botbuilder throw (a 500): it is refused with 400. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { action?: unknown } | undefined;
    if (
      context.activity.name === 'adaptiveCard/action' &&
      (typeof value?.action !== 'object' || value.action === null)
    )
      return { status: 400 };
    return super.onInvokeActivity(context);
  }

  /** "Je prends", "Fermer sans réponse", "Rouvrir" on the experts' card (Action.Execute). */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return caseCommand(this.deps, context, value);
  }
}
