import type { Language } from './language.js';

/**
 * Every fixed phrase the bot says, in French and English: one catalogue for the core and every
 * adapter. Facts from the sources are never here and never translated.
 */
const fr = {
  answer: {
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
    didYouMean: 'Vouliez-vous dire :',
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
    findings: (n: number, list: string) => `${n} constats : ${list}`,
    moreFindings: (n: number) =>
      n === 1
        ? '1 autre constat, en bref (Détails ci-dessous) :'
        : `${n} autres constats, en bref (Détails ci-dessous) :`,
    unlistedFindings: (n: number, codes: string) =>
      `Et ${n === 1 ? '1 autre' : `${n} autres`} : ${codes}. Tapez un code pour sa réponse complète.`,
    details: 'Détails',
    line: 'Ligne',
    empty:
      'Posez-moi un code d’erreur (ex. 200039, callEndReason 487, Event ID 20017), une ligne de journal ou un symptôme (ex. « l’utilisateur ne voit pas l’icône d’appel »).',
    escalate:
      'Si rien ne correspond, escaladez avec les informations à collecter (« quelles informations collecter »).',
    notFound: 'introuvable',
    apology: 'Désolé, je n’ai pas pu traiter ce message. Réessayez dans un instant.',
  },
  buttons: {
    share: 'Partager dans le canal',
    notIt: 'Ce n’était pas ça',
    fullText: 'Texte complet de la section',
    useful: 'Utile',
    notUseful: 'Pas utile',
  },
  ui: {
    sharedBy: (user: string) => `${user} a partagé :`,
    shared: 'Réponse partagée dans le canal.',
    cannotPost: 'Je n’ai pas pu publier dans ce canal : invitez-moi d’abord (/invite @UC Triage).',
    typeNumber: 'Tapez un numéro :',
    staleButton: 'Ce bouton n’est plus valide : posez la question à nouveau.',
    thanksUseful: 'Merci, c’est noté.',
    thanksNotUseful: 'Merci, c’est noté : cela aide à améliorer les réponses.',
    feedbackHint: '+ utile · - pas utile',
    noAnswerToRate:
      'Il n’y a pas de réponse à évaluer ici : « + » et « - » notent la dernière réponse affichée.',
    alreadyRated: 'Cette réponse est déjà notée, merci.',
    emptyMessage: 'Ce message ne contient pas de texte à analyser.',
    unreadAttachments: (names: string) =>
      `Pièce jointe non lue (trop volumineuse, hors de Slack ou sans réponse) : ${names}. Le diagnostic porte sur le reste du message.`,
    welcome: 'Bonjour ! Je suis UC Triage : mentionnez-moi dans un canal ou écrivez-moi ici.',
    terminalWelcome:
      'UC Triage — terminal. Posez un code d’erreur, une ligne de journal ou un symptôme.\n« aide » pour des exemples, Ctrl-D pour quitter.',
    goodbye: 'Au revoir.',
    greeting:
      'Bonjour ! Envoyez-moi un code d’erreur, une ligne de journal ou un symptôme (« aide » pour des exemples).',
    thanks: 'Avec plaisir ! Si le problème revient, envoyez-moi son code ou son symptôme.',
    usage: (command: string) =>
      `Usage : \`${command} <code, ligne de journal ou symptôme>\`, par exemple \`${command} 200039\`, \`${command} callEndReason 487\`, \`${command} l'utilisateur ne voit pas l'icône d'appel\`.`,
  },
  help: {
    intro: (guides: number, products: string) =>
      `Je réponds à partir de ${guides === 1 ? 'un guide' : `${guides} guides`} : ${products}.`,
    examplesTitle: 'Exemples :',
    examples: [
      '  • un code : 200039, callEndReason 487, Event ID 20017, 409 Conflict (provisionnement)',
      '  • une ligne de journal : [Erreur 18215] Erreur de provisionnement avec le serveur de messagerie',
      "  • un symptôme : « l'utilisateur ne voit pas l'icône d'appel », « impossible de se connecter en SSO »",
    ],
    closing:
      'Chaque réponse cite la section source. Si je ne sais pas, je le dis et je propose les sections les plus proches.',
    exampleQueries: ['200039', 'callEndReason 487', "l'utilisateur ne voit pas l'icône d'appel"],
    wordsTitle: 'Ce que vous pouvez taper :',
    words: [
      '  • diagnostic [symptôme] : un diagnostic guidé, une question à la fois (ex. « diagnostic l’icône d’appel est absente »)',
      '  • pendant un diagnostic : le numéro ou les mots d’une option ; « retour » (question précédente), « recommencer », « reprendre » (revoir la question), « escalader » (le résumé à transmettre au support), « arrêter » ou « stop »',
      '  • aide : cette aide',
    ],
    /** Where typed numbers and + / - stand for the buttons (the terminal chat). */
    typedWords: [
      '  • un numéro : le choix de ce numéro (une option, une piste, une question de suivi)',
      '  • + ou - : la dernière réponse était utile, ou pas',
    ],
  },
  triage: {
    colon: ' :',
    guided: 'Diagnostic guidé',
    step: (n: number) => `Étape ${n}`,
    controls: 'retour · recommencer · stop · escalader',
    back: 'Retour',
    restart: 'Recommencer',
    stop: 'Arrêter',
    escalate: 'Escalader',
    start: 'Lancer le diagnostic guidé',
    result: 'Résultat',
    fixedHint:
      'Si cela ne résout pas le problème, tapez « escalader » pour le résumé à transmettre au support.',
    escalationIntro:
      'Le guide ne donne pas de correctif pour ce cas : voici le résumé d’escalade à copier dans le dossier.',
    stopped: 'Diagnostic guidé arrêté.',
    source: 'Source',
  },
  escalation: {
    title: 'Escalade',
    product: 'Produit',
    path: 'Parcours',
    result: 'Résultat',
    codes: 'Codes vus',
    logs: 'Lignes de journal',
    collect: 'À collecter',
    sources: 'Sources',
    none: 'aucun',
    /** "Lignes de journal : (aucune)": lines are feminine. */
    noLines: 'aucune',
  },
  notices: {
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
    'from-symptom':
      'Votre description répond déjà à la première question : je passe à la suivante (« retour » pour y revenir).',
  },
  report: {
    percent: (rate: number) => `${Math.round(rate * 100)} %`,
    colon: ' :',
    quoted: (text: string) => `« ${text} »`,
    none: 'aucune',
    gaps: {
      title: (since: string) => `Lacunes de la base de connaissances depuis le ${since}`,
      unanswered: 'Questions sans réponse',
      closest: (ids: string) => ` (plus proches : ${ids})`,
      example: 'ex.',
      notHelpful: 'Réponses marquées « pas utile »',
      corrections: 'Corrections (question -> l’entrée qui était la bonne)',
      pasteKeywords: 'À coller sous `keywords:` dans knowledge/overlays/keywords.yaml :',
      unknownEntries: 'Identifiants absents de la base de connaissances (écartés ci-dessus et du YAML)',
      csvHeader: ['rubrique', 'question_ou_id', 'nombre', 'détails'],
      csvSections: {
        unanswered: 'sans-réponse',
        notHelpful: 'pas-utile',
        correction: 'correction',
        unknownEntry: 'id-inconnu',
      },
    },
    usage: {
      title: (since: string) => `Utilisation depuis le ${since}`,
      htmlTitle: 'UC Triage — utilisation',
      htmlHeading: (date: string) => `UC Triage — utilisation depuis le ${date}`,
      totals: (t: {
        questions: number;
        answered: number;
        answeredRate: string;
        feedback: number;
        feedbackRate: string;
        useful: number;
        notUseful: number;
        corrections: number;
      }) =>
        `questions : ${t.questions}, répondues : ${t.answered} (${t.answeredRate}), avis : ${t.feedback} (${t.feedbackRate} des questions ; utiles : ${t.useful}, pas utiles : ${t.notUseful}), corrections : ${t.corrections}`,
      counts: (questions: number, answered: string, feedback: number) =>
        `${questions} questions, ${answered} répondues, ${feedback} avis`,
      perPlatform: 'Par plateforme',
      topCodes: 'Codes les plus demandés',
      topSections: 'Sections les plus consultées',
      perDay: 'Questions par jour',
      cards: {
        questions: 'questions',
        answered: 'répondues',
        feedback: 'avis donnés',
        usefulOrNot: 'utiles / pas utiles',
        corrections: 'corrections',
      },
      answered: 'répondues',
      unanswered: 'sans réponse',
      noData: 'Aucune donnée.',
      csvHeader: ['date', 'questions', 'répondues', 'avis'],
      htmlWritten: (file: string) => `Rapport HTML écrit dans ${file}`,
    },
    exportEval: {
      intro: ' Candidats d’évaluation tirés des corrections des utilisateurs (uc-triage report export-eval).',
      review:
        ' Relisez chacun avant de l’ajouter à un jeu réservé ; ne réglez jamais rien sur les éléments réservés.',
      leftOut: (n: number) =>
        n === 1
          ? ' 1 correction ou clic « pas utile » nommait un identifiant absent de la base de connaissances : écarté.'
          : ` ${n} corrections ou clics « pas utile » nommaient des identifiants absents de la base de connaissances : écartés.`,
    },
  },
};

type Catalogue = typeof fr;

const en: Catalogue = {
  answer: {
    colon: ':',
    cause: 'Cause',
    action: 'Action',
    steps: 'Steps',
    procedure: 'Procedure',
    followUps: 'Follow-up questions',
    source: 'Source',
    confidence: 'Confidence',
    alternatives: 'Other leads',
    didYouMean: 'Did you mean:',
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
    findings: (n: number, list: string) => `${n} findings: ${list}`,
    moreFindings: (n: number) =>
      n === 1 ? '1 more finding, in brief (Details below):' : `${n} more findings, in brief (Details below):`,
    unlistedFindings: (n: number, codes: string) =>
      `And ${n} more: ${codes}. Type a code for its full answer.`,
    details: 'Details',
    line: 'Line',
    empty:
      'Ask me an error code (e.g. 200039, callEndReason 487, Event ID 20017), a log line or a symptom (e.g. "the user has no call icon").',
    escalate: 'If nothing fits, escalate with the information to collect ("what information to collect").',
    notFound: 'not found',
    apology: 'Sorry, I could not process this message. Please try again in a moment.',
  },
  buttons: {
    share: 'Share in channel',
    notIt: "That wasn't it",
    fullText: 'Full section text',
    useful: 'Useful',
    notUseful: 'Not useful',
  },
  ui: {
    sharedBy: (user: string) => `${user} shared:`,
    shared: 'Shared in the channel.',
    cannotPost: 'I could not post in this channel: invite me to it first (/invite @UC Triage).',
    typeNumber: 'Type a number:',
    staleButton: 'This button is no longer valid: please ask again.',
    thanksUseful: 'Thanks, noted.',
    thanksNotUseful: 'Thanks, noted: it helps improve the answers.',
    feedbackHint: '+ useful · - not useful',
    noAnswerToRate: 'There is no answer to rate here: "+" and "-" rate the last answer shown.',
    alreadyRated: 'This answer is already rated, thanks.',
    emptyMessage: 'This message has no text to analyse.',
    unreadAttachments: (names: string) =>
      `Attachment not read (too large, not on Slack or no answer): ${names}. The diagnosis covers the rest of the message.`,
    welcome: 'Hello! I am UC Triage: mention me in a channel or write to me here.',
    terminalWelcome:
      'UC Triage — terminal. Ask an error code, a log line or a symptom.\n"help" for examples, Ctrl-D to quit.',
    goodbye: 'Goodbye.',
    greeting: 'Hello! Send me an error code, a log line or a symptom ("help" for examples).',
    thanks: "You're welcome! If the problem comes back, send me its code or its symptom.",
    usage: (command: string) =>
      `Usage: \`${command} <code, log line or symptom>\`, e.g. \`${command} 200039\`, \`${command} callEndReason 487\`, \`${command} user cannot sign in with SSO\`.`,
  },
  help: {
    intro: (guides: number, products: string) =>
      `I answer from ${guides === 1 ? 'one guide' : `${guides} guides`}: ${products}.`,
    examplesTitle: 'Examples:',
    examples: [
      '  • a code: 200039, callEndReason 487, Event ID 20017, 409 Conflict (provisioning)',
      '  • a log line: [Error 18215] Provisioning error with the messaging server',
      '  • a symptom: "the user has no call icon", "user cannot sign in with SSO"',
    ],
    closing:
      'Every answer cites its source section. When I do not know, I say so and offer the closest sections.',
    exampleQueries: ['200039', 'callEndReason 487', 'user cannot sign in with SSO'],
    wordsTitle: 'What you can type:',
    words: [
      '  • triage [symptom]: a guided triage, one question at a time (e.g. "triage the calling icon is missing")',
      '  • during a triage: the number or the words of an option; "back" (previous question), "restart", "resume" (show the question again), "escalate" (the summary to hand to support), "stop"',
      '  • help: this help',
    ],
    typedWords: [
      '  • a number: the choice of that number (an option, a lead, a follow-up question)',
      '  • + or -: the last answer was useful, or not',
    ],
  },
  triage: {
    colon: ':',
    guided: 'Guided triage',
    step: (n: number) => `Step ${n}`,
    controls: 'back · restart · stop · escalate',
    back: 'Back',
    restart: 'Restart',
    stop: 'Stop',
    escalate: 'Escalate',
    start: 'Start guided triage',
    result: 'Result',
    fixedHint: 'If this does not fix it, type "escalate" for the summary to hand to support.',
    escalationIntro:
      'The guide gives no fix for this case: here is the escalation summary to copy into the case.',
    stopped: 'Guided triage stopped.',
    source: 'Source',
  },
  escalation: {
    title: 'Escalation',
    product: 'Product',
    path: 'Path',
    result: 'Result',
    codes: 'Codes seen',
    logs: 'Log lines',
    collect: 'To collect',
    sources: 'Sources',
    none: 'none',
    noLines: 'none',
  },
  notices: {
    unavailable: 'Guided triage is temporarily unavailable; here is the direct answer.',
    expired: 'The previous guided triage expired; starting over.',
    'stale-choice': 'That button belongs to an earlier step; here is the current one.',
    'not-understood':
      'I did not understand the answer: pick an option (or "back", "restart", "stop", "escalate").',
    'switched-tree': 'That symptom belongs to another guided triage: starting it.',
    paused: 'Triage paused: answer the question below or type "resume".',
    'no-session': 'No guided triage in progress in this conversation. Type "triage" to start one.',
    'choose-tree': 'Which guided triage do you want to start?',
    'from-symptom':
      'Your description already answers the first question: on to the next ("back" to return to it).',
  },
  report: {
    percent: (rate: number) => `${Math.round(rate * 100)}%`,
    colon: ':',
    quoted: (text: string) => `"${text}"`,
    none: 'none',
    gaps: {
      title: (since: string) => `Knowledge gaps since ${since}`,
      unanswered: 'Unanswered questions',
      closest: (ids: string) => ` (closest: ${ids})`,
      example: 'e.g.',
      notHelpful: 'Answers marked not useful',
      corrections: 'Corrections (query -> the entry that was right)',
      pasteKeywords: 'Ready to paste under `keywords:` in knowledge/overlays/keywords.yaml:',
      unknownEntries: 'Ids not in the knowledge base (left out above and of the YAML)',
      csvHeader: ['section', 'query_or_id', 'count', 'details'],
      csvSections: {
        unanswered: 'unanswered',
        notHelpful: 'not-helpful',
        correction: 'correction',
        unknownEntry: 'unknown-id',
      },
    },
    usage: {
      title: (since: string) => `Usage since ${since}`,
      htmlTitle: 'UC Triage — usage',
      htmlHeading: (date: string) => `UC Triage — usage since ${date}`,
      totals: (t: {
        questions: number;
        answered: number;
        answeredRate: string;
        feedback: number;
        feedbackRate: string;
        useful: number;
        notUseful: number;
        corrections: number;
      }) =>
        `questions: ${t.questions}, answered: ${t.answered} (${t.answeredRate}), feedback: ${t.feedback} (${t.feedbackRate} of questions; ${t.useful} useful, ${t.notUseful} not), corrections: ${t.corrections}`,
      counts: (questions: number, answered: string, feedback: number) =>
        `${questions} questions, ${answered} answered, ${feedback} feedback`,
      perPlatform: 'Per platform',
      topCodes: 'Top codes',
      topSections: 'Top sections',
      perDay: 'Questions per day',
      cards: {
        questions: 'questions',
        answered: 'answered',
        feedback: 'feedback given',
        usefulOrNot: 'useful / not useful',
        corrections: 'corrections',
      },
      answered: 'answered',
      unanswered: 'unanswered',
      noData: 'No data.',
      csvHeader: ['date', 'questions', 'answered', 'feedback'],
      htmlWritten: (file: string) => `HTML report written to ${file}`,
    },
    exportEval: {
      intro: ' Candidate evaluation items from user corrections (uc-triage report export-eval).',
      review: ' Review each one before adding it to a held-out set; never tune on held-out items.',
      leftOut: (n: number) =>
        n === 1
          ? ' 1 correction or "not useful" click named an id not in the knowledge base: left out.'
          : ` ${n} corrections or "not useful" clicks named ids not in the knowledge base: left out.`,
    },
  },
};

export const CATALOGUE: Record<Language, Catalogue> = { fr, en };

/** The phrases of one language. */
export function strings(language: Language): Catalogue {
  return CATALOGUE[language];
}

/** "A, B et C" / "A, B and C". */
export function listOf(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${CATALOGUE[language].answer.and} ${items.at(-1)}`;
}
