import type { KnownBlock } from '@slack/types';
import {
  type Answer,
  type AnswerResult,
  citationOf,
  ellipsize,
  HELP_TEXT,
  type Language,
  labels,
  noAnswerLead,
  productLabel,
  renderAnswerText,
} from '../../../src/index.js';
import { encodeAction } from './action-values.js';

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

export const ACTION_IDS = {
  share: 'share_answer',
  notIt: 'show_alternatives',
  followUp: 'ask_follow_up',
  pick: 'pick_entry',
} as const;

/** mrkdwn treats &, < and > as markup: user and source text must be escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const truncate = ellipsize;

function section(title: string, body: string): KnownBlock {
  const head = `*${escapeMrkdwn(title)}*\n`;
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: head + truncate(escapeMrkdwn(body), LIMITS.sectionText - head.length) },
  };
}

function button(text: string, actionId: string, value: string, index: number) {
  return {
    type: 'button' as const,
    text: { type: 'plain_text' as const, text: truncate(text, LIMITS.buttonText), emoji: false },
    action_id: `${actionId}:${index}`,
    value: truncate(value, LIMITS.buttonValue),
  };
}

function headerOf(result: AnswerResult): string {
  const codes = result.codes.length > 1 ? result.codes.join(', ') : result.code;
  const name = productLabel(result.product).replace(/ \(.*\)$/, '');
  return truncate(
    codes ? `${name} ${codes} — ${result.cause ?? result.title}` : `${name} — ${result.title}`,
    LIMITS.headerText,
  );
}

export interface RenderOptions {
  /** Private answer (slash command): offer to share it in the channel. */
  ephemeral: boolean;
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The core answer as Block Kit: header, cause, action, follow-up buttons, citation and confidence. */
export function renderAnswerBlocks(answer: Answer, options: RenderOptions): SlackMessage {
  const l = labels(answer.language);
  const text = truncate(renderAnswerText(answer), LIMITS.fallbackText);
  const best = answer.results[0];
  if (!answer.answered || !best) return renderNoAnswer(answer, text);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: headerOf(best), emoji: false } },
  ];
  if (best.code) {
    if (best.severity)
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `${l.type}${l.colon} ${escapeMrkdwn(best.severity)}` }],
      });
    if (best.cause) blocks.push(section(l.cause, best.cause));
    blocks.push(section(l.action, best.action ?? l.noAction));
  } else if (best.action) {
    blocks.push(section(l.procedure, best.action));
  }
  const followUps = best.followUps.slice(0, 5);
  if (followUps.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${l.followUps}*` } });
    blocks.push({
      type: 'actions',
      block_id: 'follow_ups',
      elements: followUps.map((q, i) =>
        button(q, ACTION_IDS.followUp, encodeAction({ q, l: answer.language }), i),
      ),
    });
  }
  const controls = [];
  if (options.ephemeral) {
    const shareLabel = answer.language === 'en' ? 'Share in channel' : 'Partager dans le canal';
    controls.push(
      button(
        shareLabel,
        ACTION_IDS.share,
        encodeAction({ id: best.id, q: answer.query, l: answer.language }),
        0,
      ),
    );
  }
  if (answer.results.length > 1) {
    const notIt = answer.language === 'en' ? "That wasn't it" : "Ce n'était pas ça";
    controls.push(button(notIt, ACTION_IDS.notIt, encodeAction({ q: answer.query, l: answer.language }), 1));
  }
  if (controls.length > 0) blocks.push({ type: 'actions', block_id: 'answer_controls', elements: controls });
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: truncate(
          `${l.source}${l.colon} ${escapeMrkdwn(citationOf(best))} · ${l.confidence}${l.colon} ${Math.round(best.score * 100)} %`,
          LIMITS.contextText,
        ),
      },
    ],
  });
  return { text, blocks: blocks.slice(0, LIMITS.blocks) };
}

/** "I don't know": said plainly, with the closest entries as buttons. */
function renderNoAnswer(answer: Answer, text: string): SlackMessage {
  const l = labels(answer.language);
  const lines = noAnswerLead(answer);
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(lines.join('\n')) } },
  ];
  if (answer.results.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${l.didYouMean}*` } });
    blocks.push({
      type: 'actions',
      block_id: 'did_you_mean',
      elements: answer.results.map((r, i) =>
        button(r.title, ACTION_IDS.pick, encodeAction({ id: r.id, l: answer.language }), i),
      ),
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(l.escalate) }] });
  return { text, blocks };
}

/** "Ce n'était pas ça": the other candidates, each a button that shows its full answer. */
export function renderAlternatives(answer: Answer): SlackMessage {
  const l = labels(answer.language);
  const others = answer.results.slice(1);
  const lines = others.map((r) => `• ${escapeMrkdwn(productLabel(r.product))} : ${escapeMrkdwn(r.title)}`);
  const text = truncate(
    `${l.alternatives}${l.colon}\n${others.map((r) => `- ${r.title}`).join('\n')}`,
    LIMITS.fallbackText,
  );
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncate(`*${l.alternatives}*\n${lines.join('\n')}`, LIMITS.sectionText),
        },
      },
      {
        type: 'actions',
        block_id: 'alternatives',
        elements: others.map((r, i) =>
          button(r.title, ACTION_IDS.pick, encodeAction({ id: r.id, l: answer.language }), i),
        ),
      },
    ],
  };
}

export function renderHelp(language: Language): SlackMessage {
  const text = HELP_TEXT[language];
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }] };
}
