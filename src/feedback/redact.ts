/**
 * Privacy before storage: what identifies a person or a secret in a question is replaced by a
 * placeholder. Error codes (3 to 6 digits), dates and product words are kept: they are what the
 * knowledge owners need to see.
 */
const RULES: [RegExp, string][] = [
  // URLs with a query string (tokens and ids travel there); a plain URL is kept.
  [/\bhttps?:\/\/[^\s?#]+\?[^\s]*/gi, '<url>'],
  // JWTs, Slack tokens, Bearer credentials, and long opaque strings (keys, session ids).
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '<token>'],
  [/\bxox[abposr]-[\w-]+/gi, '<token>'],
  [/\b(bearer|basic)\s+[\w+/=.~-]{8,}/gi, '$1 <token>'],
  [/\b(?:password|passwd|pwd|mot de passe|mdp|secret|token|apikey|api_key|key)\s*[:=]\s*\S+/gi, '<token>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/[\w.+%-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>'],
  // SIP URIs name a person too: sip:bob@... is caught by the e-mail rule above.
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '<ip>'],
  [/\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\b/gi, '<ip>'],
  // Long letter-and-digit strings (keys, hashes): at least 20 characters with both letters and digits.
  [/\b(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]{24,}\b/gi, '<token>'],
  // Phone numbers: 9 or more digits, with optional +, spaces, dots, dashes or brackets between them.
  [/(?<![\w.])\+?\(?\d(?:[\s.()-]{0,2}\d){8,14}(?![\w.])/g, '<phone>'],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, placeholder] of RULES) out = out.replace(pattern, placeholder);
  return out;
}
