import { ellipsize, type ReplyView, type ViewBlock, type ViewButton } from '../../src/index.js';

/** Version 1.5 renders in Teams desktop, web and mobile. */
export const CARD_VERSION = '1.5';
/** Teams refuses messages over ~100 KB and cards over ~28 KB: each text block is kept well below. */
export const MAX_BLOCK_CHARS = 1800;
/**
 * Buttons do not wrap: longer titles are cut by Teams itself, mid-word. The core's labels fit
 * (MAX_BUTTON_LABEL); what a label leaves out is in the card's body, above its button.
 */
export const MAX_BUTTON_TITLE = 48;
/** The escalation summary is kept whole up to this size (one monospace block per line). */
const MAX_PREFORMATTED_CHARS = 6000;

type Element = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: Element[];
  actions?: Element[];
}

/** Teams' card markdown joins single line breaks: a source line break becomes a paragraph break. */
export function keepLines(text: string): string {
  return text.replace(/\n+/g, '\n\n');
}

export function textBlock(text: string, extra: Element = {}): Element {
  return { type: 'TextBlock', text: keepLines(ellipsize(text, MAX_BLOCK_CHARS)), wrap: true, ...extra };
}

/** An Action.Submit carries the core action itself as its data (activity.value when clicked). */
function submit(button: ViewButton): Element {
  return {
    type: 'Action.Submit',
    title: ellipsize(button.label, MAX_BUTTON_TITLE),
    data: button.action,
    ...(button.style === 'primary'
      ? { style: 'positive' }
      : button.style === 'danger'
        ? { style: 'destructive' }
        : {}),
  };
}

function elementsOf(block: ViewBlock): Element[] {
  switch (block.type) {
    case 'title':
      return [textBlock(block.text, { weight: 'Bolder', size: 'Medium' })];
    case 'notice':
      return [textBlock(block.text, { isSubtle: true })];
    case 'paragraph':
      return [textBlock(block.text)];
    case 'section':
      return [textBlock(block.label, { weight: 'Bolder', spacing: 'Medium' }), textBlock(block.text)];
    case 'meta':
      return [textBlock(block.text, { isSubtle: true, size: 'Small' })];
    case 'preformatted':
      // One monospace line per TextBlock: the summary keeps its layout and copies line by line.
      return ellipsize(block.text, MAX_PREFORMATTED_CHARS)
        .split('\n')
        .map((line) => ({
          type: 'TextBlock',
          text: line.trim() ? line : ' ',
          wrap: true,
          fontType: 'Monospace',
          size: 'Small',
          spacing: 'None',
        }));
    case 'choices':
      // One button per row: readable on mobile, and clear of the limit on the card's root actions.
      // A label that says less than its text (a lead's product and title) has the text above it.
      return [
        ...(block.label ? [textBlock(block.label, { weight: 'Bolder', spacing: 'Medium' })] : []),
        ...block.buttons.flatMap((b) => [
          ...(b.text === undefined ? [] : [textBlock(b.text, { spacing: 'Medium' })]),
          { type: 'ActionSet', actions: [submit(b)] },
        ]),
      ];
    case 'controls':
      return [{ type: 'ActionSet', actions: block.buttons.map(submit) }];
    case 'divider':
      return [{ type: 'TextBlock', text: ' ', separator: true, wrap: true }];
  }
}

/** A core reply view as an Adaptive Card 1.5. */
export function renderCard(view: ReplyView): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body: view.blocks.flatMap(elementsOf),
  };
}
