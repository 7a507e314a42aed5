import type { Answer } from '../answer/answer.js';
import { renderResultText } from '../answer/render-text.js';
import type { Language } from '../text/language.js';
import type { TriageView } from './view.js';

export const TRIAGE_LABELS = {
  fr: {
    colon: ' :',
    guided: 'Diagnostic guidé',
    step: (n: number) => `Étape ${n}`,
    controls: 'retour · recommencer · stop · escalader',
    back: 'Retour',
    restart: 'Recommencer',
    stop: 'Arrêter',
    escalate: 'Escalader',
    start: 'Lancer le diagnostic guidé',
    result: 'Résultat',
    fixedHint:
      'Si cela ne résout pas le problème, tapez « escalader » pour le résumé à transmettre au support.',
    escalationIntro:
      'Le guide ne donne pas de correctif pour ce cas : voici le résumé d’escalade à copier dans le dossier.',
    stopped: 'Diagnostic guidé arrêté.',
    source: 'Source',
  },
  en: {
    colon: ':',
    guided: 'Guided triage',
    step: (n: number) => `Step ${n}`,
    controls: 'back · restart · stop · escalate',
    back: 'Back',
    restart: 'Restart',
    stop: 'Stop',
    escalate: 'Escalate',
    start: 'Start guided triage',
    result: 'Result',
    fixedHint: 'If this does not fix it, type "escalate" for the summary to hand to support.',
    escalationIntro:
      'The guide gives no fix for this case: here is the escalation summary to copy into the case.',
    stopped: 'Guided triage stopped.',
    source: 'Source',
  },
} as const;

/** Plain-text rendering of a triage step (terminal, and the fallback text of chat messages). */
export function renderTriageText(view: TriageView, language: Language): string {
  const l = TRIAGE_LABELS[language];
  const head = `${l.guided}${l.colon} ${view.title}`;
  if (view.state === 'stopped') return `${l.stopped} (${view.title})`;
  if (view.state === 'question' && view.question) {
    return [
      `${head} — ${l.step(view.step)}`,
      view.question.text,
      ...view.question.options.map((o, i) => `  ${i + 1}) ${o}`),
      `(${l.controls})`,
      `${l.source}${l.colon} ${view.question.citation.text}`,
    ].join('\n');
  }
  const answerFrame: Answer = {
    query: view.title,
    answered: true,
    language,
    results: view.outcome ? [view.outcome.result] : [],
    unknownCodes: [],
  };
  const outcome = view.outcome
    ? [`${l.result}${l.colon}`, renderResultText(answerFrame, view.outcome.result)]
    : [];
  if (view.state === 'escalation' && view.escalation) {
    // The summary is what gets copied into the case: it comes whole, the outcome (also in it) by title.
    const reached = view.outcome ? [`${l.result}${l.colon} ${view.outcome.result.title}`] : [];
    return [head, ...reached, '', l.escalationIntro, '', view.escalation.text].join('\n');
  }
  return [head, ...outcome, '', l.fixedHint].join('\n');
}
