/** Any letter, of any script: a text without one has no word to read ("200039", "503 / 404"). */
export const HAS_LETTER = /\p{L}/u;
