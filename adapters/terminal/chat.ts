import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import {
  asksToEscalate,
  type ConversationRef,
  type CoreAction,
  type Language,
  languageOfLocale,
  type Reply,
  strings,
  type TriageBot,
} from '../../src/index.js';
import { FormPrompts } from './form.js';
import { renderTerminalReply } from './render.js';

/** "+" / "utile" / "useful" rate the last answer as useful (group 1), "-" / "pas utile" / "not useful" as not. */
const FEEDBACK_WORDS = /^\s*(?:(\+|utile|useful)|-|pas utile|not useful)\s*$/i;

/**
 * Lines of a terminal that arrive within this quiet period are one paste: one message. A person
 * typing cannot press Enter twice in 40 ms; a pasted log arrives all at once.
 */
export const PASTE_QUIET_MS = 40;

const PROMPT = 'uc-triage> ';

/** The system user: who opens a case from this terminal. */
function whoAmI(): string {
  try {
    return userInfo().username;
  } catch {
    return 'terminal';
  }
}

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
  const rl = createInterface({ input, output, terminal: interactive, prompt: PROMPT });
  const conversation: ConversationRef = {
    platform: 'terminal',
    workspace: 'local',
    channel: 'tty',
    thread: String(process.pid),
  };
  const userName = whoAmI();
  let choices: CoreAction[] = [];
  let feedback: { useful?: CoreAction; notUseful?: CoreAction } = {};
  /** A form being filled (the case form): each line answers its current field. */
  let form: FormPrompts | null = null;
  /** The language of the last reply: what the chat's own lines are said in. */
  let language: Language = locale ?? 'fr';
  /** The answer shown was just rated: "+" again rates nothing. */
  let rated = false;
  /** What a "-" just asked: its reasons, numbered, for the next line only (anything else skips them). */
  let reasons: CoreAction[] = [];

  const handle = (text: string, action?: CoreAction) =>
    bot.handle({
      conversation,
      text,
      userName,
      ...(action ? { action } : {}),
      ...(locale ? { locale } : {}),
    });

  const show = async (reply: Reply): Promise<void> => {
    language = reply.language;
    rated = reply.kind === 'feedback-ack';
    const asked = bot.form(reply);
    if (asked) {
      // A form is prompts here: the checklist asked one item at a time.
      form = new FormPrompts(asked);
      choices = [];
      feedback = {};
      output.write(`\n${form.intro()}\n\n${form.question()}\n`);
      rl.setPrompt('> ');
      return;
    }
    const rendered = renderTerminalReply(bot, reply);
    // A rating is acknowledged in one line (a "-" asks why): the numbers of the answer it rated
    // still stand, once its reasons are given or skipped.
    if (!rated) choices = rendered.choices;
    reasons = rated ? rendered.choices : [];
    // "+" and "-" rate the last answer shown, once.
    feedback = rendered.feedback;
    output.write(`\n${rendered.text}\n\n`);
  };

  const fill = async (filling: FormPrompts, line: string): Promise<void> => {
    const next = filling.answer(line);
    if (next !== null) return void output.write(`${next}\n`);
    form = null;
    rl.setPrompt(PROMPT);
    await show(await handle('', filling.submission() ?? undefined));
  };

  const answer = async (message: string): Promise<void> => {
    if (form) return fill(form, message);
    const offered = reasons;
    reasons = [];
    if (message.trim() === '') return;
    const number = /^\s*(\d{1,2})\s*$/.exec(message);
    const reason = number ? offered[Number(number[1]) - 1] : undefined;
    if (reason) return show(await handle('', reason));
    const rating = FEEDBACK_WORDS.exec(message);
    const rate = rating ? (rating[1] ? feedback.useful : feedback.notUseful) : undefined;
    if (rating && !rate) {
      const ui = strings(language).ui;
      output.write(`\n${rated ? ui.alreadyRated : ui.noAnswerToRate}\n\n`);
      return;
    }
    // "escalader" escalates what the last reply offers to escalate (its button), as a click would.
    const escalation = asksToEscalate(message)
      ? choices.find(
          (a) => a.kind === 'escalate' || (a.kind === 'triage-control' && a.control === 'escalate'),
        )
      : undefined;
    const action = rate ?? escalation ?? (number ? choices[Number(number[1]) - 1] : undefined);
    await show(await handle(action ? '' : message, action));
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
  return languageOfLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
}
