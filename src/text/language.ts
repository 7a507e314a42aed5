import { foldText } from './fold.js';

export type Language = 'fr' | 'en';

const ENGLISH = new Set(
  'the is are how do does what why when where which who can cant cannot not my our your with without after before from on in for of to it this that get gets getting user users error fails failed failure sign login logs collect call calls calling calls shows show see missing keeps help please any an was were i we they there code means mean meaning'.split(
    ' ',
  ),
);
const FRENCH = new Set(
  'le la les des du un une est sont pas ne je comment quoi pour avec sur dans l d qu que qui erreur utilisateur utilisateurs impossible apres au aux ou se n a mon ma mes il elle on nous vous echec journaux appel appels connexion recoit voit plus depuis lors quand pourquoi quel quelle ca cela c s y j m t est-ce'.split(
    ' ',
  ),
);

/** French unless the words say English: French is the help desk's default. */
export function detectLanguage(text: string): Language {
  if (/[àâçéèêëîïôûùüÿœ]/i.test(text)) return 'fr';
  const words = foldText(text).split(/[^a-z]+/);
  let en = 0;
  let fr = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) en++;
    if (FRENCH.has(w)) fr++;
  }
  return en > fr ? 'en' : 'fr';
}
