import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

export function redisServerPath(): string | null {
  try {
    return execFileSync('which', ['redis-server'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * Whether the Redis tests can run. Without redis-server they are skipped on a laptop, with the
 * reason printed; under CI=true that is a failure (.ci/run installs redis-server).
 */
export function redisAvailability(): { available: boolean; reason: string } {
  if (redisServerPath()) return { available: true, reason: '' };
  const reason = 'redis-server is not installed (apt-get install -y redis-server): Redis tests skipped';
  if (process.env.CI === 'true') throw new Error(`${reason} — not allowed under CI=true`);
  console.warn(reason);
  return { available: false, reason };
}

/** A TCP port free on 127.0.0.1 right now (asked of the OS, not guessed). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A real redis-server of the test's own, on a free loopback port, without persistence. */
export class TestRedis {
  private child: ChildProcess | null = null;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** `extra`: more redis-server options (e.g. --requirepass), which the readiness probe must then handle. */
  async start(port?: number, extra: string[] = []): Promise<void> {
    this.port = port ?? (await freePort());
    this.child = spawn(
      redisServerPath() ?? 'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extra],
      {
        stdio: 'ignore',
      },
    );
    const password = extra[extra.indexOf('--requirepass') + 1];
    const probe = new Redis(this.url, {
      ...(extra.includes('--requirepass') && password ? { password } : {}),
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    probe.on('error', () => {});
    for (let i = 0; i < 100; i++) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        probe.disconnect();
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.child = null;
  }
}
