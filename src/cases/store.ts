import type { Case, CaseState, NewCase } from './case.js';

/** A case as stored, with its version: the optimistic-concurrency token of its next save. */
export interface StoredCase {
  case: Case;
  version: number;
}

/**
 * Where cases live: the same stores as feedback (SQLite in the feedback file by default, Redis with
 * REDIS_URL), so they survive restarts and every instance and the CLI see them. A save names the
 * version it read and fails if another instance saved since: the caller reloads and applies its
 * command on top (cases.ts), so two instances never lose a transition.
 */
export interface CaseStore {
  /** Stores a new case under the next number, allocated atomically (two instances never share one), as version 1. */
  open(fields: NewCase): Promise<Case>;
  get(id: number): Promise<StoredCase | null>;
  /** Writes the case if its stored version is still `expectedVersion`; false when another write came first. */
  save(next: Case, expectedVersion: number): Promise<boolean>;
  /** The cases, oldest first; only those in `state` when given. */
  list(filter?: { state?: CaseState }): Promise<Case[]>;
  /** The cases marked `undelivered` (Case.undelivered), oldest first, with their versions: read without scanning every case. */
  undelivered(): Promise<StoredCase[]>;
  close(): Promise<void>;
}

/** The store of one process, in memory: tests, and a bot built without a store. */
export class MemoryCaseStore implements CaseStore {
  private readonly cases = new Map<number, { json: string; version: number }>();
  private last = 0;

  async open(fields: NewCase): Promise<Case> {
    const opened: Case = { id: ++this.last, ...fields };
    this.cases.set(opened.id, { json: JSON.stringify(opened), version: 1 });
    return opened;
  }

  async get(id: number): Promise<StoredCase | null> {
    const stored = this.cases.get(id);
    return stored ? { case: JSON.parse(stored.json) as Case, version: stored.version } : null;
  }

  async save(next: Case, expectedVersion: number): Promise<boolean> {
    const stored = this.cases.get(next.id);
    if (!stored || stored.version !== expectedVersion) return false;
    this.cases.set(next.id, { json: JSON.stringify(next), version: expectedVersion + 1 });
    return true;
  }

  async list(filter: { state?: CaseState } = {}): Promise<Case[]> {
    const all = [...this.cases.values()].map((s) => JSON.parse(s.json) as Case);
    return all.filter((c) => !filter.state || c.state === filter.state).sort((a, b) => a.id - b.id);
  }

  async undelivered(): Promise<StoredCase[]> {
    return [...this.cases.values()]
      .map((s) => ({ case: JSON.parse(s.json) as Case, version: s.version }))
      .filter((s) => s.case.undelivered === true)
      .sort((a, b) => a.case.id - b.case.id);
  }

  async close(): Promise<void> {}
}
