#!/usr/bin/env node
// `npm start`: starts every platform whose variables are set, on one HTTP server (PORT), or the
// terminal chat when none is (the embedded default).
import { config as loadDotenv } from 'dotenv';
import type { Redis } from 'ioredis';
import {
  MemorySessionStore,
  MemoryState,
  type SessionStore,
  type SharedState,
  TriageBot,
} from '../src/index.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { openFeedback } from './feedback/open.js';
import { createHttpServer } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
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

async function startServer(config: Config, logger: Logger): Promise<void> {
  const { state, sessions, redis } = await createState(config, logger);
  const feedback = await openFeedback(config, logger, redis);
  const bot = await TriageBot.load({
    sessions,
    sessionTtlSeconds: config.sessionTtlSeconds,
    logger,
    ...(feedback ? { recorder: feedback.recorder } : {}),
  });
  const http = createHttpServer(logger);
  const platforms: PlatformAdapter[] = [];
  if (config.slack) {
    const { slackPlatform } = await import('./slack/app.js');
    platforms.push(slackPlatform(config.slack, { bot, state, logger }));
  }
  if (config.teams) {
    const { teamsPlatform } = await import('./teams/mount.js');
    platforms.push(teamsPlatform(config.teams, { bot, state, logger }));
  }
  for (const platform of platforms) platform.mount(http.app);
  for (const platform of platforms) await platform.start();
  http.markReady();
  const port = await http.listen(config.port);
  logger.info(
    {
      port,
      slack: Boolean(config.slack),
      slackMode: config.slack?.appToken ? 'socket' : 'http',
      teams: Boolean(config.teams),
      redis: Boolean(config.redisUrl),
    },
    'uc-triage-bot ready',
  );
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    for (const platform of platforms)
      await platform
        .stop()
        .catch((err: unknown) => logger.error({ err, platform: platform.name }, 'stop failed'));
    await http.close();
    await feedback?.close().catch((err: unknown) => logger.error({ err }, 'feedback store close failed'));
    await state.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
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
    const { runTerminalChat } = await import('./terminal/chat.js');
    // The chat owns stdout: the terminal's logs go to stderr.
    const quiet = createLogger(config.logLevel, 2);
    const feedback = await openFeedback(config, quiet);
    const bot = await TriageBot.load({ logger: quiet, ...(feedback ? { recorder: feedback.recorder } : {}) });
    process.exitCode = await runTerminalChat(bot, process.stdin, process.stdout);
    await feedback?.close();
    return;
  }
  await startServer(config, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`uc-triage-bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
