/** A number the user typed that may be an error code, with how sure we are it was meant as one. */
export interface CodeMention {
  code: string;
  /** "explicit": introduced by a keyword (erreur, callEndReason, Event ID, #...); "bare": a number on its own. */
  form: 'explicit' | 'bare';
  /** For "200 039": the pieces, tried when the joined number is not a known code. */
  parts?: string[];
}

/** Dates, times, IP addresses, UUIDs, hex and versions in log lines are not codes: blank them first. */
const NOT_CODES: RegExp[] = [
  /\b\d{4}[-/]\d{2}[-/]\d{2}(?:[T ][\d:.,]+Z?)?/g,
  /\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b/g,
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b/g,
  /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  /\b0x[0-9a-f]+\b/gi,
  /\bv?(?!\d{3}\.\d{3}\b)\d+(?:\.\d+){1,3}\b/g,
  /\b(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+):\d{2,5}\b/gi,
  /\bsub_?code\W{0,3}\d+/gi,
];

/** Words that introduce a code ("erreur", "callEndReason", "Event ID", "#"): not part of the question. */
export const CODE_KEYWORD_SOURCE =
  "(?:erreur|error|err|code|codes|callendreason|call end reason|event\\s*id|id d['’]?[ée]v[ée]nement|[ée]v[ée]nement|event|status|statut|http|reason|raison|#)";

const KEYWORD =
  /(?:erreur|error|err|code|codes|callendreason|call end reason|event\s*id|id d['’]?[ée]v[ée]nement|[ée]v[ée]nement|event|status|statut|http|reason|raison|#)\W{0,4}$/i;

/** extractCodes: every number of 3 to 6 digits the user could mean as an error code or event ID. */
export function extractCodes(raw: string): CodeMention[] {
  let text = raw;
  for (const pattern of NOT_CODES) text = text.replace(pattern, (m) => ' '.repeat(m.length));
  const mentions: CodeMention[] = [];
  const seen = new Set<string>();
  // "200 039" and "200.039" as people type six-digit codes.
  const number =
    /(?<![\p{L}\p{N}_])(\d{3})[ \u00a0.](\d{3})(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(\d{3,6})(?![\p{L}\p{N}_])/gu;
  for (const match of text.matchAll(number)) {
    const before = text.slice(Math.max(0, (match.index ?? 0) - 30), match.index);
    const form = KEYWORD.test(before) ? 'explicit' : 'bare';
    if (match[1] && match[2]) {
      const code = `${match[1]}${match[2]}`;
      if (!seen.has(code)) mentions.push({ code, form, parts: [match[1], match[2]] });
      seen.add(code);
    } else if (match[3] && !seen.has(match[3])) {
      seen.add(match[3]);
      mentions.push({ code: match[3], form });
    }
  }
  return mentions;
}
