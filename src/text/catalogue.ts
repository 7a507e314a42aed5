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
    details: 'Détails',
    line: 'Ligne',
    empty:
      'Posez-moi un code d’erreur (ex. 200039, callEndReason 487, Event ID 20017), une ligne de journal ou un symptôme (ex. « l’utilisateur ne voit pas l’icône d’appel »).',
    escalate: 'Si rien ne correspond, « Escalader » ouvre un dossier pour les experts.',
    notFound: 'introuvable',
    apology: 'Désolé, je n’ai pas pu traiter ce message. Réessayez dans un instant.',
  },
  buttons: {
    share: 'Partager dans le canal',
    notIt: 'Ce n’était pas ça',
    fullText: 'Texte complet de la section',
    useful: 'Utile',
    notUseful: 'Pas utile',
    escalate: 'Escalader',
  },
  ui: {
    sharedBy: (user: string) => `${user} a partagé :`,
    shared: 'Réponse partagée dans le canal.',
    cannotPost: 'Je n’ai pas pu publier dans ce canal : invitez-moi d’abord (/invite @UC Triage).',
    typeNumber: 'Tapez un numéro :',
    staleButton: 'Ce bouton n’est plus valide : posez la question à nouveau.',
    expiredButton: 'Ce bouton a expiré : posez la question à nouveau.',
    staleTriageCard:
      'Cette carte du diagnostic n’est plus à jour : rien n’a changé. Continuez sur la carte la plus récente.',
    endedTriageCard:
      'Ce diagnostic guidé est terminé ou a expiré : rien n’a changé. Tapez « diagnostic » pour en lancer un autre.',
    thanksUseful: 'Merci, c’est noté.',
    thanksNotUseful: 'Merci, c’est noté : cela aide à améliorer les réponses.',
    feedbackHint: '+ utile · - pas utile',
    noAnswerToRate: 'Il n’y a pas encore de réponse à évaluer dans cette conversation.',
    emptyMessage: 'Ce message ne contient pas de texte à analyser.',
    unreadAttachments: (names: string) =>
      `Pièce jointe non lue (trop volumineuse, hors de Slack ou sans réponse) : ${names}. Le diagnostic porte sur le reste du message.`,
    welcome: 'Bonjour ! Je suis UC Triage : mentionnez-moi dans un canal ou écrivez-moi ici.',
    terminalWelcome:
      'UC Triage — terminal. Posez un code d’erreur, une ligne de journal ou un symptôme.\n« aide » pour des exemples, Ctrl-D pour quitter.',
    goodbye: 'Au revoir.',
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
    triageHint: 'Tapez « diagnostic » pour un diagnostic guidé.',
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
      'Si cela ne résout pas le problème, tapez « escalader » pour ouvrir un dossier pour les experts.',
    escalationIntro:
      'Le guide ne donne pas de correctif pour ce cas : voici le résumé d’escalade. « Escalader » ouvre un dossier pour les experts.',
    stopped: 'Diagnostic guidé arrêté.',
    trail: 'Vos réponses',
    resultBelow: 'Résultat ci-dessous.',
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
    'nothing-to-escalate':
      'Rien à escalader pour l’instant : posez votre question, puis cliquez « Escalader » sous la réponse.',
  },
  cases: {
    caseLabel: (id: number) => `Dossier ${id}`,
    noCases: 'Aucun dossier.',
    formTitle: (title: string) => `Ouvrir un dossier — ${title}`,
    formIntro:
      'Complétez ce que vous avez pu collecter (laissez vide le reste) : les experts le verront avec le résumé.',
    formFallback: 'Ouvrez le dossier : les experts verront ce résumé et ce qu’il reste à collecter.',
    skipHint: 'ligne vide : passer',
    keepHint: 'ligne vide : garder',
    summary: 'Résumé',
    product: 'Produit',
    noProduct: 'non précisé',
    path: 'Parcours',
    codes: 'Codes vus',
    logs: 'Lignes de journal',
    collect: 'À collecter',
    collected: 'Informations collectées',
    notCollected: 'non renseigné',
    sources: 'Sources',
    open: 'Ouvrir le dossier',
    opened: (id: number) => `Dossier ${id} ouvert`,
    sentToExperts: 'Les experts l’ont reçu ; leur réponse vous sera donnée ici.',
    forward: 'Aucun canal d’experts n’est configuré : transmettez-leur cette fiche.',
    cliHint: (id: number) =>
      `Les experts le prennent en charge avec : uc-triage cases take ${id} --by NOM, puis uc-triage cases resolve ${id} --answer "…"`,
    openedBy: (by: string, at: string) => `Ouvert par ${by} le ${at}`,
    takenBy: (by: string, at: string) => `Pris en charge par ${by} le ${at}`,
    resolvedBy: (by: string, at: string) => `Résolu par ${by} le ${at}`,
    closedAt: (at: string) => `Fermé sans réponse le ${at}`,
    states: { open: 'ouvert', taken: 'pris en charge', resolved: 'résolu', closed: 'fermé sans réponse' },
    take: 'Je prends',
    resolve: 'Résoudre',
    close: 'Fermer sans réponse',
    reopen: 'Rouvrir',
    expertAnswer: 'Réponse de l’expert',
    relatedEntry: 'Entrée liée',
    resolveTitle: (id: number, title: string) => `Résoudre le dossier ${id} — ${title}`,
    answerField: 'Réponse de l’expert',
    answerHint: 'Ce qui a résolu le problème, en quelques lignes : le technicien la reçoit.',
    entryField: 'Entrée liée (facultatif)',
    entryHint:
      'L’identifiant d’une entrée de la base de connaissances (ex. webex-200039 ; uc-triage kb show).',
    resolveFallback: (id: number) => `Répondez avec : uc-triage cases resolve ${id} --answer "…"`,
    technicianLink: 'Ouvrir la conversation du technicien',
    chatWith: (name: string) => `Écrire à ${name}`,
    expertsLink: 'Voir le dossier chez les experts',
    formUnreadable: 'Ce formulaire n’a pas pu être lu : rouvrez-le depuis la carte.',
    notices: {
      take: (id: number, by: string) => `Dossier ${id} : pris en charge par ${by}.`,
      resolve: (id: number, by: string) => `Dossier ${id} résolu par ${by}`,
      close: (id: number, by: string) => `Dossier ${id} fermé sans réponse par ${by}.`,
      reopen: (id: number, by: string) => `Dossier ${id} rouvert par ${by}.`,
    },
    refused: {
      notFound: (id: number) => `Le dossier ${id} n’existe pas.`,
      notAnExpert:
        'Seuls les experts (les membres de leur canal) peuvent prendre en charge, résoudre, fermer ou rouvrir un dossier.',
      emptyAnswer: 'La réponse est vide : écrivez ce qui a résolu le problème.',
      unknownEntry: (entry: string) =>
        `« ${entry} » n’est pas une entrée de la base de connaissances (voir uc-triage kb show).`,
      unavailable: 'Les dossiers sont momentanément indisponibles : réessayez dans un instant.',
      unopened: 'Le dossier n’a pas pu être enregistré : voici la fiche à transmettre aux experts.',
      /** A command the case's state does not allow: `command` take/resolve/close/reopen, `state` the case's. */
      invalid: (id: number, command: string, state: string, takenBy?: string) => {
        if (command === 'reopen') return `Le dossier ${id} n’est ni résolu ni fermé : rien à rouvrir.`;
        if (state === 'taken')
          return `Le dossier ${id} est déjà pris en charge${takenBy ? ` par ${takenBy}` : ''}.`;
        if (state === 'resolved') return `Le dossier ${id} est déjà résolu.`;
        return `Le dossier ${id} est fermé sans réponse : rouvrez-le d’abord.`;
      },
    },
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
    details: 'Details',
    line: 'Line',
    empty:
      'Ask me an error code (e.g. 200039, callEndReason 487, Event ID 20017), a log line or a symptom (e.g. "the user has no call icon").',
    escalate: 'If nothing fits, "Escalate" opens a case for the experts.',
    notFound: 'not found',
    apology: 'Sorry, I could not process this message. Please try again in a moment.',
  },
  buttons: {
    share: 'Share in channel',
    notIt: "That wasn't it",
    fullText: 'Full section text',
    useful: 'Useful',
    notUseful: 'Not useful',
    escalate: 'Escalate',
  },
  ui: {
    sharedBy: (user: string) => `${user} shared:`,
    shared: 'Shared in the channel.',
    cannotPost: 'I could not post in this channel: invite me to it first (/invite @UC Triage).',
    typeNumber: 'Type a number:',
    staleButton: 'This button is no longer valid: please ask again.',
    expiredButton: 'This button has expired: ask the question again.',
    staleTriageCard: 'This triage card is out of date: nothing changed. Carry on with the latest card.',
    endedTriageCard:
      'This guided triage is over or has expired: nothing changed. Type "triage" to start another.',
    thanksUseful: 'Thanks, noted.',
    thanksNotUseful: 'Thanks, noted: it helps improve the answers.',
    feedbackHint: '+ useful · - not useful',
    noAnswerToRate: 'There is no answer to rate in this conversation yet.',
    emptyMessage: 'This message has no text to analyse.',
    unreadAttachments: (names: string) =>
      `Attachment not read (too large, not on Slack or no answer): ${names}. The diagnosis covers the rest of the message.`,
    welcome: 'Hello! I am UC Triage: mention me in a channel or write to me here.',
    terminalWelcome:
      'UC Triage — terminal. Ask an error code, a log line or a symptom.\n"help" for examples, Ctrl-D to quit.',
    goodbye: 'Goodbye.',
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
    triageHint: 'Type "triage" for a guided triage.',
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
    fixedHint: 'If this does not fix it, type "escalate" to open a case for the experts.',
    escalationIntro:
      'The guide gives no fix for this case: here is the escalation summary. "Escalate" opens a case for the experts.',
    stopped: 'Guided triage stopped.',
    trail: 'Your answers',
    resultBelow: 'Result below.',
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
    'nothing-to-escalate':
      'Nothing to escalate yet: ask your question, then click "Escalate" under the answer.',
  },
  cases: {
    caseLabel: (id: number) => `Case ${id}`,
    noCases: 'No case.',
    formTitle: (title: string) => `Open a case — ${title}`,
    formIntro: 'Fill in what you could collect (leave the rest empty): the experts see it with the summary.',
    formFallback: 'Open the case: the experts see this summary and what is left to collect.',
    skipHint: 'empty line: skip',
    keepHint: 'empty line: keep',
    summary: 'Summary',
    product: 'Product',
    noProduct: 'not given',
    path: 'Path',
    codes: 'Codes seen',
    logs: 'Log lines',
    collect: 'To collect',
    collected: 'Information collected',
    notCollected: 'not given',
    sources: 'Sources',
    open: 'Open the case',
    opened: (id: number) => `Case ${id} opened`,
    sentToExperts: 'The experts have it; their answer will be given here.',
    forward: 'No experts’ channel is configured: forward them this card.',
    cliHint: (id: number) =>
      `Experts take it with: uc-triage cases take ${id} --by NAME, then uc-triage cases resolve ${id} --answer "…"`,
    openedBy: (by: string, at: string) => `Opened by ${by} on ${at}`,
    takenBy: (by: string, at: string) => `Taken by ${by} on ${at}`,
    resolvedBy: (by: string, at: string) => `Resolved by ${by} on ${at}`,
    closedAt: (at: string) => `Closed without an answer on ${at}`,
    states: { open: 'open', taken: 'taken', resolved: 'resolved', closed: 'closed without an answer' },
    take: 'I’ll take it',
    resolve: 'Resolve',
    close: 'Close without an answer',
    reopen: 'Reopen',
    expertAnswer: 'Expert’s answer',
    relatedEntry: 'Related entry',
    resolveTitle: (id: number, title: string) => `Resolve case ${id} — ${title}`,
    answerField: 'Expert’s answer',
    answerHint: 'What fixed it, in a few lines: the technician receives it.',
    entryField: 'Related entry (optional)',
    entryHint: 'The id of an entry of the knowledge base (e.g. webex-200039; uc-triage kb show).',
    resolveFallback: (id: number) => `Answer with: uc-triage cases resolve ${id} --answer "…"`,
    technicianLink: 'Open the technician’s conversation',
    chatWith: (name: string) => `Chat with ${name}`,
    expertsLink: 'See the case in the experts’ channel',
    formUnreadable: 'This form could not be read: open it again from the card.',
    notices: {
      take: (id: number, by: string) => `Case ${id}: taken by ${by}.`,
      resolve: (id: number, by: string) => `Case ${id} resolved by ${by}`,
      close: (id: number, by: string) => `Case ${id} closed without an answer by ${by}.`,
      reopen: (id: number, by: string) => `Case ${id} reopened by ${by}.`,
    },
    refused: {
      notFound: (id: number) => `Case ${id} does not exist.`,
      notAnExpert:
        'Only the experts (the members of their channel) can take, resolve, close or reopen a case.',
      emptyAnswer: 'The answer is empty: write what fixed the problem.',
      unknownEntry: (entry: string) =>
        `"${entry}" is not an entry of the knowledge base (see uc-triage kb show).`,
      unavailable: 'Cases are unavailable for a moment: please try again shortly.',
      unopened: 'The case could not be saved: here is the card to forward to the experts.',
      invalid: (id: number, command: string, state: string, takenBy?: string) => {
        if (command === 'reopen') return `Case ${id} is neither resolved nor closed: nothing to reopen.`;
        if (state === 'taken') return `Case ${id} is already taken${takenBy ? ` by ${takenBy}` : ''}.`;
        if (state === 'resolved') return `Case ${id} is already resolved.`;
        return `Case ${id} is closed without an answer: reopen it first.`;
      },
    },
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
