/**
 * A message about one of the organisation's own applications ("notre appli de notes de frais
 * refuse la connexion SSO", "our expense tool rejects SAML logins", "notre outil RH"): it names no
 * product, in lower case, so no scope rule sees it, yet what it is about is no covered product.
 * IntentParser adds it to the intent's out-of-scope mentions: only something specific to the
 * sources (a Webex or UCWA code) is then an answer. The sources' own clients are not such an
 * application: "your client app", "notre application cliente", "our calling app", "our Webex app".
 */
const CLIENT_WORDS = `client|cliente|calling|mobile|desktop|bureau|softphone|phone|t[ée]l[ée]phone|webex|ucwa|acs|skype|lync|d['’]appel`;
const OWN_APPLICATION = new RegExp(
  String.raw`(?<![\p{L}])(?:notre|nos|votre|vos|leur|leurs|our|your|their)\s+` +
    String.raw`(?!(?:[\p{L}-]+\s+){0,2}?(?:${CLIENT_WORDS})\s)(?:[\p{L}-]+\s+){0,2}?` +
    '(?:applis?|applications?|apps?|outils?|tools?|logiciels?|software|erp|crm|intranet|extranet)' +
    String.raw`(?![\p{L}])(?!\s+(?:${CLIENT_WORDS})(?![\p{L}]))`,
  'iu',
);

/** The words that name the application ("notre appli"), or undefined. */
export function ownApplicationOf(text: string): string | undefined {
  return OWN_APPLICATION.exec(text)?.[0];
}

/** How the reply names what the message seems to be about (see OutOfScopeMention). */
export const IN_HOUSE_APPLICATION = {
  id: 'in-house-application',
  label: { fr: 'une application de votre organisation', en: 'an application of your organisation' },
} as const;
