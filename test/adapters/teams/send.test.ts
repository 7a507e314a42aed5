import { describe, expect, it } from 'vitest';
import { ACK_WITHIN_MS } from '../../../adapters/teams/mount.js';
import { RETRY_AFTER_CAP_MS, retryAfterMs, SEND_ATTEMPTS } from '../../../adapters/teams/send.js';

describe('Retry-After of the Bot Connector', () => {
  it('reads seconds and HTTP dates, and nothing from an absent, zero or unreadable header', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(retryAfterMs('3600', now)).toBe(3_600_000);
    expect(retryAfterMs('1.5', now)).toBe(1500);
    expect(retryAfterMs('Tue, 01 Dec 2026 10:00:10 GMT', now)).toBe(10_000);
    for (const header of [undefined, '', '0', '-5', 'soon', 'Tue, 01 Dec 2026 09:00:00 GMT'])
      expect(retryAfterMs(header, now), String(header)).toBeUndefined();
  });

  it('never makes a reply wait past the turn’s ack: every wait within the cap fits before it', () => {
    expect((SEND_ATTEMPTS - 1) * RETRY_AFTER_CAP_MS).toBeLessThan(ACK_WITHIN_MS);
  });
});
