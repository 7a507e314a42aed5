import { strings } from '../text/catalogue.js';
import type { CoreAction } from './actions.js';
import type { ReplyView } from './view.js';

export interface TextRendering {
  text: string;
  /** With `numbered`: the action of each number typed, 1-based (choices first, then controls). */
  choices: CoreAction[];
  /** With `numbered`: what "+" and "-" stand for (feedback on the answer shown). */
  feedback: { useful?: CoreAction; notUseful?: CoreAction };
}

/**
 * A view as plain text. `numbered` (the terminal chat): every button gets a number to type;
 * otherwise (CLI, chat fallback text) choices are listed and controls left out.
 */
export function renderText(view: ReplyView, options: { numbered?: boolean } = {}): TextRendering {
  const l = strings(view.language).answer;
  const lines: string[] = [];
  const choices: CoreAction[] = [];
  const feedback: TextRendering['feedback'] = {};
  const item = (label: string, action: CoreAction) => {
    if (!options.numbered) return `  - ${label}`;
    choices.push(action);
    return `  ${choices.length}) ${label}`;
  };
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
        if (block.label) lines.push(`${block.label}${l.colon}`);
        lines.push(...block.buttons.map((b) => item(b.label, b.action)));
        break;
      case 'controls': {
        if (!options.numbered) break;
        for (const b of block.buttons) {
          if (b.action.kind === 'feedback') feedback[b.action.useful ? 'useful' : 'notUseful'] = b.action;
          else lines.push(item(b.label, b.action));
        }
        if (feedback.useful || feedback.notUseful) lines.push(`(${strings(view.language).ui.feedbackHint})`);
        break;
      }
      case 'divider':
        lines.push('');
        break;
    }
  }
  if (options.numbered && choices.length > 0)
    lines.push('', `(${strings(view.language).ui.typeNumber.replace(/ ?:$/, '')})`);
  return { text: lines.join('\n'), choices, feedback };
}
