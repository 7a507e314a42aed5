import { createHttpServer, type HttpServer } from '../../adapters/http/server.js';
import { createLogger } from '../../adapters/logger.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import type { TriageBot } from '../../src/app/triage-bot.js';
import { MemoryState } from '../../src/state/shared-state.js';
import { SIGNING_SECRET, type SlackApiStub } from './slack-stub.js';

/** The bot's Slack side as a test reaches it: the real Bolt receiver on the real HTTP server. */
export interface SlackServer {
  http: HttpServer;
  /** http://127.0.0.1:PORT, where signed requests are posted (/slack/events). */
  base: string;
}

/**
 * Starts the stub Web API, then the real Bolt app on the real HTTP server (127.0.0.1, a free port),
 * with `bot` behind it and its own shared state: what `npm start` runs for Slack, minus the process.
 */
export async function startSlackServer(stub: SlackApiStub, bot: TriageBot): Promise<SlackServer> {
  await stub.start();
  const http = createHttpServer(createLogger('silent'));
  await createSlackApp(
    { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: stub.apiUrl },
    { bot, state: new MemoryState(), logger: createLogger('silent') },
    http.app,
  ).start();
  http.markReady();
  return { http, base: `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}` };
}

/** Stops what startSlackServer started. */
export async function stopSlackServer(stub: SlackApiStub, server: SlackServer | undefined): Promise<void> {
  await server?.http.close();
  await stub.stop();
}
