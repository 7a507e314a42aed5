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
} from '../../src/index.js';

/** Version 1.5 renders in Teams desktop, web and mobile. */
export const CARD_VERSION = '1.5';
/** Teams refuses messages over ~100 KB and cards over ~28 KB: each text block is kept well below. */
export const MAX_BLOCK_CHARS = 1800;
/** Buttons do not wrap: longer titles are cut by Teams itself, mid-word. */
export const MAX_BUTTON_TITLE = 48;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
}

/** What an Action.Submit carries back (activity.value): the question or entry, and the context. */
export interface SubmitData {
  kind: 'followUp' | 'pick' | 'full';
  q?: string;
  id?: string;
  l: Language;
  /** The question that produced the card: a click continues that triage, not a blank query. */
  context?: string;
}

function clip(text: string, max: number): { text: string; clipped: boolean } {
  const shown = ellipsize(text, max);
  return { text: shown, clipped: shown !== text };
}

/** Teams' card markdown joins single line breaks: a source line break becomes a paragraph break. */
export function keepLines(text: string): string {
  return text.replace(/\n+/g, '\n\n');
}

export function textBlock(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextBlock', text: keepLines(text), wrap: true, ...extra };
}

/**
 * Buttons stacked one per row in the body: readable on mobile, and clear of the limit on actions
 * at the card's root (5 in the default host config; Teams shows at most 6).
 */
export function buttonRows(actions: Record<string, unknown>[]): Record<string, unknown>[] {
  return actions.map((action) => ({ type: 'ActionSet', actions: [action] }));
}

function card(body: Record<string, unknown>[], actions: Record<string, unknown>[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

function submit(title: string, data: SubmitData): Record<string, unknown> {
  return {
    type: 'Action.Submit',
    title: clip(title, MAX_BUTTON_TITLE).text,
    data: { ...data, q: data.q?.slice(0, 1500) },
  };
}

function titleOf(result: AnswerResult): string {
  const codes = result.codes.length > 1 ? result.codes.join(', ') : result.code;
  const name = productLabel(result.product);
  return codes ? `${name} — ${codes}` : `${name} — ${result.title}`;
}

/** The core answer as an Adaptive Card: title, cause, action, follow-ups, citation and confidence. */
export function answerCard(answer: Answer): AdaptiveCard {
  const l = labels(answer.language);
  const best = answer.results[0];
  if (!answer.answered || !best) return noAnswerCard(answer);
  const body: Record<string, unknown>[] = [textBlock(titleOf(best), { weight: 'Bolder', size: 'Medium' })];
  let clipped = false;
  const section = (label: string, text: string) => {
    const c = clip(text, MAX_BLOCK_CHARS);
    clipped ||= c.clipped;
    body.push(textBlock(label, { weight: 'Bolder', spacing: 'Medium' }), textBlock(c.text));
  };
  if (best.code) {
    if (best.severity)
      body.push(textBlock(`${l.type}${l.colon} ${best.severity}`, { isSubtle: true, spacing: 'None' }));
    if (best.cause) section(l.cause, best.cause);
    section(l.action, best.action ?? l.noAction);
  } else if (best.action) {
    section(l.procedure, best.action);
  }
  body.push(
    textBlock(
      `${l.source}${l.colon} ${citationOf(best)} · ${l.confidence}${l.colon} ${Math.round(best.score * 100)} %`,
      {
        isSubtle: true,
        size: 'Small',
        spacing: 'Medium',
      },
    ),
  );
  const followUps = best.followUps
    .slice(0, 4)
    .map((q) => submit(q, { kind: 'followUp', q, l: answer.language, context: answer.query }));
  if (followUps.length > 0)
    body.push(textBlock(l.followUps, { weight: 'Bolder', spacing: 'Medium' }), ...buttonRows(followUps));
  const actions: Record<string, unknown>[] = [];
  if (clipped) {
    const full = answer.language === 'en' ? 'Full section text' : 'Texte complet de la section';
    actions.push(submit(full, { kind: 'full', id: best.id, l: answer.language, context: answer.query }));
  }
  const others = answer.results.slice(1);
  if (others.length > 0) {
    actions.push({
      type: 'Action.ShowCard',
      title: answer.language === 'en' ? "That wasn't it" : "Ce n'était pas ça",
      card: card(
        [textBlock(l.alternatives, { weight: 'Bolder' })],
        others.map((r) =>
          submit(`${r.title}`, { kind: 'pick', id: r.id, l: answer.language, context: answer.query }),
        ),
      ),
    });
  }
  return card(body, actions);
}

function noAnswerCard(answer: Answer): AdaptiveCard {
  const l = labels(answer.language);
  const body = noAnswerLead(answer).map((line) => textBlock(line));
  if (answer.results.length > 0) body.push(textBlock(l.didYouMean, { weight: 'Bolder', spacing: 'Medium' }));
  body.push(textBlock(l.escalate, { isSubtle: true, size: 'Small' }));
  return card(
    body,
    answer.results.map((r) =>
      submit(r.title, { kind: 'pick', id: r.id, l: answer.language, context: answer.query }),
    ),
  );
}

export function helpCard(language: Language, welcome = false): AdaptiveCard {
  const hello =
    language === 'en'
      ? 'Hello! I am UC Triage: mention me in a channel or write to me here.'
      : 'Bonjour ! Je suis UC Triage : mentionnez-moi dans un canal ou écrivez-moi ici.';
  const examples =
    language === 'en'
      ? ['200039', 'callEndReason 487', 'user cannot sign in with SSO']
      : ['200039', 'callEndReason 487', "l'utilisateur ne voit pas l'icône d'appel"];
  return card([
    ...(welcome ? [textBlock(hello, { weight: 'Bolder' })] : []),
    textBlock(HELP_TEXT[language]),
    ...buttonRows(examples.map((q) => submit(q, { kind: 'followUp', q, l: language }))),
  ]);
}
