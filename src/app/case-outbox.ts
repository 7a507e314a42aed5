import type { Case } from '../cases/case.js';
import type { Cases } from '../cases/cases.js';
import type { StoredCase } from '../cases/store.js';
import type { CoreLogger } from '../ports/logger.js';
import type { CaseCardReply } from '../reply/reply.js';
import type { SharedState } from '../state/shared-state.js';

/**
 * How long a claim on one delivery lasts: longer than a delivery with its retries (a card update
 * and a notice, each retried for up to about a minute on Teams). A delivery that failed is tried
 * again once its claim has lapsed, by whichever instance looks next.
 */
export const CASE_NOTICE_CLAIM_SECONDS = 120;

/**
 * What a platform does with a case whose transition waits: exactly what a click on the card does
 * (the card updated in place, the technician told). `delivered`, or `unreachable` when this
 * platform can never deliver it (nothing recorded to reach the conversation): the mark is cleared
 * either way. A failure throws (counted by the platform) and the mark stays.
 */
export type CaseDelivery = (reply: CaseCardReply) => Promise<'delivered' | 'unreachable'>;

/** What one look at the outbox did, per case. */
export interface OutboxRound {
  delivered: number[];
  unreachable: number[];
  failed: number[];
  /** Claimed by another instance (or by this one, still within a failed delivery's claim). */
  skipped: number[];
}

/** The reply a click would have given for the case's last transition: the card and the technician's notice. */
export function pendingCardOf(c: Case): CaseCardReply {
  const last = c.history.at(-1);
  const event = last && last.action !== 'open' ? last.action : undefined;
  return {
    kind: 'case-card',
    language: c.language,
    case: c,
    ...(event ? { notify: { kind: 'case-notice', language: c.language, case: c, event } } : {}),
  };
}

/**
 * The outbox of the cases: transitions made outside a chat (the CLI) are marked on the case; the
 * running bot delivers those of its platform and clears the mark with a compare-and-set on the
 * version it delivered (a newer transition keeps its own mark). Several instances deliver each
 * version once: each delivery is claimed first with SharedState.firstSeen.
 */
export class CaseOutbox {
  constructor(
    private readonly cases: Cases,
    private readonly state: SharedState,
    private readonly logger: CoreLogger,
    private readonly claimSeconds = CASE_NOTICE_CLAIM_SECONDS,
  ) {}

  /**
   * Delivers what waits, read once, to each platform of `deliveries` in turn (name → its delivery),
   * one case after the other, until `stopping`: each platform's round, by name. A store that cannot
   * be read throws CaseStoreUnavailable (the caller tries again later); a delivery's failure is
   * logged and left for a later look. A platform whose look fails otherwise (its claims cannot be
   * made) is logged and has no round; the next platform is still looked at.
   */
  async deliver(
    deliveries: Readonly<Record<string, CaseDelivery>>,
    stopping: () => boolean = () => false,
  ): Promise<Record<string, OutboxRound>> {
    const undelivered = await this.cases.undelivered();
    const rounds: Record<string, OutboxRound> = {};
    for (const [platform, delivery] of Object.entries(deliveries)) {
      if (stopping()) break;
      const waiting = undelivered.filter((s) => s.case.conversation.platform === platform);
      try {
        rounds[platform] = await this.deliverTo(platform, delivery, waiting, stopping);
      } catch (error) {
        this.logger.error({ err: error, platform }, 'case notices: look failed');
      }
    }
    return rounds;
  }

  private async deliverTo(
    platform: string,
    delivery: CaseDelivery,
    waiting: StoredCase[],
    stopping: () => boolean,
  ): Promise<OutboxRound> {
    const round: OutboxRound = { delivered: [], unreachable: [], failed: [], skipped: [] };
    for (const stored of waiting) {
      // A stop lets the delivery in progress end, and leaves the rest marked for the next process.
      if (stopping()) break;
      const id = stored.case.id;
      if (!(await this.state.firstSeen(`case-notice:${id}:${stored.version}`, this.claimSeconds))) {
        round.skipped.push(id);
        continue;
      }
      let outcome: 'delivered' | 'unreachable';
      try {
        outcome = await delivery(pendingCardOf(stored.case));
      } catch (error) {
        this.logger.error({ err: error, case: id, platform }, 'case notice not delivered: tried again later');
        round.failed.push(id);
        continue;
      }
      if (outcome === 'unreachable')
        this.logger.warn({ case: id, platform }, 'case notice cannot be delivered on this platform: dropped');
      round[outcome].push(id);
      await this.clear(stored);
    }
    return round;
  }

  /** The mark cleared for the version delivered; a newer version (another transition) keeps its own. */
  private async clear(stored: StoredCase): Promise<void> {
    try {
      if (!(await this.cases.markDelivered(stored)))
        this.logger.warn(
          { case: stored.case.id },
          'case changed while its notice was delivered: its newer transition is delivered next',
        );
    } catch (error) {
      this.logger.error(
        { err: error, case: stored.case.id },
        'case notice delivered but not marked so: it may be delivered again',
      );
    }
  }
}
