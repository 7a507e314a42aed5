import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackApiStub } from '../support/slack-stub.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

/** Starts `npm start`'s entry point with the given environment and waits for /healthz. */
async function startAndProbe(
  env: Record<string, string>,
): Promise<{ ms: number; port: number; status: number }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const started = Date.now();
  const child = spawn(process.execPath, ['dist/adapters/main.js'], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  for (;;) {
    if (Date.now() - started > 10_000) throw new Error('no /healthz within 10 s');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return { ms: Date.now() - started, port, status: res.status };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start', () => {
  it('serves /healthz within a few seconds with Slack alone', async () => {
    const stub = new SlackApiStub();
    await stub.start();
    const { ms, port } = await startAndProbe({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'secret',
      SLACK_API_URL: stub.apiUrl,
    });
    expect(ms).toBeLessThan(5000);
    // Until Slack answered auth.test, /slack/events says 503 (Slack retries); then it is mounted.
    for (let i = 0; (await fetch(`http://127.0.0.1:${port}/readyz`)).status !== 200; i++) {
      if (i > 100) throw new Error('never ready');
      await new Promise((r) => setTimeout(r, 50));
    }
    // The Slack route is mounted: an unsigned request is refused, not a 404.
    expect(
      (await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: '{}' })).status,
    ).toBe(401);
    expect((await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST' })).status).toBe(404);
    await stub.stop();
  });

  it('serves /healthz with Teams alone', async () => {
    const { port } = await startAndProbe({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' });
    expect(
      (
        await fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    ).toBe(400);
    expect((await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' })).status).toBe(404);
  });

  it('stops with one line naming a wrong variable', async () => {
    const child = spawn(process.execPath, ['dist/adapters/main.js'], {
      env: { PATH: process.env.PATH ?? '', SLACK_BOT_TOKEN: 'not-a-token' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (c) => {
      stderr += c;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'uc-triage-bot: Invalid setting SLACK_BOT_TOKEN: must be a bot token (xoxb-...)',
    );
  });
});
