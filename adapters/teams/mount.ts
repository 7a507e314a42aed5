import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import express, { type Express, type Request, type Response } from 'express';
import type { CaseDelivery } from '../../src/index.js';
import type { TeamsConfig } from '../config.js';
import type { Readiness } from '../http/readiness.js';
import type { WorkTracker } from '../http/work.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { PlatformAdapter } from '../platform.js';
import type { TeamsServices } from './context.js';
import { ExpertsDirectory } from './experts.js';
import { ExpertsChannel } from './experts-channel.js';
import { TeamsTriageHandler } from './handler.js';
import { TechnicianNotices } from './technician.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';
/** Teams activities are small; Teams itself refuses messages over ~100 KB. */
const BODY_LIMIT = '256kb';

/** What the Teams adapter reports to the process: work in flight, metrics. */
export interface TeamsOps {
  /** Tests shorten the ack deadline (ACK_WITHIN_MS). */
  ackWithinMs?: number;
  work?: WorkTracker;
  metrics?: Metrics;
  readiness?: Readiness;
}

/**
 * Bot Framework gives up on a request after 15 s and redelivers: a turn still sending its replies
 * after this is acknowledged, and goes on (tracked, so a clean stop still waits for it).
 */
export const ACK_WITHIN_MS = 10_000;

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
    private readonly ops: TeamsOps = {},
  ) {
    super(auth);
    // Proactive messages (the experts' channel, the technician told) get their connector here.
    const create = auth.createConnectorFactory.bind(auth);
    auth.createConnectorFactory = (identity) => withoutConnectorRetries(create(identity));
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
      if (authenticated.connectorFactory) withoutConnectorRetries(authenticated.connectorFactory);
    } catch (error) {
      this.logger.warn({ err: error }, 'Teams request refused: authentication failed');
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    const turn = this.processActivity(authenticated, activity as Activity, logic);
    const tracked = this.ops.work ? this.ops.work.track(turn) : turn;
    // An invoke's answer is its HTTP body: it must wait. A message turn is acknowledged by 10 s.
    const timer =
      activity.type === 'invoke'
        ? null
        : new Promise<'late'>((resolve) =>
            setTimeout(() => resolve('late'), this.ops.ackWithinMs ?? ACK_WITHIN_MS).unref(),
          );
    try {
      const first = await Promise.race([tracked, ...(timer ? [timer] : [])]);
      if (first === 'late') {
        this.logger.warn(
          { conversation: activity.conversation?.id },
          'Teams turn slow: acknowledged, still replying',
        );
        res.status(200).end();
        tracked.catch((error: unknown) =>
          this.logger.error({ err: error }, 'Teams activity failed after its ack'),
        );
        return;
      }
      const invoke = first as Awaited<typeof turn>;
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

/**
 * The Bot Connector client retries a 429 three more times under each of our attempts (one
 * throttled reply became 32 POSTs): its retry policy is removed, so sendWithRetry is the only
 * retry loop and a reply costs at most 4 POSTs.
 */
function withoutConnectorRetries<
  F extends { create(serviceUrl: string, audience?: string): Promise<unknown> },
>(factory: F): F {
  const create = factory.create.bind(factory);
  factory.create = async (serviceUrl: string, audience?: string) => {
    const client = await create(serviceUrl, audience);
    const pipeline = (client as { client?: { pipeline?: { removePolicy(p: { name: string }): unknown } } })
      .client?.pipeline;
    pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
    return client;
  };
  return factory;
}

/** POST /api/messages on the shared express server, for the Teams (Bot Framework) channel. */
export function mountTeams(
  app: Express,
  config: TeamsConfig,
  services: TeamsServices,
  ops: TeamsOps = {},
): GuardedCloudAdapter {
  return mountTeamsWithCases(app, config, services, ops).adapter;
}

/**
 * mountTeams, with what delivers a case's transition made outside Teams (the CLI): through the
 * experts' channel, as a click would have; without one, no card was posted, and the technician is
 * told through what the case recorded.
 */
function mountTeamsWithCases(
  app: Express,
  config: TeamsConfig,
  services: TeamsServices,
  ops: TeamsOps,
): { adapter: GuardedCloudAdapter; deliverCase: CaseDelivery } {
  const deps = { ...services, metrics: ops.metrics };
  const auth = new ConfigurationBotFrameworkAuthentication({
    ...(config.appId ? { MicrosoftAppId: config.appId } : {}),
    ...(config.appPassword ? { MicrosoftAppPassword: config.appPassword } : {}),
    MicrosoftAppType: config.appType,
    ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
  } as Record<string, string>);
  const adapter = new GuardedCloudAdapter(auth, Boolean(config.appId), deps.logger, ops);
  adapter.onTurnError = async (_context, error) => {
    // Only logged: an apology that fails to send would turn the turn into a 500.
    deps.logger.error({ err: error }, 'Teams turn failed');
  };
  const proactive = {
    adapter,
    appId: config.appId ?? '',
    bot: deps.bot,
    logger: deps.logger,
    metrics: deps.metrics,
  };
  const technician = new TechnicianNotices(proactive);
  const escalation = config.escalation
    ? {
        channel: new ExpertsChannel({ ...proactive, config: config.escalation, technician }),
        experts: new ExpertsDirectory(config.escalation, deps.logger),
      }
    : undefined;
  const handler = new TeamsTriageHandler({ ...deps, escalation, technician });
  app.post(
    TEAMS_MESSAGES_PATH,
    express.json({ limit: BODY_LIMIT }),
    (req, res) => void adapter.handle(req, res, (context) => handler.run(context)),
  );
  const deliverCase: CaseDelivery = (reply) =>
    escalation ? escalation.channel.delivered(reply) : technician.delivered(reply);
  return { adapter, deliverCase };
}

/** Teams as a platform of main.ts: its route on the shared server; nothing to start or stop. */
export function teamsPlatform(
  config: TeamsConfig,
  services: TeamsServices,
  ops: TeamsOps = {},
): PlatformAdapter {
  let deliverCase: CaseDelivery | null = null;
  return {
    name: 'teams',
    mount: (server) => {
      deliverCase = mountTeamsWithCases(server, config, services, ops).deliverCase;
    },
    start: async () => {},
    stop: async () => {},
    deliverCase: async (reply) => {
      if (!deliverCase) throw new Error('Teams is not mounted');
      return deliverCase(reply);
    },
  };
}
