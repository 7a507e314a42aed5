import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../../adapters/logger.js';

/**
 * A logger whose JSON lines a test can read. It has no redaction, so a secret found in them is a
 * secret the code logged.
 */
export function captureLogs(level = 'info'): {
  logger: Logger;
  raw: () => string;
  lines: () => Record<string, unknown>[];
} {
  let raw = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw += String(chunk);
      done();
    },
  });
  const logger = pino({ level }, stream) as unknown as Logger;
  return {
    logger,
    raw: () => raw,
    lines: () =>
      raw
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
