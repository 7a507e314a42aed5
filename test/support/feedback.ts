import type { FeedbackEvent, FeedbackStore } from '../../src/index.js';

/** A feedback store in memory for adapter tests; `failing` makes it reject, `hanging` never answer. */
export class MemoryFeedbackStore implements FeedbackStore {
  readonly saved: FeedbackEvent[] = [];
  failing = false;
  hanging = false;

  async append(event: FeedbackEvent): Promise<void> {
    if (this.hanging) return new Promise(() => {});
    if (this.failing) throw new Error('store down');
    this.saved.push(event);
  }
  async events(since: Date): Promise<FeedbackEvent[]> {
    return this.saved.filter((e) => e.at >= since.toISOString());
  }
  async purge(before: Date): Promise<number> {
    const keep = this.saved.filter((e) => e.at >= before.toISOString());
    const purged = this.saved.length - keep.length;
    this.saved.splice(0, this.saved.length, ...keep);
    return purged;
  }
  async secret(): Promise<string> {
    return 'test-secret';
  }
  async close(): Promise<void> {}
}
