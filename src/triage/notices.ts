import type { Language } from '../text/language.js';

/** Something the bot adds to its reply about guided triage. */
export type TriageNotice =
  | 'unavailable'
  | 'expired'
  | 'stale-choice'
  | 'not-understood'
  | 'switched-tree'
  | 'paused'
  | 'no-session'
  | 'choose-tree';

/** What each triage notice says, in the user's language. */
export const NOTICES: Record<Language, Record<TriageNotice, string>> = {
  fr: {
    unavailable: 'Le diagnostic guidé est temporairement indisponible ; voici la réponse directe.',
    expired: 'Le diagnostic guidé précédent a expiré ; je reprends à zéro.',
    'stale-choice': 'Ce bouton concerne une étape précédente ; voici l’étape en cours.',
    'not-understood':
      'Je n’ai pas compris la réponse : choisissez une option (ou « retour », « recommencer », « stop », « escalader »).',
    'switched-tree': 'Ce symptôme relève d’un autre diagnostic : je le démarre.',
    paused: 'Diagnostic en pause : répondez à la question ci-dessous ou tapez « reprendre ».',
    'no-session':
      'Aucun diagnostic guidé en cours dans cette conversation. Tapez « diagnostic » pour en démarrer un.',
    'choose-tree': 'Quel diagnostic guidé voulez-vous lancer ?',
  },
  en: {
    unavailable: 'Guided triage is temporarily unavailable; here is the direct answer.',
    expired: 'The previous guided triage expired; starting over.',
    'stale-choice': 'That button belongs to an earlier step; here is the current one.',
    'not-understood':
      'I did not understand the answer: pick an option (or "back", "restart", "stop", "escalate").',
    'switched-tree': 'That symptom belongs to another guided triage: starting it.',
    paused: 'Triage paused: answer the question below or type "resume".',
    'no-session': 'No guided triage in progress in this conversation. Type "triage" to start one.',
    'choose-tree': 'Which guided triage do you want to start?',
  },
};
