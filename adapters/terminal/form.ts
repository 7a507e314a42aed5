import { type CoreAction, type FormView, renderText, strings, submitForm } from '../../src/index.js';

/**
 * A core form (the case form) as terminal prompts: its fields asked one at a time, an empty line
 * skipping one (or keeping a prefilled value), then the one action the filled form stands for.
 */
export class FormPrompts {
  private index = 0;
  private readonly values: Record<string, string> = {};

  constructor(private readonly form: FormView) {}

  /** What the form is about: its title and context, and how to answer. */
  intro(): string {
    const { language, title, context } = this.form;
    const text = renderText({ language, blocks: [{ type: 'title', text: title }, ...context] }).text;
    return `${text}\n${strings(language).cases.formIntro}`;
  }

  /** The current field, as a question: its label, its position, what an empty line does. */
  question(): string {
    const field = this.form.fields[this.index];
    if (!field) return '';
    const s = strings(this.form.language);
    const empty = field.initial ? s.cases.keepHint : s.cases.skipHint;
    const current = field.initial ? `\n  ${field.initial.split('\n').join('\n  ')}` : '';
    return `[${this.index + 1}/${this.form.fields.length}] ${field.label}${s.answer.colon} (${empty})${current}`;
  }

  /** Takes the answer to the current field; returns the next question, or null when the form is filled. */
  answer(line: string): string | null {
    const field = this.form.fields[this.index];
    const value = line.trim();
    if (field && value) this.values[field.id] = value;
    this.index++;
    return this.index < this.form.fields.length ? this.question() : null;
  }

  /** The filled form as the core action to hand to the bot. */
  submission(): CoreAction | null {
    return submitForm(this.form.submit, this.values);
  }
}
