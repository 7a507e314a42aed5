import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../adapters/logger.js';
import { Metrics } from '../../../adapters/metrics.js';
import { OUTAGE_MEMORY_MS, SlackApiHealth } from '../../../adapters/slack/api-health.js';
import {
  APOLOGY_POLICY,
  REPLY_POLICY,
  SlackOutbound,
  SlackRateLimited,
} from '../../../adapters/slack/outbound.js';

/** The policy on a fake clock: sleeping moves the clock, so budgets are checked exactly. */
function policyOnFakeClock() {
  let now = 1_000_000;
  const slept: number[] = [];
  const health = new SlackApiHealth(() => now);
  const metrics = new Metrics();
  const outbound = new SlackOutbound({
    logger: createLogger('silent'),
    health,
    metrics,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  });
  return { outbound, health, metrics, slept, advance: (ms: number) => (now += ms) };
}

/** A send that fails with these errors in turn, then succeeds; counts its attempts. */
function failing(...errors: Error[]) {
  const sender = {
    attempts: 0,
    send: async () => {
      const error = errors[sender.attempts++];
      if (error) throw error;
      return 'ok';
    },
  };
  return sender;
}

const call = { method: 'chat.postMessage', channel: 'C1' };
const timeout = () => new WebAPIRequestError(Object.assign(new Error('timed out'), { name: 'TimeoutError' }));

describe('the Slack outbound policy', () => {
  it('waits a Retry-After that fits the reply’s budget, then delivers', async () => {
    const { outbound, slept } = policyOnFakeClock();
    const sender = failing(new WebAPIRateLimitedError(20));
    expect(await outbound.call(call, REPLY_POLICY, sender.send)).toBe('ok');
    expect(slept).toEqual([20_000]);
    expect(sender.attempts).toBe(2);
  });

  it('gives a reply up at once when the Retry-After does not fit, without sleeping', async () => {
    const { outbound, slept, health } = policyOnFakeClock();
    const sender = failing(new WebAPIRateLimitedError(40));
    await expect(outbound.call(call, REPLY_POLICY, sender.send)).rejects.toBeInstanceOf(SlackRateLimited);
    expect(slept).toEqual([]);
    expect(sender.attempts).toBe(1);
    expect(health.problem()).toMatch(/^rate limited by Slack \(chat\.postMessage\) for 40 s more/);
  });

  it('retries timeouts and 5xx after 1 s and 2 s, and stops when another try could not end within 30 s', async () => {
    const { outbound, slept, advance } = policyOnFakeClock();
    // Each attempt hangs for the whole 10 s timeout: two attempts and a pause fit in 30 s, not three.
    const errors = [timeout(), timeout(), timeout()];
    let attempts = 0;
    const send = async () => {
      attempts++;
      advance(10_000);
      throw errors[attempts - 1];
    };
    await expect(outbound.call(call, REPLY_POLICY, send)).rejects.toBeInstanceOf(WebAPIRequestError);
    expect(attempts).toBe(2);
    expect(slept).toEqual([1000]);

    const fast = failing(
      new WebAPIHTTPError(500, 'x', {}, ''),
      new WebAPIHTTPError(502, 'x', {}, ''),
      new WebAPIHTTPError(503, 'x', {}, ''),
      new WebAPIHTTPError(500, 'x', {}, ''),
    );
    await expect(outbound.call(call, REPLY_POLICY, fast.send)).rejects.toBeInstanceOf(WebAPIHTTPError);
    expect(fast.attempts).toBe(4);
  });

  it('tries an apology once, whatever the error', async () => {
    const { outbound } = policyOnFakeClock();
    for (const error of [new WebAPIHTTPError(500, 'x', {}, ''), timeout(), new WebAPIRateLimitedError(1)]) {
      const sender = failing(error);
      await expect(outbound.call(call, APOLOGY_POLICY, sender.send)).rejects.toBeDefined();
      expect(sender.attempts).toBe(1);
    }
  });

  it('never retries what Slack refused (not_in_channel, a 4xx)', async () => {
    const { outbound, health } = policyOnFakeClock();
    for (const error of [
      new WebAPIPlatformError({ ok: false, error: 'not_in_channel' }),
      new WebAPIHTTPError(400, 'x', {}, ''),
    ]) {
      const sender = failing(error);
      await expect(outbound.call(call, REPLY_POLICY, sender.send)).rejects.toBe(error);
      expect(sender.attempts).toBe(1);
    }
    expect(health.problem()).toBeNull();
  });

  it('reports an outage until a call succeeds, and forgets it after a quiet minute', async () => {
    const { outbound, health, advance } = policyOnFakeClock();
    await expect(
      outbound.call(call, APOLOGY_POLICY, failing(new WebAPIHTTPError(503, 'x', {}, '')).send),
    ).rejects.toBeDefined();
    expect(health.problem()).toMatch(/^Web API failing since .* \(HTTP 503\)$/);
    await outbound.call(call, REPLY_POLICY, failing().send);
    expect(health.problem()).toBeNull();
    await expect(outbound.call(call, APOLOGY_POLICY, failing(timeout()).send)).rejects.toBeDefined();
    expect(health.problem()).toContain('no answer within 10 s');
    advance(OUTAGE_MEMORY_MS);
    expect(health.problem()).toBeNull();
  });

  it('counts a message not delivered once, however many ways it was tried', async () => {
    const { outbound, metrics } = policyOnFakeClock();
    await expect(
      outbound.deliver(async () => {
        await outbound.call(call, APOLOGY_POLICY, failing(new Error('first way')).send).catch(() => {});
        throw new Error('last way');
      }),
    ).rejects.toThrow('last way');
    const counted = await metrics.outboundFailures.get();
    expect(counted.values).toEqual([{ labels: { platform: 'slack' }, value: 1 }]);
  });
});
