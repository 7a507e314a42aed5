import { foldText } from './fold.js';
import type { Language } from './language.js';

/** A greeting or thanks said on its own: no question to answer, and its words say their language. */
export interface Courtesy {
  kind: 'greeting' | 'thanks';
  language: Language;
}

const SAID: [RegExp, Courtesy][] = [
  [
    /^(?:bonjour|bonsoir|salut|coucou|re)(?: (?:a tous|a toutes|tout le monde|l'equipe|la team))?$/,
    { kind: 'greeting', language: 'fr' },
  ],
  [
    /^(?:hello|hi|hey|good (?:morning|afternoon|evening))(?: (?:all|everyone|there|team))?$/,
    { kind: 'greeting', language: 'en' },
  ],
  [
    /^(?:(?:ok|super|parfait|top|genial|nickel|d'accord) )?merci(?: (?:beaucoup|bien|encore|a toi|a vous|pour (?:ton|votre) aide))?$/,
    { kind: 'thanks', language: 'fr' },
  ],
  [
    /^(?:(?:ok|great|perfect|awesome) )?(?:thanks|thank you|thx|ty|many thanks|cheers)(?: (?:a lot|so much|very much|for (?:your|the) help))?$/,
    { kind: 'thanks', language: 'en' },
  ],
];

/** "bonjour", "merci beaucoup !", "thanks a lot": a courtesy, or null for anything else. */
export function courtesyOf(text: string): Courtesy | null {
  // Punctuation and emoji (":)", "🙏", "!!") say nothing more.
  const words = foldText(text)
    .replace(/[^a-z' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words.length === 0 || words.length > 40) return null;
  for (const [pattern, courtesy] of SAID) if (pattern.test(words)) return courtesy;
  return null;
}
