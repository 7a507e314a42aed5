import type { Escalation } from './escalation-data.js';
import type { Entry } from './types.js';

const BULLET = /^(- |\d+\. )/;

/** Every line of an entry as a checklist item would quote it: bullet marks removed. */
function linesOf(entry: Entry): string[] {
  const text = entry.kind === 'code' ? (entry.action ?? entry.message) : entry.body;
  return text
    .split('\n')
    .map((l) => l.trim().replace(BULLET, ''))
    .filter(Boolean);
}

/** Spaces compared as one: the sources' typography (a no-break space before a colon) is not retyped in YAML. */
const spaced = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The entry's own line that a quote of escalation.yaml names, or undefined when it says no such thing. */
function lineQuoted(entry: Entry, quote: string): string | undefined {
  return linesOf(entry).find((line) => spaced(line) === spaced(quote));
}

/**
 * The items to collect that an entry gives, as the source writes them: the lines escalation.yaml
 * quotes for it, else its bullets or steps (a code's action lines), else its first line.
 */
export function checklistItemsOf(entry: Entry, escalation: Escalation): string[] {
  const quoted = escalation.items[entry.id];
  if (quoted) return quoted.flatMap((quote) => lineQuoted(entry, quote) ?? []);
  if (entry.kind === 'code') return linesOf(entry);
  const bullets = entry.body
    .split('\n')
    .filter((l) => /^(- |\d+\. |Étape \d+)/.test(l))
    .map((l) => l.replace(BULLET, ''));
  return bullets.length > 0 ? bullets : [entry.body.split('\n')[0] ?? entry.title];
}

/** What is wrong with escalation.yaml: an unknown product or entry, an item the entry does not say. */
export function escalationProblems(
  escalation: Escalation,
  byId: ReadonlyMap<string, Entry>,
  products: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  for (const [product, { checklist }] of Object.entries(escalation.products)) {
    if (!products.has(product))
      problems.push(`escalation.yaml: products.${product} is not a product of sources.yaml`);
    for (const id of checklist) {
      const entry = byId.get(id);
      if (!entry) problems.push(`escalation.yaml: products.${product} names ${id}, which is no entry`);
      else if (entry.product !== product)
        problems.push(`escalation.yaml: products.${product} names ${id}, an entry of ${entry.product}`);
    }
  }
  for (const [id, items] of Object.entries(escalation.items)) {
    const entry = byId.get(id);
    if (!entry) {
      problems.push(`escalation.yaml: items.${id} names no entry`);
      continue;
    }
    for (const item of items)
      if (!lineQuoted(entry, item))
        problems.push(`escalation.yaml: items.${id}: "${item}" is not a line of the entry`);
  }
  return problems;
}
