import { type Answer, HELP_TEXT, type Language, renderAnswerText } from '../../src/index.js';

/** Plain-text fallback of a card (notifications, screen readers, clients without cards). */
export function fallbackText(answer: Answer): string {
  return [...renderAnswerText(answer)].slice(0, 1000).join('');
}

export function helpText(language: Language): string {
  return HELP_TEXT[language];
}
