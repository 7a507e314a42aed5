import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Answer } from '../answer/answer.js';
import type { TriageBot } from '../app/triage-bot.js';
import { renderText } from '../reply/render-text.js';
import { type CommandSpec, parseCommandLine } from './command-line.js';

export interface AskOptions {
  json: boolean;
  stdin: boolean;
  /** Record the questions like chat questions (for the knowledge-gap report); off by default. */
  record: boolean;
  /** Also print why: each candidate's probability and the features that moved it. */
  explain: boolean;
  query: string;
}

export const ASK_COMMAND: CommandSpec = {
  name: 'ask',
  usage: 'uc-triage ask [--json] [--stdin] [--record] [--explain] [QUERY...]',
  switches: ['--json', '--stdin', '--record', '--explain'],
  operands: 'any',
};

/** The words of the question; an unknown option is a UsageError, not a word of the question. */
export function parseAskArgs(args: string[]): AskOptions {
  const line = parseCommandLine(ASK_COMMAND, args);
  return {
    json: line.switches.has('--json'),
    stdin: line.switches.has('--stdin'),
    record: line.switches.has('--record'),
    explain: line.switches.has('--explain'),
    query: line.operands.join(' '),
  };
}

/** The JSON line of one answer: the contract other tools read. */
export function answerJson(answer: Answer, extra: Record<string, unknown> = {}): string {
  const { query, answered, results, unknownCodes, language, reason, outOfScope, decision } = answer;
  // Extension fields only: `findings` (every known code of the message), `decision` (answer, suggest,
  // decline), `reason` when not answered, `outOfScope` when the message is about an uncovered system.
  const findings = answer.findings.map(({ code, product, id, title, cause, action, line, citation }) => ({
    code,
    product,
    id,
    title,
    cause,
    action,
    line,
    citation,
  }));
  return JSON.stringify({
    query,
    answered,
    language,
    unknownCodes,
    results,
    findings,
    decision,
    ...(reason ? { reason } : {}),
    ...(outOfScope ? { outOfScope } : {}),
    ...extra,
  });
}

/** `uc-triage ask`: one answer, or with --stdin one answer per input line, in order, flushed as it goes. */
export async function runAsk(
  bot: TriageBot,
  options: AskOptions,
  input: Readable,
  output: Writable,
): Promise<number> {
  const answer = (query: string) => {
    const a = bot.ask(query);
    if (options.record && query.trim()) bot.recordQuestion(a, 'cli');
    return a;
  };
  const why = (answer: Answer) =>
    bot
      .explain(answer.query)
      .map(
        (c) =>
          `  ${c.id} (${c.via}${c.guard ? `, ${c.guard}` : ''}) p=${c.p}: ${c.contributions
            .slice(0, 6)
            .map((x) => `${x.feature} ${x.contribution > 0 ? '+' : ''}${x.contribution}`)
            .join(', ')}`,
      )
      .join('\n');
  const format = (answer: Answer) => {
    if (options.json)
      return answerJson(answer, options.explain ? { explain: bot.explain(answer.query) } : {});
    const text = renderText(
      bot.view({ kind: 'answer', language: answer.language, answer }, { inlineAlternatives: true }),
    ).text;
    return options.explain ? `${text}\nDecision: ${answer.decision}\n${why(answer)}\n` : `${text}\n`;
  };
  // A reader that goes away (`| head -1`) ends the command quietly; a slow one is waited for, so
  // memory stays flat however many lines come in.
  let closed = false;
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    closed = true;
  });
  const write = async (text: string) => {
    if (closed) return;
    if (output.write(text)) return;
    // Whichever comes first, the other's listeners are removed: left behind, they piled up on
    // every pause of a slow reader (MaxListenersExceededWarning after ten).
    const done = new AbortController();
    await Promise.race([
      once(output, 'drain', { signal: done.signal }),
      once(output, 'close', { signal: done.signal }),
    ]).finally(() => done.abort());
  };
  if (!options.stdin) {
    await write(`${format(answer(options.query))}\n`);
    return 0;
  }
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: false });
  for await (const line of lines) {
    if (closed) break;
    await write(`${format(answer(line))}\n`);
  }
  lines.close();
  return 0;
}
