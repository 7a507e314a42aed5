import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';

// A stalled or slow client must not hold a socket: Slack and Teams send their small bodies at once.
let http: HttpServer | undefined;
afterEach(async () => {
  await http?.close(500);
  http = undefined;
});

async function start(): Promise<number> {
  http = createHttpServer(createLogger('silent'), { timeouts: { headersMs: 300, requestMs: 600 } });
  // A route that reads its whole body, as the platforms' routes do before verifying a signature.
  http.app.post('/events', (req, res) => {
    req.resume();
    req.on('end', () => res.json({ ok: true }));
  });
  http.markReady();
  return http.listen(0, '127.0.0.1');
}

/** Writes `data`, then waits for the server to answer and close; resolves with what it sent and when. */
function stall(port: number, data: string): Promise<{ reply: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const t = Date.now();
    let reply = '';
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(data));
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      reply += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve({ reply, ms: Date.now() - t }));
    setTimeout(() => {
      socket.destroy();
      reject(new Error('the server kept a stalled connection open for 5 s'));
    }, 5_000);
  });
}

describe('HTTP server timeouts', () => {
  it('answers 408 and closes a connection whose headers never finish', async () => {
    const port = await start();
    const { reply, ms } = await stall(port, 'POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slack-Sig');
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(3_000);
  });

  it('answers 408 and closes a request whose body stops halfway', async () => {
    const port = await start();
    const { reply, ms } = await stall(
      port,
      'POST /events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"type":',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(3_000);
  });

  it('still serves a client that sends its request at once', async () => {
    const port = await start();
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
  });
});
