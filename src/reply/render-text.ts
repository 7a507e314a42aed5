import { strings } from '../text/catalogue.js';
import type { CoreAction } from './actions.js';
import type { ReplyView } from './view.js';

export interface TextRendering {
  text: string;
  /** With `numbered`: the action of each number typed, 1-based (choices first, then controls). */
  choices: CoreAction[];
}

/**
 * A view as plain text. `numbered` (the terminal chat): every button gets a number to type;
 * otherwise (CLI, chat fallback text) choices are listed and controls left out.
 */
export function renderText(view: ReplyView, options: { numbered?: boolean } = {}): TextRendering {
  const l = strings(view.language).answer;
  const lines: string[] = [];
  const choices: CoreAction[] = [];
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
        lines.push(`${block.label}${l.colon} ${block.text}`);
        break;
      case 'choices':
        if (block.label) lines.push(`${block.label}${l.colon}`);
        lines.push(...block.buttons.map((b) => item(b.label, b.action)));
        break;
      case 'controls':
        if (options.numbered) lines.push(...block.buttons.map((b) => item(b.label, b.action)));
        break;
      case 'divider':
        lines.push('');
        break;
    }
  }
  if (options.numbered && choices.length > 0)
    lines.push('', `(${strings(view.language).ui.typeNumber.replace(/ ?:$/, '')})`);
  return { text: lines.join('\n'), choices };
}
