import type { KnownBlock } from '@slack/types';
import {
  ellipsize,
  encodeAction,
  type ReplyView,
  renderText,
  type ViewBlock,
  type ViewButton,
} from '../../../src/index.js';

/** Block Kit limits (api.slack.com/reference/block-kit): exceeding any of them makes Slack reject the message. */
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  contextText: 3000,
  fallbackText: 3000,
};

/** Every button's action_id starts with this; one listener decodes them all. */
export const BUTTON_ACTION_ID = 'uc';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** mrkdwn treats &, < and > as markup: user and source text must be escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const mrkdwn = (text: string, max = LIMITS.sectionText) => ({
  type: 'mrkdwn' as const,
  text: ellipsize(text, max),
});
const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): KnownBlock => ({
  type: 'context',
  elements: [mrkdwn(escapeMrkdwn(text), LIMITS.contextText)],
});

/** action_ids must be unique within a message: a counter per rendered message numbers them. */
interface Counter {
  next: number;
}

/** One button; the core keeps labels within every platform's limit and values within 2,000 characters. */
function button(b: ViewButton, counter: Counter) {
  return {
    type: 'button' as const,
    text: { type: 'plain_text' as const, text: ellipsize(b.label, LIMITS.buttonText), emoji: false },
    action_id: `${BUTTON_ACTION_ID}:${counter.next++}`,
    value: encodeAction(b.action),
    ...(b.style ? { style: b.style } : {}),
  };
}

function buttons(list: ViewButton[], blockId: string, counter: Counter): KnownBlock {
  return {
    type: 'actions',
    block_id: blockId,
    elements: list.slice(0, LIMITS.actionsElements).map((b) => button(b, counter)),
  };
}

/**
 * Things to pick from: a button whose label says less than its text (a lead's product and whole
 * title, a long follow-up) is a section with the text and the button beside it; the others are
 * grouped in rows, in their order.
 */
function choiceBlocks(list: ViewButton[], index: number, counter: Counter): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let row: ViewButton[] = [];
  // An actions block holds at most 25 buttons: more choices (every finding of a long log) take several.
  const flush = () => {
    for (let i = 0; i < row.length; i += LIMITS.actionsElements)
      blocks.push(
        buttons(row.slice(i, i + LIMITS.actionsElements), `choices_${index}_${blocks.length}`, counter),
      );
    row = [];
  };
  for (const b of list) {
    if (b.text === undefined) {
      row.push(b);
      continue;
    }
    flush();
    blocks.push({ type: 'section', text: mrkdwn(escapeMrkdwn(b.text)), accessory: button(b, counter) });
  }
  flush();
  return blocks;
}

/** A long copyable block is split over several code sections, each within the section limit. */
function codeSections(text: string): KnownBlock[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of escapeMrkdwn(text).split('\n')) {
    if (current.length + line.length + 1 > LIMITS.sectionText - 10) {
      chunks.push(current);
      current = '';
    }
    current += `${ellipsize(line, LIMITS.sectionText - 20)}\n`;
  }
  if (current) chunks.push(current);
  return chunks.map((c) => section(`\`\`\`${c.trimEnd()}\`\`\``));
}

function blocksOf(block: ViewBlock, index: number, counter: Counter): KnownBlock[] {
  switch (block.type) {
    case 'title':
      return [
        {
          type: 'header',
          text: { type: 'plain_text', text: ellipsize(block.text, LIMITS.headerText), emoji: false },
        },
      ];
    case 'notice':
    case 'meta':
      return [context(block.text)];
    case 'paragraph':
      return [section(escapeMrkdwn(block.text))];
    case 'section': {
      const head = `*${escapeMrkdwn(block.label)}*\n`;
      return [section(head + ellipsize(escapeMrkdwn(block.text), LIMITS.sectionText - head.length))];
    }
    case 'preformatted':
      return codeSections(block.text);
    case 'choices':
      return [
        ...(block.label ? [section(`*${escapeMrkdwn(block.label)}*`)] : []),
        ...choiceBlocks(block.buttons, index, counter),
      ];
    case 'controls':
      return [buttons(block.buttons, `controls_${index}`, counter)];
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** A core reply view as a Slack message: Block Kit blocks and the plain-text fallback. */
export function renderSlack(view: ReplyView, lead = ''): SlackMessage {
  const counter = { next: 0 };
  const blocks = [
    ...(lead ? [section(escapeMrkdwn(lead))] : []),
    ...view.blocks.flatMap((block, i) => blocksOf(block, i, counter)),
  ];
  const text = [lead, renderText(view).text].filter(Boolean).join('\n');
  return { text: ellipsize(text, LIMITS.fallbackText), blocks: blocks.slice(0, LIMITS.blocks) };
}
