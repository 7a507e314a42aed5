import type { Language } from '../text/language.js';

/** Every fixed phrase the bot says, in the user's language; source facts are never translated. */
export const LABELS = {
  fr: {
    /** French puts a (thin) space before a colon, English does not. */
    colon: ' :',
    cause: 'Cause',
    action: 'Action',
    steps: 'Étapes',
    procedure: 'Procédure',
    followUps: 'Questions de suivi',
    source: 'Source',
    confidence: 'Confiance',
    alternatives: 'Autres pistes',
    didYouMean: 'Pistes proches',
    codes: 'Codes',
    type: 'Type',
    noAction: 'La source ne donne pas d’action pour ce code.',
    unknownCode: (codes: string) =>
      `Je ne connais pas le code ${codes} : il ne figure dans aucune des sources.`,
    noAnswer: 'Je n’ai pas trouvé de réponse sûre dans la documentation.',
    outOfScope: (about: string, covered: string) =>
      `Je ne couvre que ${covered}, et votre message semble concerner ${about} : je ne peux pas y répondre avec certitude.`,
    statusElsewhere: (covered: string) =>
      `Ce code ressemble à un statut HTTP ou SIP d’un autre système ; je ne couvre que ${covered}.`,
    codeElsewhere: (code: string, product: string, meaning: string) =>
      `Le code ${code} existe dans ${product} (« ${meaning} ») : s’agit-il de ce produit ?`,
    and: 'et',
    empty:
      'Posez-moi un code d’erreur (ex. 200039, callEndReason 487, Event ID 20017), une ligne de journal ou un symptôme (ex. « l’utilisateur ne voit pas l’icône d’appel »).',
    escalate:
      'Si rien ne correspond, escaladez avec les informations à collecter (« quelles informations collecter »).',
    notFound: 'introuvable',
    apology: 'Désolé, je n’ai pas pu traiter ce message. Réessayez dans un instant.',
  },
  en: {
    colon: ':',
    cause: 'Cause',
    action: 'Action',
    steps: 'Steps',
    procedure: 'Procedure',
    followUps: 'Follow-up questions',
    source: 'Source',
    confidence: 'Confidence',
    alternatives: 'Other leads',
    didYouMean: 'Closest sections',
    codes: 'Codes',
    type: 'Type',
    noAction: 'The source gives no action for this code.',
    unknownCode: (codes: string) => `I don't know code ${codes}: it is in none of the sources.`,
    noAnswer: 'I found no confident answer in the documentation.',
    outOfScope: (about: string, covered: string) =>
      `I only cover ${covered}, and your message seems to be about ${about}: I cannot answer it with confidence.`,
    statusElsewhere: (covered: string) =>
      `This code looks like an HTTP or SIP status of another system; I only cover ${covered}.`,
    codeElsewhere: (code: string, product: string, meaning: string) =>
      `Code ${code} exists in ${product} ("${meaning}"): is this that product?`,
    and: 'and',
    empty:
      'Ask me an error code (e.g. 200039, callEndReason 487, Event ID 20017), a log line or a symptom (e.g. "the user has no call icon").',
    escalate: 'If nothing fits, escalate with the information to collect ("what information to collect").',
    notFound: 'not found',
    apology: 'Sorry, I could not process this message. Please try again in a moment.',
  },
} as const;

export function labels(language: Language) {
  return LABELS[language];
}

/** Cuts a text to at most max characters (code points, so accents and emoji stay whole), with an ellipsis. */
export function ellipsize(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** "A, B et C" / "A, B and C". */
export function listOf(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${LABELS[language].and} ${items.at(-1)}`;
}
