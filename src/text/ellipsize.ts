/** Cuts a text to at most max characters (code points, so accents and emoji stay whole), with an ellipsis. */
export function ellipsize(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
