import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { realBot } from '../support/bot.js';
import { captureLogs } from '../support/log-capture.js';
import { SlackRequests } from '../support/slack-requests.js';
import { SIGNING_SECRET, SlackApiStub, sleep, waitFor } from '../support/slack-stub.js';

/**
 * "Diagnostiquer ce message" reads the message's files with the bot token: through the real Bolt
 * receiver with real signatures, files served by the Slack stub (the allowed origin in tests, as
 * SLACK_API_URL points there) and by a second local server standing for any other host.
 */
const stub = new SlackApiStub();
const logs = captureLogs();
let http: HttpServer;
let base = '';

/** Another host: it records every request and the Authorization header it came with. */
const elsewhere: { server: Server; origin: string; requests: { url: string; authorization?: string }[] } = {
  server: createServer((req, res) => {
    elsewhere.requests.push({
      url: String(req.url),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Event ID 20017 from elsewhere\n');
  }),
  origin: '',
  requests: [],
};

beforeAll(async () => {
  await stub.start();
  await new Promise<void>((resolve) => elsewhere.server.listen(0, '127.0.0.1', resolve));
  const address = elsewhere.server.address();
  elsewhere.origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  http = createHttpServer(logs.logger);
  await createSlackApp(
    { botToken: 'xoxb-secret-token', signingSecret: SIGNING_SECRET, apiUrl: stub.apiUrl },
    { bot: realBot(), state: new MemoryState(), logger: logs.logger },
    http.app,
  ).start();
  http.markReady();
  base = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
});

afterAll(async () => {
  await http.close(0);
  await stub.stop();
  elsewhere.server.closeAllConnections();
  await new Promise<void>((resolve) => elsewhere.server.close(() => resolve()));
});

beforeEach(() => {
  stub.calls.length = 0;
  stub.fileTokens.length = 0;
  elsewhere.requests.length = 0;
});

afterEach(() => {
  vi.restoreAllMocks();
});

let seq = 0;
/** Runs the message shortcut on a message with these files; resolves with the private reply's text. */
async function diagnose(text: string, files: Record<string, unknown>[], timeoutMs = 5000): Promise<string> {
  const id = `f${++seq}`;
  const res = await new SlackRequests(() => base, stub).shortcut(
    { text, ts: `1700003000.${seq}`, files },
    id,
  );
  expect(res.status).toBe(200);
  const [reply] = await waitFor(() => stub.responses(id).length > 0 && stub.responses(id), timeoutMs);
  return `${String(reply?.body.text)} ${JSON.stringify(reply?.body.blocks ?? [])}`;
}

const textFile = (name: string, url: string, size = 40) => ({
  name,
  mimetype: 'text/plain',
  filetype: 'text',
  size,
  url_private_download: url,
});

const LOG = '2026-11-30 08:12:44 ERROR [activation] POST /validate -> 400 {"errorCode":200039}';

describe('the bot token stays with Slack', () => {
  it('never fetches a file whose URL points at another host, and still diagnoses the message text', async () => {
    const shown = await diagnose(LOG, [
      textFile('trace.log', `${elsewhere.origin}/files-pri/T1-F1/trace.log`),
    ]);
    expect(elsewhere.requests).toEqual([]);
    expect(shown).toContain('200039');
    expect(shown).not.toContain('20017');
    expect(shown).toContain('Pièce jointe non lue');
    expect(shown).toContain('trace.log');
    expect(logs.raw()).toContain('attached file not read');
    expect(logs.raw()).not.toContain('xoxb-secret-token');
  });

  it('refuses an http:// file URL on a host other than the stub: Slack serves files over https only', async () => {
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      fetched.push(input instanceof Request ? input.url : String(input));
      return realFetch(input, init);
    });
    const shown = await diagnose(LOG, [
      textFile('plain.log', 'http://files.slack.com/files-pri/T1-F1/download/plain.log'),
    ]);
    expect(fetched.filter((url) => url.includes('files.slack.com'))).toEqual([]);
    expect(shown).toContain('200039');
    expect(shown).toContain('plain.log');
  });

  it('does not follow a redirect to another host, with or without the token', async () => {
    stub.fileRoutes.set('moved.log', (res) => {
      res.writeHead(302, { location: `${elsewhere.origin}/collect?f=moved.log` });
      res.end();
    });
    const shown = await diagnose(LOG, [textFile('moved.log', stub.fileUrl('moved.log'))]);
    expect(elsewhere.requests).toEqual([]);
    expect(stub.fileTokens).toEqual(['Bearer xoxb-secret-token']);
    expect(shown).toContain('200039');
    expect(shown).toContain('moved.log');
    expect(logs.raw()).not.toContain('xoxb-secret-token');
  });

  it('follows a redirect within Slack’s file host and reads the file', async () => {
    stub.files.set('trace.log', 'Event ID 20017 LS UCWA Warning pool01\n');
    stub.fileRoutes.set('hop.log', (res) => {
      res.writeHead(302, { location: '/files/trace.log' });
      res.end();
    });
    const shown = await diagnose(LOG, [textFile('hop.log', stub.fileUrl('hop.log'))]);
    expect(shown).toContain('20017');
    expect(shown).not.toContain('Pièce jointe non lue');
    expect(stub.fileTokens).toEqual(['Bearer xoxb-secret-token', 'Bearer xoxb-secret-token']);
  });
});

describe('files are read within bounds', () => {
  it('cuts a body longer than declared at the declared size and stops the download there', async () => {
    const head = 'Event ID 20017 LS UCWA Warning pool01\n'.padEnd(500, '.');
    const tail = Buffer.from('erreur 200039 '.repeat(4681)); // ~64 KB per chunk
    const sent = { bytes: 0, closed: false };
    stub.fileRoutes.set('huge.log', (res) => {
      // Declared as 500 B, served as 64 MB: written as fast as the reader takes it.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write(head);
      sent.bytes += head.length;
      res.once('close', () => {
        sent.closed = true;
      });
      const pump = () => {
        while (!sent.closed && sent.bytes < 64 * 1024 * 1024) {
          sent.bytes += tail.length;
          if (!res.write(tail)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const shown = await diagnose('voir le journal joint', [
      textFile('huge.log', stub.fileUrl('huge.log'), 500),
    ]);
    expect(shown).toContain('20017');
    // Nothing past the declared 500 bytes was read...
    expect(shown).not.toContain('200039');
    // ...and the download was cancelled: what was sent is what the sockets buffer, not 64 MB.
    await waitFor(() => sent.closed, 5000);
    expect(sent.bytes).toBeLessThan(16 * 1024 * 1024);
  });

  it('does not wait past its deadline for 8 files that never answer, three downloads at most at once', async () => {
    let active = 0;
    let most = 0;
    for (let i = 0; i < 8; i++)
      stub.fileRoutes.set(`hang-${i}.log`, (res) => {
        active++;
        most = Math.max(most, active);
        res.once('close', () => active--);
      });
    const files = Array.from({ length: 8 }, (_, i) =>
      textFile(`hang-${i}.log`, stub.fileUrl(`hang-${i}.log`)),
    );
    const started = performance.now();
    const shown = await diagnose(LOG, files, 20_000);
    const took = performance.now() - started;
    // The deadline for all files is 8 s; 4 s more for a busy machine (before: 40 s).
    expect(took).toBeLessThan(12_000);
    expect(shown).toContain('200039');
    expect(shown).toContain('hang-7.log');
    expect(most).toBeLessThanOrEqual(3);
    await sleep(50);
  }, 30_000);
});
