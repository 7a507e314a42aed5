#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import {
  ASK_COMMAND,
  CALIBRATE_COMMAND,
  CASES_USAGE,
  Cases,
  type CommandSpec,
  KB_USAGE,
  kbBuild,
  kbLint,
  kbShow,
  kbStats,
  loadLibrary,
  parseAskArgs,
  parseCalibrateArgs,
  parseCasesArgs,
  parseCommandLine,
  parseKbArgs,
  parseReportArgs,
  REPORT_COMMANDS,
  runAsk,
  runCalibrate,
  runCases,
  runReport,
  TriageBot,
  UsageError,
  wantsHelp,
} from '../src/index.js';
import type { Config } from './config.js';
import { ConfigError } from './errors.js';

const CHAT_COMMAND: CommandSpec = { name: 'chat', usage: 'uc-triage chat', operands: 'none' };

const USAGE = `Usage:
  ${ASK_COMMAND.usage}   answer a question, a code or a log line
  ${CHAT_COMMAND.usage.padEnd(ASK_COMMAND.usage.length)}   terminal chat (the embedded default of npm start)
  ${KB_USAGE}
  ${REPORT_COMMANDS.gaps.usage}
  ${REPORT_COMMANDS.usage.usage}
  ${REPORT_COMMANDS.cases.usage}
  ${REPORT_COMMANDS['export-eval'].usage}
  ${CASES_USAGE.join('\n  ')}
  ${CALIBRATE_COMMAND.usage}`;

/** The usage lines of one command (`uc-triage report --help`); empty for an unknown command. */
const usageOf = (command: string) =>
  USAGE.split('\n')
    .filter(
      (line) => line.trim().startsWith(`uc-triage ${command} `) || line.trim() === `uc-triage ${command}`,
    )
    .join('\n');

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
  // The command line first: a mistyped option is reported as such, before any setting is read.
  const options = parseReportArgs(args);
  const config = await loadConfig();
  const library = await loadLibrary();
  const bot = new TriageBot(library);
  const output = await withStore(config, async (store) => {
    // The experts' answers and the escalations are in the case store (the same settings as feedback).
    const { openCaseStore } = await import('./feedback/open.js');
    const cases =
      options.kind === 'export-eval' ? null : await openCaseStore(config, undefined, { reachable: true });
    try {
      return await runReport(options, {
        store,
        normalize: (text) => bot.searchWords(text),
        isCode: (id) => library.kb.byId.get(id)?.kind === 'code',
        isEntry: (id) => library.kb.byId.has(id),
        ...(cases ? { cases: () => cases.list() } : {}),
        library,
        writeFile: (file, content) => writeFileSync(file, content, 'utf8'),
      });
    } finally {
      await cases?.close();
    }
  });
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

async function kb(args: string[]): Promise<void> {
  const { command, key } = parseKbArgs(args);
  if (command === 'build') return void finish((await kbBuild()).output, 0);
  const library = await loadLibrary();
  if (command === 'stats') return void finish(kbStats(library.kb).output, 0);
  const r = command === 'lint' ? await kbLint(library) : kbShow(library.kb, key);
  finish(r.output, r.exitCode);
}

async function chat(args: string[]): Promise<void> {
  parseCommandLine(CHAT_COMMAND, args);
  const { runTerminalChat, terminalLocale } = await import('./terminal/chat.js');
  const { withRecordingBot } = await import('./feedback/open.js');
  process.exitCode = await withRecordingBot(
    await loadConfig(),
    await logger(),
    (bot) => runTerminalChat(bot, process.stdin, process.stdout, terminalLocale(process.env)),
    { cases: true },
  );
}

/** The experts' commands on cases, in the deployment's case store (the same settings as the bot). */
async function cases(args: string[]): Promise<void> {
  const options = parseCasesArgs(args);
  const config = await loadConfig();
  const { kb } = await loadLibrary();
  const { openCaseStore } = await import('./feedback/open.js');
  const store = await openCaseStore(config, undefined, { reachable: true });
  try {
    const result = await runCases(options, {
      cases: new Cases(store, (id) => kb.byId.has(id)),
      kb,
      defaultActor: userInfo().username,
    });
    finish(result.output, result.exitCode);
  } finally {
    await store.close();
  }
}

/** Refits the decision (knowledge/decision.yaml) from the labelled sets; see docs/answering.md. */
async function calibrate(args: string[]): Promise<void> {
  const options = parseCalibrateArgs(args);
  finish(await runCalibrate(new TriageBot(await loadLibrary()), options), 0);
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  ask,
  calibrate,
  cases,
  chat,
  kb,
  report,
};

async function main(argv: string[]): Promise<void> {
  const [command = '', ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return finish(USAGE, 0);
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (wantsHelp(rest)) return finish(`Usage:\n${usageOf(command)}`, 0);
  return run(rest);
}

// `uc-triage ask ... | head -1`: the reader leaving is the end of the command, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});
main(process.argv.slice(2)).catch((error: unknown) => {
  // Bad arguments and settings are one line; anything else keeps its message, never a stack trace.
  const known = error instanceof UsageError || error instanceof ConfigError;
  process.stderr.write(`uc-triage: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = known ? 2 : 1;
});
