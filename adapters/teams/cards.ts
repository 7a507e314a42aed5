import { type Activity, CardFactory } from 'botbuilder';
import {
  ellipsize,
  opensForm,
  type ReplyView,
  renderText,
  type ViewBlock,
  type ViewButton,
} from '../../src/index.js';
import type { Link } from './deep-links.js';

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

/**
 * The experts' commands on a case's card are Universal Actions (Action.Execute, an
 * adaptiveCard/action invoke): the bot answers the click with a card that only the person who
 * clicked sees, so a refusal ("only the experts…") stays private, and updates the card for
 * everyone when the command is applied.
 */
export const EXECUTED: ReadonlySet<string> = new Set(['case-take', 'case-close', 'case-reopen']);

/**
 * A button carries the core action itself as its data: an Action.Submit comes back as a message
 * whose value it is; one whose reply is a form fetches a dialog (task/fetch) with it; an expert's
 * command is an Action.Execute (above).
 */
function submit(button: ViewButton): Element {
  const common = {
    title: ellipsize(button.label, MAX_BUTTON_TITLE),
    ...(button.style === 'primary'
      ? { style: 'positive' }
      : button.style === 'danger'
        ? { style: 'destructive' }
        : {}),
  };
  const { action } = button;
  if (opensForm(action))
    return { type: 'Action.Submit', ...common, data: { ...action, msteams: { type: 'task/fetch' } } };
  if (EXECUTED.has(action.kind))
    return { type: 'Action.Execute', ...common, verb: action.kind, data: action };
  return { type: 'Action.Submit', ...common, data: action };
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

/** A card with links below it (Action.OpenUrl): the way to the experts' post, to the technician's conversation. */
export function withLinks(card: AdaptiveCard, links: readonly (Link | undefined)[]): AdaptiveCard {
  const actions = links
    .filter((l): l is Link => l !== undefined)
    .map((l) => ({ type: 'Action.OpenUrl', title: ellipsize(l.label, MAX_BUTTON_TITLE), url: l.url }));
  return actions.length > 0 ? { ...card, body: [...card.body, { type: 'ActionSet', actions }] } : card;
}

/** A card with one line above it, in the attention colour: a refusal shown to the person who clicked. */
export function withNotice(card: AdaptiveCard, text: string): AdaptiveCard {
  return { ...card, body: [textBlock(text, { color: 'Attention', weight: 'Bolder' }), ...card.body] };
}

/** A card as a message: the card carries its own plain-text fallback; the summary is what notifications show. */
export function cardActivity(card: AdaptiveCard, view: ReplyView): Partial<Activity> {
  const text = renderText(view).text;
  return {
    type: 'message',
    summary: [...text].slice(0, 200).join(''),
    attachments: [CardFactory.adaptiveCard({ ...card, fallbackText: [...text].slice(0, 1000).join('') })],
  };
}
