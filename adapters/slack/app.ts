import { App, type Logger as BoltLogger, ErrorCode, ExpressReceiver, LogLevel } from '@slack/bolt';
import type { Express } from 'express';
import type { CaseCardReply } from '../../src/index.js';
import type { SlackConfig } from '../config.js';
import { CredentialError } from '../errors.js';
import type { Readiness } from '../http/readiness.js';
import type { WorkTracker } from '../http/work.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { PlatformAdapter } from '../platform.js';
import { SlackApiHealth } from './api-health.js';
import { fileOrigins } from './attached-files.js';
import { CasePosts } from './cases/posts.js';
import type { SlackServices } from './context.js';
import { dedupeEvents } from './dedupe.js';
import { ExpertsChannel } from './experts.js';
import { registerListeners } from './listeners/index.js';
import { SLACK_API_TIMEOUT_MS, SlackOutbound } from './outbound.js';
import { slackRequestGuard } from './request-guard.js';

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * The Web API client itself never retries and never sleeps: on a 429 it would pause every call of
 * the process for the whole Retry-After (one throttled channel froze every answer). Retries are the
 * bot's own, per message (outbound.ts).
 */
const NO_CLIENT_RETRIES = { retries: 0 };
/**
 * The Socket Mode connection (apps.connections.open) keeps a few retries within about 30 s: it
 * reconnects in the background, where no reply waits, and gives up on a network error otherwise.
 */
const SOCKET_MODE_RETRY = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 8000, maxRetryTime: 30_000 };

/** Bolt's respond() (response_url) has no timeout of its own: the same bound as a Web API call. */
const fetchWithTimeout: typeof fetch = (input, init) =>
  fetch(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(SLACK_API_TIMEOUT_MS) });

/** auth.test answers that will not change by retrying: the token is wrong or revoked. */
const DEFINITIVE = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
]);
/** Between two attempts to reach Slack at start: 1 s, then doubling up to 30 s. */
const START_BACKOFF_MS = { first: 1000, max: 30_000 };

/** Bolt logs through our logger: payloads only at debug level, tokens redacted by pino. */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  return {
    debug: (...msg) => child.debug(msg.map(String).join(' ')),
    info: (...msg) => child.info(msg.map(String).join(' ')),
    warn: (...msg) => child.warn(msg.map(String).join(' ')),
    error: (...msg) => child.error(msg.map(String).join(' ')),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

export interface SlackMount {
  app: App;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A case's transition made outside Slack, delivered as a click would have; thrown before start. */
  deliverCase(reply: CaseCardReply): Promise<'delivered'>;
}

/** What the Slack adapter reports to the process: readiness, work in flight, metrics. */
export interface SlackOps {
  readiness?: Readiness;
  work?: WorkTracker;
  metrics?: Metrics;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** The Slack error code of a Web API failure ("invalid_auth"), or the transport error's message. */
function slackError(error: unknown): string {
  const e = error as { data?: { error?: string }; code?: string; message?: string };
  return e.data?.error ?? e.code ?? e.message ?? String(error);
}

/**
 * The Slack app: over HTTP it shares the process's express server (POST /slack/events for
 * events, commands and interactivity); with SLACK_APP_TOKEN it uses Socket Mode instead. Bolt's
 * initialization (auth.test) is deferred to start(), which runs after the server listens: a
 * refused token stops the process naming SLACK_BOT_TOKEN; an unreachable Slack is retried with
 * backoff while /readyz says why and /slack/events answers 503 (Slack retries).
 */
export function createSlackApp(
  config: SlackConfig,
  services: SlackServices,
  server: Express,
  ops: SlackOps = {},
): SlackMount {
  const logger = boltLogger(services.logger);
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    timeout: SLACK_API_TIMEOUT_MS,
    retryConfig: NO_CLIENT_RETRIES,
    rejectRateLimitedCalls: true,
    fetch: fetchWithTimeout,
  };
  // A rate limit or an outage of the Web API shows on /readyz while it lasts.
  const health = new SlackApiHealth();
  ops.readiness?.probe('slack', async () => health.problem());
  const outbound = new SlackOutbound({ logger: services.logger, health, metrics: ops.metrics });
  const experts = config.escalationChannel ? new ExpertsChannel(config.escalationChannel, outbound) : null;
  const deps = { ...services, outbound, experts };
  let initialized = false;
  ops.readiness?.notReady('slack', 'starting');
  let app: App;
  if (config.appToken) {
    app = new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: true,
      logger,
      clientOptions,
      installerOptions: {
        clientOptions: { ...clientOptions, retryConfig: SOCKET_MODE_RETRY, rejectRateLimitedCalls: false },
      },
      deferInitialization: true,
    });
  } else {
    server.post(SLACK_EVENTS_PATH, (_req, res, next) => {
      if (initialized) return next();
      res.status(503).json({ error: 'starting' });
    });
    server.post(SLACK_EVENTS_PATH, slackRequestGuard(config.signingSecret, deps.logger));
    const receiver = new ExpressReceiver({
      signingSecret: config.signingSecret,
      app: server,
      endpoints: SLACK_EVENTS_PATH,
      logger,
      processEventErrorHandler: async ({ error, response }) => {
        const unauthorized = (error as { code?: string }).code === ErrorCode.AuthorizationError;
        deps.logger.warn({ err: error }, 'Slack request refused');
        if (!response.headersSent) {
          response.writeHead(unauthorized ? 401 : 400, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: unauthorized ? 'unauthorized' : 'malformed_payload' }));
        }
        return true;
      },
    });
    app = new App({ token: config.botToken, receiver, logger, clientOptions, deferInitialization: true });
  }
  // Every listener's work (the reply posted after the ack) is tracked: a clean stop waits for it.
  if (ops.work) {
    const work = ops.work;
    app.use(({ next }) => work.track(next()));
  }
  app.use(dedupeEvents(deps, ops.metrics));
  registerListeners(app, deps, { token: config.botToken, origins: fileOrigins(config.apiUrl) });
  app.error(async (error) => {
    ops.metrics?.outboundFailures.inc({ platform: 'slack' });
    deps.logger.error({ err: error }, 'Slack listener error');
  });
  const sleep = ops.sleep ?? wait;
  /** Until Slack answers: a definitive refusal throws CredentialError, anything else is retried. */
  const untilReached = async (what: string, attempt: () => Promise<unknown>, variable: string) => {
    for (let delay = START_BACKOFF_MS.first; ; delay = Math.min(delay * 2, START_BACKOFF_MS.max)) {
      try {
        return await attempt();
      } catch (error) {
        const reason = slackError(error);
        if (DEFINITIVE.has(reason)) throw new CredentialError(variable, reason);
        ops.readiness?.notReady('slack', `${what} failed (${reason}); retrying`);
        deps.logger.warn({ reason, retryInMs: delay }, `Slack ${what} failed: retrying`);
        await sleep(delay);
      }
    }
  };
  return {
    app,
    start: async () => {
      // Bolt's init is the auth.test call (its client does not retry: this loop does).
      await untilReached('auth.test', () => app.init(), 'SLACK_BOT_TOKEN');
      // Over HTTP the shared express server listens; Socket Mode opens its own connection.
      if (config.appToken) await untilReached('Socket Mode connection', () => app.start(), 'SLACK_APP_TOKEN');
      initialized = true;
      ops.readiness?.ready('slack');
    },
    stop: async () => {
      if (config.appToken && initialized) await app.stop();
    },
    deliverCase: async (reply) => {
      if (!initialized) throw new Error('Slack is not reached yet');
      await new CasePosts(deps).delivered(app.client, reply);
      return 'delivered';
    },
  };
}

/** Slack as a platform of main.ts: Bolt on the shared server (or Socket Mode), started and stopped. */
export function slackPlatform(
  config: SlackConfig,
  services: SlackServices,
  ops: SlackOps = {},
): PlatformAdapter {
  let mount: SlackMount | null = null;
  return {
    name: 'slack',
    mount: (server) => {
      mount = createSlackApp(config, services, server, ops);
    },
    start: async () => mount?.start(),
    stop: async () => mount?.stop(),
    deliverCase: async (reply) => {
      if (!mount) throw new Error('Slack is not mounted');
      return mount.deliverCase(reply);
    },
  };
}
