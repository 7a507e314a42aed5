#!/usr/bin/env node
import {
  kbBuild,
  kbLint,
  kbShow,
  kbStats,
  loadLibrary,
  parseAskArgs,
  runAsk,
  TriageBot,
} from '../src/index.js';

const USAGE = `Usage:
  uc-triage ask [--json] [--stdin] [QUERY...]   answer a question, a code or a log line
  uc-triage chat                                 terminal chat (the embedded default of npm start)
  uc-triage kb stats | show <code|id> | lint | build`;

function finish(output: string, exitCode: number): void {
  process.stdout.write(`${output}\n`);
  process.exitCode = exitCode;
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
  if (command === 'ask') {
    const bot = await TriageBot.load();
    process.exitCode = await runAsk(bot, parseAskArgs(rest), process.stdin, process.stdout);
    return;
  }
  if (command === 'chat') {
    const { runTerminalChat } = await import('./terminal/chat.js');
    process.exitCode = await runTerminalChat(await TriageBot.load(), process.stdin, process.stdout);
    return;
  }
  if (command === '--help' || command === '-h' || command === 'help') return finish(USAGE, 0);
  process.stderr.write(`${USAGE}\n`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`uc-triage: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
