import { expect } from 'vitest';

/** Where a label may be cut: after a whole word, before a space or a separator. */
const BOUNDARY = /^$|^[\s:;,/(\-–—·.?!]/u;

/**
 * A button's label says the short thing meaningfully: it is the whole text, or a start of it cut
 * after a whole word, with "…". `full`: the text shown beside the button (the card's body).
 */
export function expectMeaningfulLabel(label: string, full: string, max: number): void {
  expect([...label].length, label).toBeLessThanOrEqual(max);
  if (full.includes(label)) return;
  expect(label.endsWith('…'), `${label} stands for ${full}`).toBe(true);
  const stem = label.slice(0, -1);
  const at = full.indexOf(stem);
  expect(at, `"${stem}" is in "${full}"`).toBeGreaterThanOrEqual(0);
  expect(full.slice(at + stem.length), `"${label}" is cut after a word of "${full}"`).toMatch(BOUNDARY);
}
