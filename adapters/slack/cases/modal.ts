import type { KnownBlock, ModalView } from '@slack/types';
import {
  ellipsize,
  type FormField,
  type FormSubmit,
  type FormView,
  parseJsonOrNull,
  strings,
} from '../../../src/index.js';
import { renderSlack } from '../render/blocks.js';

/** The callback_id of every form the bot opens as a modal (the case form, an expert's resolution). */
export const FORM_CALLBACK_ID = 'uc_form';
/** The action_id of a field's text input; its block_id is the form field's id. */
export const FIELD_ACTION_ID = 'value';

/** Modal limits (api.slack.com/reference/surfaces/views, block-kit/blocks#input). */
export const MODAL_LIMITS = {
  title: 24,
  button: 24,
  blocks: 100,
  metadata: 3000,
  label: 2000,
  hint: 2000,
  input: 3000,
};

/** Where the technician escalated from: "Dossier N ouvert" goes there, and their case's notices later. */
export interface TechnicianPlace {
  team?: string;
  channel: string;
  /** The thread (or the clicked message, when it starts none); none in a DM without a thread. */
  thread?: string;
  /** A slash command's private answers: told through the click's response_url, else privately. */
  private: boolean;
  user: string;
  responseUrl?: string;
}

/**
 * What a modal carries back in its private_metadata: the form's submit (validated by submitForm
 * on its way back, like any button), where the technician is, and the escalation's key (one case
 * per escalation, however many times its form is sent).
 */
export interface FormMetadata {
  submit: FormSubmit;
  at?: TechnicianPlace;
  once?: string;
}

/** The metadata as JSON within Slack's 3,000 characters (the response_url is dropped first); null if it cannot fit. */
export function encodeMetadata(metadata: FormMetadata): string | null {
  const json = JSON.stringify(metadata);
  if (json.length <= MODAL_LIMITS.metadata) return json;
  if (!metadata.at?.responseUrl) return null;
  const { responseUrl: _dropped, ...at } = metadata.at;
  return encodeMetadata({ ...metadata, at });
}

const isString = (v: unknown): v is string => typeof v === 'string';

function placeOf(value: unknown): TechnicianPlace | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Record<string, unknown>;
  if (!isString(p.channel) || !isString(p.user) || typeof p.private !== 'boolean') return undefined;
  return {
    channel: p.channel,
    user: p.user,
    private: p.private,
    ...(isString(p.team) ? { team: p.team } : {}),
    ...(isString(p.thread) ? { thread: p.thread } : {}),
    ...(isString(p.responseUrl) ? { responseUrl: p.responseUrl } : {}),
  };
}

/** The metadata of a submitted modal; null when it is not the bot's. Its submit is left to submitForm to validate. */
export function decodeMetadata(raw: string | undefined): FormMetadata | null {
  const m = parseJsonOrNull(raw ?? '') as Record<string, unknown> | null;
  if (typeof m !== 'object' || m === null || typeof m.submit !== 'object' || m.submit === null) return null;
  const at = placeOf(m.at);
  return {
    submit: m.submit as FormSubmit,
    ...(at ? { at } : {}),
    ...(isString(m.once) ? { once: m.once } : {}),
  };
}

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: ellipsize(text, max) });

/** A form field as a text input: optional unless the form requires it, its citation as the hint. */
function input(field: FormField): KnownBlock {
  return {
    type: 'input',
    block_id: field.id,
    optional: !field.required,
    label: plain(field.label, MODAL_LIMITS.label),
    ...(field.hint ? { hint: plain(field.hint, MODAL_LIMITS.hint) } : {}),
    element: {
      type: 'plain_text_input',
      action_id: FIELD_ACTION_ID,
      multiline: Boolean(field.multiline),
      // What the core keeps of the field, within what Slack allows.
      max_length: Math.min(field.maxLength ?? MODAL_LIMITS.input, MODAL_LIMITS.input),
      ...(field.initial ? { initial_value: ellipsize(field.initial, MODAL_LIMITS.input) } : {}),
    },
  };
}

/**
 * A core form as a Slack modal: its whole title and context (the summary, what was seen) above
 * one input per field. The modal's own title is the submit label (Slack allows 24 characters).
 */
export function formModal(form: FormView, metadata: string): ModalView {
  const context = renderSlack({
    language: form.language,
    blocks: [{ type: 'title', text: form.title }, ...form.context],
  }).blocks;
  const inputs = form.fields.map(input);
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    title: plain(form.submitLabel, MODAL_LIMITS.title),
    submit: plain(form.submitLabel, MODAL_LIMITS.button),
    close: plain(strings(form.language).cases.cancel, MODAL_LIMITS.button),
    private_metadata: metadata,
    // The inputs are what the form is for: context gives way first.
    blocks: [...context.slice(0, MODAL_LIMITS.blocks - inputs.length), ...inputs],
  };
}

/** What the person typed, by field id (an empty input is absent). */
export function formValues(state: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const blocks = (state as { values?: Record<string, Record<string, { value?: unknown }>> } | undefined)
    ?.values;
  for (const [id, actions] of Object.entries(blocks ?? {})) {
    const value = actions?.[FIELD_ACTION_ID]?.value;
    if (typeof value === 'string') values[id] = value;
  }
  return values;
}
