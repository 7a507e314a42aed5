import { type Answer, citationOf } from '../answer/answer.js';
import { checklistItemsOf } from '../knowledge/escalation.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import { entryTitle } from '../knowledge/types.js';
import { ellipsize } from '../text/ellipsize.js';
import type { Language } from '../text/language.js';
import { problemLinesOf } from '../text/log-lines.js';
import type { TriageSession } from '../triage/engine.js';
import type { TriageTree } from '../triage/tree.js';
import type { CaseConversation, ChecklistAnswer, EscalationFacts } from './case.js';
import type { CaseOpening } from './cases.js';

/**
 * What an escalation knows before the technician fills the form: where it comes from (an answer,
 * an "I don't know", a diagnosis, a guided triage) and what was seen. The form carries it back
 * with the answers (a Slack modal's metadata, a Teams dialog's data, the terminal's memory), so it
 * is bounded: its JSON fits MAX_DRAFT_JSON. The checklist is not carried: the core derives it
 * again from `treeId` or `product` (checklistOf), so an item is never what a client sent.
 */
export interface CaseDraft extends EscalationFacts {
  /** The entry the escalated answer or triage outcome showed, cited on the case. */
  entry?: string;
}

/** One item to collect, quoted from an entry of the sources. */
export interface ChecklistItem {
  item: string;
  entry: string;
  citation: string;
}

/** A draft's JSON is at most this long: a Slack button value (2000) holds it with the action around it. */
export const MAX_DRAFT_JSON = 1800;

/** A case's summary is cut to this length. */
export const MAX_SUMMARY = 1000;

const LIMITS = {
  title: 150,
  summary: MAX_SUMMARY,
  steps: 12,
  question: 200,
  answer: 100,
  codes: 20,
  code: 40,
  logLines: 20,
  logLine: 300,
} as const;

/** A technician's answer to one checklist item is cut to this length. */
export const MAX_CHECKLIST_ANSWER = 1000;

const cut = (text: string, max: number) => ellipsize(text.trim(), max);

/** Every field within its bound, then the least telling parts dropped until the JSON fits MAX_DRAFT_JSON. */
export function fitDraft(draft: CaseDraft): CaseDraft {
  const fitted: CaseDraft = {
    product: draft.product,
    title: cut(draft.title, LIMITS.title),
    summary: cut(draft.summary, LIMITS.summary),
    path: draft.path
      .slice(0, LIMITS.steps)
      .map((s) => ({ question: cut(s.question, LIMITS.question), answer: cut(s.answer, LIMITS.answer) })),
    codes: draft.codes.slice(0, LIMITS.codes).map((c) => cut(c, LIMITS.code)),
    logLines: draft.logLines.slice(0, LIMITS.logLines).map((l) => cut(l, LIMITS.logLine)),
    ...(draft.treeId ? { treeId: draft.treeId } : {}),
    ...(draft.entry ? { entry: draft.entry } : {}),
  };
  const size = () => JSON.stringify(fitted).length;
  while (size() > MAX_DRAFT_JSON) {
    if (fitted.logLines.length > 0) fitted.logLines.pop();
    else if (fitted.path.length > 0) fitted.path.pop();
    else if ([...fitted.summary].length > 200)
      fitted.summary = cut(fitted.summary, [...fitted.summary].length - 100);
    else if (fitted.codes.length > 0) fitted.codes.pop();
    else fitted.summary = cut(fitted.summary, Math.max(1, [...fitted.summary].length - 50));
  }
  return fitted;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every(isString) ? v : null);

/** A draft carried back by a form, validated and bounded; null for anything else. */
export function parseCaseDraft(value: unknown): CaseDraft | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const codes = strings(v.codes);
  const logLines = strings(v.logLines);
  const path = Array.isArray(v.path) ? v.path : null;
  if (!(v.product === null || isString(v.product)) || !isString(v.title) || !isString(v.summary)) return null;
  if (!codes || !logLines || !path) return null;
  if (!path.every((s) => typeof s === 'object' && s !== null && isString(s.question) && isString(s.answer)))
    return null;
  if ((v.treeId !== undefined && !isString(v.treeId)) || (v.entry !== undefined && !isString(v.entry)))
    return null;
  return fitDraft({
    product: v.product,
    title: v.title,
    summary: v.summary,
    path: (path as { question: string; answer: string }[]).map(({ question, answer }) => ({
      question,
      answer,
    })),
    codes,
    logLines,
    ...(v.treeId ? { treeId: v.treeId } : {}),
    ...(v.entry ? { entry: v.entry } : {}),
  });
}

/** The first line of a text, as a case title. */
function titleOf(text: string): string {
  return cut(text.split('\n').find((l) => l.trim()) ?? '', LIMITS.title);
}

/**
 * The draft of an answer, an "I don't know" or a diagnosis being escalated. Its product: the entry
 * shown (`entryId`, or the answer's best), else the one product all suggestions share, else the
 * product the text names (`productHint`), else none.
 */
export function draftFromAnswer(
  kb: KnowledgeBase,
  answer: Answer,
  seen: { codes: string[]; productHint?: string },
  entryId?: string,
): CaseDraft {
  const best = answer.answered ? answer.results[0] : undefined;
  const shown = (entryId && kb.byId.get(entryId)) || (best && kb.byId.get(best.id)) || undefined;
  const suggested = new Set(answer.results.map((r) => r.product));
  const product =
    shown?.product ?? (suggested.size === 1 ? [...suggested][0] : undefined) ?? seen.productHint ?? null;
  return fitDraft({
    product,
    title: shown ? entryTitle(shown) : titleOf(answer.query),
    summary: answer.query,
    path: [],
    codes: [...new Set(seen.codes)],
    logLines: problemLinesOf(answer.query),
    ...(shown ? { entry: shown.id } : {}),
  });
}

/** The draft of a guided triage being escalated: its path, the codes and log lines seen, its outcome if any. */
export function draftFromTriage(tree: TriageTree, session: TriageSession): CaseDraft {
  const node = tree.nodes[session.node];
  const outcome = node && 'outcome' in node ? node.outcome.cite : undefined;
  return fitDraft({
    product: tree.product,
    title: tree.title,
    summary: session.origin ?? tree.title,
    path: session.history.map((h) => ({ question: h.question, answer: h.answer })),
    codes: session.evidence.codes,
    logLines: session.evidence.logLines,
    treeId: tree.id,
    ...(outcome ? { entry: outcome } : {}),
  });
}

/**
 * What to collect for a draft: its tree's escalation checklist, else its product's
 * (knowledge/escalation.yaml), each entry's items quoted as the source words them.
 */
export function checklistOf(
  kb: KnowledgeBase,
  trees: ReadonlyMap<string, TriageTree>,
  draft: CaseDraft,
): ChecklistItem[] {
  const tree = draft.treeId ? trees.get(draft.treeId) : undefined;
  const ids =
    tree?.escalation.checklist ??
    (draft.product ? (kb.overlays.escalation.products[draft.product]?.checklist ?? []) : []);
  const items: ChecklistItem[] = [];
  for (const id of ids) {
    const entry = kb.byId.get(id);
    if (!entry) continue;
    for (const item of checklistItemsOf(entry, kb.overlays.escalation))
      if (!items.some((i) => i.item === item)) items.push({ item, entry: id, citation: citationOf(entry) });
  }
  return items;
}

/**
 * A filled form as the case to open: the draft, the checklist derived again with the technician's
 * answers (by position; an empty answer is a skipped item), the citations the case stands on.
 */
export function caseOpeningOf(
  kb: KnowledgeBase,
  trees: ReadonlyMap<string, TriageTree>,
  form: { draft: CaseDraft; answers: readonly string[] },
  who: { conversation: CaseConversation; by: string; language: Language },
): CaseOpening {
  const { draft } = form;
  const checklist: ChecklistAnswer[] = checklistOf(kb, trees, draft).map((c, i) => {
    const answer = cut(form.answers[i] ?? '', MAX_CHECKLIST_ANSWER);
    return { item: c.item, citation: c.citation, answer: answer || null };
  });
  const shown = draft.entry ? kb.byId.get(draft.entry) : undefined;
  const citations = [
    ...new Set([...(shown ? [citationOf(shown)] : []), ...checklist.map((c) => c.citation)]),
  ];
  const product = draft.product && kb.products.some((p) => p.id === draft.product) ? draft.product : null;
  return {
    language: who.language,
    product,
    title: draft.title || (product ? kb.productLabel(product, who.language) : '—'),
    summary: draft.summary,
    path: draft.path,
    codes: draft.codes,
    logLines: draft.logLines,
    checklist,
    citations,
    ...(draft.treeId && trees.has(draft.treeId) ? { treeId: draft.treeId } : {}),
    conversation: who.conversation,
    openedBy: who.by,
  };
}
