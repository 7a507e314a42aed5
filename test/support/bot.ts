import { TriageBot } from '../../src/app/triage-bot.js';
import { buildKnowledgeBase } from '../../src/knowledge/build.js';

let shared: TriageBot | null = null;

/** The real bot on the real knowledge base, built once per test file. */
export function realBot(): TriageBot {
  shared ??= new TriageBot(buildKnowledgeBase());
  return shared;
}
