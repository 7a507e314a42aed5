import { ellipsize } from '../text/ellipsize.js';

/**
 * The longest button label: Teams cuts a button's title at 48 characters, mid-word ("403 : Interdit
 * /…"), Slack at 75. Every label the view makes fits the smaller; what it leaves out is shown beside
 * the button.
 */
export const MAX_BUTTON_LABEL = 48;

/** Separators a cut label does not end on ("403 :", "Interdit /"). */
const TRAILING_SEPARATORS = /[\s:;,/(\-–—·]+$/u;

/**
 * A text as a button label: whole when it fits, else cut after its last whole word that fits, with
 * "…" ("403 : Interdit / Échec…"). A text without a space in its first half is cut where it must.
 */
export function buttonLabel(text: string, max = MAX_BUTTON_LABEL): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const room = chars.slice(0, max - 1).join('');
  // The room ends on a whole word when the next character is a space; else the last word is cut off.
  const end = /\s/u.test(chars[max - 1] ?? '') ? room.length : room.search(/\s\S*$/u);
  if (end < max / 2) return ellipsize(text, max);
  return `${room.slice(0, end).replace(TRAILING_SEPARATORS, '')}…`;
}
