import { courtesyOf } from '../text/courtesy.js';
import { foldText } from '../text/fold.js';
import type { QuestionEvent } from './events.js';

/**
 * What a recorded question was, for the reports: answered, a knowledge gap (a question about what
 * the sources cover that got no answer), or one of three things that are no gap and must not count
 * as one: small talk ("bonjour", "merci", "ok"), a menu pick (a bare "1" typed in answer to a
 * numbered list or a triage step) and a question about a system the bot does not cover.
 */
export type QuestionKind = 'answered' | 'gap' | 'small-talk' | 'menu-pick' | 'out-of-scope';

/**
 * Greetings, thanks, acknowledgements and goodbyes, folded (no accents, lower case, apostrophes
 * and punctuation as spaces). A message made only of these is small talk: "ok merci !", "Bonjour,".
 */
const SMALL_TALK = [
  'bonjour',
  'bonsoir',
  'salut',
  'coucou',
  'hello',
  'hi',
  'hey',
  'merci',
  'merci beaucoup',
  'merci bien',
  'thanks',
  'thank you',
  'thanks a lot',
  'many thanks',
  'thx',
  'ok',
  'okay',
  'oki',
  'k',
  'd accord',
  'dac',
  'entendu',
  'compris',
  'c est note',
  'c est bon',
  'ca marche',
  'ca roule',
  'super',
  'parfait',
  'genial',
  'top',
  'cool',
  'nickel',
  'tres bien',
  'bien',
  'great',
  'perfect',
  'good',
  'nice',
  'got it',
  'oui',
  'non',
  'yes',
  'no',
  'yep',
  'nope',
  'au revoir',
  'bye',
  'a plus',
  'a bientot',
  'bonne journee',
  'bonne soiree',
  'ciao',
];

const SMALL_TALK_ONLY = new RegExp(
  `^(?:(?:${[...SMALL_TALK].sort((a, b) => b.length - a.length).join('|')})(?: |$))+$`,
);

/** Letters and digits only, words one space apart: "Ok, merci !" -> "ok merci". */
const wordsOf = (text: string) =>
  foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * "bonjour", "Merci beaucoup !", "ok 👍", or nothing but punctuation and emoji; and every greeting
 * or thanks the bot answers with a courtesy ("merci pour votre aide", "hello everyone"), which it
 * records unanswered.
 */
export function isSmallTalk(text: string): boolean {
  const words = wordsOf(text);
  return words === '' || SMALL_TALK_ONLY.test(words) || courtesyOf(text) !== null;
}

/**
 * A bare number of one or two digits ("1", "2)", "n° 3"): a pick in a numbered list or a triage
 * step. No code of the sources is that short (codes have 3 to 6 digits).
 */
export function isMenuPick(text: string): boolean {
  return /^\s*(?:n\s*°|no\.?|#)?\s*\d{1,2}\s*[.)]?\s*$/i.test(text);
}

export function questionKind(q: QuestionEvent): QuestionKind {
  if (q.answered) return 'answered';
  if (isMenuPick(q.query)) return 'menu-pick';
  if (isSmallTalk(q.query)) return 'small-talk';
  if (q.reason === 'out-of-scope') return 'out-of-scope';
  return 'gap';
}
