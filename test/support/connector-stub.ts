import { createServer, type Server } from 'node:http';

export interface ConnectorCall {
  path: string;
  activity: Record<string, any>;
}

/** A stand-in for the Bot Connector service Teams replies go to, served on 127.0.0.1. */
export class ConnectorStub {
  readonly calls: ConnectorCall[] = [];
  /** Number of 429 answers to give before accepting (per-conversation throttling). */
  throttleNext = 0;
  /** The Retry-After header of those 429 answers, in seconds. */
  retryAfter = '0';
  /** Replies are accepted after this long (a slow connector); Infinity never answers (a hung one). */
  delayMs = 0;
  /** Every POST received, accepted or not. */
  posts = 0;
  private server: Server | null = null;
  port = 0;

  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => {
        raw += c;
      });
      req.on('end', () => {
        this.posts++;
        res.setHeader('content-type', 'application/json');
        if (this.delayMs === Number.POSITIVE_INFINITY) return;
        if (this.throttleNext > 0) {
          this.throttleNext--;
          res.statusCode = 429;
          res.setHeader('retry-after', this.retryAfter);
          res.end(JSON.stringify({ error: { code: 'Throttled' } }));
          return;
        }
        const accept = () => {
          this.calls.push({ path: decodeURIComponent(req.url ?? ''), activity: JSON.parse(raw || '{}') });
          res.end(JSON.stringify({ id: `reply-${this.calls.length}` }));
        };
        if (this.delayMs > 0) setTimeout(accept, this.delayMs);
        else accept();
      });
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
