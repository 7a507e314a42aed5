import { HELP_TEXT, type Reply, renderAnswerText } from '../../src/index.js';

/** Plain-text rendering of a core reply, with the follow-up questions numbered for a quick pick. */
export function renderTerminalReply(reply: Reply): { text: string; choices: string[] } {
  if (reply.kind === 'help') return { text: HELP_TEXT[reply.language], choices: [] };
  const choices = reply.answer.answered ? (reply.answer.results[0]?.followUps ?? []) : [];
  const text = renderAnswerText(reply.answer);
  if (choices.length === 0) return { text, choices };
  const hint = reply.language === 'en' ? 'Type a number to ask:' : 'Tapez un numéro pour poser la question :';
  return { text: `${text}\n\n${hint}\n${choices.map((c, i) => `  ${i + 1}) ${c}`).join('\n')}`, choices };
}
