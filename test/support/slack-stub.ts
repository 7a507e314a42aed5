import { createHmac } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';

/** One call the bot made to the Slack Web API stub or to a response_url. */
export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
  /** The ts the stub answered a posted message with (chat.postMessage). */
  ts?: string;
}

/** A stand-in for the Slack Web API (and response_url endpoints), served on 127.0.0.1. */
export class SlackApiStub {
  readonly calls: SlackCall[] = [];
  /** Files served at /files/<name> (url_private of a message's files), with the token they were asked with. */
  readonly files = new Map<string, string>();
  readonly fileTokens: string[] = [];
  /** Answers to chat.postMessage/postEphemeral wait this long (a slow Slack). */
  delayMs = 0;
  /** The next N chat.* calls answer HTTP 500 (a Slack incident); each failed attempt is counted. */
  failNext = 0;
  failedAttempts = 0;
  /** auth.test answers { ok: false, error } (a refused token). */
  authError: string | null = null;
  /** response_url ids that answer 404 (an expired or dead URL). */
  readonly deadResponseUrls = new Set<string>();
  /** response_url ids that never answer (a hung hooks endpoint). */
  readonly hangingResponseUrls = new Set<string>();
  /** Files served by hand at /files/<name> (a redirect, an endless body, no answer at all). */
  readonly fileRoutes = new Map<string, (res: ServerResponse) => void>();
  /** chat.postMessage to these channels answers 429 with this Retry-After (seconds), `times` times. */
  readonly rateLimits = new Map<string, { retryAfter: number; times: number }>();
  /** The chat.* calls answered 429. */
  readonly rateLimited: SlackCall[] = [];
  /** chat.* calls to these channels (or users, for a DM) answer ok: false, not_in_channel. */
  readonly refusedChannels = new Set<string>();
  /** The chat.* calls refused that way. */
  readonly refused: SlackCall[] = [];
  /** conversations.members: the members of each channel (a channel not here answers channel_not_found). */
  readonly members = new Map<string, string[]>();
  /** conversations.members gives this many members a page (a cursor for the rest). */
  membersPageSize = 100;
  /** views.open answers ok: false with this error (a trigger_id used too late: expired_trigger_id). */
  viewsOpenError: string | null = null;
  private server: Server | null = null;
  port = 0;
  private seq = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  fileUrl(name: string): string {
    return `http://127.0.0.1:${this.port}/files/${name}`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.url?.startsWith('/files/')) {
        this.fileTokens.push(String(req.headers.authorization));
        const route = this.fileRoutes.get(req.url.slice('/files/'.length));
        if (route) {
          route(res);
          return;
        }
        const content = this.files.get(req.url.slice('/files/'.length));
        res.writeHead(content === undefined ? 404 : 200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(content ?? 'not found');
        return;
      }
      let raw = '';
      req.on('data', (c) => {
        raw += c;
      });
      req.on('end', () => {
        const body = parseBody(raw, req.headers['content-type'] ?? '');
        const method = (req.url ?? '').replace(/^\/api\//, '').replace(/^\/response\//, 'response_url:');
        res.setHeader('content-type', 'application/json');
        if (
          method.startsWith('response_url:') &&
          this.hangingResponseUrls.has(method.slice('response_url:'.length))
        )
          return;
        if (
          method.startsWith('response_url:') &&
          this.deadResponseUrls.has(method.slice('response_url:'.length))
        ) {
          res.statusCode = 404;
          res.end('no_active_hooks');
          return;
        }
        if (method === 'auth.test' && this.authError) {
          this.calls.push({ method, body });
          res.end(JSON.stringify({ ok: false, error: this.authError }));
          return;
        }
        if (this.failNext > 0 && method.startsWith('chat.')) {
          this.failNext--;
          this.failedAttempts++;
          res.statusCode = 500;
          res.end(JSON.stringify({ ok: false, error: 'internal_error' }));
          return;
        }
        const limit = method === 'chat.postMessage' ? this.rateLimits.get(String(body.channel)) : undefined;
        if (limit && limit.times > 0) {
          limit.times--;
          this.rateLimited.push({ method, body });
          res.statusCode = 429;
          res.setHeader('retry-after', String(limit.retryAfter));
          res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
          return;
        }
        if (method.startsWith('chat.') && this.refusedChannels.has(String(body.channel))) {
          this.refused.push({ method, body });
          res.end(JSON.stringify({ ok: false, error: 'not_in_channel' }));
          return;
        }
        const ts = `1700000000.${String(++this.seq).padStart(6, '0')}`;
        const answer = () =>
          this.calls.push({ method, body, ...(method === 'chat.postMessage' ? { ts } : {}) });
        if (this.delayMs > 0 && method.startsWith('chat.')) {
          setTimeout(() => {
            answer();
            res.end(JSON.stringify({ ok: true, channel: body.channel, ts }));
          }, this.delayMs);
          return;
        }
        answer();
        const special = this.special(method, body);
        if (special) {
          res.end(JSON.stringify(special));
          return;
        }
        if (method === 'auth.test') {
          res.end(
            JSON.stringify({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'uc-triage' }),
          );
          return;
        }
        res.end(JSON.stringify({ ok: true, channel: body.channel, ts }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server?.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  /** What the Web API methods beyond chat.postMessage answer: views, updates, permalinks, members. */
  private special(method: string, body: Record<string, unknown>): Record<string, unknown> | null {
    switch (method) {
      case 'views.open':
      case 'views.update':
        if (this.viewsOpenError && method === 'views.open') return { ok: false, error: this.viewsOpenError };
        return { ok: true, view: { ...(body.view as object), id: `V${++this.seq}` } };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: body.channel,
          permalink: `https://stub.slack.com/archives/${String(body.channel)}/p${String(body.message_ts).replace('.', '')}`,
        };
      case 'conversations.members': {
        const all = this.members.get(String(body.channel));
        if (!all) return { ok: false, error: 'channel_not_found' };
        const from = Number(body.cursor ?? 0);
        const to = from + this.membersPageSize;
        return {
          ok: true,
          members: all.slice(from, to),
          response_metadata: { next_cursor: to < all.length ? String(to) : '' },
        };
      }
      default:
        return null;
    }
  }

  /** The modals opened (views.open), their view parsed. */
  views(): { view: Record<string, unknown>; trigger_id: unknown }[] {
    return this.posts('views.open').map((c) => ({
      view: c.body.view as Record<string, unknown>,
      trigger_id: c.body.trigger_id,
    }));
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    // Hanging files and response_urls keep their sockets open: cut them.
    this.server?.closeAllConnections();
    await closed;
  }

  posts(method = 'chat.postMessage'): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responses(id: string): SlackCall[] {
    return this.calls.filter((c) => c.method === `response_url:${id}`);
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = k === 'blocks' || k === 'view' ? JSON.parse(v) : v;
  }
  return out;
}

export const SIGNING_SECRET = 'test-signing-secret';

/** Signs a body the way Slack does (v0 HMAC-SHA256 over "v0:timestamp:body"). */
export function slackHeaders(
  body: string,
  contentType: string,
  options: { timestamp?: number; secret?: string; retryNum?: number } = {},
) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature,
    ...(options.retryNum !== undefined
      ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
      : {}),
  };
}

export async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the bot');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
