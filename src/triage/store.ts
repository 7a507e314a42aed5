import type { TriageSession } from './engine.js';

export interface StoredSession {
  session: TriageSession;
  /** Incremented on every save: the optimistic-concurrency token. */
  version: number;
}

/**
 * Where guided-triage sessions live, keyed by platform/workspace/channel/thread. A save names
 * the version it read (null for a new session) and fails if another instance saved since: the
 * caller reloads and applies its message on top, so no step is lost.
 */
export interface SessionStore {
  load(key: string): Promise<StoredSession | null>;
  save(
    key: string,
    session: TriageSession,
    expectedVersion: number | null,
    ttlSeconds: number,
  ): Promise<boolean>;
  delete(key: string): Promise<void>;
}

export class SessionStoreUnavailable extends Error {}

/** The embedded default: one process, sessions in memory, expiring like Redis keys. */
export class MemorySessionStore implements SessionStore {
  private readonly items = new Map<string, { json: string; version: number; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async load(key: string): Promise<StoredSession | null> {
    const item = this.items.get(key);
    if (!item) return null;
    if (item.expiresAt <= this.now()) {
      this.items.delete(key);
      return null;
    }
    return { session: JSON.parse(item.json) as TriageSession, version: item.version };
  }

  async save(
    key: string,
    session: TriageSession,
    expectedVersion: number | null,
    ttlSeconds: number,
  ): Promise<boolean> {
    const current = await this.load(key);
    if ((current?.version ?? null) !== expectedVersion) return false;
    this.items.set(key, {
      json: JSON.stringify(session),
      version: (expectedVersion ?? 0) + 1,
      expiresAt: this.now() + ttlSeconds * 1000,
    });
    return true;
  }

  async delete(key: string): Promise<void> {
    this.items.delete(key);
  }
}
