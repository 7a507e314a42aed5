/**
 * Privacy before storage: what identifies a person or a secret in a question is replaced by a
 * placeholder. Error codes (3 to 6 digits), dates and product words are kept: they are what the
 * knowledge owners need to see.
 *
 * One user must not stall the process with a long message, so every pattern runs in linear time
 * on any input: lookarounds look at one character, quantifiers never nest or overlap, and a
 * pattern that scans a run of characters starts only at the run's first character (a lookbehind
 * on the run's class), so a failed attempt is never repeated from inside the same run. Patterns
 * find candidates; small functions decide (an IPv6 address, a phone number, a secret URL).
 * Every rule reads the original text and its finds are merged where they overlap, so a secret
 * is replaced whole whichever rules found parts of it.
 */

interface Rule {
  /** Global (and `d` when it has a `secret` group: only that group is replaced). */
  pattern: RegExp;
  placeholder: string;
  /** Decides on a candidate; without it every match is a secret. */
  accept?: (candidate: string) => boolean;
}

/** Webhook URLs carry their secret in the path (Slack, Teams/Office, Discord, Zapier, Mattermost...). */
const SECRET_PATH = /hook|\/(?:api[_-]?)?(?:keys?|tokens?|secrets?)\/|\/bot\d+:/i;

/** A URL with a query string, a fragment with parameters, or a secret in its path. */
function isSecretUrl(url: string): boolean {
  return url.includes('?') || /#[^#]*=/.test(url) || SECRET_PATH.test(url);
}

/** Compressed IPv6 (`2001:db8::1`, `::1`, `fe80::1%eth0`), full IPv6 and MAC addresses; not `10:30:00`. */
function isIpv6OrMac(candidate: string): boolean {
  const halves = (candidate.split('%')[0] as string).split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  if (groups.length === 0 || groups.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return false;
  return halves.length === 2 ? groups.length <= 7 : groups.length >= 5 && groups.length <= 8;
}

/**
 * 9 to 15 digits read as a phone number, unless they are a list of error codes (3-digit groups:
 * "403 404 405") or of small numbers ("étapes 1 2 3 4 5 6 7 8 9").
 */
function isPhone(candidate: string): boolean {
  const groups = candidate.match(/\d+/g) ?? [];
  const digits = groups.join('').length;
  if (digits < 9 || digits > 15) return false;
  if (candidate.startsWith('+')) return true;
  if (groups.length >= 2 && groups.every((group) => group.length === 3)) return false;
  return groups.filter((group) => group.length === 1).length <= 2;
}

/** A date (`2026-11-30`, `30/11/2026`, `30.11.2026`) starts here: it is not part of a phone number. */
const NOT_A_DATE = String.raw`(?!(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?!\d))`;
/** A group of a phone number: 1 to 4 digits, or 7 and more; 5 or 6 digits are an error code. */
const PHONE_GROUP = String.raw`(?:\d{7,15}|\d{1,4})`;

const hasLetterAndDigit = (s: string) => /\d/.test(s) && /[a-z]/i.test(s);

/** In priority order: where finds overlap, the placeholder of the first rule wins. */
const RULES: Rule[] = [
  // URLs with a query string or a secret path (tokens and ids travel there); a plain URL is kept.
  { pattern: /\bhttps?:\/\/\S+/giu, placeholder: '<url>', accept: isSecretUrl },
  // The same without the scheme: hooks.slack.com/services/T…/B…/<secret>.
  {
    pattern: /(?<![\w.@-])[\w-]+(?:\.[\w-]+)+\/\S*/gu,
    placeholder: '<url>',
    accept: isSecretUrl,
  },
  // JWTs, Slack tokens, AWS access key ids, Bearer and Basic credentials.
  { pattern: /(?<![\w-])eyJ[\w-]*\.[\w-]+\.[\w-]*/gu, placeholder: '<token>' },
  { pattern: /(?<![\w-])(?:xox[abposre]|xapp)-[\w-]+/giu, placeholder: '<token>' },
  {
    pattern:
      /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}(?![A-Za-z0-9])/gu,
    placeholder: '<token>',
  },
  { pattern: /\b(?:bearer|basic)[ \t]{1,4}(?<secret>[\w+/=.~-]{8,})/dgiu, placeholder: '<token>' },
  // key=value and key: value (password, pass, client_secret, #access_token, x-api-key...): the value goes.
  {
    pattern:
      /(?<![\p{L}\p{M}\p{N}_.-])(?:[\p{L}\p{M}\p{N}_.-]*?(?:password|passwd|passphrase|pass|pwd|mdp|secret|token|api[_-]?key|key)|mot de passe)[ \t]{0,4}[:=][ \t]{0,4}(?<secret>"[^"\n]{0,200}"|'[^'\n]{0,200}'|\S+)/dgiu,
    placeholder: '<token>',
  },
  { pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, placeholder: '<uuid>' },
  // E-mail addresses, internationalised ones included (jean@société.fr); SIP URIs (sip:bob@...) too.
  {
    pattern:
      /(?<![\p{L}\p{M}\p{N}_.+%-])[\p{L}\p{M}\p{N}_.+%-]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)+/gu,
    placeholder: '<email>',
  },
  { pattern: /\b(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?\b/g, placeholder: '<ip>' },
  {
    pattern:
      /(?<![\p{L}\p{N}_:.])(?:[0-9a-f]{1,4})?(?::[0-9a-f]{0,4}){2,8}(?:%[\w.-]{1,32})?(?![\p{L}\p{N}_:])/giu,
    placeholder: '<ip>',
    accept: isIpv6OrMac,
  },
  // Long letter-and-digit strings (keys, hashes): at least 24 characters with both letters and digits.
  { pattern: /(?<![\w-])[\w-]{24,}(?![\w-])/g, placeholder: '<token>', accept: hasLetterAndDigit },
  // Base64 keys (Azure, AWS secret keys): 40 characters and more mixing capitals, small letters and digits.
  {
    pattern: /(?<![\w+/=-])[\w+/-]{40,}={0,2}(?![\w+/=-])/g,
    placeholder: '<token>',
    accept: (s) => /\d/.test(s) && /[a-z]/.test(s) && /[A-Z]/.test(s),
  },
  // Phone numbers: 9 to 15 digits, with an optional +, spaces, dots, dashes or brackets between groups.
  {
    pattern: new RegExp(
      String.raw`(?<![\w+])${NOT_A_DATE}\+?\(?${PHONE_GROUP}(?:[\s.()-]{1,3}${NOT_A_DATE}${PHONE_GROUP}){0,9}(?!\w|\.\d)`,
      'g',
    ),
    placeholder: '<phone>',
    accept: isPhone,
  },
];

interface Find {
  start: number;
  end: number;
  /** The rule's index: the lowest wins where finds overlap. */
  rank: number;
}

/** Where the secrets of `text` are, sorted, overlapping finds merged. */
function secretsOf(text: string): Find[] {
  const finds: Find[] = [];
  RULES.forEach((rule, rank) => {
    for (const match of text.matchAll(rule.pattern)) {
      const [start, end] = match.indices?.groups?.secret ?? [match.index, match.index + match[0].length];
      if (rule.accept && !rule.accept(text.slice(start, end))) continue;
      finds.push({ start, end, rank });
    }
  });
  return merge(finds);
}

function merge(finds: Find[]): Find[] {
  const merged: Find[] = [];
  for (const find of [...finds].sort((a, b) => a.start - b.start || a.rank - b.rank)) {
    const last = merged[merged.length - 1];
    if (last && find.start < last.end) {
      last.end = Math.max(last.end, find.end);
      last.rank = Math.min(last.rank, find.rank);
    } else merged.push({ ...find });
  }
  return merged;
}

/** A cut never splits a character written as two UTF-16 units. */
function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}

/** Placeholder of a word cut by the margin: it may be the beginning of a secret longer than the margin. */
const CUT_WORD = '…';
const placeholderOf = (find: Find) => RULES[find.rank]?.placeholder ?? CUT_WORD;

/**
 * The text up to `cut` (a position of `text`) with its secrets replaced, at most `budget`
 * characters long: a secret that starts before the cut is replaced whole, a placeholder is never
 * cut in half.
 */
function assemble(text: string, secrets: Find[], cut: number, budget: number): string {
  let out = '';
  let at = 0;
  for (const secret of secrets) {
    if (secret.start >= cut) break;
    out += text.slice(at, secret.start);
    const placeholder = placeholderOf(secret);
    if (out.length + placeholder.length > budget) return cutAt(out, budget);
    out += placeholder;
    at = secret.end;
  }
  if (at < cut) out += text.slice(at, cut);
  return cutAt(out, budget);
}

export function redact(text: string): string {
  return assemble(text, secretsOf(text), text.length, Number.POSITIVE_INFINITY);
}

/** Characters read past the cut, so that a secret straddling it is still recognised whole. */
export const REDACTION_MARGIN = 512;

/**
 * The first `max` characters of `text`, redacted, read from at most `max` + REDACTION_MARGIN
 * characters (the rest of a long message is never looked at). A secret that starts before the cut
 * is replaced whole; a word that runs past the margin (longer than it, so perhaps a secret seen
 * only in part) is replaced by "…". The result is at most `max` characters long.
 */
export function redactStart(text: string, max: number): string {
  const window = text.slice(0, max + REDACTION_MARGIN);
  const secrets = secretsOf(window);
  if (window.length < text.length) {
    let start = window.length;
    while (start > 0 && !/\s/.test(window[start - 1] as string)) start--;
    if (start < max && start < window.length)
      return assemble(
        window,
        merge([...secrets, { start, end: window.length, rank: RULES.length }]),
        max,
        max,
      );
  }
  return assemble(window, secrets, Math.min(max, window.length), max);
}
