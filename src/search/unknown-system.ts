/**
 * Whether a message names something the sources never mention: a capitalised word ("Okta",
 * "Starface", "PBX", "CamelCase") that `isUnknown` says the index does not know. A Title-case first
 * word followed by a lowercase word is grammar, not a name ("Hier, l'utilisateur..."), unless it is
 * a ticket's "Name: ..." prefix; a message written all in capitals says nothing by its capitals.
 */
export function namesUnknownSystem(text: string, isUnknown: (word: string) => boolean): boolean {
  if (!/\p{Ll}/u.test(text)) return false;
  const tokens = text.split(/[^\p{L}\p{N}.]+/u).filter(Boolean);
  return tokens.some((token, i) => {
    const word = token.replace(/\.+$/, '');
    if (!/^\p{Lu}/u.test(word) && !/\p{Ll}\p{Lu}/u.test(word)) return false;
    const titleCase = /^\p{Lu}[\p{Ll}\p{N}]*$/u.test(word);
    const prefix = i === 0 && writesAsSubject(text, word);
    if (i === 0 && titleCase && !prefix && /^\p{Ll}/u.test(tokens[1] ?? '')) return false;
    return isUnknown(word);
  });
}

/** Whether the message opens with the word as its subject, a ticket's "Name: ..." ("Sage : erreur 20027"). */
export function writesAsSubject(text: string, word: string): boolean {
  return new RegExp(`^\\W*${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'u').test(text);
}
