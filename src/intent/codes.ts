import type { Vocabulary } from '../knowledge/vocabulary.js';
import { HAS_LETTER } from '../text/letters.js';

/** A number the user typed that may be an error code, with how sure we are it was meant as one. */
export interface CodeMention {
  code: string;
  /** "explicit": introduced by a keyword (erreur, callEndReason, Event ID, #...); "bare": a number on its own. */
  form: 'explicit' | 'bare';
  /** For "200 039": the pieces, tried when the joined number is not a known code. */
  parts?: string[];
  /**
   * Presented as a protocol status of whatever system answered ("HTTP/1.1 503", "503 Service
   * Unavailable", "status=400"): a 3-digit number that is an Azure callEndReason only in an Azure
   * context.
   */
  status?: boolean;
  /** Where the number starts in the text it was read from (findings keep the order of appearance). */
  at: number;
}

/**
 * Numbers of things that are not errors: invoices, orders, contracts, quotes, rooms, floors,
 * extensions, employees, badges, lines... ("facture 200045", "commande n°200041", "poste 20015",
 * "employee 20024"). A number right after such a noun identifies the thing, it is not a code.
 */
const THINGS_BY_NUMBER =
  /(?<![\p{L}\p{N}])(?:factures?|invoices?|commandes?|orders?|contrats?|contracts?|devis|quotes?|quotations?|salles?|rooms?|bureaux?|offices?|badges?|postes?|extensions?|ext|[ée]tages?|floors?|b[âa]timents?|buildings?|employ[ée]e?s?|employees?|matricules?|r[ée]f[ée]rences?|r[ée]fs?|references?|dossiers?|comptes?|accounts?|lignes?|lines?|num[ée]ros?|numbers?|sites?|agences?|magasins?|stores?|colis|parcels?|lots?|s[ée]ries?|serials?|assets?|inventaires?|inventory|chambres?|vols?|flights?|immatriculations?|plaques?)\.?\s*(?:n[°ºo]\.?|num[ée]ro|number|#)?\s*\d+/giu;

/** THINGS_BY_NUMBER without the global flag: a test that keeps no lastIndex between calls. */
const NAMES_A_THING = new RegExp(THINGS_BY_NUMBER.source, 'iu');

/** Whether the text names a thing by its number ("badge 20017", "devis n°600010"): see THINGS_BY_NUMBER. */
export function namesThingByNumber(text: string): boolean {
  return NAMES_A_THING.test(text);
}

/**
 * A host name and its port ("sbc.example.com:5061"): the port is not a code. Tried at every
 * character, a host name took quadratic time ("a.a.a.…": a 120,000-character message took 13 s to
 * diagnose): it is now tried only where the pattern of before could begin one, which is linear.
 * That is at a label that starts a name (not right after a letter, a digit, a hyphen or a single
 * dot), after leading hyphens ("-edge.example.com:5061"), in a name glued to an underscore
 * ("sip_fe01.contoso.com:5061") at its first hyphen or its second label, and right after a port.
 */
const HOST_START = [
  String.raw`(?<![a-z0-9-]|[a-z0-9-]\.)`,
  String.raw`(?=[a-z0-9])(?<=(?:^|[^a-z0-9._-]|[^a-z0-9-]\.)-+)`,
  '(?=-)(?<=_[a-z0-9]+)',
  String.raw`(?<=_[a-z0-9]+\.)`,
  String.raw`(?<=:\d{2,5}\.?)`,
].join('|');
export const HOST_AND_PORT = new RegExp(
  String.raw`\b(?:localhost|(?:${HOST_START})[a-z0-9-]+(?:\.[a-z0-9-]+)+):\d{2,5}\b`,
  'gi',
);

/**
 * Dates, times, IP addresses, UUIDs, hex, versions, ports, ratios, ranges and counts in log lines
 * and sentences are not codes: blank them first. A number is the question only when it is presented
 * as a code, not when it is mentioned in passing ("480 utilisateurs", "run 77 of 120", "codes
 * 200010 à 200054", "port 5061"). Each pattern comes with whether it reads words: a message without
 * a letter ("200039") skips those (a pattern compiles on its first use, and the first question of a
 * process pays for it).
 */
function notCodes(keyword: string): [RegExp, boolean][] {
  return [
    [/\b\d{4}[-/.]\d{2}[-/.]\d{2}(?:[T ][\d:.,]+Z?)?/g, false],
    [/\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b/g, false],
    [/\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,:]\d+)?\b/g, false],
    [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, false],
    [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, true],
    [/\b0x[0-9a-f]+\b/gi, true],
    [/\bv?(?!\d{3}\.\d{3}\b)\d+(?:\.\d+){1,3}\b/g, false],
    [HOST_AND_PORT, true],
    [/\bsub_?code\W{0,3}\d+/gi, true],
    // Ratios and progress ("0/312", "4/6", "2 of 3", "3 sur 120").
    [/\b\d+\s*\/\s*\d+\b/g, false],
    [/\b\d{1,4}\s+(?:of|out of|sur)\s+\d{1,5}\b/gi, true],
    // Ranges ("200010 à 200054", "20001-20027", "from 600000 to 600029").
    [/\b\d{3,6}\s*(?:à|a|to|-|–|—|\.\.|and|et)\s*\d{3,6}\b/gi, false],
    // Ports, process/job/run/request ids and counters named as such.
    [
      /\b(?:port|pid|job|run|ticket|incident|case|req|request|trace|x-trace|attempts?|retry|retries|max|min|build)\W{0,3}#?\d+/gi,
      true,
    ],
    // Names of things with a number ("ENT-301", "FE-02", "JIRA-4411"), not "ERR-200047" or "UCWA-20013".
    [
      /(?<![\p{L}\p{N}])(?!(?:errors?|erreurs?|err|codes?|events?|evt|ucwa|acs|webex|broadworks|bwks|skype|lync|sfb)-)\p{L}{2,}-\d+/giu,
      true,
    ],
    // Numbers of things that are not errors (see THINGS_BY_NUMBER).
    [THINGS_BY_NUMBER, true],
    // "n°", "nº", "no." and "num." number things ("devis n°600010"), unless a code keyword comes first
    // ("erreur n°200039").
    [new RegExp(String.raw`(?<!${keyword}\W{0,3})(?<![\p{L}\p{N}])(?:n[°º]|no\.|num\.)\s*\d+`, 'giu'), true],
    // Counted things after a determiner ("the 403 meeting rooms", "nos 480 postes"), unless what
    // follows says it is an error ("les 200039 de ce matin", "the 487 errors").
    [
      /(?<![\p{L}])(?:the|our|these|those|all|les|nos|ces|mes|vos|leurs|ses)\s+\d+(?=\s+(?!(?:errors?|erreurs?|codes?|events?|[ée]v[ée]nements?|status|statuts?|callendreason|exceptions?|failures?|[ée]checs?|issues?|incidents?|probl[èe]mes?|messages?|de|du|des|d|from|of|in|on|at|chez|sur|pour|since|depuis|en|sont|are|were|ont|have|has|is|est|was|keep|again|encore|toujours|ce|cette|this|today|hier|yesterday|aujourd)(?![\p{L}]))\p{L})/giu,
      true,
    ],
    // Counts after a code ("20013 x 47", "600003 ×12"): the count, not the code, is blanked.
    [/(?<=\d\s*)[x×]\s*\d+\b/giu, true],
    // Quantities: a number followed by a unit or by what it counts, not by a field ("users=0/87"),
    // unless a code keyword introduces it ("code 600017 users 120/130", "result=600019 contacts 0/820").
    [
      new RegExp(
        String.raw`(?<!${keyword}\W{0,3})\b\d+(?:[.,]\d+)?\s*(?:%|ms|s|sec|secs|secondes?|seconds?|min|mins|minutes?|h|heures?|hours?|jours?|days?|fois|times|x|go|mo|ko|gb|mb|kb|utilisateurs|users|abonnés|subscribers|abonnements|subscriptions|contacts|appels|calls|postes|licences|licenses|participants|tentatives|requ[êe]tes|requests|sessions|serveurs|servers|orgs|organisations|organizations|entrées|entries|personnes|people|agents)(?![\p{L}\p{N}]|\s*[=:])`,
        'giu',
      ),
      true,
    ],
  ];
}

/** What stands before a protocol status: "HTTP/1.1 503", "status=400", "SIP/2.0 486", "-> 500". */
const STATUS_BEFORE = /(?:https?(?:\/\d(?:\.\d)?)?|sip\/2\.0|status(?:code)?|statut|->|=>)\W{0,4}$/i;
/** The reason phrases of HTTP and SIP statuses, as servers print them after the number. */
export const STATUS_REASON_SOURCE =
  '(?:ok|created|accepted|trying|ringing|session progress|moved|found|bad request|unauthori[sz]ed|payment required|forbidden|not found|method not allowed|not acceptable|proxy authentication required|request time-?out|conflict|gone|too many requests|temporarily unavailable|call(?:/transaction)? does not exist|busy here|busy everywhere|request terminated|internal server error|not implemented|bad gateway|service unavailable|gateway time-?out|server time-?out|decline|does not exist anywhere|unprocessable|precondition failed|unsupported media type)\\b';
const STATUS_AFTER = new RegExp(`^\\W{0,3}${STATUS_REASON_SOURCE}`, 'i');

/**
 * Words that hold codes without being a system of their own: log viewers and containers
 * ("Event Viewer: Event ID 20013", "Windows event 20013" on a Skype front end), and the keywords.
 */
const NOT_OWNERS = new Set(
  'viewer log logs journal journaux windows eventlog observateur server serveur servers serveurs application system système systeme fe pool front-end frontend source level task error erreur event events evt code codes id status statut err the le la les un une an a this ce cette'.split(
    ' ',
  ),
);

/**
 * Reads the numbers of a message that may be codes, with the code keywords of the vocabulary
 * (overlays/vocabulary.yaml): one list for the explicit-code test, the quantity and "n°" rules, the
 * glued forms and the owner rule, and for the search, which sets a code and its keyword aside.
 */
export class CodeReader {
  /** Regex source of a code keyword ("erreur", "callEndReason", "Event ID", "#"). */
  readonly keyword: string;
  private readonly notCodes: [RegExp, boolean][];
  /** A keyword right before a number makes it explicit. Whole words only: "livraison" does not end with "raison". */
  private readonly keywordBefore: RegExp;
  /** A keyword glued to its code ("ERR200047", "code600003", "event20017"): read as if spaced. */
  private readonly glued: RegExp;
  /** "<Name> event 20011", "<Name> : erreur 20027", "<Name> error code 200039": a name right before the keyword(s). */
  private readonly ownerBefore: RegExp;

  constructor(vocabulary: Pick<Vocabulary, 'codeKeyword' | 'gluedKeyword'>) {
    this.keyword = vocabulary.codeKeyword;
    this.notCodes = notCodes(this.keyword);
    this.keywordBefore = new RegExp(String.raw`(?<![\p{L}])${this.keyword}\W{0,4}$`, 'iu');
    this.glued = new RegExp(String.raw`(?<![\p{L}])(${vocabulary.gluedKeyword})(\d{3,6})(?!\p{N})`, 'giu');
    const plural = `${this.keyword}s?`;
    this.ownerBefore = new RegExp(
      String.raw`(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}&.-]*)\s*:?\s*${plural}(?:\s+${plural})?\s*[:#=n°]*\s*$`,
      'u',
    );
  }

  /** Every number of 3 to 6 digits the user could mean as an error code or event ID. */
  extract(raw: string): CodeMention[] {
    // Lengths are kept from here on, so a match in the blanked text reads its context in `spaced`.
    const spaced = raw.replace(
      this.glued,
      (_m, keyword: string, digits: string) => `${keyword}\u00a0${digits}`,
    );
    let text = spaced;
    // Most patterns read words ("port 5061", "480 utilisateurs"): a message without a letter skips them.
    const worded = HAS_LETTER.test(spaced);
    for (const [pattern, readsWords] of this.notCodes)
      if (worded || !readsWords) text = text.replace(pattern, (m) => ' '.repeat(m.length));
    const mentions: CodeMention[] = [];
    const seen = new Set<string>();
    // "200 039" and "200.039" as people type six-digit codes.
    const number =
      /(?<![\p{L}\p{N}_])(\d{3})[ \u00a0.](\d{3})(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(\d{3,6})(?![\p{L}\p{N}_])/gu;
    for (const match of text.matchAll(number)) {
      const start = match.index ?? 0;
      const before = text.slice(Math.max(0, start - 30), start);
      const form = this.keywordBefore.test(before) ? 'explicit' : 'bare';
      const status =
        match[3]?.length === 3 &&
        (STATUS_BEFORE.test(spaced.slice(Math.max(0, start - 30), start)) ||
          STATUS_AFTER.test(spaced.slice(start + match[0].length, start + match[0].length + 40)));
      if (match[1] && match[2]) {
        const code = `${match[1]}${match[2]}`;
        if (!seen.has(code)) mentions.push({ code, form, parts: [match[1], match[2]], at: start });
        seen.add(code);
      } else if (match[3] && !seen.has(match[3])) {
        seen.add(match[3]);
        mentions.push({ code: match[3], form, at: start, ...(status ? { status: true } : {}) });
      }
    }
    return mentions;
  }

  /**
   * The system a code is attributed to when the message writes it right before the code's keyword:
   * "Exchange event 20011" is an Exchange event, "Sage : erreur 20027" a Sage error, whatever the
   * sources say of 20011 and 20027. Asked only of messages that name no covered product (the caller
   * knows): there, "UCWA event 20011" or "Webex erreur 200039" never reach this.
   */
  ownerOf(text: string, mention: CodeMention): string | undefined {
    if (mention.form !== 'explicit') return undefined;
    const before = text.slice(Math.max(0, mention.at - 60), mention.at);
    const name = this.ownerBefore.exec(before)?.[1];
    // A name has lower-case letters and no digits: "Exchange", "Sage", "iPhone", not a log's
    // "FAILED code=600013", "KO: code=…" or "ENT-301 code 600017".
    if (!name || !/\p{Ll}/u.test(name) || /\d/.test(name) || NOT_OWNERS.has(name.toLowerCase()))
      return undefined;
    return name;
  }
}

/**
 * The words that may stand right before a code typed in a sentence: function words, the verbs and
 * nouns that introduce what a screen or a log says, and log-line field names ("j'ai 200039",
 * "the user gets 200039", "toujours le 200039", "message 200039", "Evt 20002", "result 600001").
 * Any other word right before a bare number names what the number identifies ("bon de livraison
 * 200049", "chambre 20015", "dossier 600022"): not a code. SearchIndex applies this to sentences a
 * person wrote, not to log lines ("precheck 300005 for bwUserId …"), and lets the products' names
 * and hints stand there too ("Webex 200039", "MCU 20013").
 */
export const BEFORE_A_CODE: ReadonlySet<string> = new Set(
  `a ai as avons avez ont eu est sont etait etaient un une le la les l des du de d au aux en et ou avec sur sous par pour vers
  toujours encore aussi meme jamais souvent parfois deja puis alors donc mais que qu quoi recu recoit recoivent obtient
  obtenu obtiens affiche affichent affiche indique indiquent donne donnent renvoie renvoient retourne retournent remonte
  remontent leve dit disent voit vois voient vu avoir ca cela ceci ce cet cette ces voici voila type genre comme tjs tjrs
  sinon mon ma mes son sa ses notre nos votre vos leur leurs il elle ils elles on je j tu nous vous y nouveau nouvel
  nouvelle autre autres plusieurs quelques dernier derniere premier premiere plein beaucoup chez apres avant depuis
  message messages msg alerte alert warning avertissement popup notification statut etat retour reponse response
  resultat result rc ret reason motif cause evt repond repondent envoie envoient termine echoue echouent plante
  plantent dire veut veux signifie signifient explique expliquer expliquez correspond correspondent designe voir
  verifier regarder chercher decoder
  an the got get gets getting have has had having see sees saw seeing seen with on at in of for and or still again also
  always sometimes now shows showing showed show says said returns returned returning return throws threw throwing gives
  gave giving receive receives received receiving hit hits hitting is are was were be been same another this that these
  those my our your their his her its we they he she it i you new like then but about from to same any some more every
  each another first last answers answer answered responds respond responded sends sent send ends ended end fails
  failed fail failing crashes crashed errors errored raises raised logs logged mean means meaning explain explains
  whats what about check lookup look decode does do did`.split(/\s+/),
);
