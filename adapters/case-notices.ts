import { type CaseDelivery, type CaseOutbox, CaseStoreUnavailable, type OutboxRound } from '../src/index.js';
import type { Logger } from './logger.js';

/** A platform whose case transitions made outside it (the CLI) the running bot delivers. */
export interface NoticePlatform {
  name: string;
  deliverCase: CaseDelivery;
}

/**
 * The running bot's look at the case outbox, every CASE_NOTICE_INTERVAL_SECONDS: for each platform
 * it serves, the transitions made by the CLI are delivered as a click would have (core: CaseOutbox).
 * One look at a time (the next is scheduled when one ends), each case its own awaited step, so the
 * event loop is never held; a store that cannot be read is said once, and looked at again next time.
 */
export class CaseNoticeLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private storeDown = false;
  /** Each platform's delivery, by name: what one look at the outbox hands out. */
  private readonly deliveries: Readonly<Record<string, CaseDelivery>>;

  constructor(
    private readonly outbox: CaseOutbox,
    private readonly platforms: NoticePlatform[],
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {
    this.deliveries = Object.fromEntries(platforms.map((p) => [p.name, p.deliverCase]));
  }

  start(): void {
    if (this.platforms.length > 0) this.schedule();
  }

  /** Stops looking; a look in progress ends its current delivery (the rest stays marked for the next process). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.look().finally(() => {
        this.running = null;
        this.schedule();
      });
    }, this.intervalMs);
    // The HTTP server keeps the process alive; this alone never does.
    this.timer.unref();
  }

  /** One look: the outbox read once, every platform in turn; never throws. */
  async look(): Promise<void> {
    if (this.stopped) return;
    let rounds: Record<string, OutboxRound>;
    try {
      rounds = await this.outbox.deliver(this.deliveries, () => this.stopped);
    } catch (error) {
      if (!(error instanceof CaseStoreUnavailable)) {
        this.logger.error({ err: error }, 'case notices: look failed');
        return;
      }
      if (!this.storeDown)
        this.logger.warn({ err: error }, 'case store unavailable: case notices wait until it is back');
      this.storeDown = true;
      return;
    }
    if (this.storeDown) this.logger.info('case store reachable again: case notices delivered');
    this.storeDown = false;
    for (const [platform, round] of Object.entries(rounds))
      if (round.delivered.length > 0)
        this.logger.info(
          { platform, cases: round.delivered },
          'case transitions made outside the chat delivered',
        );
  }
}
