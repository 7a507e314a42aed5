import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  type ConversationRef,
  type CoreAction,
  type Language,
  strings,
  type TriageBot,
} from '../../src/index.js';
import { renderTerminalReply } from './render.js';

/** "+" / "utile" / "useful" rate the last answer as useful (group 1), "-" / "pas utile" / "not useful" as not. */
const FEEDBACK_WORDS = /^\s*(?:(\+|utile|useful)|-|pas utile|not useful)\s*$/i;

/**
 * Lines of a terminal that arrive within this quiet period are one paste: one message. A person
 * typing cannot press Enter twice in 40 ms; a pasted log arrives all at once.
 */
export const PASTE_QUIET_MS = 40;

/**
 * The terminal adapter: a peer of Slack and Teams, and what `npm start` runs without credentials.
 * `locale`: the terminal's language (terminalLocale), the default until the person writes a sentence.
 */
export async function runTerminalChat(
  bot: TriageBot,
  input: Readable,
  output: Writable,
  locale?: Language,
): Promise<number> {
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
  /** The language of the last reply: what the chat's own lines are said in. */
  let language: Language = locale ?? 'fr';
  /** The answer shown was just rated: "+" again rates nothing. */
  let rated = false;

  const answer = async (message: string): Promise<void> => {
    if (message.trim() === '') return;
    const number = /^\s*(\d{1,2})\s*$/.exec(message);
    const rating = FEEDBACK_WORDS.exec(message);
    const rate = rating ? (rating[1] ? feedback.useful : feedback.notUseful) : undefined;
    if (rating && !rate) {
      const ui = strings(language).ui;
      output.write(`\n${rated ? ui.alreadyRated : ui.noAnswerToRate}\n\n`);
      return;
    }
    const action = rate ?? (number ? choices[Number(number[1]) - 1] : undefined);
    const reply = await bot.handle({
      conversation,
      text: action ? '' : message,
      ...(action ? { action } : {}),
      ...(locale ? { locale } : {}),
    });
    const rendered = renderTerminalReply(bot, reply);
    language = reply.language;
    rated = reply.kind === 'feedback-ack';
    // A rating is acknowledged in one line: the numbers of the answer it rated still stand.
    if (!rated) choices = rendered.choices;
    // "+" and "-" rate the last answer shown, once.
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
  output.write(`${strings(language).ui.terminalWelcome}\n`);
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
  output.write(`\n${strings(language).ui.goodbye}\n`);
  return 0;
}

/** The terminal's language from the environment (LC_ALL, LC_MESSAGES, LANG: "en_US.UTF-8"), when we speak it. */
export function terminalLocale(env: NodeJS.ProcessEnv): Language | undefined {
  const tag = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').slice(0, 2).toLowerCase();
  return tag === 'fr' || tag === 'en' ? tag : undefined;
}
