/**
 * Why the process is not ready to serve, per component ("slack", "redis", "shutdown"...). /readyz
 * answers 200 only when no component has a reason and every probe passes.
 */
export class Readiness {
  private readonly reasons = new Map<string, string>();
  private readonly probes = new Map<string, () => Promise<string | null>>();

  notReady(component: string, reason: string): void {
    this.reasons.set(component, reason);
  }

  ready(component: string): void {
    this.reasons.delete(component);
  }

  /** A check run at each /readyz (e.g. a write to Redis): null when fine, else the reason. */
  probe(component: string, check: () => Promise<string | null>): void {
    this.probes.set(component, check);
  }

  async why(): Promise<string[]> {
    const probed = await Promise.all(
      [...this.probes.entries()].map(async ([component, check]) => {
        const reason = await check().catch((error: unknown) =>
          error instanceof Error ? error.message : String(error),
        );
        return reason ? `${component}: ${reason}` : null;
      }),
    );
    return [
      ...[...this.reasons.entries()].map(([c, r]) => `${c}: ${r}`),
      ...probed.filter((r): r is string => r !== null),
    ];
  }
}
