import { type Reply, renderText, type TextRendering, type TriageBot } from '../../src/index.js';

/**
 * A core reply as terminal text: every button numbered (follow-ups, leads, triage options and
 * controls), the typed number standing for the click, and "+" / "-" for the rating.
 */
export function renderTerminalReply(bot: TriageBot, reply: Reply): TextRendering {
  return renderText(bot.view(reply, { inlineAlternatives: true, typedChoices: true }), { numbered: true });
}
