import { randomBytes } from 'node:crypto';
import { CardFactory, type TaskModuleResponse } from 'botbuilder';
import { ellipsize, type FormView, type ReplyView, strings } from '../../src/index.js';
import { type AdaptiveCard, MAX_BUTTON_TITLE, renderCard, textBlock } from './cards.js';

/** Teams shows a dialog's title on one line: a longer one is cut (the card repeats it whole). */
const MAX_DIALOG_TITLE = 60;

/** What a dialog's submit button carries, with the inputs' values beside it (task/submit's data). */
export interface DialogData {
  /** The form's FormSubmit, for submitForm. */
  form: unknown;
  /** One per dialog shown: a second submission of the same dialog opens nothing more. */
  once?: string;
}

/** The keys of a dialog's data that are not the inputs' values. */
const DATA_KEYS = new Set(['form', 'once', 'msteams']);

/** A card shown in a dialog (task module): Teams asks for it with task/fetch, or after a task/submit. */
export function dialog(
  card: AdaptiveCard,
  title: string,
  size: 'small' | 'large' = 'large',
): TaskModuleResponse {
  return {
    task: {
      type: 'continue',
      value: {
        title: ellipsize(title, MAX_DIALOG_TITLE),
        height: size === 'large' ? 'large' : 'small',
        width: size === 'large' ? 'large' : 'medium',
        card: CardFactory.adaptiveCard(card),
      },
    },
  };
}

/** A reply that is no form (a refusal, an expired button…) shown in a small dialog. */
export function viewDialog(view: ReplyView): TaskModuleResponse {
  return dialog(renderCard(view), 'UC Triage', 'small');
}

/** One line in a small dialog. */
export function lineDialog(text: string): TaskModuleResponse {
  return viewDialog({ language: 'fr', blocks: [{ type: 'paragraph', text }] });
}

/**
 * A core form as a dialog's card: its title and context, an Input.Text per field (its hint, the
 * section an item is quoted from, below it), one submit button carrying the form's FormSubmit.
 * `values` refill it after a refusal, which `error` states at the top. Only a field without a
 * prefilled value can be required: an empty summary keeps the draft's (submitForm).
 */
export function formCard(
  form: FormView,
  options: { values?: Readonly<Record<string, string>>; error?: string; once?: string } = {},
): AdaptiveCard {
  const card = renderCard({
    language: form.language,
    blocks: [{ type: 'title', text: form.title }, ...form.context],
  });
  const inputs = form.fields.flatMap((field) => {
    const required = field.required === true && !field.initial;
    const value = options.values?.[field.id] ?? field.initial;
    return [
      {
        type: 'Input.Text',
        id: field.id,
        label: field.label,
        isMultiline: field.multiline === true,
        ...(value ? { value } : {}),
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(required
          ? { isRequired: true, errorMessage: strings(form.language).cases.refused.emptyAnswer }
          : {}),
        spacing: 'Medium',
      },
      ...(field.hint ? [textBlock(field.hint, { isSubtle: true, size: 'Small', spacing: 'None' })] : []),
    ];
  });
  const data: DialogData = { form: form.submit, ...(options.once ? { once: options.once } : {}) };
  return {
    ...card,
    body: [
      ...(options.error ? [textBlock(options.error, { color: 'Attention', weight: 'Bolder' })] : []),
      ...card.body,
      ...inputs,
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: ellipsize(form.submitLabel, MAX_BUTTON_TITLE),
        style: 'positive',
        data,
      },
    ],
  };
}

/** A form in a dialog of its own, with its one-time key: its submission opens one case however often it arrives. */
export function formDialog(form: FormView): TaskModuleResponse {
  return dialog(formCard(form, { once: randomBytes(12).toString('base64url') }), form.title);
}

/** What a dialog's submission carries: its DialogData, and the inputs' values by field id. */
export function submittedValues(data: unknown): {
  form: unknown;
  once?: string;
  values: Record<string, string>;
} {
  const record =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(record))
    if (!DATA_KEYS.has(key) && typeof value === 'string') values[key] = value;
  const once = typeof record.once === 'string' && /^[\w-]{8,64}$/.test(record.once) ? record.once : undefined;
  return { form: record.form, ...(once ? { once } : {}), values };
}
