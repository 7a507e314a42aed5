import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface ConnectorCall {
  /** POST (a new message) or PUT (a message updated in place, updateActivity). */
  method: string;
  path: string;
  activity: Record<string, any>;
  /** The id the stub answered: a new message's, or the updated one's. */
  id: string;
}

/**
 * A stand-in for the Bot Connector service Teams replies go to, served on 127.0.0.1: messages
 * posted (POST …/activities) and updated (PUT …/activities/{id}), and the members API
 * (GET …/members/{user}) answered from `members`.
 */
export class ConnectorStub {
  readonly calls: ConnectorCall[] = [];
  /** Number of 429 answers to give before accepting (per-conversation throttling). */
  throttleNext = 0;
  /** The Retry-After header of those 429 answers, in seconds. */
  retryAfter = '0';
  /** Replies are accepted after this long (a slow connector); Infinity never answers (a hung one). */
  delayMs = 0;
  /** Every POST or PUT received, accepted or not. */
  posts = 0;
  /** The members of each team or channel (by its conversation id): the members API answers from it. */
  readonly members = new Map<string, Map<string, string>>();
  /** Conversations that refuse messages with 403 (a channel the bot was removed from). */
  readonly refused = new Set<string>();
  /** How the members API answers: from `members`, with a 500, or never. */
  membersApi: 'ok' | 'error' | 'hang' = 'ok';
  /** Every request to the members API, by its path. */
  readonly memberLookups: string[] = [];
  private server: Server | null = null;
  private ids = 0;
  port = 0;

  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** The POSTs (new messages) and PUTs (updates) received. */
  sent(method: 'POST' | 'PUT'): ConnectorCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private answerMembers(path: string, res: ServerResponse): void {
    this.memberLookups.push(path);
    if (this.membersApi === 'hang') return;
    if (this.membersApi === 'error') {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'unavailable' } }));
      return;
    }
    const [, conversation, user] =
      /^\/v3\/conversations\/([^/]+)\/(?:paged)?members(?:\/([^/?]+))?/.exec(path) ?? [];
    const members = this.members.get(conversation ?? '') ?? new Map<string, string>();
    if (user === undefined) {
      const list = [...members].map(([id, name]) => ({ id, name }));
      res.end(JSON.stringify(path.includes('pagedmembers') ? { members: list } : list));
      return;
    }
    const name = members.get(user);
    if (name === undefined) {
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { code: 'MemberNotFoundInConversation', message: 'not a member' } }));
      return;
    }
    res.end(JSON.stringify({ id: user, name }));
  }

  private answer(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const path = decodeURIComponent(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET' && /\/members/.test(path)) return this.answerMembers(path, res);
    this.posts++;
    if (this.delayMs === Number.POSITIVE_INFINITY) return;
    if (this.throttleNext > 0) {
      this.throttleNext--;
      res.statusCode = 429;
      res.setHeader('retry-after', this.retryAfter);
      res.end(JSON.stringify({ error: { code: 'Throttled' } }));
      return;
    }
    const conversation = /^\/v3\/conversations\/([^/]+)\//.exec(path)?.[1];
    if (conversation && this.refused.has(conversation)) {
      res.statusCode = 403;
      res.end(
        JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'not in the roster' } }),
      );
      return;
    }
    // As the Agents Playground's connector does: a conversation type it does not know is refused.
    const type = (JSON.parse(raw || '{}') as { conversation?: { conversationType?: unknown } }).conversation
      ?.conversationType;
    if (type !== undefined && !['personal', 'groupChat', 'channel'].includes(String(type))) {
      res.statusCode = 400;
      res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'Invalid input' } }));
      return;
    }
    const accept = () => {
      const method = req.method ?? 'POST';
      const updated = /\/activities\/([^/]+)$/.exec(path)?.[1];
      const id = method === 'PUT' && updated ? updated : `reply-${++this.ids}`;
      this.calls.push({ method, path, activity: JSON.parse(raw || '{}'), id });
      res.end(JSON.stringify({ id }));
    };
    if (this.delayMs > 0) setTimeout(accept, this.delayMs);
    else accept();
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => {
        raw += c;
      });
      req.on('end', () => this.answer(req, raw, res));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server?.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
