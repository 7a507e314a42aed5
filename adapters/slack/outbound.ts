import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { SlackApiHealth } from './api-health.js';

/** One Web API call (or response_url post) gives up after this (the defaults wait forever). */
export const SLACK_API_TIMEOUT_MS = 10_000;

/** How hard one message is tried. */
export interface DeliveryPolicy {
  /** Attempts in all (1: no retry). */
  attempts: number;
  /** No retry is started unless it can end within this, counted from the first attempt. */
  budgetMs: number;
}

/**
 * An answer: retried after 1 s, 2 s, 4 s on a timeout, a network error or a 5xx, and after its
 * Retry-After on a 429, while the retry can end within 30 s. A longer Retry-After gives that one
 * reply up at once: the client's own handling (pause every call of the process for the whole
 * Retry-After) would hold every other channel's answer too.
 */
export const REPLY_POLICY: DeliveryPolicy = { attempts: 4, budgetMs: 30_000 };
/** An apology: one try. Slack just failed the answer; retrying the apology only adds load and delay. */
export const APOLOGY_POLICY: DeliveryPolicy = { attempts: 1, budgetMs: 0 };
/**
 * A call someone is waiting on within seconds (views.open: its trigger_id lasts 3 s; the experts'
 * channel's members, read while a click or a form waits): one try, a fallback answers otherwise.
 */
export const ONE_TRY: DeliveryPolicy = { attempts: 1, budgetMs: 0 };

/** A reply given up because Slack rate-limited it for longer than its budget. */
export class SlackRateLimited extends Error {
  override name = 'SlackRateLimited';
  constructor(
    readonly method: string,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `Slack rate-limited ${method} with Retry-After ${retryAfterSeconds} s: no retry fits this reply's budget, it is given up`,
    );
  }
}

type Failure =
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  /** Worth another try, and a sign of an outage: a timeout, a refused connection, a 5xx. */
  | { kind: 'transient'; reason: string }
  /** Slack refused the message itself (not_in_channel, invalid_blocks, a 4xx): retrying changes nothing. */
  | { kind: 'definitive' };

function classify(error: unknown): Failure {
  const e = error as {
    code?: string;
    retryAfter?: unknown;
    statusCode?: number;
    original?: { name?: string; message?: string; cause?: { code?: string } };
  };
  if (e.code === ErrorCode.RateLimitedError && typeof e.retryAfter === 'number')
    return { kind: 'rate-limited', retryAfterSeconds: e.retryAfter };
  if (e.code === ErrorCode.RequestError) {
    const original = e.original;
    const reason =
      original?.name === 'TimeoutError'
        ? `no answer within ${SLACK_API_TIMEOUT_MS / 1000} s`
        : (original?.cause?.code ?? original?.message ?? 'request failed');
    return { kind: 'transient', reason };
  }
  if (e.code === ErrorCode.HTTPError && (e.statusCode ?? 0) >= 500)
    return { kind: 'transient', reason: `HTTP ${e.statusCode}` };
  return { kind: 'definitive' };
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export interface OutboundOptions {
  logger: Logger;
  health: SlackApiHealth;
  metrics?: Metrics | undefined;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * The bot's outbound policy for Slack, the only retry loop (the Web API client's own retries are
 * off and it rejects 429s instead of pausing its queue): each message is retried for itself only,
 * what Slack answers feeds /readyz, and a reply that could not be delivered is counted.
 */
export class SlackOutbound {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: OutboundOptions) {
    this.sleep = options.sleep ?? wait;
    this.now = options.now ?? Date.now;
  }

  /** One Web API call under `policy`; throws SlackRateLimited when a 429's wait does not fit. */
  async call<T>(
    what: { method: string; channel?: string | undefined },
    policy: DeliveryPolicy,
    send: () => Promise<T>,
  ): Promise<T> {
    const started = this.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await send();
        this.options.health.succeeded();
        return result;
      } catch (error) {
        const failure = classify(error);
        if (failure.kind === 'definitive') throw error;
        let pause: number;
        if (failure.kind === 'rate-limited') {
          this.options.health.rateLimited(what.method, failure.retryAfterSeconds);
          pause = failure.retryAfterSeconds * 1000;
        } else {
          this.options.health.failed(failure.reason);
          pause = 1000 * 2 ** (attempt - 1);
        }
        const elapsed = this.now() - started;
        if (attempt >= policy.attempts || elapsed + pause + SLACK_API_TIMEOUT_MS > policy.budgetMs) {
          if (failure.kind === 'rate-limited')
            throw new SlackRateLimited(what.method, failure.retryAfterSeconds);
          throw error;
        }
        this.options.logger.warn(
          { method: what.method, channel: what.channel, attempt, retryInMs: pause, err: error },
          'Slack call failed: retrying',
        );
        await this.sleep(pause);
      }
    }
  }

  /**
   * One message to a user, however many ways `send` tries (response_url, then an ephemeral
   * message, then a DM): when it fails for good, it is counted in
   * uc_triage_outbound_failures_total and the error goes on to the caller, which logs it.
   */
  async deliver<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      this.options.metrics?.outboundFailures.inc({ platform: 'slack' });
      throw error;
    }
  }

  /** chat.update: a message the bot posted, replaced in place (a triage card, an experts' case card). */
  updateMessage(
    client: WebClient,
    message: { channel: string; ts: string; text: string; blocks?: unknown[] },
    policy: DeliveryPolicy = REPLY_POLICY,
  ): Promise<unknown> {
    return this.deliver(() =>
      this.call({ method: 'chat.update', channel: message.channel }, policy, () =>
        client.chat.update(message as never),
      ),
    );
  }

  /** chat.postMessage as one message to users (an answer, a share, an apology with APOLOGY_POLICY). */
  postMessage(
    client: WebClient,
    message: { channel: string; thread_ts?: string; text: string; blocks?: unknown[] },
    policy: DeliveryPolicy = REPLY_POLICY,
  ): Promise<unknown> {
    return this.deliver(() =>
      this.call({ method: 'chat.postMessage', channel: message.channel }, policy, () =>
        client.chat.postMessage(message as never),
      ),
    );
  }
}
