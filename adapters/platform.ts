import type { Express } from 'express';
import type { CaseDelivery } from '../src/index.js';

/**
 * What main.ts knows of a chat platform: it mounts its routes on the shared HTTP server (before
 * the server listens), then starts (a Socket Mode connection, say) and, on shutdown, stops.
 * Adding a platform: an adapter that renders the core's ReplyView and implements this.
 */
export interface PlatformAdapter {
  readonly name: string;
  mount(server: Express): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Delivers a transition made outside the chat (the CLI) to this platform's technician and
   * experts' card, as a click would have (the outbox, case-notices.ts); absent, nothing is delivered.
   */
  deliverCase?: CaseDelivery;
}
