import { createServer, type Server } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from '../logger.js';

/** A whole request (headers and body) must arrive within this. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** The request's headers must arrive within this. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** An idle keep-alive connection is closed after this. */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

export interface HttpServer {
  app: Express;
  server: Server;
  /** /healthz answers 200 once this is called (the platforms are wired and the knowledge loaded). */
  markReady(): void;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** The one HTTP server of the process: /healthz, and the platforms mount their routes on it. */
export function createHttpServer(logger: Logger): HttpServer {
  const app = express();
  app.disable('x-powered-by');
  let ready = false;
  app.get('/healthz', (_req, res) => {
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'starting' });
  });
  const server = createServer(app);
  // Slack and Teams send small bodies at once: a slow or stalled client is cut off early instead of
  // holding a socket for Node's default 300 s.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  return {
    app,
    server,
    markReady: () => {
      ready = true;
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
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
