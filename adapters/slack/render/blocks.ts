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

function buttons(list: ViewButton[], blockId: string, counter: Counter): KnownBlock {
  return {
    type: 'actions',
    block_id: blockId,
    elements: list.slice(0, LIMITS.actionsElements).map((b) => ({
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: ellipsize(b.label, LIMITS.buttonText), emoji: false },
      action_id: `${BUTTON_ACTION_ID}:${counter.next++}`,
      value: encodeAction(b.action).slice(0, LIMITS.buttonValue),
      ...(b.style ? { style: b.style } : {}),
    })),
  };
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
    case 'choices': {
      // An actions block holds at most 25 buttons: more choices (every finding of a long log) take several.
      const rows: KnownBlock[] = [];
      for (let i = 0; i < block.buttons.length; i += LIMITS.actionsElements) {
        const row = block.buttons.slice(i, i + LIMITS.actionsElements);
        rows.push(buttons(row, i === 0 ? `choices_${index}` : `choices_${index}_${i}`, counter));
      }
      return [...(block.label ? [section(`*${escapeMrkdwn(block.label)}*`)] : []), ...rows];
    }
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
