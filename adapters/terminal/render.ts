import {
  HELP_TEXT,
  NOTICES,
  type Reply,
  renderAnswerText,
  renderTriageText,
  TRIAGE_LABELS,
} from '../../src/index.js';

/**
 * Plain-text rendering of a core reply, with numbered choices: the follow-up questions of an
 * answer, or the options of a triage step (typed as their number).
 */
export function renderTerminalReply(reply: Reply): { text: string; choices: string[] } {
  if (reply.kind === 'help') {
    const more =
      reply.language === 'en'
        ? 'Type "triage" for a guided triage.'
        : 'Tapez « diagnostic » pour un diagnostic guidé.';
    return { text: `${HELP_TEXT[reply.language]}\n${more}`, choices: [] };
  }
  const notice = reply.notice ? `${NOTICES[reply.language][reply.notice]}\n\n` : '';
  if (reply.kind === 'triage') {
    const offscript = reply.answer ? `${renderAnswerText(reply.answer)}\n\n` : '';
    // Triage options are numbered in the text; the core matches a typed number to its option.
    return { text: `${offscript}${notice}${renderTriageText(reply.view, reply.language)}`, choices: [] };
  }
  const trees = reply.trees ?? [];
  if (trees.length > 0) {
    const list = trees.map((t, i) => `  ${i + 1}) ${t.title}`).join('\n');
    return { text: `${notice}${list}`, choices: trees.map((t) => `diagnostic ${t.title}`) };
  }
  const choices = reply.answer.answered ? [...(reply.answer.results[0]?.followUps ?? [])] : [];
  if (reply.triageOffer) choices.push(`diagnostic ${reply.triageOffer.title}`);
  const text = `${notice}${renderAnswerText(reply.answer)}`;
  if (choices.length === 0) return { text, choices };
  const hint = reply.language === 'en' ? 'Type a number:' : 'Tapez un numéro :';
  const labelled = choices.map((c, i) =>
    reply.triageOffer && i === choices.length - 1
      ? `  ${i + 1}) ${TRIAGE_LABELS[reply.language].start} : ${reply.triageOffer.title}`
      : `  ${i + 1}) ${c}`,
  );
  return { text: `${text}\n\n${hint}\n${labelled.join('\n')}`, choices };
}
