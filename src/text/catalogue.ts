import type { Language } from './language.js';

/**
 * Every fixed phrase the bot says, in French and English: one catalogue for the core and every
 * adapter. Facts from the sources are never here and never translated.
 */

/** A time to resolve, to the minute: "42 min", "3 h 05", then days ("2 j 4 h", "2 d 4 h"). */
function duration(ms: number, day: string): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')}`;
  return `${Math.floor(hours / 24)} ${day} ${hours % 24} h`;
}

/** The unanswered messages the reports count apart from the gaps (NotGaps in feedback/report.ts). */
interface CountedApart {
  smallTalk: number;
  menuPicks: number;
  outOfScope: number;
}

/**
 * Where a proposed keyword comes from: "dossiers 12, 14 ; 2 correction(s)", "case 12; 2
 * correction(s)". `noun`: a case and cases in the language; `separator`: its "; ".
 */
function proposedFrom(
  cases: number[],
  corrections: number,
  noun: [one: string, many: string],
  separator: string,
): string {
  return [
    ...(cases.length ? [`${cases.length === 1 ? noun[0] : noun[1]} ${cases.join(', ')}`] : []),
    ...(corrections ? [`${corrections} correction(s)`] : []),
  ].join(separator);
}

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
    /** The reasons a "Pas utile" asks for. */
    wrongTopic: 'Pas le bon sujet',
    doesNotAnswer: 'Bon sujet, mais ne répond pas',
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
    whyNotUseful: 'Qu’est-ce qui n’allait pas ?',
    /** Where a typed number stands for a reason (the terminal chat): giving none is fine. */
    reasonOptional: 'Facultatif : Entrée (ou une autre question) pour passer.',
    thanksReason: 'Merci, la raison est notée.',
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
      '  • pendant un diagnostic : le numéro ou les mots d’une option ; « retour » (question précédente), « recommencer », « reprendre » (revoir la question), « escalader » (ouvrir un dossier pour les experts), « arrêter » ou « stop »',
      '  • aide : cette aide',
    ],
    /** Where typed numbers and + / - stand for the buttons (the terminal chat). */
    typedWords: [
      '  • un numéro : le choix de ce numéro (une option, une piste, une question de suivi)',
      '  • + ou - : la dernière réponse était utile, ou pas (après -, 1 ou 2 dit pourquoi)',
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
    /** Closes a form without sending it (a Slack modal's close button). */
    cancel: 'Annuler',
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
    /** After a command of the CLI: the running bot delivers it (the technician told, the card updated). */
    toldByBot:
      'Le bot en préviendra le technicien dès qu’il tournera, et mettra à jour la carte des experts s’il y en a une.',
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
        caseAnswer: 'réponse-expert',
        outOfScope: 'hors-périmètre',
      },
      outOfScope: 'Questions hors périmètre (déclinées : un système que les sources ne couvrent pas)',
      notGaps: (n: CountedApart) =>
        `Comptés à part (ce ne sont pas des lacunes) : ${n.smallTalk} bavardage(s) (bonjour, merci, ok…), ${n.menuPicks} choix de menu (un numéro tapé), ${n.outOfScope} hors périmètre`,
      caseAnswer: (id: number) => `réponse d’expert, dossier ${id}`,
      patch:
        'Des mots-clés sont proposés (dossiers résolus, corrections) : --patch FICHIER les écrit en YAML, à relire puis à fusionner à la main.',
      patchTo: (file: string) =>
        `Mots-clés proposés écrits dans ${file} : à relire puis à fusionner à la main`,
      patchEmpty: 'Aucun mot-clé à proposer.',
    },
    cases: {
      title: (since: string) => `Dossiers résolus depuis le ${since}`,
      asked: 'Question',
      answer: 'Réponse de l’expert',
      entry: 'Entrée',
      resolved: (by: string | null, at: string) => `résolu${by ? ` par ${by}` : ''} le ${at}`,
      csvHeader: [
        'dossier',
        'produit',
        'titre',
        'question',
        'réponse',
        'entrée',
        'titre_entrée',
        'résolu_le',
      ],
    },
    patch: {
      header: [
        'Mots-clés proposés pour knowledge/overlays/keywords.yaml (uc-triage report gaps --patch), jamais appliqués',
        'automatiquement : relisez chaque phrase, puis ajoutez-la à la liste de son entrée sous `keywords:` (ou',
        'l’entrée entière si elle n’y est pas encore), et lancez npm test.',
      ],
      from: (cases: number[], corrections: number) =>
        proposedFrom(cases, corrections, ['dossier', 'dossiers'], ' ; '),
    },
    usage: {
      title: (since: string) => `Utilisation depuis le ${since}`,
      htmlTitle: 'UC Triage — utilisation',
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
      onPlatform: (platform: string | null) =>
        platform ? `plateforme : ${platform}` : 'toutes les plateformes',
      period: (from: string, to: string) => `du ${from} au ${to}`,
      answeredOfSources: (answered: number, asked: number) =>
        `${answered} sur ${asked} questions sur les sources`,
      apartCard: (n: CountedApart) =>
        `bavardage ${n.smallTalk} · numéro de menu ${n.menuPicks} · hors périmètre ${n.outOfScope}`,
      more: {
        answered: 'questions sur les sources répondues',
        gaps: 'lacunes (sans réponse)',
        apart: 'messages comptés à part',
        notUseful: 'réponses jugées « pas utile »',
        escalated: 'escalades (dossiers ouverts)',
        medianResolve: 'délai médian de résolution',
      },
      apart: 'comptés à part',
      apartHint: (n: CountedApart) =>
        `Ne sont pas des lacunes, et ne sont pas comptés ici : ${n.smallTalk} bavardage(s) (bonjour, merci, ok…), ${n.menuPicks} numéro(s) tapé(s) pour choisir dans une liste, ${n.outOfScope} question(s) hors périmètre.`,
      gapsCard: (share: string, groups: number) =>
        `${share} des questions sur les sources ; ${groups} sujet(s) ci-dessous`,
      notUsefulCard: (feedback: number, useful: number) => `sur ${feedback} avis (${useful} utiles)`,
      escalatedCard: (rate: string, waiting: number) =>
        `${rate} des questions sur les sources ; ${waiting} en attente`,
      resolvedCard: (resolved: number) => `sur ${resolved} dossier(s) résolu(s) dans la période`,
      escalationRate: 'taux d’escalade',
      gaps: 'Lacunes : questions sur les sources restées sans réponse',
      gapsHint:
        'Regroupées par mêmes mots ou même entrée la plus proche ; le détail et les mots-clés à ajouter : uc-triage report gaps.',
      times: 'fois',
      question: 'Question',
      closest: 'Entrées les plus proches',
      experts: 'Réponses des experts',
      notHelpful: 'Réponses jugées « pas utile »',
      notHelpfulHint: 'Par entrée, avec la raison quand la personne l’a donnée.',
      entry: 'Entrée',
      notUseful: 'pas utile',
      wrongTopic: 'pas le bon sujet',
      doesNotAnswer: 'bon sujet, ne répond pas',
      noReason: 'sans raison',
      escalations: 'Escalades aux experts',
      escalationsLine: (e: {
        opened: number;
        resolved: number;
        closed: number;
        waiting: number;
        rate: string;
      }) =>
        `${e.opened} dossier(s) ouvert(s), ${e.resolved} résolu(s), ${e.closed} fermé(s) sans réponse, ${e.waiting} en attente aujourd’hui ; taux d’escalade : ${e.rate} des questions sur les sources`,
      medianLine: (duration: string) => `délai médian de résolution : ${duration}`,
      noResolution: 'aucun dossier résolu',
      perProduct: 'Par produit',
      product: 'Produit',
      questionsAbout: 'questions sur le produit',
      escalated: 'escaladées',
      funnel: 'Diagnostics guidés : démarrés → terminés → escaladés',
      funnelHint:
        'Terminé : le diagnostic a atteint une conclusion ; escaladé : un dossier a été ouvert depuis ce diagnostic, terminé ou non.',
      tree: 'Diagnostic',
      started: 'démarrés',
      finished: 'terminés',
      funnelLine: (tree: string, started: number, finished: number, escalated: number) =>
        `  ${tree} : ${started} → ${finished} → ${escalated}`,
      duration: (ms: number) => duration(ms, 'j'),
      idHint: (id: string) => `identifiant : ${id}`,
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
    wrongTopic: 'Wrong topic',
    doesNotAnswer: 'Right topic, but it does not answer',
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
    whyNotUseful: 'What was wrong?',
    reasonOptional: 'Optional: press Enter (or ask something else) to skip.',
    thanksReason: 'Thanks, the reason is noted.',
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
      '  • during a triage: the number or the words of an option; "back" (previous question), "restart", "resume" (show the question again), "escalate" (open a case for the experts), "stop"',
      '  • help: this help',
    ],
    typedWords: [
      '  • a number: the choice of that number (an option, a lead, a follow-up question)',
      '  • + or -: the last answer was useful, or not (after -, 1 or 2 says why)',
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
    cancel: 'Cancel',
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
    toldByBot:
      'The bot will tell the technician as soon as it runs, and update the experts’ card if there is one.',
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
        caseAnswer: 'expert-answer',
        outOfScope: 'out-of-scope',
      },
      outOfScope: 'Out-of-scope questions (declined: a system the sources do not cover)',
      notGaps: (n: CountedApart) =>
        `Counted apart (these are no gaps): ${n.smallTalk} small talk (hello, thanks, ok…), ${n.menuPicks} menu picks (a number typed), ${n.outOfScope} out of scope`,
      caseAnswer: (id: number) => `expert's answer, case ${id}`,
      patch:
        'Keywords are proposed (resolved cases, corrections): --patch FILE writes them as YAML, to review and merge by hand.',
      patchTo: (file: string) => `Proposed keywords written to ${file}: review them, then merge by hand`,
      patchEmpty: 'No keyword to propose.',
    },
    cases: {
      title: (since: string) => `Cases resolved since ${since}`,
      asked: 'Question',
      answer: 'Expert’s answer',
      entry: 'Entry',
      resolved: (by: string | null, at: string) => `resolved${by ? ` by ${by}` : ''} on ${at}`,
      csvHeader: ['case', 'product', 'title', 'question', 'answer', 'entry', 'entry_title', 'resolved_at'],
    },
    patch: {
      header: [
        'Proposed keywords for knowledge/overlays/keywords.yaml (uc-triage report gaps --patch), never applied',
        'automatically: review each phrase, then add it to its entry’s list under `keywords:` (or the whole',
        'entry if it is not there yet), and run npm test.',
      ],
      from: (cases: number[], corrections: number) =>
        proposedFrom(cases, corrections, ['case', 'cases'], '; '),
    },
    usage: {
      title: (since: string) => `Usage since ${since}`,
      htmlTitle: 'UC Triage — usage',
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
      onPlatform: (platform: string | null) => (platform ? `platform: ${platform}` : 'all platforms'),
      period: (from: string, to: string) => `from ${from} to ${to}`,
      answeredOfSources: (answered: number, asked: number) =>
        `${answered} of ${asked} questions on the sources`,
      apartCard: (n: CountedApart) =>
        `small talk ${n.smallTalk} · menu number ${n.menuPicks} · out of scope ${n.outOfScope}`,
      more: {
        answered: 'questions on the sources answered',
        gaps: 'gaps (no answer)',
        apart: 'messages counted apart',
        notUseful: 'answers rated not useful',
        escalated: 'escalations (cases opened)',
        medianResolve: 'median time to resolve',
      },
      apart: 'counted apart',
      apartHint: (n: CountedApart) =>
        `No gaps, and not counted here: ${n.smallTalk} small talk (hello, thanks, ok…), ${n.menuPicks} number(s) typed to pick from a list, ${n.outOfScope} out-of-scope question(s).`,
      gapsCard: (share: string, groups: number) =>
        `${share} of questions on the sources; ${groups} topic(s) below`,
      notUsefulCard: (feedback: number, useful: number) => `of ${feedback} ratings (${useful} useful)`,
      escalatedCard: (rate: string, waiting: number) =>
        `${rate} of questions on the sources; ${waiting} waiting`,
      resolvedCard: (resolved: number) => `over ${resolved} case(s) resolved in the period`,
      escalationRate: 'escalation rate',
      gaps: 'Gaps: questions on the sources left unanswered',
      gapsHint:
        'Grouped by same words or same closest entry; the details and the keywords to add: uc-triage report gaps.',
      times: 'times',
      question: 'Question',
      closest: 'Closest entries',
      experts: 'Experts’ answers',
      notHelpful: 'Answers rated not useful',
      notHelpfulHint: 'Per entry, with the reason when the person gave one.',
      entry: 'Entry',
      notUseful: 'not useful',
      wrongTopic: 'wrong topic',
      doesNotAnswer: 'right topic, does not answer',
      noReason: 'no reason',
      escalations: 'Escalations to the experts',
      escalationsLine: (e: {
        opened: number;
        resolved: number;
        closed: number;
        waiting: number;
        rate: string;
      }) =>
        `${e.opened} case(s) opened, ${e.resolved} resolved, ${e.closed} closed without an answer, ${e.waiting} waiting today; escalation rate: ${e.rate} of questions on the sources`,
      medianLine: (duration: string) => `median time to resolve: ${duration}`,
      noResolution: 'no case resolved',
      perProduct: 'Per product',
      product: 'Product',
      questionsAbout: 'questions on the product',
      escalated: 'escalated',
      funnel: 'Guided triage: started → finished → escalated',
      funnelHint:
        'Finished: the triage reached a conclusion; escalated: a case was opened from it, finished or not.',
      tree: 'Triage',
      started: 'started',
      finished: 'finished',
      funnelLine: (tree: string, started: number, finished: number, escalated: number) =>
        `  ${tree}: ${started} → ${finished} → ${escalated}`,
      duration: (ms: number) => duration(ms, 'd'),
      idHint: (id: string) => `id: ${id}`,
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
