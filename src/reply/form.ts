import { MAX_CASE_TEXT, MAX_ENTRY_ID } from '../cases/actions.js';
import { type CaseDraft, MAX_CHECKLIST_ANSWER, MAX_SUMMARY } from '../cases/draft.js';
import { strings } from '../text/catalogue.js';
import type { Language } from '../text/language.js';
import { type CoreAction, parseAction } from './actions.js';
import type { ViewBlock, ViewKnowledge } from './blocks.js';
import { caseFormContext } from './case-view.js';
import type { Reply } from './reply.js';

/** One field of a form: a modal's input, a dialog's Input.Text, a terminal prompt. */
export interface FormField {
  /** The key of its value for submitForm. */
  id: string;
  label: string;
  /** Where the item is quoted from, or how to fill it. */
  hint?: string;
  /** The prefilled value (the summary): an empty answer keeps it. */
  initial?: string;
  multiline?: boolean;
  /** The form cannot be sent without it (the expert's answer); other fields may be left empty (skipped). */
  required?: boolean;
  /** The longest value the core keeps (longer is cut, or refused for an expert's answer): an input's limit. */
  maxLength?: number;
}

/** What a filled form becomes, with submitForm: data an adapter carries through the platform as JSON. */
export type FormSubmit =
  | { kind: 'case-open'; draft: CaseDraft; l: Language }
  | { kind: 'case-resolve'; id: number; l: Language };

/**
 * A form, platform-neutral: the case form (the checklist to collect, the summary prefilled) and
 * the expert's resolution. An adapter renders `context` and `fields` (Slack modal, Teams dialog,
 * terminal prompts), keeps `submit` (a modal's private_metadata, a dialog's data, memory), and
 * hands `submitForm(submit, values)` to TriageBot.handle: one action, whatever the platform.
 */
export interface FormView {
  language: Language;
  title: string;
  /** What the form is about, shown above its fields. */
  context: ViewBlock[];
  fields: FormField[];
  submitLabel: string;
  submit: FormSubmit;
}

export const SUMMARY_FIELD = 'summary';
export const ANSWER_FIELD = 'answer';
export const ENTRY_FIELD = 'entry';
/** The field of the i-th checklist item (0-based). */
export const itemField = (i: number) => `item-${i}`;

/**
 * Whether a button's reply is a form (the case form, an expert's resolution): a platform that
 * must say so on the button itself (a Teams dialog is fetched by the button) asks here.
 */
export function opensForm(action: CoreAction): boolean {
  return (
    action.kind === 'escalate' ||
    (action.kind === 'triage-control' && action.control === 'escalate') ||
    (action.kind === 'case-resolve' && action.answer === undefined)
  );
}

/** The form a reply asks to fill, or null when it asks none. */
export function formOf(reply: Reply, kb: ViewKnowledge): FormView | null {
  const { language } = reply;
  const s = strings(language).cases;
  if (reply.kind === 'case-form') {
    const { draft, checklist } = reply;
    return {
      language,
      title: s.formTitle(draft.title),
      // The summary is the first field, prefilled: the context does not show it a second time.
      context: caseFormContext(kb, draft, language, { summaryField: true }),
      fields: [
        {
          id: SUMMARY_FIELD,
          label: s.summary,
          initial: draft.summary,
          multiline: true,
          required: true,
          maxLength: MAX_SUMMARY,
        },
        ...checklist.map((c, i) => ({
          id: itemField(i),
          label: c.item,
          hint: c.citation,
          maxLength: MAX_CHECKLIST_ANSWER,
        })),
      ],
      submitLabel: s.open,
      submit: { kind: 'case-open', draft, l: language },
    };
  }
  if (reply.kind === 'case-resolve-form') {
    const c = reply.case;
    return {
      language,
      title: s.resolveTitle(c.id, c.title),
      context: [{ type: 'section', label: s.summary, text: c.summary }],
      fields: [
        {
          id: ANSWER_FIELD,
          label: s.answerField,
          hint: s.answerHint,
          multiline: true,
          required: true,
          maxLength: MAX_CASE_TEXT,
        },
        { id: ENTRY_FIELD, label: s.entryField, hint: s.entryHint, maxLength: MAX_ENTRY_ID },
      ],
      submitLabel: s.resolve,
      submit: { kind: 'case-resolve', id: c.id, l: language },
    };
  }
  return null;
}

/**
 * A filled form as the one core action it stands for: the values by field id (an empty or missing
 * checklist item is skipped; an empty summary keeps the draft's). `submit` came back through a
 * platform, so the action is validated like any button's: null when it is not one.
 */
export function submitForm(
  submit: unknown,
  values: Readonly<Record<string, string | undefined>>,
): CoreAction | null {
  if (typeof submit !== 'object' || submit === null || Array.isArray(submit)) return null;
  const s = submit as Record<string, unknown>;
  if (s.kind === 'case-open') {
    if (typeof s.draft !== 'object' || s.draft === null) return null;
    const count = Object.keys(values).reduce((n, key) => {
      const index = /^item-(\d{1,2})$/.exec(key);
      return index ? Math.max(n, Number(index[1]) + 1) : n;
    }, 0);
    const answers = Array.from({ length: count }, (_, i) => (values[itemField(i)] ?? '').trim());
    const summary = values[SUMMARY_FIELD]?.trim();
    const draft = summary ? { ...(s.draft as Record<string, unknown>), summary } : s.draft;
    return parseAction({ kind: 'case-open', draft, answers, l: s.l });
  }
  if (s.kind === 'case-resolve') {
    const entry = values[ENTRY_FIELD]?.trim();
    return parseAction({
      kind: 'case-resolve',
      id: s.id,
      answer: values[ANSWER_FIELD] ?? '',
      ...(entry ? { entry } : {}),
      l: s.l,
    });
  }
  return null;
}
