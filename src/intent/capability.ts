/**
 * Questions about what a product can do, costs or allows ("Can ACS do video calls with 350
 * participants?", "peut-on transcrire les appels ?", "combien coûte un SMS ?"). The sources are
 * troubleshooting guides: such a question is answered only by an entry that matches it squarely,
 * never by shared words ("appel", "participant", "SMS").
 */
const OPENINGS = [
  // French
  String.raw`est-ce\s+qu['’]?\s*(?:on|il|elle|je|nous|vous|ils|elles)?\s*(?:peu[tx]|pourr|support|g[èe]re|propose|existe|possible)`,
  String.raw`peut-on|peut-il|peut-elle|peux-tu|pouvez-vous|existe-t-il|y\s+a-t-il|est-il\s+possible`,
  String.raw`combien\s+(?:co[uû]te|de\b|d['’])`,
  String.raw`quel(?:le)?s?\s+(?:est|sont)\s+(?:le\s+prix|le\s+tarif|la\s+limite|les\s+limites|le\s+nombre|la\s+diff[ée]rence)`,
  // What a feature is for ("à quoi sert le bouton Ne pas déranger ?").
  String.raw`[àa]\s+quoi\s+serv?(?:en)?t`,
  // English
  String.raw`can\s+(?:i|we|you|it|acs|webex|ucwa|skype|broadworks|users?)\b|could\s+(?:i|we)\b`,
  String.raw`does\s+\S+(?:\s+\S+)?\s+support|is\s+there|are\s+there|is\s+it\s+possible|how\s+much|how\s+many`,
  // What a feature does ("what does the 'Do not disturb' button do?"), not what an error means.
  String.raw`what\s+does\s+.{1,60}?\s+do\b|what(?:\s+is|['’]s)\s+the\s+(?:difference|price|cost|limit)`,
];

/**
 * An opening at the start of a sentence or clause: after an optional "Product :" prefix ("ACS :
 * combien coûte ..."), or after what the message says first ("on a 20 000 utilisateurs, combien de
 * licences faut-il ?").
 */
const CAPABILITY_QUESTION = new RegExp(
  String.raw`(?:^(?:[\p{L}\p{N} ]{1,40}:\s*)?|[,;.!?]\s+)(?:${OPENINGS.join('|')})`,
  'iu',
);
/** Whether something is supported: "la version 20.11 est-elle supportée ?", "is Linux supported?". */
const SUPPORTED_QUESTION =
  /\b(?:est-(?:il|elle|ce)|sont-(?:ils|elles))\s+(?:\p{L}+\s+)?(?:support[ée]e?s?|compatibles?|pris(?:e|es)?\s+en\s+charge)\b|\b(?:is|are)\s+(?:\S+\s+){0,5}?(?:supported|compatible)\b[^.!]*\?/iu;

export function asksAboutCapability(text: string): boolean {
  const t = text.trim();
  return CAPABILITY_QUESTION.test(t) || SUPPORTED_QUESTION.test(t);
}

/**
 * A question about how to do something ("How can I share my screen with the Web SDK?", "comment
 * configurer le renvoi d'appel ?", "how do I get the id of the call?"): troubleshooting guides
 * answer few of them (their procedures do), and an error's row never does.
 */
const HOW_TO =
  /(?:^|[\s,;.!?:(])(?:how\s+(?:can|do|should|could|would|to)\b|is\s+there\s+(?:a|any)\s+way|comment\s+(?:faire|puis-je|peut-on|on\s+(?:fait|peut)|configurer|activer|d[ée]sactiver|ajouter|cr[ée]er|param[ée]trer|mettre|obtenir|r[ée]cup[ée]rer|installer|utiliser)|est-il\s+possible\s+de)/iu;

export function asksHowTo(text: string): boolean {
  return HOW_TO.test(text);
}
