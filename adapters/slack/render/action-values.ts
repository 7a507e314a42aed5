import type { Language } from '../../../src/index.js';

/** What a button carries back: the question to ask, or the entry to show, and the language. */
export interface ActionValue {
  q?: string;
  id?: string;
  l: Language;
}

/** Button values are limited to 2000 characters: a long pasted question is cut, never the JSON. */
export function encodeAction(value: ActionValue): string {
  const q = value.q ? value.q.slice(0, 1500) : undefined;
  return JSON.stringify({ ...value, ...(q !== undefined ? { q } : {}) });
}

export function decodeAction(raw: unknown): ActionValue | null {
  if (typeof raw !== 'string') return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ActionValue>;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const l = parsed.l === 'en' ? 'en' : 'fr';
    const q = typeof parsed.q === 'string' ? parsed.q : undefined;
    const id = typeof parsed.id === 'string' ? parsed.id : undefined;
    if (!q && !id) return null;
    return { l, ...(q ? { q } : {}), ...(id ? { id } : {}) };
  } catch {
    return null;
  }
}
