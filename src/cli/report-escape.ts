/**
 * User text (questions, and ids a button carried) printed by the reports as data, never as markup:
 * what a user typed must not format a report, hide part of it, or act in the reader's tool.
 */

/** Control characters (terminal escapes, line breaks) and bidirectional overrides that reorder text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** On one line, without what would drive a terminal (colours, cursor moves, a cleared screen). */
export function terminalText(text: string): string {
  return text.replace(INVISIBLE, ' ');
}

/**
 * Inert inline markdown, on one line: every character that could start a heading, link, image,
 * HTML, entity, code span, emphasis, table cell, math or autolink is backslash-escaped, and a
 * leading - or + (a list item right after the report's own marker).
 */
export function markdownText(text: string): string {
  return terminalText(text)
    .trim()
    .replace(/[\\`*_{}[\]()#!|<>~&$^@:.]/g, '\\$&')
    .replace(/^[-+]/, '\\$&');
}

/** A fence longer than any run of backticks in the text it encloses. */
export function markdownFence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * A CSV cell: quoted when it holds a separator, a quote or a line break; a cell that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR first) starts with an apostrophe.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const cell = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
