#!/usr/bin/env node
// `npm start`: starts every platform whose variables are set, on one HTTP server (PORT), or the
// terminal chat when none is (the embedded default).
import { config as loadDotenv } from 'dotenv';
import type { Redis } from 'ioredis';
import {
  CaseOutbox,
  MemorySessionStore,
  MemoryState,
  type SessionStore,
  type SharedState,
  TriageBot,
} from '../src/index.js';
import { CaseNoticeLoop, type NoticePlatform } from './case-notices.js';
import { type Config, isLoopback, loadConfig } from './config.js';
import { ConfigError, CredentialError } from './errors.js';
import { openCasesFor, openFeedback, withRecordingBot } from './feedback/open.js';
import { createHttpServer } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
import { Metrics } from './metrics.js';
import type { PlatformAdapter } from './platform.js';

loadDotenv({ quiet: true });

/** Shared state and triage sessions: in memory (one instance), or in Redis when REDIS_URL is set. */
async function createState(
  config: Config,
  logger: Logger,
): Promise<{ state: SharedState; sessions: SessionStore; redis?: Redis }> {
  if (!config.redisUrl) return { state: new MemoryState(), sessions: new MemorySessionStore() };
  const { RedisState } = await import('./redis/redis-state.js');
  const { RedisSessionStore } = await import('./redis/redis-session-store.js');
  const state = await RedisState.connect(config.redisUrl, logger);
  return { state, sessions: new RedisSessionStore(state.redis), redis: state.redis };
}

/** Every PARENT_WATCH_MS, a process started by npm checks that npm is still there. */
const PARENT_WATCH_MS = 500;

async function startServer(config: Config, logger: Logger): Promise<void> {
  const metrics = new Metrics();
  const { state, sessions, redis } = await createState(config, logger);
  if ('onFallback' in state)
    (state as { onFallback: () => void }).onFallback = () => metrics.redisFallbacks.inc();
  const feedback = await openFeedback(config, logger, redis);
  if (feedback) feedback.recorder.onDrop = (reason) => metrics.feedbackDropped.inc({ reason });
  const cases = await openCasesFor(config, logger, redis);
  const bot = await TriageBot.load({
    sessions,
    cases,
    sessionTtlSeconds: config.sessionTtlSeconds,
    // The records of what replies showed live with the rest of the shared state: any instance answers a button.
    state,
    logger,
    ...(feedback ? { recorder: feedback.recorder } : {}),
    observe: (message, reply, seconds) => {
      const platform = message.conversation.platform;
      metrics.questions.inc({ platform, outcome: Metrics.outcome(reply) });
      metrics.latency.observe({ platform }, seconds);
    },
  });
  // A server warms the free-text index at start (the CLI loads it only when a question needs it).
  bot.warm();
  const http = createHttpServer(logger, {
    metrics,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
  });
  if (redis) {
    const { redisReadiness } = await import('./redis/readiness.js');
    http.readiness.probe('redis', redisReadiness(redis));
  }
  const ops = { readiness: http.readiness, work: http.work, metrics };
  const platforms: PlatformAdapter[] = [];
  if (config.slack) {
    const { slackPlatform } = await import('./slack/app.js');
    platforms.push(slackPlatform(config.slack, { bot, state, logger }, ops));
  }
  if (config.teams) {
    const { teamsPlatform } = await import('./teams/mount.js');
    platforms.push(teamsPlatform(config.teams, { bot, state, logger }, ops));
  }
  for (const platform of platforms) platform.mount(http.app);
  // Case transitions made by the CLI: this process delivers those of the platforms it serves.
  const notices = new CaseNoticeLoop(
    new CaseOutbox(bot.cases, state, logger),
    platforms.flatMap((p): NoticePlatform[] =>
      p.deliverCase ? [{ name: p.name, deliverCase: p.deliverCase }] : [],
    ),
    logger,
    config.caseNoticeIntervalSeconds * 1000,
  );
  http.markReady();
  // The server listens first: /healthz answers and Teams serves while Slack is still being reached.
  const port = await http.listen(config.port, config.host);
  const bound = http.server.address();
  const address = typeof bound === 'object' && bound ? bound.address : (config.host ?? 'every interface');
  if (config.teams?.allowUnauthenticated && !isLoopback(address))
    logger.warn(
      { address, port },
      'Teams without authentication (TEAMS_ALLOW_UNAUTHENTICATED) is reachable beyond this machine: anyone who can reach this port can post as any user; unset HOST to listen on 127.0.0.1 only',
    );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(
      { signal, timeoutMs: config.shutdownTimeoutMs },
      'shutting down: finishing the work in flight',
    );
    // No new look at the case outbox; the delivery in progress ends with the work in flight.
    const [inTime] = await Promise.all([http.close(config.shutdownTimeoutMs), notices.stop()]);
    for (const platform of platforms)
      await platform
        .stop()
        .catch((err: unknown) => logger.error({ err, platform: platform.name }, 'stop failed'));
    await feedback?.close().catch((err: unknown) => logger.error({ err }, 'feedback store close failed'));
    await cases.close().catch((err: unknown) => logger.error({ err }, 'case store close failed'));
    await state.close();
    logger.info({ inTime }, 'stopped');
    process.exit(inTime ? 0 : 1);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  // npm does not pass SIGTERM on to the script it runs: under `npm start`, npm going away is the signal.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) void shutdown('parent exited');
    }, PARENT_WATCH_MS).unref();
  }
  logger.info(
    {
      address,
      port,
      slack: Boolean(config.slack),
      slackMode: config.slack?.appToken ? 'socket' : 'http',
      teams: Boolean(config.teams),
      redis: Boolean(config.redisUrl),
    },
    'uc-triage-bot listening; starting the platforms',
  );
  try {
    await Promise.all(platforms.map((platform) => platform.start()));
  } catch (error) {
    if (!(error instanceof CredentialError)) throw error;
    // A refused credential will not fix itself: one line naming the variable, exit 1.
    process.stderr.write(`uc-triage-bot: ${error.message}\n`);
    await http.close(0);
    process.exit(1);
  }
  notices.start();
  logger.info({ port }, 'uc-triage-bot ready');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`uc-triage-bot: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (!config.slack && !config.teams) {
    const { runTerminalChat, terminalLocale } = await import('./terminal/chat.js');
    // The chat owns stdout: the terminal's logs go to stderr.
    const quiet = createLogger(config.logLevel, 2);
    process.exitCode = await withRecordingBot(
      config,
      quiet,
      (bot) => runTerminalChat(bot, process.stdin, process.stdout, terminalLocale(process.env)),
      { botLogger: quiet, cases: true },
    );
    return;
  }
  await startServer(config, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`uc-triage-bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
