import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import {
  type Case,
  type CaseStore,
  CaseStoreUnavailable,
  FeedbackRecorder,
  type FeedbackStore,
  packageRoot,
  type StoredCase,
  TriageBot,
} from '../../src/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** Where the embedded store lives unless FEEDBACK_DB says otherwise. */
export const DEFAULT_FEEDBACK_DB = join(packageRoot(), 'data', 'feedback.sqlite');

/**
 * The Redis a store lives in when REDIS_URL is set: the server's client (`redis`), else a
 * connection of the store's own, which it closes (`owned`); null without REDIS_URL, for SQLite.
 * `reachable`: refuse a Redis that is not reachable now, the connection closed.
 */
async function storeRedis(
  config: Config,
  redis: Redis | undefined,
  store: 'feedback' | 'case',
  reachable = false,
): Promise<{ client: Redis; owned: boolean } | null> {
  if (redis) return { client: redis, owned: false };
  if (!config.redisUrl) return null;
  const { connectRedis } = await import('../redis/connect.js');
  const own = await connectRedis(config.redisUrl);
  if (reachable && own.status !== 'ready') {
    own.disconnect();
    throw new Error(`the ${store} store is in Redis (REDIS_URL) and Redis cannot be reached`);
  }
  return { client: own, owned: true };
}

/**
 * The feedback store: the Redis stream whenever REDIS_URL is set (so the servers, the terminal chat,
 * `ask --record` and the reports all meet in one store), else SQLite in a file. `redis`: the
 * server's client; without it the store opens its own and closes it.
 */
export async function openFeedbackStore(
  config: Config,
  redis?: Redis,
  /** Refuse a Redis that is not reachable now (a report must not print an empty one). */
  options: { reachable?: boolean } = {},
): Promise<FeedbackStore> {
  const inRedis = await storeRedis(config, redis, 'feedback', options.reachable);
  if (inRedis) {
    const { RedisFeedbackStore } = await import('../redis/redis-feedback-store.js');
    return new RedisFeedbackStore(inRedis.client, inRedis.owned);
  }
  const { SqliteFeedbackStore } = await import('./sqlite-store.js');
  return new SqliteFeedbackStore(config.feedback?.file ?? DEFAULT_FEEDBACK_DB);
}

/**
 * The case store: in the same store as feedback (Redis whenever REDIS_URL is set, else the SQLite
 * file FEEDBACK_DB), whatever FEEDBACK says: escalations are not feedback. `redis`: the server's
 * client; without it the store opens its own and closes it.
 */
export async function openCaseStore(
  config: Config,
  redis?: Redis,
  /** Refuse a Redis that is not reachable now (a CLI command must not act on nothing). */
  options: { reachable?: boolean } = {},
): Promise<CaseStore> {
  const inRedis = await storeRedis(config, redis, 'case', options.reachable);
  if (inRedis) {
    const { RedisCaseStore } = await import('../redis/redis-case-store.js');
    return new RedisCaseStore(inRedis.client, inRedis.owned);
  }
  const { SqliteCaseStore } = await import('./sqlite-case-store.js');
  return new SqliteCaseStore(config.feedbackDb ?? DEFAULT_FEEDBACK_DB);
}

/** A case store that could not be opened: every case action says cases are unavailable (an escalation still shows its card). */
class UnopenedCaseStore implements CaseStore {
  constructor(private readonly why: unknown) {}
  private refuse(): never {
    throw new CaseStoreUnavailable('the case store could not be opened at start', { cause: this.why });
  }
  async open(): Promise<Case> {
    this.refuse();
  }
  async get(): Promise<StoredCase | null> {
    this.refuse();
  }
  async save(): Promise<boolean> {
    this.refuse();
  }
  async list(): Promise<Case[]> {
    this.refuse();
  }
  async undelivered(): Promise<StoredCase[]> {
    this.refuse();
  }
  async close(): Promise<void> {}
}

/**
 * The case store of a process that serves (the server, the terminal chat): one that cannot be
 * opened never stops the bot; it says so once, and every case action replies that cases are
 * unavailable (an escalation gives its card to forward, as before cases existed).
 */
export async function openCasesFor(config: Config, logger: Logger, redis?: Redis): Promise<CaseStore> {
  try {
    return await openCaseStore(config, redis);
  } catch (error) {
    logger.error({ err: error }, 'case store unavailable: escalations cannot be opened as cases');
    return new UnopenedCaseStore(error);
  }
}

export interface Feedback {
  store: FeedbackStore;
  recorder: FeedbackRecorder;
  close(): Promise<void>;
}

/**
 * The recorder the bot uses, or null with FEEDBACK=off. Events older than FEEDBACK_RETENTION_DAYS
 * are purged at start and every day. A store that cannot be opened never stops the bot: it runs
 * without recording, and says so once.
 */
export async function openFeedback(config: Config, logger: Logger, redis?: Redis): Promise<Feedback | null> {
  if (!config.feedback) return null;
  const { retentionDays } = config.feedback;
  let store: FeedbackStore;
  try {
    store = await openFeedbackStore(config, redis);
  } catch (error) {
    logger.error({ err: error }, 'feedback store unavailable: questions and feedback are not recorded');
    return null;
  }
  const purge = () =>
    store
      .purge(new Date(Date.now() - retentionDays * 86_400_000))
      .then((n) => n > 0 && logger.info({ purged: n, retentionDays }, 'old feedback events purged'))
      .catch((err: unknown) => logger.warn({ err }, 'feedback retention purge failed'));
  await purge();
  const daily = setInterval(() => void purge(), 86_400_000);
  daily.unref();
  // The key of the user-id hash is shared through the store; a down store still gets a process key.
  const secret = await store.secret().catch((err: unknown) => {
    logger.warn({ err }, 'feedback secret unavailable: user hashes are per process until the store is back');
    return randomBytes(32).toString('hex');
  });
  const recorder = new FeedbackRecorder(store, secret, logger);
  return {
    store,
    recorder,
    close: async () => {
      clearInterval(daily);
      await recorder.flush();
      await store.close();
    },
  };
}

/**
 * Runs `use` with a bot that records into the feedback store (none with FEEDBACK=off): the
 * terminal chat and `ask --record`. With `cases` (the chat), its escalations are kept in the case
 * store. The recorder is flushed and the stores closed afterwards. `botLogger`: where the bot's own
 * warnings go (the chat keeps stdout for itself).
 */
export async function withRecordingBot<T>(
  config: Config,
  logger: Logger,
  use: (bot: TriageBot) => Promise<T>,
  options: { botLogger?: Logger; cases?: boolean } = {},
): Promise<T> {
  const feedback = await openFeedback(config, logger);
  const cases = options.cases ? await openCasesFor(config, logger) : undefined;
  try {
    const bot = await TriageBot.load({
      ...(options.botLogger ? { logger: options.botLogger } : {}),
      ...(feedback ? { recorder: feedback.recorder } : {}),
      ...(cases ? { cases } : {}),
    });
    return await use(bot);
  } finally {
    await feedback?.close();
    await cases?.close();
  }
}
