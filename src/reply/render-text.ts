import { strings } from '../text/catalogue.js';
import type { CoreAction } from './actions.js';
import type { ReplyView, ViewButton } from './view.js';

export interface TextRendering {
  text: string;
  /** With `numbered`: the action of each number typed, 1-based. */
  choices: CoreAction[];
  /** With `numbered`: what "+" and "-" stand for (feedback on the answer shown). */
  feedback: { useful?: CoreAction; notUseful?: CoreAction };
}

/** "Utile" / "Pas utile": typed "+" / "-", never a number (a reason of "Pas utile" is a numbered choice). */
function isRating(button: ViewButton): boolean {
  return button.action.kind === 'feedback' && button.action.reason === undefined;
}

function isTriageButton(button: ViewButton): boolean {
  return button.action.kind === 'triage-choice' || button.action.kind === 'triage-control';
}

/**
 * The number each button gets in the terminal: a guided triage's options and controls first, from
 * 1, then every other button in reading order. So "1" is the step's first option wherever the step
 * is shown (alone, after an off-script answer, on "reprendre"), as a typed "1" is in any chat.
 */
function numbersOf(view: ReplyView): Map<ViewButton, number> {
  const buttons = view.blocks.flatMap((block) =>
    block.type === 'choices' || block.type === 'controls' ? block.buttons.filter((b) => !isRating(b)) : [],
  );
  const ordered = [...buttons.filter(isTriageButton), ...buttons.filter((b) => !isTriageButton(b))];
  return new Map(ordered.map((b, i) => [b, i + 1]));
}

/**
 * A view as plain text. `numbered` (the terminal chat): every button gets a number to type, and
 * "+" / "-" rate the answer shown; otherwise (CLI, chat fallback text) choices are listed and
 * controls left out.
 */
export function renderText(view: ReplyView, options: { numbered?: boolean } = {}): TextRendering {
  const l = strings(view.language).answer;
  const ui = strings(view.language).ui;
  const numbers = options.numbered ? numbersOf(view) : new Map<ViewButton, number>();
  const lines: string[] = [];
  const feedback: TextRendering['feedback'] = {};
  const item = (button: ViewButton, label = button.label) =>
    options.numbered ? `  ${numbers.get(button)}) ${label}` : `  - ${label}`;
  for (const block of view.blocks) {
    switch (block.type) {
      case 'title':
      case 'notice':
      case 'paragraph':
      case 'meta':
      case 'preformatted':
        lines.push(block.text);
        break;
      case 'section':
        // A list (the compact findings) starts under its label, one item a line.
        if (block.text.split('\n').every((line) => line.startsWith('• ')))
          lines.push(`${block.label}${l.colon}`, ...block.text.split('\n').map((line) => `  ${line}`));
        else lines.push(`${block.label}${l.colon} ${block.text}`);
        break;
      case 'choices':
        // A label that asks or already introduces ("Vouliez-vous dire :") takes no second colon.
        if (block.label) lines.push(/[:?]$/.test(block.label) ? block.label : `${block.label}${l.colon}`);
        // Text has room for the whole of a label the buttons shorten.
        lines.push(...block.buttons.map((b) => item(b, b.text ?? b.label)));
        break;
      case 'controls': {
        if (!options.numbered) break;
        const rating = block.buttons.filter(isRating);
        for (const b of rating)
          if (b.action.kind === 'feedback') feedback[b.action.useful ? 'useful' : 'notUseful'] = b.action;
        lines.push(...block.buttons.filter((b) => !isRating(b)).map((b) => item(b)));
        if (rating.length > 0) lines.push(`(${ui.feedbackHint})`);
        break;
      }
      case 'divider':
        lines.push('');
        break;
    }
  }
  if (numbers.size > 0) lines.push('', `(${ui.typeNumber.replace(/ ?:$/, '')})`);
  const choices = [...numbers.entries()].sort((a, b) => a[1] - b[1]).map(([b]) => b.action);
  return { text: lines.join('\n'), choices, feedback };
}
