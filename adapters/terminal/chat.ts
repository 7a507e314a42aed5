import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ConversationRef, TriageBot } from '../../src/index.js';
import { renderTerminalReply } from './render.js';

const WELCOME = `UC Triage — terminal. Posez un code d'erreur, une ligne de journal ou un symptôme.
« aide » pour des exemples, Ctrl-D pour quitter.`;

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
  let choices: string[] = [];
  output.write(`${WELCOME}\n`);
  rl.prompt();
  for await (const line of rl) {
    const picked = /^\s*(\d)\s*$/.exec(line);
    const text = picked && choices[Number(picked[1]) - 1] ? (choices[Number(picked[1]) - 1] as string) : line;
    if (text.trim() === '') {
      rl.prompt();
      continue;
    }
    if (text !== line) output.write(`> ${text}\n`);
    const rendered = renderTerminalReply(await bot.handle({ conversation, text }));
    choices = rendered.choices;
    output.write(`\n${rendered.text}\n\n`);
    rl.prompt();
  }
  output.write('\nAu revoir.\n');
  return 0;
}
