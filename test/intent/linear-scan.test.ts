import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeReader, HOST_AND_PORT } from '../../src/intent/codes.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/kb.js';
import { loadOverlays } from '../../src/knowledge/overlays.js';
import { compileVocabulary } from '../../src/knowledge/vocabulary.js';
import { realBot } from '../support/bot.js';

/**
 * Codes are read in the whole message (up to 1 MB: a paste, a diagnosed message with its files),
 * so reading them must take linear time whatever the text. The host:port pattern tried a host name
 * at every character: 120,000 characters of "a1-a1-…" took 13 s to diagnose, "a.a.a.…" as long.
 */
const reader = new CodeReader(compileVocabulary(loadOverlays(DEFAULT_KNOWLEDGE_DIR).vocabulary));
const codes = (text: string) => reader.extract(text).map((m) => m.code);

/** The pattern before, quadratic: the oracle of what is a host:port. */
const HOST_PORT_BEFORE = /\b(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+):\d{2,5}\b/gi;

describe('reading the codes of a long message', () => {
  it('takes linear time on the shapes that were quadratic (200,000 characters each, well under 1 s)', () => {
    for (const unit of ['a1-', 'a.', 'a-', '.a', 'A.', 'a1.', '-a', '.-a']) {
      const text = unit.repeat(200_000 / unit.length);
      let best = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < 3; attempt++) {
        const started = performance.now();
        reader.extract(text);
        best = Math.min(best, performance.now() - started);
      }
      expect(best, unit).toBeLessThan(1000);
    }
  });

  it('diagnoses a 120,000-character message of such text in well under a second', async () => {
    const bot = realBot();
    bot.warm();
    const started = performance.now();
    await bot.handle({
      conversation: { platform: 'test', workspace: 'w', channel: 'c', thread: 'linear' },
      text: '',
      action: { kind: 'diagnose', text: 'a1-'.repeat(40_000) },
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('still sets aside host:port, its port never read as a code', () => {
    expect(codes('REGISTER sip:user@sbc.example.com:5061 failed, errorCode=200039')).toEqual(['200039']);
    expect(codes('proxy fe01.pool.contoso.local:20017 unreachable')).toEqual([]);
    expect(codes('- edge-01.contoso.com:20011 down')).toEqual([]);
    expect(codes('-edge-01.contoso.com:20011 down')).toEqual([]);
    expect(codes('localhost:20003 refused')).toEqual([]);
    expect(codes('Event ID 20017 on fe01.contoso.local:443')).toEqual(['20017']);
  });

  it('sets aside what the pattern before set aside, on host names as people paste them', () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/);
    const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.'));
    const piece = fc.oneof(
      host,
      fc.tuple(host, fc.integer({ min: 1, max: 999_999 })).map(([h, p]) => `${h}:${p}`),
      fc.constantFrom(' ', ' ', '/', '=', '@', ', ', '(', ')', '"', ':', '..', '_', 'localhost', 'é'),
      fc.integer({ min: 100, max: 999_999 }).map(String),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const blanked = (pattern: RegExp) => text.replace(pattern, (m) => ' '.repeat(m.length));
        expect(blanked(HOST_AND_PORT)).toBe(blanked(HOST_PORT_BEFORE));
      }),
      { numRuns: 20000 },
    );
  });
});
