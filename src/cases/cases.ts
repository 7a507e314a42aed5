import {
  applyCommand,
  type Case,
  type CaseCommand,
  type CaseState,
  type NewCase,
  openingEvent,
} from './case.js';
import {
  CaseError,
  CaseInputError,
  CaseNotAuthorised,
  CaseNotFound,
  CaseStoreUnavailable,
} from './errors.js';
import type { CaseStore, StoredCase } from './store.js';

/** Two instances writing one case at once: re-read and re-apply, a few times at most. */
const MAX_SAVE_ATTEMPTS = 5;

/** Where a running bot can tell the technician later: any chat but the terminal's (the session is gone). */
export const isReachableLater = (c: Case): boolean => c.conversation.platform !== 'terminal';

/** What opens a case: everything but its state, history and opening time, which the core sets. */
export type CaseOpening = Omit<NewCase, 'state' | 'history' | 'openedAt'>;

/**
 * The cases use case over a CaseStore: opening, the experts' commands through the state machine
 * (case.ts), with compare-and-set saves retried on a concurrent write. Every failure is a typed
 * CaseError: an unauthorised actor, a command the state does not allow, an unknown case or entry,
 * a store that cannot be reached (whose own error is the cause).
 */
export class Cases {
  constructor(
    private readonly store: CaseStore,
    /** Whether an id names an entry of the knowledge base (a resolution's entry is checked). */
    private readonly isEntry: (id: string) => boolean,
    private readonly now: () => Date = () => new Date(),
  ) {}

  open(opening: CaseOpening): Promise<Case> {
    const at = this.now().toISOString();
    return this.guard(() =>
      this.store.open({
        ...opening,
        state: 'open',
        openedAt: at,
        history: [openingEvent(at, opening.openedBy)],
      }),
    );
  }

  async get(id: number): Promise<Case> {
    return (await this.load(id)).case;
  }

  list(state?: CaseState): Promise<Case[]> {
    return this.guard(() => this.store.list(state ? { state } : {}));
  }

  /**
   * An expert's command. `authorised`: the adapter vouches the actor may act on cases (a member
   * of the experts' channel; the CLI, whose user reaches the store, always is). `delivery`: who
   * tells the technician and updates the card — `direct`, the chat adapter that took the click, at
   * once (what was waiting is then told too: the case as it now is); `later`, the running bot
   * (the CLI): the case is marked `undelivered`, except where no bot can reach (the terminal's).
   */
  act(
    id: number,
    command: CaseCommand,
    authorised: boolean,
    delivery: 'direct' | 'later' = 'direct',
  ): Promise<Case> {
    if (!authorised) return Promise.reject(new CaseNotAuthorised(command.by, id));
    if (command.kind === 'resolve' && command.entry !== undefined && !this.isEntry(command.entry))
      return Promise.reject(new CaseInputError('unknown-entry', id, command.entry));
    return this.update(id, (c) => {
      const { undelivered, ...next } = applyCommand(c, command, this.now().toISOString());
      return delivery === 'later' && isReachableLater(c) ? { ...next, undelivered: true } : next;
    });
  }

  /** The cases whose last transition waits to be delivered by a running bot, with their versions. */
  undelivered(): Promise<StoredCase[]> {
    return this.guard(() => this.store.undelivered());
  }

  /**
   * Clears a case's mark once its notice is delivered, if the case is still the version that was
   * delivered: false when it changed since (a new transition, whose own delivery is due).
   */
  markDelivered(stored: StoredCase): Promise<boolean> {
    const { undelivered, ...delivered } = stored.case;
    return this.guard(() => this.store.save(delivered, stored.version));
  }

  /** Records where an adapter posted the case's card for the experts (opaque to the core). */
  attachExpertsPost(id: number, ref: string): Promise<Case> {
    return this.update(id, (c) => ({ ...c, expertsPost: ref }));
  }

  private async update(id: number, change: (c: Case) => Case): Promise<Case> {
    for (let attempt = 1; attempt <= MAX_SAVE_ATTEMPTS; attempt++) {
      const stored = await this.load(id);
      // A command no longer allowed after another instance's write throws here: one winner.
      const next = change(stored.case);
      if (await this.guard(() => this.store.save(next, stored.version))) return next;
    }
    throw new CaseStoreUnavailable(`case ${id}: ${MAX_SAVE_ATTEMPTS} concurrent writes in a row`);
  }

  private async load(id: number): Promise<StoredCase> {
    const stored = await this.guard(() => this.store.get(id));
    if (!stored) throw new CaseNotFound(id);
    return stored;
  }

  /** A store's own failure (Redis down, a SQLite file locked too long) becomes CaseStoreUnavailable. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CaseError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new CaseStoreUnavailable(`case store unavailable: ${reason}`, { cause: error });
    }
  }
}
