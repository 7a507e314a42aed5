import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { Readiness } from './readiness.js';
import { WorkTracker } from './work.js';

/** A whole request (headers and body) must arrive within this. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** The request's headers must arrive within this. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** An idle keep-alive connection is closed after this. */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

export interface HttpServerOptions {
  metrics?: Metrics;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** Overrides of the timeouts below (tests use short ones). */
  timeouts?: { requestMs?: number; headersMs?: number };
}

export interface HttpServer {
  app: Express;
  server: Server;
  readiness: Readiness;
  /** Replies still being sent after their request was answered (a clean stop waits for them). */
  work: WorkTracker;
  /** Adds the last routes (404 and error answers): call once every platform has mounted its own. */
  markReady(): void;
  listen(port: number, host?: string): Promise<number>;
  /**
   * A clean stop: no new connection, /readyz 503; open requests and tracked replies finish within
   * `timeoutMs`, then idle connections close. Resolves true when everything finished in time.
   */
  close(timeoutMs?: number): Promise<boolean>;
}

/**
 * A check of `Authorization` against the expected value in constant time: both are hashed to 32
 * bytes first, so neither how much of the token matched nor its length shows in the time taken.
 */
function authorizationCheck(expected: string): (given: string | undefined) => boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  const wanted = digest(expected);
  return (given) => timingSafeEqual(digest(given ?? ''), wanted);
}

/**
 * The one HTTP server of the process: /healthz (liveness), /readyz (readiness, with reasons),
 * /metrics (Prometheus), and the platforms mount their routes on it.
 */
export function createHttpServer(logger: Logger, options: HttpServerOptions = {}): HttpServer {
  const app = express();
  app.disable('x-powered-by');
  const readiness = new Readiness();
  const work = new WorkTracker();
  let requests = 0;
  app.use((_req, res, next) => {
    requests++;
    res.once('close', () => requests--);
    next();
  });
  // Liveness: the process serves. Readiness: it can answer users (knowledge, platforms, Redis).
  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const reasons = await readiness.why();
    res
      .status(reasons.length === 0 ? 200 : 503)
      .json(reasons.length === 0 ? { status: 'ready' } : { status: 'not ready', reasons });
  });
  if (options.metrics) {
    const { metrics, metricsToken } = options;
    const authorized = metricsToken ? authorizationCheck(`Bearer ${metricsToken}`) : () => true;
    app.get('/metrics', async (req, res) => {
      if (!authorized(req.header('authorization'))) {
        res.status(401).json({ error: 'unauthorized' });
        return;
      }
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  const requestTimeout = options.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS;
  const headersTimeout = Math.min(options.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS, requestTimeout);
  // Node checks these timeouts only every `connectionsCheckingInterval` (30 s by default): a
  // stalled client would hold its socket up to 40 s. Check often enough for the limits to hold.
  const server = createServer(
    { connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))) },
    app,
  );
  // Slack and Teams send small bodies at once: a slow or stalled client is cut off early instead of
  // holding a socket for Node's default 300 s.
  server.requestTimeout = requestTimeout;
  server.headersTimeout = headersTimeout;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  const settled = async (until: number): Promise<boolean> => {
    while (Date.now() < until) {
      if (requests === 0 && work.inFlight === 0) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return requests === 0 && work.inFlight === 0;
  };
  return {
    app,
    server,
    readiness,
    work,
    markReady: () => {
      // Registered last: unknown paths and errors get a short JSON answer, never a stack trace.
      app.use((_req: Request, res: Response) => {
        res.status(404).json({ error: 'not_found' });
      });
      app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
        const status = (error as { status?: number }).status;
        const code = typeof status === 'number' && status >= 400 && status < 500 ? status : 500;
        if (code === 500) logger.error({ err: error }, 'HTTP request failed');
        if (!res.headersSent)
          res.status(code).json({ error: code === 500 ? 'internal_error' : 'bad_request' });
      });
    },
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async (timeoutMs = 10_000) => {
      readiness.notReady('shutdown', 'stopping');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const inTime = await settled(Date.now() + timeoutMs);
      if (!inTime)
        logger.warn({ requests, replies: work.inFlight }, 'shutdown timeout: cutting the remaining work');
      server.closeAllConnections();
      await closed;
      return inTime;
    },
  };
}
