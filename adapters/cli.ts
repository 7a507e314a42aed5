#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import {
  kbBuild,
  kbLint,
  kbShow,
  kbStats,
  loadLibrary,
  parseAskArgs,
  parseReportArgs,
  ReportArgsError,
  runAsk,
  runReport,
  TriageBot,
} from '../src/index.js';
import type { Config } from './config.js';

const USAGE = `Usage:
  uc-triage ask [--json] [--stdin] [--record] [QUERY...]   answer a question, a code or a log line
  uc-triage chat                                 terminal chat (the embedded default of npm start)
  uc-triage kb stats | show <code|id> | lint | build
  uc-triage report gaps [--since 7d] [--format text|md|csv|json]
  uc-triage report usage [--since 30d] [--format text|json|csv] [--html FILE]
  uc-triage report export-eval [--since 90d]`;

function finish(output: string, exitCode: number): void {
  process.stdout.write(`${output}\n`);
  process.exitCode = exitCode;
}

/** The CLI's logs never mix with its output: they go to stderr. Loaded only by the commands that log. */
const logger = async () => (await import('./logger.js')).createLogger(process.env.LOG_LEVEL || 'warn', 2);
/** The settings, validated (zod is loaded only by the commands that need them, not by `ask`). */
const loadConfig = async () => {
  const { default: dotenv } = await import('dotenv');
  dotenv.config({ quiet: true });
  return (await import('./config.js')).loadConfig();
};

/** The feedback store of the deployment (see openFeedbackStore), closed after `run`. */
async function withStore<T>(
  config: Config,
  run: (store: import('../src/index.js').FeedbackStore) => Promise<T>,
): Promise<T> {
  const { openFeedbackStore } = await import('./feedback/open.js');
  const store = await openFeedbackStore(config, undefined, { reachable: true });
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

async function report(args: string[]): Promise<void> {
  const config = await loadConfig();
  const options = parseReportArgs(args);
  const library = await loadLibrary();
  const bot = new TriageBot(library);
  const output = await withStore(config, (store) =>
    runReport(options, {
      store,
      normalize: (text) => bot.index.normalizer.words(text),
      isCode: (id) => library.kb.byId.get(id)?.kind === 'code',
      isEntry: (id) => library.kb.byId.has(id),
      writeFile: (file, content) => writeFileSync(file, content, 'utf8'),
    }),
  );
  finish(output, 0);
}

async function ask(args: string[]): Promise<void> {
  const options = parseAskArgs(args);
  if (!options.record) {
    process.exitCode = await runAsk(await TriageBot.load(), options, process.stdin, process.stdout);
    return;
  }
  const { withRecordingBot } = await import('./feedback/open.js');
  process.exitCode = await withRecordingBot(await loadConfig(), await logger(), (bot) =>
    runAsk(bot, options, process.stdin, process.stdout),
  );
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'kb') {
    const [sub, ...args] = rest;
    if (sub === 'build') return void finish((await kbBuild()).output, 0);
    const library = await loadLibrary();
    const { kb } = library;
    if (sub === 'stats') return void finish(kbStats(kb).output, 0);
    if (sub === 'lint') {
      const r = await kbLint(library);
      return finish(r.output, r.exitCode);
    }
    if (sub === 'show' && args.length > 0) {
      const r = kbShow(kb, args.join(' '));
      return finish(r.output, r.exitCode);
    }
  }
  if (command === 'ask') return ask(rest);
  if (command === 'report') return report(rest);
  if (command === 'chat') {
    const { runTerminalChat } = await import('./terminal/chat.js');
    const { withRecordingBot } = await import('./feedback/open.js');
    process.exitCode = await withRecordingBot(await loadConfig(), await logger(), (bot) =>
      runTerminalChat(bot, process.stdin, process.stdout),
    );
    return;
  }
  if (command === '--help' || command === '-h' || command === 'help') return finish(USAGE, 0);
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}

// `uc-triage ask ... | head -1`: the reader leaving is the end of the command, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
main(process.argv.slice(2)).catch((error: unknown) => {
  // Bad arguments and settings are one line; anything else keeps its message, never a stack trace.
  const known = error instanceof ReportArgsError || (error instanceof Error && error.name === 'ConfigError');
  process.stderr.write(`uc-triage: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = known ? 2 : 1;
});
