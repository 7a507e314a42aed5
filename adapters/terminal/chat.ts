import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type ConversationRef, type CoreAction, strings, type TriageBot } from '../../src/index.js';
import { renderTerminalReply } from './render.js';

/** "+" / "utile" / "useful" rate the last answer as useful (group 1), "-" / "pas utile" / "not useful" as not. */
const FEEDBACK_WORDS = /^\s*(?:(\+|utile|useful)|-|pas utile|not useful)\s*$/i;

/**
 * Lines of a terminal that arrive within this quiet period are one paste: one message. A person
 * typing cannot press Enter twice in 40 ms; a pasted log arrives all at once.
 */
export const PASTE_QUIET_MS = 40;

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

  const answer = async (message: string): Promise<void> => {
    if (message.trim() === '') return;
    const number = /^\s*(\d{1,2})\s*$/.exec(message);
    const rating = FEEDBACK_WORDS.exec(message);
    const rated = rating ? (rating[1] ? feedback.useful : feedback.notUseful) : undefined;
    if (rating && !rated) {
      output.write(`\n${strings('fr').ui.noAnswerToRate}\n\n`);
      return;
    }
    const action = rated ?? (number ? choices[Number(number[1]) - 1] : undefined);
    const reply = await bot.handle({
      conversation,
      text: action ? '' : message,
      ...(action ? { action } : {}),
    });
    const rendered = renderTerminalReply(bot, reply);
    choices = rendered.choices;
    // "+" and "-" rate the last answer shown; after a feedback acknowledgement there is nothing left to rate.
    feedback = rendered.feedback;
    output.write(`\n${rendered.text}\n\n`);
  };

  // Messages are answered one at a time, in order; a paste is gathered first.
  let queue = Promise.resolve();
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const send = () => {
    const message = pending.join('\n');
    pending = [];
    queue = queue.then(() => answer(message)).then(() => rl.prompt());
  };
  output.write(`${strings('fr').ui.terminalWelcome}\n`);
  rl.prompt();
  rl.on('line', (line) => {
    pending.push(line);
    if (!interactive) return send();
    clearTimeout(timer);
    timer = setTimeout(send, PASTE_QUIET_MS);
  });
  await new Promise<void>((resolve) => rl.once('close', resolve));
  clearTimeout(timer);
  if (pending.length > 0) send();
  await queue;
  output.write(`\n${strings('fr').ui.goodbye}\n`);
  return 0;
}
