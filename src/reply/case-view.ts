import { citationOf } from '../answer/answer.js';
import type { Case } from '../cases/case.js';
import type { CaseOpening } from '../cases/cases.js';
import type { CaseDraft } from '../cases/draft.js';
import { strings } from '../text/catalogue.js';
import type { Language } from '../text/language.js';
import type { ViewBlock, ViewButton, ViewKnowledge, ViewOptions } from './blocks.js';
import type {
  CaseFormReply,
  CaseNoticeReply,
  CaseOpenedReply,
  CaseRefusedReply,
  CaseResolveFormReply,
} from './reply.js';

/** "2026-12-06 10:05 UTC": a case's times, the same for everyone wherever they are. */
export function caseTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function productLine(kb: ViewKnowledge, product: string | null, language: Language): ViewBlock {
  const c = strings(language).cases;
  const colon = strings(language).answer.colon;
  return {
    type: 'meta',
    text: `${c.product}${colon} ${product ? kb.productLabel(product, language) : c.noProduct}`,
  };
}

/** What was seen before escalating: the triage's path, the codes, the log lines. */
function seenBlocks(draft: Pick<CaseDraft, 'path' | 'codes' | 'logLines'>, language: Language): ViewBlock[] {
  const c = strings(language).cases;
  const blocks: ViewBlock[] = [];
  if (draft.path.length > 0)
    blocks.push({
      type: 'section',
      label: c.path,
      text: draft.path.map((s, i) => `${i + 1}. ${s.question} → ${s.answer}`).join('\n'),
    });
  if (draft.codes.length > 0) blocks.push({ type: 'section', label: c.codes, text: draft.codes.join(', ') });
  if (draft.logLines.length > 0) blocks.push({ type: 'preformatted', text: draft.logLines.join('\n') });
  return blocks;
}

function sourcesLine(citations: readonly string[], language: Language): ViewBlock[] {
  if (citations.length === 0) return [];
  const { cases: c, answer } = strings(language);
  return [{ type: 'meta', text: `${c.sources}${answer.colon} ${citations.join(' · ')}` }];
}

/**
 * What the form is about, above its fields: the product, the summary (unless a field of the form
 * shows it, prefilled), what was seen.
 */
export function caseFormContext(
  kb: ViewKnowledge,
  draft: CaseDraft,
  language: Language,
  { summaryField = false } = {},
): ViewBlock[] {
  const c = strings(language).cases;
  return [
    productLine(kb, draft.product, language),
    ...(summaryField ? [] : [{ type: 'section' as const, label: c.summary, text: draft.summary }]),
    ...seenBlocks(draft, language),
  ];
}

/**
 * The case form as a card, where a platform shows no form: the summary, what to collect with the
 * sections it is quoted from, and a button that opens the case with the checklist unanswered.
 */
export function caseFormBlocks(kb: ViewKnowledge, reply: CaseFormReply): ViewBlock[] {
  const { draft, checklist, language } = reply;
  const c = strings(language).cases;
  const blocks: ViewBlock[] = [
    { type: 'title', text: c.formTitle(draft.title) },
    ...caseFormContext(kb, draft, language),
  ];
  if (checklist.length > 0)
    blocks.push(
      { type: 'section', label: c.collect, text: checklist.map((i) => `[ ] ${i.item}`).join('\n') },
      ...sourcesLine([...new Set(checklist.map((i) => i.citation))], language),
    );
  blocks.push(
    { type: 'meta', text: c.formFallback },
    {
      type: 'controls',
      buttons: [
        { label: c.open, action: { kind: 'case-open', draft, answers: [], l: language }, style: 'primary' },
      ],
    },
  );
  return blocks;
}

/** A case's facts, for the experts: product, summary, the checklist answered, what was seen, sources. */
function caseBody(kb: ViewKnowledge, c: CaseOpening, language: Language): ViewBlock[] {
  const s = strings(language).cases;
  const colon = strings(language).answer.colon;
  const blocks: ViewBlock[] = [
    productLine(kb, c.product, language),
    { type: 'section', label: s.summary, text: c.summary },
  ];
  if (c.checklist.length > 0)
    blocks.push({
      type: 'section',
      label: s.collected,
      text: c.checklist.map((i) => `• ${i.item}${colon} ${i.answer ?? `(${s.notCollected})`}`).join('\n'),
    });
  return [...blocks, ...seenBlocks(c, language), ...sourcesLine(c.citations, language)];
}

/** Who did what last: opened, taken, resolved or closed, by whom and when. */
function stateLine(c: Case, language: Language): string {
  const s = strings(language).cases;
  const lines = [s.openedBy(c.openedBy, caseTime(c.openedAt))];
  if (c.takenBy && c.takenAt) lines.push(s.takenBy(c.takenBy, caseTime(c.takenAt)));
  if (c.state === 'resolved' && c.resolvedBy && c.resolvedAt)
    lines.push(s.resolvedBy(c.resolvedBy, caseTime(c.resolvedAt)));
  if (c.state === 'closed' && c.closedAt) lines.push(s.closedAt(caseTime(c.closedAt)));
  return lines.join(' · ');
}

/** The expert's answer and the entry it relates to, cited. */
function resolutionBlocks(kb: ViewKnowledge, c: Case, language: Language): ViewBlock[] {
  if (!c.answer) return [];
  const s = strings(language).cases;
  const colon = strings(language).answer.colon;
  const blocks: ViewBlock[] = [{ type: 'section', label: s.expertAnswer, text: c.answer }];
  if (c.entry) {
    const entry = kb.byId.get(c.entry);
    blocks.push({ type: 'meta', text: `${s.relatedEntry}${colon} ${entry ? citationOf(entry) : c.entry}` });
  }
  return blocks;
}

/** The buttons an expert has on a case in its state. */
function expertButtons(c: Case, language: Language): ViewButton[] {
  const s = strings(language).cases;
  const id = c.id;
  if (c.state === 'resolved' || c.state === 'closed')
    return [{ label: s.reopen, action: { kind: 'case-reopen', id, l: language } }];
  return [
    ...(c.state === 'open'
      ? [{ label: s.take, action: { kind: 'case-take', id, l: language }, style: 'primary' } as ViewButton]
      : []),
    { label: s.resolve, action: { kind: 'case-resolve', id, l: language } },
    { label: s.close, action: { kind: 'case-close', id, l: language }, style: 'danger' },
  ];
}

/** The experts' card: the case's number and state, its facts, the answer once resolved; buttons unless forwarded. */
export function caseCardBlocks(
  kb: ViewKnowledge,
  c: Case,
  language: Language,
  options: { buttons: boolean },
): ViewBlock[] {
  const s = strings(language).cases;
  return [
    { type: 'title', text: `${s.caseLabel(c.id)} (${s.states[c.state]}) — ${c.title}` },
    { type: 'meta', text: stateLine(c, language) },
    ...caseBody(kb, c, language),
    ...resolutionBlocks(kb, c, language),
    ...(options.buttons ? [{ type: 'controls', buttons: expertButtons(c, language) } as ViewBlock] : []),
  ];
}

/** "Dossier 12 ouvert", and the card to forward when no experts' channel receives it. */
export function caseOpenedBlocks(
  kb: ViewKnowledge,
  reply: CaseOpenedReply,
  options: ViewOptions,
): ViewBlock[] {
  const s = strings(reply.language).cases;
  const c = reply.case;
  const head: ViewBlock[] = [{ type: 'title', text: s.opened(c.id) }];
  if (options.expertsChannel)
    return [
      ...head,
      { type: 'section', label: s.summary, text: c.summary },
      { type: 'paragraph', text: s.sentToExperts },
    ];
  return [
    ...head,
    { type: 'paragraph', text: s.forward },
    { type: 'divider' },
    ...caseCardBlocks(kb, c, reply.language, { buttons: false }),
    { type: 'divider' },
    { type: 'meta', text: s.cliHint(c.id) },
  ];
}

/** What the technician's conversation is told of an expert's command. */
export function caseNoticeBlocks(kb: ViewKnowledge, reply: CaseNoticeReply): ViewBlock[] {
  const s = strings(reply.language).cases;
  const c = reply.case;
  const by = reply.event === 'resolve' ? c.resolvedBy : c.history.at(-1)?.by;
  const line = s.notices[reply.event](c.id, by ?? '?');
  if (reply.event !== 'resolve') return [{ type: 'paragraph', text: line }];
  return [{ type: 'title', text: `${line} — ${c.title}` }, ...resolutionBlocks(kb, c, reply.language)];
}

/** "Résoudre" where a platform shows no form: the case, and how to answer it. */
export function caseResolveFormBlocks(reply: CaseResolveFormReply): ViewBlock[] {
  const s = strings(reply.language).cases;
  const c = reply.case;
  return [
    { type: 'title', text: s.resolveTitle(c.id, c.title) },
    { type: 'section', label: s.summary, text: c.summary },
    { type: 'meta', text: s.resolveFallback(c.id) },
  ];
}

/** Why a case action was refused, in one line; an unsaved case shown whole to forward. */
export function caseRefusedBlocks(kb: ViewKnowledge, reply: CaseRefusedReply): ViewBlock[] {
  const r = strings(reply.language).cases.refused;
  const id = reply.caseId ?? 0;
  switch (reply.refusal) {
    case 'not-found':
      return [{ type: 'paragraph', text: r.notFound(id) }];
    case 'not-an-expert':
      return [{ type: 'paragraph', text: r.notAnExpert }];
    case 'empty-answer':
      return [{ type: 'paragraph', text: r.emptyAnswer }];
    case 'unknown-entry':
      return [{ type: 'paragraph', text: r.unknownEntry(reply.entry ?? '') }];
    case 'invalid-transition':
      return [
        { type: 'paragraph', text: r.invalid(id, reply.command ?? '', reply.state ?? '', reply.takenBy) },
      ];
    case 'unavailable':
      if (!reply.unopened) return [{ type: 'paragraph', text: r.unavailable }];
      return [
        { type: 'paragraph', text: r.unopened },
        { type: 'title', text: reply.unopened.title },
        ...caseBody(kb, reply.unopened, reply.language),
      ];
  }
}
