import { type AnswerResult, citationOf } from '../answer/answer.js';
import { checklistItemsOf } from '../knowledge/escalation.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Product } from '../knowledge/types.js';
import { CATALOGUE } from '../text/catalogue.js';
import type { Language } from '../text/language.js';
import { currentQuestion, stepNumber, type TriageSession } from './engine.js';
import type { TriageTree } from './tree.js';

export interface Citation {
  id: string;
  section: string;
  text: string;
}

/** What an adapter renders for a guided triage: platform-neutral. */
export interface TriageView {
  treeId: string;
  title: string;
  product: Product;
  step: number;
  canGoBack: boolean;
  state: 'question' | 'outcome' | 'escalation' | 'stopped';
  question?: { text: string; options: string[]; citation: Citation };
  /** The cited entry, verbatim, and whether the guide gives it as a fix. */
  outcome?: { result: AnswerResult; fixed: boolean };
  /** The copyable escalation summary. */
  escalation?: { text: string; citations: Citation[] };
  /** The path so far: question -> answer. */
  path: { question: string; answer: string }[];
  /** The question the triage was started for (what rating its outcome rates the answer to). */
  origin?: string;
}

export function citationFor(kb: KnowledgeBase, id: string): Citation {
  const entry = kb.byId.get(id);
  if (!entry) return { id, section: id, text: id };
  return { id, section: entry.section, text: citationOf(entry) };
}

const ESCALATION_LABELS = { fr: CATALOGUE.fr.escalation, en: CATALOGUE.en.escalation };

/** The items of a checklist entry (escalation.yaml may narrow it to the lines that are information to collect). */
function checklistItems(kb: KnowledgeBase, id: string): string[] {
  const entry = kb.byId.get(id);
  return entry ? checklistItemsOf(entry, kb.overlays.escalation) : [];
}

/** The escalation summary: path taken, codes and log lines seen, and what to collect, as one copyable block. */
export function escalationText(
  kb: KnowledgeBase,
  tree: TriageTree,
  session: TriageSession,
  language: Language,
  outcomeTitle: string | null,
): { text: string; citations: Citation[] } {
  const l = ESCALATION_LABELS[language];
  const citations = tree.escalation.checklist.map((id) => citationFor(kb, id));
  const lines = [
    `${l.title} — ${tree.title}`,
    `${l.product} : ${kb.productLabel(tree.product, language)}`,
    `${l.path} :`,
    ...(session.history.length > 0
      ? session.history.map((h, i) => `  ${i + 1}. ${h.question} → ${h.answer}`)
      : [`  (${l.none})`]),
    ...(outcomeTitle ? [`${l.result} : ${outcomeTitle}`] : []),
    `${l.codes} : ${session.evidence.codes.length > 0 ? session.evidence.codes.join(', ') : l.none}`,
    `${l.logs} :`,
    ...(session.evidence.logLines.length > 0
      ? session.evidence.logLines.map((x) => `  ${x}`)
      : [`  (${l.noLines})`]),
    `${l.collect} :`,
    ...tree.escalation.checklist.flatMap((id) => checklistItems(kb, id)).map((item) => `  [ ] ${item}`),
    `${l.sources} :`,
    ...citations.map((c) => `  ${c.text}`),
  ];
  return { text: lines.join('\n'), citations };
}

export function viewOf(
  kb: KnowledgeBase,
  tree: TriageTree,
  session: TriageSession,
  language: Language,
  entryResult: (id: string) => AnswerResult | null,
  state?: 'escalation' | 'stopped',
): TriageView {
  const base = {
    treeId: tree.id,
    title: tree.title,
    product: tree.product,
    step: stepNumber(session),
    canGoBack: session.history.length > 0,
    path: session.history.map((h) => ({ question: h.question, answer: h.answer })),
    ...(session.origin ? { origin: session.origin } : {}),
  };
  if (state === 'stopped') return { ...base, state: 'stopped' };
  const question = currentQuestion(tree, session);
  if (question && state !== 'escalation') {
    return {
      ...base,
      state: 'question',
      question: {
        text: question.question,
        options: question.options.map((o) => o.label),
        citation: citationFor(kb, question.cite),
      },
    };
  }
  const node = tree.nodes[session.node];
  const outcome = node && 'outcome' in node ? node.outcome : null;
  const result = outcome ? entryResult(outcome.cite) : null;
  if (state === 'escalation' || (outcome && !outcome.fixed) || !result) {
    return {
      ...base,
      state: 'escalation',
      ...(result && outcome ? { outcome: { result, fixed: outcome.fixed } } : {}),
      escalation: escalationText(kb, tree, session, language, result?.title ?? null),
    };
  }
  return { ...base, state: 'outcome', outcome: { result, fixed: outcome?.fixed ?? true } };
}
