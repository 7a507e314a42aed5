import type { KnownBlock } from '@slack/types';
import {
  citationOf,
  type Language,
  labels,
  NOTICES,
  parseTriageAction,
  type Reply,
  renderAnswerText,
  renderTriageText,
  TRIAGE_LABELS,
  type TriageAction,
  type TriageView,
} from '../../../src/index.js';
import { escapeMrkdwn, LIMITS, renderAnswerBlocks, type SlackMessage, truncate } from './blocks.js';

export const TRIAGE_ACTION_ID = 'triage';

function button(text: string, action: TriageAction, index: number, style?: 'primary' | 'danger') {
  return {
    type: 'button' as const,
    text: { type: 'plain_text' as const, text: truncate(text, LIMITS.buttonText), emoji: false },
    action_id: `${TRIAGE_ACTION_ID}:${index}`,
    value: JSON.stringify(action),
    ...(style ? { style } : {}),
  };
}

export function decodeTriageAction(raw: unknown): TriageAction | null {
  if (typeof raw !== 'string') return null;
  try {
    return parseTriageAction(JSON.parse(raw));
  } catch {
    return null;
  }
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } };
}

/** A long copyable block is split over several code sections, each within the 3000-character limit. */
function codeSections(text: string): KnownBlock[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of escapeMrkdwn(text).split('\n')) {
    if (current.length + line.length + 1 > LIMITS.sectionText - 10) {
      chunks.push(current);
      current = '';
    }
    current += `${truncate(line, LIMITS.sectionText - 20)}\n`;
  }
  if (current) chunks.push(current);
  return chunks.map((c) => section(`\`\`\`${c.trimEnd()}\`\`\``));
}

function controls(view: TriageView, language: Language): KnownBlock {
  const l = TRIAGE_LABELS[language];
  const elements = [
    ...(view.canGoBack ? [button(`← ${l.back}`, { kind: 'triage-control', control: 'back' }, 10)] : []),
    button(l.restart, { kind: 'triage-control', control: 'restart' }, 11),
    button(l.escalate, { kind: 'triage-control', control: 'escalate' }, 12),
    button(l.stop, { kind: 'triage-control', control: 'stop' }, 13, 'danger'),
  ];
  return { type: 'actions', block_id: 'triage_controls', elements };
}

function viewBlocks(view: TriageView, language: Language): KnownBlock[] {
  const l = TRIAGE_LABELS[language];
  const header: KnownBlock = {
    type: 'header',
    text: {
      type: 'plain_text',
      text: truncate(`${l.guided} — ${view.title}`, LIMITS.headerText),
      emoji: false,
    },
  };
  if (view.state === 'stopped') return [section(escapeMrkdwn(`${l.stopped} (${view.title})`))];
  if (view.state === 'question' && view.question) {
    return [
      header,
      section(`*${escapeMrkdwn(l.step(view.step))}* — ${escapeMrkdwn(view.question.text)}`),
      {
        type: 'actions',
        block_id: `triage_options_${view.step}`,
        elements: view.question.options.map((o, i) =>
          button(o, { kind: 'triage-choice', treeId: view.treeId, step: view.step, option: i }, i),
        ),
      },
      controls(view, language),
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: truncate(
              `${l.source}${l.colon} ${escapeMrkdwn(view.question.citation.text)}`,
              LIMITS.contextText,
            ),
          },
        ],
      },
    ];
  }
  const blocks: KnownBlock[] = [header];
  if (view.outcome) {
    const r = view.outcome.result;
    const al = labels(language);
    blocks.push(section(`*${escapeMrkdwn(l.result)}${l.colon} ${escapeMrkdwn(r.title)}*`));
    if (r.code && r.cause) blocks.push(section(`*${al.cause}*\n${escapeMrkdwn(r.cause)}`));
    if (r.action) blocks.push(section(`*${r.code ? al.action : al.procedure}*\n${escapeMrkdwn(r.action)}`));
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: truncate(`${l.source}${l.colon} ${escapeMrkdwn(citationOf(r))}`, LIMITS.contextText),
        },
      ],
    });
  }
  if (view.state === 'escalation' && view.escalation) {
    blocks.push(section(escapeMrkdwn(l.escalationIntro)), ...codeSections(view.escalation.text));
    return blocks;
  }
  blocks.push(section(escapeMrkdwn(l.fixedHint)), controls(view, language));
  return blocks;
}

function noticeBlock(reply: Reply): KnownBlock[] {
  if (reply.kind === 'help' || !reply.notice) return [];
  return [
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: escapeMrkdwn(NOTICES[reply.language][reply.notice]) }],
    },
  ];
}

/** Guided triage in Block Kit: the step number, the options as buttons, back/restart/escalate/stop. */
export function renderTriageReply(
  reply: Extract<Reply, { kind: 'triage' }>,
  ephemeral: boolean,
): SlackMessage {
  const offscript = reply.answer ? renderAnswerBlocks(reply.answer, { ephemeral }).blocks : [];
  const blocks = [...offscript, ...noticeBlock(reply), ...viewBlocks(reply.view, reply.language)];
  const text = [
    reply.answer ? renderAnswerText(reply.answer) : '',
    reply.notice ? NOTICES[reply.language][reply.notice] : '',
    renderTriageText(reply.view, reply.language),
  ]
    .filter(Boolean)
    .join('\n\n');
  return { text: truncate(text, LIMITS.fallbackText), blocks: blocks.slice(0, LIMITS.blocks) };
}

/** An answer with its triage notice, its "start guided triage" offer, or the list of trees to pick. */
export function decorateAnswer(
  reply: Extract<Reply, { kind: 'answer' }>,
  message: SlackMessage,
): SlackMessage {
  const l = TRIAGE_LABELS[reply.language];
  const extra: KnownBlock[] = [];
  if (reply.triageOffer) {
    extra.push({
      type: 'actions',
      block_id: 'triage_offer',
      elements: [
        button(`${l.start}`, { kind: 'triage-start', treeId: reply.triageOffer.treeId }, 0, 'primary'),
      ],
    });
  }
  if (reply.trees && reply.trees.length > 0) {
    return {
      text: `${NOTICES[reply.language]['choose-tree']}\n${reply.trees.map((t) => `- ${t.title}`).join('\n')}`,
      blocks: [
        section(escapeMrkdwn(NOTICES[reply.language]['choose-tree'])),
        {
          type: 'actions',
          block_id: 'triage_trees',
          elements: reply.trees.map((t, i) => button(t.title, { kind: 'triage-start', treeId: t.treeId }, i)),
        },
      ],
    };
  }
  const notice = reply.notice ? NOTICES[reply.language][reply.notice] : '';
  return {
    text: truncate(notice ? `${notice}\n\n${message.text}` : message.text, LIMITS.fallbackText),
    blocks: [...noticeBlock(reply), ...message.blocks, ...extra].slice(0, LIMITS.blocks),
  };
}
