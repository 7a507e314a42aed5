import { App, type Logger as BoltLogger, ErrorCode, ExpressReceiver, LogLevel } from '@slack/bolt';
import type { Express } from 'express';
import type { SlackConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { PlatformAdapter } from '../platform.js';
import type { SlackDeps } from './context.js';
import { dedupeEvents } from './dedupe.js';
import { registerListeners } from './listeners/index.js';
import { slackRequestGuard } from './request-guard.js';

export const SLACK_EVENTS_PATH = '/slack/events';

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
}

/**
 * The Slack app: over HTTP it shares the process's express server (POST /slack/events for
 * events, commands and interactivity); with SLACK_APP_TOKEN it uses Socket Mode instead.
 */
export function createSlackApp(config: SlackConfig, deps: SlackDeps, server: Express): SlackMount {
  const logger = boltLogger(deps.logger);
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  let app: App;
  if (config.appToken) {
    app = new App({
      token: config.botToken,
      appToken: config.appToken,
      socketMode: true,
      logger,
      clientOptions,
    });
  } else {
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
    app = new App({ token: config.botToken, receiver, logger, clientOptions });
  }
  app.use(dedupeEvents(deps));
  registerListeners(app, deps, config.botToken);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'Slack listener error');
  });
  return {
    app,
    // Over HTTP the shared express server listens; Socket Mode opens its own connection.
    start: async () => {
      if (config.appToken) await app.start();
    },
    stop: async () => {
      if (config.appToken) await app.stop();
    },
  };
}

/** Slack as a platform of main.ts: Bolt on the shared server (or Socket Mode), started and stopped. */
export function slackPlatform(config: SlackConfig, deps: SlackDeps): PlatformAdapter {
  let mount: SlackMount | null = null;
  return {
    name: 'slack',
    mount: (server) => {
      mount = createSlackApp(config, deps, server);
    },
    start: async () => mount?.start(),
    stop: async () => mount?.stop(),
  };
}
