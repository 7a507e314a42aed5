import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import express, { type Express, type Request, type Response } from 'express';
import type { SharedState, TriageBot } from '../../src/index.js';
import type { TeamsConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { PlatformAdapter } from '../platform.js';
import { TeamsTriageHandler } from './bot.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';
/** Teams activities are small; Teams itself refuses messages over ~100 KB. */
const BODY_LIMIT = '256kb';

export interface TeamsDeps {
  bot: TriageBot;
  state: SharedState;
  logger: Logger;
}

/**
 * CloudAdapter with its request handling made safe: an activity without a string type gets 400
 * (CloudAdapter throws and answers 500), and every authentication failure gets 401, including a
 * JWT whose OpenID metadata cannot be fetched (CloudAdapter answers 500 then).
 */
export class GuardedCloudAdapter extends CloudAdapter {
  constructor(
    private readonly auth: ConfigurationBotFrameworkAuthentication,
    private readonly requireToken: boolean,
    private readonly logger: Logger,
  ) {
    super(auth);
  }

  async handle(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = req.body as Partial<Activity> | undefined;
    if (!isActivity(activity)) {
      res.status(400).json({ error: 'invalid_activity' });
      return;
    }
    const header = req.header('authorization') ?? '';
    if (this.requireToken && !/^Bearer [\w-]+\.[\w-]+\.[\w-]*$/.test(header)) {
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    let authenticated: Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
    try {
      authenticated = await this.auth.authenticateRequest(activity as Activity, header);
    } catch (error) {
      this.logger.warn({ err: error }, 'Teams request refused: authentication failed');
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    try {
      const invoke = await this.processActivity(authenticated, activity as Activity, logic);
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.json(invoke.body);
      else res.end();
    } catch (error) {
      this.logger.error({ err: error, conversation: activity.conversation?.id }, 'Teams activity failed');
      if (!res.headersSent) res.status(500).json({ error: 'internal_error' });
    }
  }
}

function isActivity(value: Partial<Activity> | undefined): value is Partial<Activity> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (typeof value.type !== 'string' || value.type.length === 0) return false;
  if (typeof value.serviceUrl !== 'string' || typeof value.conversation?.id !== 'string') return false;
  return value.text === undefined || typeof value.text === 'string';
}

/** POST /api/messages on the shared express server, for the Teams (Bot Framework) channel. */
export function mountTeams(app: Express, config: TeamsConfig, deps: TeamsDeps): GuardedCloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    ...(config.appId ? { MicrosoftAppId: config.appId } : {}),
    ...(config.appPassword ? { MicrosoftAppPassword: config.appPassword } : {}),
    MicrosoftAppType: config.appType,
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
  } as Record<string, string>);
  const adapter = new GuardedCloudAdapter(auth, Boolean(config.appId), deps.logger);
  adapter.onTurnError = async (_context, error) => {
    // Only logged: an apology that fails to send would turn the turn into a 500.
    deps.logger.error({ err: error }, 'Teams turn failed');
  };
  const handler = new TeamsTriageHandler({ bot: deps.bot, logger: deps.logger });
  app.post(
    TEAMS_MESSAGES_PATH,
    express.json({ limit: BODY_LIMIT }),
    (req, res) => void adapter.handle(req, res, (context) => handler.run(context)),
  );
  return adapter;
}

/** Teams as a platform of main.ts: its route on the shared server; nothing to start or stop. */
export function teamsPlatform(config: TeamsConfig, deps: TeamsDeps): PlatformAdapter {
  return {
    name: 'teams',
    mount: (server) => void mountTeams(server, config, deps),
    start: async () => {},
    stop: async () => {},
  };
}
