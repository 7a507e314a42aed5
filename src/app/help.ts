import type { Language } from '../text/language.js';

const HELP_WORDS = /^\s*(aide|help|\?|usage|menu|comment (ça|ca) marche)\s*[!?.]*\s*$/i;

export function isHelpRequest(text: string): boolean {
  return HELP_WORDS.test(text);
}

export const HELP_TEXT: Record<Language, string> = {
  fr: [
    'Je réponds à partir de trois guides : Webex pour Cisco BroadWorks, Azure Communication Services et les événements UCWA de Skype Entreprise Server.',
    'Exemples :',
    '  • un code : 200039, callEndReason 487, Event ID 20017, 409 Conflict (provisionnement)',
    '  • une ligne de journal : [Erreur 18215] Erreur de provisionnement avec le serveur de messagerie',
    "  • un symptôme : « l'utilisateur ne voit pas l'icône d'appel », « impossible de se connecter en SSO »",
    'Chaque réponse cite la section source. Si je ne sais pas, je le dis et je propose les sections les plus proches.',
  ].join('\n'),
  en: [
    'I answer from three guides: Webex for Cisco BroadWorks, Azure Communication Services and Skype for Business Server UCWA events.',
    'Examples:',
    '  • a code: 200039, callEndReason 487, Event ID 20017, 409 Conflict (provisioning)',
    '  • a log line: [Error 18215] Provisioning error with the messaging server',
    '  • a symptom: "the user has no call icon", "user cannot sign in with SSO"',
    'Every answer cites its source section. When I do not know, I say so and offer the closest sections.',
  ].join('\n'),
};
