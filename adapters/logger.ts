import { pino } from 'pino';

/** JSON logs; secrets are redacted wherever they appear, payloads are logged at debug level only. */
export function createLogger(level: string) {
  return pino({
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
  });
}

export type Logger = ReturnType<typeof createLogger>;
