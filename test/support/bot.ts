import { buildLibrary } from '../../src/app/build-library.js';
import { TriageBot } from '../../src/app/triage-bot.js';

let shared: TriageBot | null = null;

/** The real bot on the real knowledge base, built once per test file. */
export function realBot(): TriageBot {
  shared ??= new TriageBot(buildLibrary());
  return shared;
}
