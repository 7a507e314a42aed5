import { type Answer, type AnswerResult, citationOf, type Finding } from '../answer/answer.js';
import type { NotUsefulReason } from '../feedback/events.js';
import { listOf, strings } from '../text/catalogue.js';
import { ellipsize } from '../text/ellipsize.js';
import type { Language } from '../text/language.js';
import type { TriageControl } from '../triage/engine.js';
import type { TriageNotice } from '../triage/notices.js';
import type { TriageView } from '../triage/view.js';
import type { CoreAction } from './actions.js';
import type { ReplyView, ViewBlock, ViewButton, ViewKnowledge, ViewOptions } from './blocks.js';
import { buttonLabel } from './button-label.js';
import {
  caseCardBlocks,
  caseFormBlocks,
  caseNoticeBlocks,
  caseOpenedBlocks,
  caseRefusedBlocks,
  caseResolveFormBlocks,
} from './case-view.js';
import type { AnswerReply, ChooseTreeReply, FeedbackAckReply, Reply } from './reply.js';

export type { ReplyView, ViewBlock, ViewButton, ViewKnowledge, ViewOptions } from './blocks.js';

/**
 * A button for a text that may not fit a label: the label is the text cut after a word, and `full`
 * (the text itself by default) is shown beside it when the label does not say it all.
 */
function labelled(text: string, action: CoreAction, full = text): ViewButton {
  const label = buttonLabel(text);
  return { label, action, ...(full !== label ? { text: full } : {}) };
}

/** At most this many follow-up questions are offered under an answer. */
export const FOLLOW_UPS_SHOWN = 5;
/** A finding of a multi-code message shows at most this much of its action. */
export const FINDING_ACTION_SHOWN = 280;
/** A message with several codes shows this many findings in full, the others one line each. */
export const FINDINGS_IN_FULL = 5;
/**
 * At most this many findings get a line and a "Détails" button: with them the largest reply stays
 * within Teams' card size (28 KB) and Slack's 50 blocks; the others are named by their codes.
 */
export const FINDINGS_LISTED = 50;
/** A finding past the first ones is one line: its code and its message cut to this length. */
const COMPACT_TITLE = 90;
/** Lines per block of the compact list: well under the smallest text limit (Teams' 1,800 characters). */
const COMPACT_LINES_PER_BLOCK = 15;
/**
 * A section longer than this gets a "full text" button: the smallest platform limit we render to
 * (Teams keeps text blocks well under its 28 KB card limit) cuts it there.
 */
export const FULL_TEXT_AFTER = 1800;

/** The covered products in words: "A, B et C". */
export function coveredProducts(kb: ViewKnowledge, language: Language): string {
  return listOf(
    kb.products.map((p) => p.label[language]),
    language,
  );
}

/** "Webex pour Cisco BroadWorks — 200039 : Échec de la validation..." */
export function resultTitle(kb: ViewKnowledge, result: AnswerResult, language: Language): string {
  const product = kb.productLabel(result.product, language);
  if (result.codes.length > 1)
    return `${product} — ${result.codes.join(', ')} : ${result.title.replace(/^\d+ : /, '')}`;
  return `${product} — ${result.title}`;
}

/**
 * What the bot says first when it has no answer: the unknown code, the honest out-of-scope
 * sentence (with each known code offered as a question), a prompt for a question, or "I don't know".
 */
export function noAnswerLead(kb: ViewKnowledge, answer: Answer): string[] {
  const l = strings(answer.language).answer;
  if (answer.reason === 'out-of-scope') {
    const covered = coveredProducts(kb, answer.language);
    const systems = answer.outOfScope ?? [];
    const about = listOf(
      systems.map((s) => s.label),
      answer.language,
    );
    const lines = [systems.length > 0 ? l.outOfScope(about, covered) : l.statusElsewhere(covered)];
    // Each code the user typed that a covered product knows is offered as a question, never as the answer.
    for (const r of answer.results) {
      if (r.code === null || !new RegExp(`(?<!\\d)${r.code}(?!\\d)`).test(answer.query)) continue;
      const meaning = ellipsize(r.title.replace(`${r.code} : `, ''), 120);
      lines.push(l.codeElsewhere(r.code, kb.productLabel(r.product, answer.language), meaning));
    }
    return lines;
  }
  if (answer.unknownCodes.length > 0) return [l.unknownCode(answer.unknownCodes.join(', '))];
  return [answer.reason === 'empty' ? l.empty : l.noAnswer];
}

/** The facts of one result: type, cause, action or procedure, as the source gives them. */
function resultBlocks(result: AnswerResult, language: Language): ViewBlock[] {
  const l = strings(language).answer;
  const blocks: ViewBlock[] = [];
  if (result.code) {
    if (result.severity) blocks.push({ type: 'meta', text: `${l.type}${l.colon} ${result.severity}` });
    // Where the source has no cause column, the cause is the code's message: already the title.
    if (result.cause && !result.title.endsWith(result.cause))
      blocks.push({ type: 'section', label: l.cause, text: result.cause });
    blocks.push({ type: 'section', label: l.action, text: result.action ?? l.noAction });
  } else if (result.action) {
    blocks.push({ type: 'section', label: l.procedure, text: result.action });
  }
  return blocks;
}

function isLong(result: AnswerResult): boolean {
  return [result.cause, result.action].some((t) => (t?.length ?? 0) > FULL_TEXT_AFTER);
}

/** A short name of a product for a summary line: its label without the parenthesis ("Skype Entreprise Server"). */
function shortProduct(kb: ViewKnowledge, product: string, language: Language): string {
  return kb.productLabel(product, language).replace(/ \(.*\)$/, '');
}

/** A lead to pick: its title on the button (the code and its first words), its product and whole title beside it. */
function pickButton(
  kb: ViewKnowledge,
  result: AnswerResult,
  ref: string | undefined,
  language: Language,
): ViewButton {
  const action: CoreAction = { kind: 'pick', id: result.id, ...(ref ? { ref } : {}), l: language };
  return labelled(result.title, action, resultTitle(kb, result, language));
}

/** "Partager": what this reply showed, posted where its record says. */
function shareButton(ref: string, language: Language): ViewButton {
  return { label: strings(language).buttons.share, action: { kind: 'share', ref, l: language } };
}

/** "Escalader": the case form for what this reply showed, from its record. */
function escalateButton(ref: string, language: Language): ViewButton {
  return { label: strings(language).buttons.escalate, action: { kind: 'escalate', ref, l: language } };
}

/** "Utile" / "Pas utile": the rating of the answer this reply showed, from its record. */
function ratingButtons(ref: string, language: Language): ViewButton[] {
  const b = strings(language).buttons;
  return [
    { label: b.useful, action: { kind: 'feedback', useful: true, ref, l: language } },
    { label: b.notUseful, action: { kind: 'feedback', useful: false, ref, l: language } },
  ];
}

/**
 * Several codes in one message (a pasted log): every finding is reported, grouped by product (in
 * the registry's order) and sorted by code. The first few in full (message, action, line, source),
 * the others one line each; each has its "Détails" button (its full answer). Past FINDINGS_LISTED,
 * the last ones are named by their codes in one line, each answered when typed: never dropped in
 * silence, and every platform's limits kept (Slack's 50 blocks, Teams' card size).
 */
function findingsBlocks(
  kb: ViewKnowledge,
  answer: Answer,
  ref: string | undefined,
  language: Language,
  options: ViewOptions,
  escalate: boolean,
): ViewBlock[] {
  const l = strings(language).answer;
  const findings = sortedFindings(kb, answer.findings);
  const name = (f: Finding) => `${shortProduct(kb, f.product, language)} ${f.code}`;
  const full = findings.slice(0, FINDINGS_IN_FULL);
  const listed = findings.slice(0, FINDINGS_LISTED);
  const brief = listed.slice(full.length);
  const unlisted = findings.slice(listed.length);
  const title =
    brief.length === 0
      ? l.findings(findings.length, findings.map(name).join(', '))
      : l.findings(findings.length, countsPerProduct(kb, findings, language));
  const blocks: ViewBlock[] = [{ type: 'title', text: title }];
  for (const f of full) {
    // Compact: the full action (a section's whole procedure) is one "Détails" click away.
    const action = ellipsize(f.action ?? l.noAction, FINDING_ACTION_SHOWN);
    blocks.push(
      {
        type: 'section',
        label: `${kb.productLabel(f.product, language)} — ${f.code}`,
        text: `${f.title}\n${l.action}${l.colon} ${action}`,
      },
      { type: 'meta', text: `${l.line}${l.colon} ${f.line} · ${l.source}${l.colon} ${f.citation}` },
    );
  }
  if (brief.length > 0) {
    blocks.push({ type: 'paragraph', text: l.moreFindings(brief.length + unlisted.length) });
    for (const group of groupedByProduct(brief)) {
      const lines = group.map((f) => `• ${f.code} — ${ellipsize(f.title, COMPACT_TITLE)}`);
      for (let i = 0; i < lines.length; i += COMPACT_LINES_PER_BLOCK) {
        const product = kb.productLabel(group[0]?.product ?? '', language);
        blocks.push({
          type: 'section',
          label: product,
          text: lines.slice(i, i + COMPACT_LINES_PER_BLOCK).join('\n'),
        });
      }
    }
  }
  if (unlisted.length > 0) {
    const codes = groupedByProduct(unlisted).map(
      (g) => `${shortProduct(kb, g[0]?.product ?? '', language)} ${g.map((f) => f.code).join(', ')}`,
    );
    blocks.push({ type: 'paragraph', text: l.unlistedFindings(unlisted.length, codes.join(' ; ')) });
  }
  blocks.push({
    type: 'choices',
    label: l.details,
    // The button says which finding; it opens that finding alone, from the record of what was shown.
    buttons: listed.map((f) =>
      labelled(name(f), { kind: 'pick', id: f.id, ...(ref ? { ref } : {}), l: language }),
    ),
  });
  // Shared as shown, where the record of this reply says (the diagnosed message's thread); escalated as shown.
  const controls = ref
    ? [
        ...(options.private ? [shareButton(ref, language)] : []),
        ...(escalate ? [escalateButton(ref, language)] : []),
      ]
    : [];
  if (controls.length > 0) blocks.push({ type: 'controls', buttons: controls });
  return blocks;
}

/** Findings grouped by product, in the registry's order, each group sorted by code. */
function sortedFindings(kb: ViewKnowledge, findings: readonly Finding[]): Finding[] {
  const rank = new Map(kb.products.map((p, i) => [p.id, i]));
  const order = (f: Finding) => rank.get(f.product) ?? kb.products.length;
  return [...findings].sort(
    (a, b) => order(a) - order(b) || Number(a.code) - Number(b.code) || a.id.localeCompare(b.id),
  );
}

/** Consecutive findings of one product, in order. */
function groupedByProduct(findings: readonly Finding[]): Finding[][] {
  const groups: Finding[][] = [];
  for (const f of findings) {
    const last = groups.at(-1);
    if (last && last[0]?.product === f.product) last.push(f);
    else groups.push([f]);
  }
  return groups;
}

/** "Webex pour Cisco BroadWorks (22), Azure Communication Services (9)…" */
function countsPerProduct(kb: ViewKnowledge, findings: readonly Finding[], language: Language): string {
  return groupedByProduct(findings)
    .map((g) => `${shortProduct(kb, g[0]?.product ?? '', language)} (${g.length})`)
    .join(', ');
}

/**
 * An answer, a diagnosis or a "Vouliez-vous dire". Its buttons that act on it (share, rate, its
 * leads, escalate) refer to `ref`, the record of what it shows: a reply without one has none of them.
 * `escalate`: offer "Escalader" (not under an off-script answer within a guided triage, whose own
 * control escalates the triage with its path).
 */
function answerBlocks(
  kb: ViewKnowledge,
  reply: Pick<AnswerReply, 'answer' | 'language' | 'ref' | 'triageOffer'>,
  options: ViewOptions,
  escalate = true,
): ViewBlock[] {
  const { answer, language, ref } = reply;
  const l = strings(language).answer;
  const best = answer.results[0];
  const withRef = ref ? { ref } : {};
  if (answer.answered && answer.findings.length > 1)
    return findingsBlocks(kb, answer, ref, language, options, escalate);
  if (!answer.answered || !best) {
    const blocks: ViewBlock[] = [{ type: 'paragraph', text: noAnswerLead(kb, answer).join('\n') }];
    if (answer.results.length > 0) {
      blocks.push({
        type: 'choices',
        label: l.didYouMean,
        buttons: answer.results.map((r) => pickButton(kb, r, ref, language)),
      });
    }
    // Nothing was asked (an empty message, a notice alone): nothing to escalate.
    if (escalate && ref && answer.reason !== 'empty')
      blocks.push(
        { type: 'controls', buttons: [escalateButton(ref, language)] },
        { type: 'meta', text: l.escalate },
      );
    return blocks;
  }
  const blocks: ViewBlock[] = [
    { type: 'title', text: resultTitle(kb, best, language) },
    ...resultBlocks(best, language),
  ];
  // Asked in the reply's language when clicked: an English reply asks the English question.
  const followUps = best.followUps.slice(0, FOLLOW_UPS_SHOWN).map((f) => kb.followUpIn(f, language));
  if (followUps.length > 0) {
    blocks.push({
      type: 'choices',
      label: l.followUps,
      buttons: followUps.map((f) => labelled(f, { kind: 'ask', q: f, l: language })),
    });
  }
  const others = answer.results.slice(1);
  if (options.inlineAlternatives && others.length > 0)
    blocks.push(alternativesChoices(kb, others, ref, language));
  const b = strings(language).buttons;
  const controls: ViewButton[] = [];
  if (reply.triageOffer) {
    controls.push({
      label: strings(language).triage.start,
      action: { kind: 'triage-start', treeId: reply.triageOffer.treeId, ...withRef, l: language },
      style: 'primary',
    });
  }
  if (options.private && ref) controls.push(shareButton(ref, language));
  if (!options.inlineAlternatives && others.length > 0 && ref)
    controls.push({ label: b.notIt, action: { kind: 'alternatives', ref, l: language } });
  if (isLong(best)) controls.push({ label: b.fullText, action: { kind: 'full', id: best.id, l: language } });
  if (escalate && ref) controls.push(escalateButton(ref, language));
  if (ref) controls.push(...ratingButtons(ref, language));
  if (controls.length > 0) blocks.push({ type: 'controls', buttons: controls });
  blocks.push({
    type: 'meta',
    text: `${l.source}${l.colon} ${citationOf(best)} · ${l.confidence}${l.colon} ${strings(language).report.percent(best.score)}`,
  });
  return blocks;
}

function alternativesChoices(
  kb: ViewKnowledge,
  others: AnswerResult[],
  ref: string | undefined,
  language: Language,
): ViewBlock {
  return {
    type: 'choices',
    label: strings(language).answer.alternatives,
    buttons: others.map((r) => pickButton(kb, r, ref, language)),
  };
}

/** A question of the trail is cut to this length: the trail is a reminder, the step is the card. */
export const TRAIL_QUESTION_SHOWN = 80;

/** The answers given so far, one line each ("question → answer"): what a step's card keeps of the path. */
function trailBlocks(view: TriageView, language: Language): ViewBlock[] {
  if (view.path.length === 0) return [];
  const l = strings(language).triage;
  const lines = view.path.map((p) => `✓ ${ellipsize(p.question, TRAIL_QUESTION_SHOWN)} → ${p.answer}`);
  return [{ type: 'meta', text: `${l.trail}${l.colon}\n${lines.join('\n')}` }];
}

/**
 * The card of a guided triage once it has moved on to its result (options.triageTrail): its title
 * and the trail of answers, the result following as a new message; or that it was stopped.
 */
function triageTrail(view: TriageView, language: Language): ViewBlock[] {
  const l = strings(language).triage;
  return [
    { type: 'title', text: `${l.guided} — ${view.title}` },
    ...trailBlocks(view, language),
    { type: 'meta', text: view.state === 'stopped' ? l.stopped : l.resultBelow },
  ];
}

/** `ref`: the record of the fix a triage ended on, for its "Utile" / "Pas utile". */
function triageBlocks(view: TriageView, language: Language, ref?: string): ViewBlock[] {
  const l = strings(language).triage;
  const al = strings(language).answer;
  const title: ViewBlock = { type: 'title', text: `${l.guided} — ${view.title}` };
  if (view.state === 'stopped') return [{ type: 'paragraph', text: `${l.stopped} (${view.title})` }];
  // Each control names the card it is on: once the triage has moved on, it acts on nothing.
  const control = (control: TriageControl): CoreAction => ({
    kind: 'triage-control',
    control,
    treeId: view.treeId,
    step: view.step,
    l: language,
  });
  const controls: ViewBlock = {
    type: 'controls',
    buttons: [
      ...(view.canGoBack ? [{ label: `← ${l.back}`, action: control('back') }] : []),
      { label: l.restart, action: control('restart') },
      { label: l.escalate, action: control('escalate') },
      { label: l.stop, action: control('stop'), style: 'danger' },
    ],
  };
  if (view.state === 'question' && view.question) {
    return [
      title,
      ...trailBlocks(view, language),
      { type: 'section', label: l.step(view.step), text: view.question.text },
      {
        type: 'choices',
        buttons: view.question.options.map((o, option) =>
          labelled(o, { kind: 'triage-choice', treeId: view.treeId, step: view.step, option, l: language }),
        ),
      },
      controls,
      { type: 'meta', text: `${l.source}${l.colon} ${view.question.citation.text}` },
    ];
  }
  const blocks: ViewBlock[] = [title];
  if (view.outcome) {
    const r = view.outcome.result;
    blocks.push({ type: 'paragraph', text: `${l.result}${l.colon} ${r.title}` });
    if (r.code && r.cause) blocks.push({ type: 'section', label: al.cause, text: r.cause });
    if (r.action) blocks.push({ type: 'section', label: r.code ? al.action : al.procedure, text: r.action });
    blocks.push({ type: 'meta', text: `${l.source}${l.colon} ${citationOf(r)}` });
  }
  if (view.state === 'escalation' && view.escalation) {
    blocks.push(
      { type: 'paragraph', text: l.escalationIntro },
      { type: 'preformatted', text: view.escalation.text },
      controls,
    );
    return blocks;
  }
  blocks.push({ type: 'meta', text: l.fixedHint }, controls);
  // The fix a triage reached is an answer like another: rated the same way (shown.ts keeps it).
  if (view.state === 'outcome' && ref)
    blocks.push({ type: 'controls', buttons: ratingButtons(ref, language) });
  return blocks;
}

/**
 * A rating thanked for in one line; a "Pas utile" on a reply shown then asks why, its reasons
 * buttons on the same record (a reason's click is a "not useful" with that reason).
 */
function feedbackAckBlocks(reply: FeedbackAckReply, language: Language, options: ViewOptions): ViewBlock[] {
  const { ui, buttons: b } = strings(language);
  if (reply.reason) return [{ type: 'paragraph', text: ui.thanksReason }];
  if (reply.useful) return [{ type: 'paragraph', text: ui.thanksUseful }];
  const thanks: ViewBlock = { type: 'paragraph', text: ui.thanksNotUseful };
  const { ref } = reply;
  if (ref === undefined) return [thanks];
  const reason = (label: string, why: NotUsefulReason): ViewButton =>
    labelled(label, { kind: 'feedback', useful: false, reason: why, ref, l: language });
  return [
    thanks,
    {
      type: 'choices',
      label: ui.whyNotUseful,
      buttons: [reason(b.wrongTopic, 'wrong-topic'), reason(b.doesNotAnswer, 'does-not-answer')],
    },
    ...(options.typedChoices ? [{ type: 'meta', text: ui.reasonOptional } as ViewBlock] : []),
  ];
}

/** The help text, from the registry: how many guides, which products. */
export function helpText(kb: ViewKnowledge, language: Language): string {
  const h = strings(language).help;
  return [
    h.intro(kb.products.length, coveredProducts(kb, language)),
    h.examplesTitle,
    ...h.examples,
    h.closing,
  ].join('\n');
}

/** Any reply as a platform-neutral view: what every adapter renders. */
export function replyView(reply: Reply, kb: ViewKnowledge, options: ViewOptions = {}): ReplyView {
  const { language } = reply;
  const s = strings(language);
  const notice = (key: TriageNotice | undefined): ViewBlock[] =>
    key ? [{ type: 'notice', text: s.notices[key] }] : [];
  switch (reply.kind) {
    case 'help':
      return {
        language,
        blocks: [
          ...(reply.welcome ? [{ type: 'title', text: s.ui.welcome } as ViewBlock] : []),
          { type: 'paragraph', text: helpText(kb, language) },
          {
            type: 'choices',
            buttons: s.help.exampleQueries.map((q) => labelled(q, { kind: 'ask', q, l: language })),
          },
          {
            type: 'paragraph',
            text: [
              s.help.wordsTitle,
              ...s.help.words,
              ...(options.typedChoices ? s.help.typedWords : []),
            ].join('\n'),
          },
        ],
      };
    case 'courtesy':
      return { language, blocks: [{ type: 'paragraph', text: s.ui[reply.courtesy] }] };
    case 'alternatives': {
      const others = reply.answer.results.slice(1);
      if (others.length === 0) return { language, blocks: [{ type: 'paragraph', text: s.answer.noAnswer }] };
      return { language, blocks: [alternativesChoices(kb, others, reply.ref, language)] };
    }
    case 'expired':
      return { language, blocks: [{ type: 'paragraph', text: s.ui.expiredButton }] };
    case 'feedback-ack':
      return { language, blocks: feedbackAckBlocks(reply, language, options) };
    case 'full-text':
      return {
        language,
        blocks: [
          { type: 'title', text: reply.title },
          { type: 'paragraph', text: reply.text },
          { type: 'meta', text: `${s.answer.source}${s.answer.colon} ${reply.citation}` },
        ],
      };
    case 'triage': {
      if (options.triageTrail) return { language, blocks: triageTrail(reply.view, language) };
      const offscript = reply.answer
        ? [
            ...answerBlocks(kb, { language, answer: reply.answer, ref: reply.ref }, options, false),
            { type: 'divider' } as ViewBlock,
          ]
        : [];
      return {
        language,
        blocks: [
          ...offscript,
          ...notice(reply.notice),
          ...triageBlocks(reply.view, language, reply.view.state === 'outcome' ? reply.ref : undefined),
        ],
      };
    }
    case 'choose-tree':
      return { language, blocks: [treeChoices(reply, language)] };
    case 'answer':
      return { language, blocks: [...notice(reply.notice), ...answerBlocks(kb, reply, options)] };
    case 'case-form':
      return { language, blocks: caseFormBlocks(kb, reply) };
    case 'case-opened':
      return { language, blocks: caseOpenedBlocks(kb, reply, options) };
    case 'case-card':
      return { language, blocks: caseCardBlocks(kb, reply.case, language, { buttons: true }) };
    case 'case-notice':
      return { language, blocks: caseNoticeBlocks(kb, reply) };
    case 'case-resolve-form':
      return { language, blocks: caseResolveFormBlocks(reply) };
    case 'case-refused':
      return { language, blocks: caseRefusedBlocks(kb, reply) };
  }
}

/** "Quel diagnostic guidé voulez-vous lancer ?" and a button per tree. */
function treeChoices(reply: ChooseTreeReply, language: Language): ViewBlock {
  return {
    type: 'choices',
    label: strings(language).notices['choose-tree'],
    buttons: reply.trees.map((t) =>
      labelled(t.title, { kind: 'triage-start', treeId: t.treeId, l: language }),
    ),
  };
}
