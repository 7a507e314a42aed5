/** An outage is reported until a call succeeds, or this long after the last failure (nothing to tell). */
export const OUTAGE_MEMORY_MS = 60_000;

/**
 * What the Slack Web API has been answering, for /readyz: a rate limit while its Retry-After lasts,
 * an outage (timeouts, refused connections, 5xx) until a call succeeds again.
 */
export class SlackApiHealth {
  private limitedUntil = 0;
  private limitedMethod = '';
  private failing: { since: number; last: number; reason: string } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  rateLimited(method: string, retryAfterSeconds: number): void {
    const until = this.now() + retryAfterSeconds * 1000;
    if (until > this.limitedUntil) {
      this.limitedUntil = until;
      this.limitedMethod = method;
    }
  }

  failed(reason: string): void {
    const now = this.now();
    this.failing = { since: this.failing?.since ?? now, last: now, reason };
  }

  succeeded(): void {
    this.failing = null;
  }

  /** Why replies to Slack are not going through right now, or null. */
  problem(): string | null {
    const now = this.now();
    if (now < this.limitedUntil) {
      const left = Math.ceil((this.limitedUntil - now) / 1000);
      return `rate limited by Slack (${this.limitedMethod}) for ${left} s more, until ${new Date(this.limitedUntil).toISOString()}`;
    }
    if (this.failing && now - this.failing.last < OUTAGE_MEMORY_MS)
      return `Web API failing since ${new Date(this.failing.since).toISOString()} (${this.failing.reason})`;
    return null;
  }
}
