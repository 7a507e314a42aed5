import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type ConversationRef, type CoreAction, strings, type TriageBot } from '../../src/index.js';
import { renderTerminalReply } from './render.js';

/** "+" / "utile" / "useful" rate the last answer as useful (group 1), "-" / "pas utile" / "not useful" as not. */
const FEEDBACK_WORDS = /^\s*(?:(\+|utile|useful)|-|pas utile|not useful)\s*$/i;

/** The terminal adapter: a peer of Slack and Teams, and what `npm start` runs without credentials. */
export async function runTerminalChat(bot: TriageBot, input: Readable, output: Writable): Promise<number> {
  const interactive = Boolean((input as Readable & { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal: interactive, prompt: 'uc-triage> ' });
  const conversation: ConversationRef = {
    platform: 'terminal',
    workspace: 'local',
    channel: 'tty',
    thread: String(process.pid),
  };
  let choices: CoreAction[] = [];
  let feedback: { useful?: CoreAction; notUseful?: CoreAction } = {};
  output.write(`${strings('fr').ui.terminalWelcome}\n`);
  rl.prompt();
  for await (const line of rl) {
    if (line.trim() === '') {
      rl.prompt();
      continue;
    }
    const number = /^\s*(\d{1,2})\s*$/.exec(line);
    const rating = FEEDBACK_WORDS.exec(line);
    if (rating && !(rating[1] ? feedback.useful : feedback.notUseful)) {
      output.write(`\n${strings('fr').ui.noAnswerToRate}\n\n`);
      rl.prompt();
      continue;
    }
    const action = rating
      ? rating[1]
        ? feedback.useful
        : feedback.notUseful
      : number
        ? choices[Number(number[1]) - 1]
        : undefined;
    const reply = await bot.handle({ conversation, text: action ? '' : line, ...(action ? { action } : {}) });
    const rendered = renderTerminalReply(bot, reply);
    choices = rendered.choices;
    // "+" and "-" rate the last answer shown; after a feedback acknowledgement there is nothing left to rate.
    feedback = rendered.feedback;
    output.write(`\n${rendered.text}\n\n`);
    rl.prompt();
  }
  output.write(`\n${strings('fr').ui.goodbye}\n`);
  return 0;
}
