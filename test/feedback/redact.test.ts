import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/feedback/redact.js';

const word = fc.stringMatching(/^[a-zéèàç]{1,8}$/);
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._-]{0,10}$/),
    fc.stringMatching(/^[a-z]{2,8}$/),
    fc.constantFrom('com', 'fr', 'io', 'co.uk'),
  )
  .map(([u, d, t]) => `${u}@${d}.${t}`);
const ip = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
const uuid = fc.uuid();
const token = fc.oneof(
  fc
    .stringMatching(/^[A-Za-z0-9_-]{10,20}\.[A-Za-z0-9_-]{10,20}\.[A-Za-z0-9_-]{10,20}$/)
    .map((t) => `eyJ${t}`),
  fc.stringMatching(/^[A-Za-z0-9]{20,40}$/).map((t) => `xoxb-${t}`),
  fc.stringMatching(/^[a-f0-9]{32}$/).filter((t) => /\d/.test(t) && /[a-f]/.test(t)),
);
const secretOf = fc.oneof(email, ip, uuid, token);

describe('redact', () => {
  it('lets no e-mail address, IP address, UUID or token survive, wherever it stands in a sentence', () => {
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 5 }),
        secretOf,
        fc.array(word, { maxLength: 5 }),
        (before, secret, after) => {
          const text = [...before, secret, ...after].join(' ');
          expect(redact(text)).not.toContain(secret);
        },
      ),
    );
  });

  it('replaces each kind by its placeholder', () => {
    expect(redact('contact jean.dupont@example.com')).toBe('contact <email>');
    expect(redact('SBC 10.20.30.40:5061 down')).toBe('SBC <ip> down');
    expect(redact('call 3fa85f64-5717-4562-b3fc-2c963f66afa6')).toBe('call <uuid>');
    expect(redact('Authorization: Bearer abcdefghijklmnop')).toBe('Authorization: Bearer <token>');
    expect(redact('appelle le +33 6 12 34 56 78')).toBe('appelle le <phone>');
    expect(redact('voir https://portal.example.com/activate?token=abc&user=12')).toBe('voir <url>');
  });

  it('keeps what the knowledge owners need: codes, dates and product words', () => {
    const text = 'erreur 200039 sur Webex le 2026-11-30, callEndReason 487, Event ID 20017, 200 039';
    expect(redact(text)).toBe(text);
  });
});
