import { isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError } from './errors.js';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = z.preprocess(emptyToUndefined, z.string().optional());
const flag = z
  .preprocess(emptyToUndefined, z.enum(['true', 'false']).default('false'))
  .transform((v) => v === 'true');

const Env = z.object({
  NODE_ENV: optional,
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(
        (v) => isIP(v) !== 0,
        'must be an IP address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 or :: (every interface)',
      )
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  SLACK_BOT_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().startsWith('xoxb-', 'must be a bot token (xoxb-...)').optional(),
  ),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().startsWith('xapp-', 'must be an app-level token (xapp-...)').optional(),
  ),
  SLACK_API_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  ESCALATION_CHANNEL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^[CG][A-Z0-9]{2,}$/,
        'must be the id of the Slack experts’ channel (C… or G…, at the bottom of its details), not its name',
      )
      .optional(),
  ),
  MicrosoftAppId: optional,
  MicrosoftAppPassword: optional,
  MicrosoftAppType: z.preprocess(
    emptyToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  MicrosoftAppTenantId: optional,
  TEAMS_ALLOW_UNAUTHENTICATED: flag,
  TEAMS_ESCALATION_CHANNEL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(
        /^[^;\s]+$/,
        'must be the conversation id of a Teams channel (19:…@thread.tacv2), without ";messageid=…"',
      )
      .optional(),
  ),
  TEAMS_ESCALATION_TEAM: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[^;\s]+$/, 'must be the id of a Teams team (19:…@thread.tacv2)')
      .optional(),
  ),
  TEAMS_ESCALATION_SERVICE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  REDIS_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  TRIAGE_SESSION_TTL_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().positive().default(86_400),
  ),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(600_000).default(10_000),
  ),
  CASE_NOTICE_INTERVAL_SECONDS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(3600).default(5),
  ),
  METRICS_TOKEN: optional,
  FEEDBACK: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).default('on')),
  FEEDBACK_DB: optional,
  FEEDBACK_RETENTION_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(90)),
});

export type Env = z.infer<typeof Env>;

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
  /**
   * The experts' channel (ESCALATION_CHANNEL): case cards are posted there, and its members may
   * take and resolve them. Without it, the technician gets the card to forward.
   */
  escalationChannel?: string;
}

/**
 * The experts' channel of Teams: where case cards are posted, and whose team's members may act on
 * them ([teams](../docs/teams.md#escalation-the-experts-channel)).
 */
export interface TeamsEscalationConfig {
  /** The channel's conversation id (TEAMS_ESCALATION_CHANNEL). */
  channel: string;
  /** Whose members are the experts (TEAMS_ESCALATION_TEAM); by default the channel's own team. */
  team?: string;
  /** The Bot Connector's URL for the channel (TEAMS_ESCALATION_SERVICE_URL); by default the technician's. */
  serviceUrl?: string;
}

export interface TeamsConfig {
  appId?: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
  allowUnauthenticated: boolean;
  /** Without it, a case's card is given to the technician to forward. */
  escalation?: TeamsEscalationConfig;
}

export interface Config {
  production: boolean;
  port: number;
  /**
   * The address the HTTP server listens on (HOST); undefined is every interface. Without HOST it is
   * 127.0.0.1 whenever Teams runs without authentication, so an unauthenticated bot is not reachable
   * from the network by default.
   */
  host?: string;
  logLevel: Env['LOG_LEVEL'];
  slack?: SlackConfig;
  teams?: TeamsConfig;
  redisUrl?: string;
  sessionTtlSeconds: number;
  /** How long a stop waits for requests and replies in flight (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** How often the bot looks for case transitions made outside a chat (the CLI) to deliver (CASE_NOTICE_INTERVAL_SECONDS). */
  caseNoticeIntervalSeconds: number;
  /** When set, GET /metrics needs this bearer token. */
  metricsToken?: string;
  /** Recording of questions and feedback; null with FEEDBACK=off. */
  feedback: { file?: string; retentionDays: number } | null;
  /** The SQLite file of feedback and cases (FEEDBACK_DB) when set: cases use it even with FEEDBACK=off. */
  feedbackDb?: string;
}

/** Where an unauthenticated bot listens unless HOST says otherwise: this machine only. */
export const LOOPBACK = '127.0.0.1';

/** 127.0.0.0/8 and ::1 (also written as an IPv4-mapped address): reachable from this machine only. */
export function isLoopback(host: string): boolean {
  return /^(::ffff:)?127\./i.test(host) || host === '::1';
}

/** Reads and validates the environment once; a wrong setting is one clear line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid setting ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN)
      throw new ConfigError('Missing setting SLACK_BOT_TOKEN: Slack needs its bot token (xoxb-...)');
    if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
      throw new ConfigError('Missing setting SLACK_SIGNING_SECRET: Slack over HTTP needs its signing secret');
    }
    slack = {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET ?? '',
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      ...(e.SLACK_API_URL
        ? { apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/` }
        : {}),
      ...(e.ESCALATION_CHANNEL ? { escalationChannel: e.ESCALATION_CHANNEL } : {}),
    };
  }
  let teams: TeamsConfig | undefined;
  if (e.MicrosoftAppId || e.TEAMS_ALLOW_UNAUTHENTICATED) {
    if (!e.MicrosoftAppId && production) {
      throw new ConfigError(
        'Refusing to start: TEAMS_ALLOW_UNAUTHENTICATED=true with NODE_ENV=production; set MicrosoftAppId so every request is verified',
      );
    }
    if (e.MicrosoftAppId && e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
      throw new ConfigError('Missing setting MicrosoftAppPassword: needed with MicrosoftAppId');
    }
    if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
      throw new ConfigError(
        'Missing setting MicrosoftAppTenantId: needed with MicrosoftAppType=SingleTenant',
      );
    }
    teams = {
      appType: e.MicrosoftAppType,
      allowUnauthenticated: !e.MicrosoftAppId && e.TEAMS_ALLOW_UNAUTHENTICATED,
      ...(e.MicrosoftAppId ? { appId: e.MicrosoftAppId } : {}),
      ...(e.MicrosoftAppPassword ? { appPassword: e.MicrosoftAppPassword } : {}),
      ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
      ...(e.TEAMS_ESCALATION_CHANNEL
        ? {
            escalation: {
              channel: e.TEAMS_ESCALATION_CHANNEL,
              ...(e.TEAMS_ESCALATION_TEAM ? { team: e.TEAMS_ESCALATION_TEAM } : {}),
              ...(e.TEAMS_ESCALATION_SERVICE_URL ? { serviceUrl: e.TEAMS_ESCALATION_SERVICE_URL } : {}),
            },
          }
        : {}),
    };
  }
  const host = e.HOST ?? (teams?.allowUnauthenticated ? LOOPBACK : undefined);
  return {
    production,
    port: e.PORT,
    ...(host ? { host } : {}),
    logLevel: e.LOG_LEVEL,
    sessionTtlSeconds: e.TRIAGE_SESSION_TTL_SECONDS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    caseNoticeIntervalSeconds: e.CASE_NOTICE_INTERVAL_SECONDS,
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    feedback:
      e.FEEDBACK === 'off'
        ? null
        : { retentionDays: e.FEEDBACK_RETENTION_DAYS, ...(e.FEEDBACK_DB ? { file: e.FEEDBACK_DB } : {}) },
    ...(e.FEEDBACK_DB ? { feedbackDb: e.FEEDBACK_DB } : {}),
    ...(slack ? { slack } : {}),
    ...(teams ? { teams } : {}),
    ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
  };
}
