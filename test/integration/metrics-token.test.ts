import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { Metrics } from '../../adapters/metrics.js';

// The real comparison, watched: it must run on equal-length digests whatever the header sent.
vi.mock('node:crypto', async (original) => {
  const real = await original<typeof import('node:crypto')>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

const TOKEN = 'scrape-me-0123456789';
let http: HttpServer;
let base = '';
beforeAll(async () => {
  http = createHttpServer(createLogger('silent'), { metrics: new Metrics(), metricsToken: TOKEN });
  http.markReady();
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
});
afterAll(() => http.close(500));

const scrape = (authorization?: string) =>
  fetch(`${base}/metrics`, authorization === undefined ? {} : { headers: { authorization } });

describe('GET /metrics behind METRICS_TOKEN', () => {
  it('serves the metrics to the right token', async () => {
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('uc_triage_questions_total');
  });

  it('refuses a wrong token of the same length, of another length, another scheme and no header with 401', async () => {
    const sameLength = `Bearer ${'x'.repeat(TOKEN.length)}`;
    for (const header of [
      sameLength,
      `Bearer ${TOKEN}x`,
      'Bearer s',
      `Basic ${TOKEN}`,
      `Bearer`,
      undefined,
    ]) {
      const res = await scrape(header);
      expect(res.status, String(header)).toBe(401);
      expect(await res.text()).not.toContain('uc_triage');
    }
  });

  it('compares in constant time: one timingSafeEqual on two 32-byte digests, whatever the length sent', async () => {
    for (const header of [`Bearer ${TOKEN}`, 'Bearer s', `Bearer ${'y'.repeat(500)}`, undefined]) {
      vi.mocked(crypto.timingSafeEqual).mockClear();
      await scrape(header);
      const calls = vi.mocked(crypto.timingSafeEqual).mock.calls;
      expect(calls, String(header)).toHaveLength(1);
      expect(calls[0]?.map((b) => (b as Buffer).length)).toEqual([32, 32]);
    }
  });
});
