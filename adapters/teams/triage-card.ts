import {
  citationOf,
  ellipsize,
  type Language,
  labels,
  NOTICES,
  parseTriageAction,
  type Reply,
  TRIAGE_LABELS,
  type TriageAction,
  type TriageView,
} from '../../src/index.js';
import {
  type AdaptiveCard,
  answerCard,
  buttonRows,
  CARD_VERSION,
  MAX_BLOCK_CHARS,
  MAX_BUTTON_TITLE,
  textBlock,
} from './cards.js';

const clip = ellipsize;

const text = (t: string, extra: Record<string, unknown> = {}) => textBlock(t, extra);

/** An Action.Submit that carries a triage action back (activity.value.triage). */
function submit(title: string, action: TriageAction): Record<string, unknown> {
  return {
    type: 'Action.Submit',
    title: clip(title, MAX_BUTTON_TITLE),
    data: { kind: 'triage', triage: action },
  };
}

function controls(view: TriageView, language: Language): Record<string, unknown>[] {
  const l = TRIAGE_LABELS[language];
  return [
    ...(view.canGoBack ? [submit(`← ${l.back}`, { kind: 'triage-control', control: 'back' })] : []),
    submit(l.restart, { kind: 'triage-control', control: 'restart' }),
    submit(l.escalate, { kind: 'triage-control', control: 'escalate' }),
    submit(l.stop, { kind: 'triage-control', control: 'stop' }),
  ];
}

/** A triage step as an Adaptive Card: step number, question and options, or the outcome/escalation. */
export function triageCard(reply: Extract<Reply, { kind: 'triage' }>): AdaptiveCard {
  const { view, language } = reply;
  const l = TRIAGE_LABELS[language];
  const body: Record<string, unknown>[] = [];
  const actions: Record<string, unknown>[] = [];
  if (reply.answer) {
    const offscript = answerCard(reply.answer);
    body.push(...offscript.body, { type: 'TextBlock', text: ' ', separator: true, wrap: true });
  }
  if (reply.notice) body.push(text(NOTICES[language][reply.notice], { isSubtle: true }));
  body.push(text(`${l.guided} — ${view.title}`, { weight: 'Bolder', size: 'Medium' }));
  if (view.state === 'stopped') {
    body.push(text(l.stopped));
  } else if (view.state === 'question' && view.question) {
    body.push(text(l.step(view.step), { weight: 'Bolder', spacing: 'Small' }), text(view.question.text));
    body.push(
      ...buttonRows(
        view.question.options.map((o, i) =>
          submit(o, { kind: 'triage-choice', treeId: view.treeId, step: view.step, option: i }),
        ),
      ),
    );
    body.push(
      text(`${l.source}${l.colon} ${view.question.citation.text}`, { isSubtle: true, size: 'Small' }),
    );
    actions.push(...controls(view, language));
  } else {
    if (view.outcome) {
      const r = view.outcome.result;
      const al = labels(language);
      body.push(text(`${l.result}${l.colon} ${r.title}`, { weight: 'Bolder' }));
      if (r.code && r.cause)
        body.push(text(al.cause, { weight: 'Bolder' }), text(clip(r.cause, MAX_BLOCK_CHARS)));
      if (r.action)
        body.push(
          text(r.code ? al.action : al.procedure, { weight: 'Bolder' }),
          text(clip(r.action, MAX_BLOCK_CHARS)),
        );
      body.push(text(`${l.source}${l.colon} ${citationOf(r)}`, { isSubtle: true, size: 'Small' }));
    }
    if (view.state === 'escalation' && view.escalation) {
      body.push(
        text(l.escalationIntro),
        // One monospace line per TextBlock: the summary keeps its layout and copies line by line.
        ...clip(view.escalation.text, 6000)
          .split('\n')
          .map((line) => ({
            type: 'TextBlock',
            text: line.trim() ? line : ' ',
            wrap: true,
            fontType: 'Monospace',
            size: 'Small',
            spacing: 'None',
          })),
      );
    } else {
      body.push(text(l.fixedHint, { isSubtle: true }));
      actions.push(...controls(view, language));
    }
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** An answer card with the "start guided triage" offer, or the list of trees to pick. */
export function decoratedAnswerCard(reply: Extract<Reply, { kind: 'answer' }>): AdaptiveCard {
  const l = TRIAGE_LABELS[reply.language];
  if (reply.trees && reply.trees.length > 0) {
    return {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: CARD_VERSION,
      body: [
        text(NOTICES[reply.language]['choose-tree'], { weight: 'Bolder' }),
        ...buttonRows(reply.trees.map((t) => submit(t.title, { kind: 'triage-start', treeId: t.treeId }))),
      ],
    };
  }
  const card = answerCard(reply.answer);
  const notice = reply.notice ? [text(NOTICES[reply.language][reply.notice], { isSubtle: true })] : [];
  const offer = reply.triageOffer
    ? [submit(l.start, { kind: 'triage-start', treeId: reply.triageOffer.treeId })]
    : [];
  return {
    ...card,
    body: [...notice, ...card.body],
    ...(card.actions || offer.length > 0 ? { actions: [...offer, ...(card.actions ?? [])] } : {}),
  };
}

/** The triage action of an Action.Submit ({ kind: 'triage', triage: ... }), validated by the core. */
export function parseTriageSubmit(value: unknown): TriageAction | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { kind?: unknown; triage?: unknown };
  return v.kind === 'triage' ? parseTriageAction(v.triage) : null;
}
