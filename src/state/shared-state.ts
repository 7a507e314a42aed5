/**
 * State shared by every instance of the bot: event dedupe and the threads the bot takes part in.
 * MemoryState is the embedded default; a Redis implementation shares it across instances.
 */
export interface SharedState {
  /** True the first time a key is seen within ttlSeconds (a retried delivery gets false). */
  firstSeen(key: string, ttlSeconds: number): Promise<boolean>;
  remember(key: string, ttlSeconds: number): Promise<void>;
  recall(key: string): Promise<boolean>;
  close(): Promise<void>;
}

export class MemoryState implements SharedState {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  private alive(key: string): boolean {
    const expiry = this.expiries.get(key);
    if (expiry === undefined) return false;
    if (expiry > this.now()) return true;
    this.expiries.delete(key);
    return false;
  }

  private sweep(): void {
    // Bounded memory: expired keys go whenever the map grows.
    if (this.expiries.size < 50_000) return;
    const now = this.now();
    for (const [key, expiry] of this.expiries) if (expiry <= now) this.expiries.delete(key);
  }

  async firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    if (this.alive(key)) return false;
    this.sweep();
    this.expiries.set(key, this.now() + ttlSeconds * 1000);
    return true;
  }

  async remember(key: string, ttlSeconds: number): Promise<void> {
    this.sweep();
    this.expiries.set(key, this.now() + ttlSeconds * 1000);
  }

  async recall(key: string): Promise<boolean> {
    return this.alive(key);
  }

  async close(): Promise<void> {}
}
