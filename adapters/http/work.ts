/**
 * Work still running for users after their HTTP request got its answer: Slack acks at once and
 * posts the reply later. A clean shutdown waits for it, as it waits for open requests.
 */
export class WorkTracker {
  private pending = 0;
  private waiters: (() => void)[] = [];

  get inFlight(): number {
    return this.pending;
  }

  async track<T>(work: Promise<T>): Promise<T> {
    this.pending++;
    try {
      return await work;
    } finally {
      this.pending--;
      if (this.pending === 0) for (const resolve of this.waiters.splice(0)) resolve();
    }
  }

  /** Resolves when nothing is in flight. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
