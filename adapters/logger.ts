import { pino } from 'pino';

/** JSON logs; secrets are redacted wherever they appear, payloads are logged at debug level only. */
export function createLogger(level: string, fd: 1 | 2 = 1) {
  return pino(
    {
      level,
      base: { service: 'uc-triage-bot' },
      redact: {
        paths: [
          'token',
          '*.token',
          'botToken',
          '*.botToken',
          'appToken',
          'signingSecret',
          '*.signingSecret',
          'headers.authorization',
          '*.headers.authorization',
          'headers["x-slack-signature"]',
          'appPassword',
          '*.appPassword',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination({ fd, sync: true }),
  );
}

export type Logger = ReturnType<typeof createLogger>;
