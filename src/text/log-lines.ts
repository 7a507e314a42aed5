/**
 * Lines a program wrote, in one place: the language detection sets them aside (a person's words
 * say the language, a log's do not), the search reads codes in them differently from a sentence
 * ("precheck 300005" names a field), the decision counts them, and the escalation summary quotes
 * the ones that report a problem.
 */

/**
 * A line that starts like a log record: a timestamp or a log level at its start, a [tag], JSON, a
 * stack frame, an HTTP status line, an "Event ID" record, or key=value pairs.
 */
export const LOG_RECORD =
  /^\s*(?:\[?\d{4}[-/.]\d{2}[-/.]\d{2}|\[?\d{1,2}[:/]\d{2}|\[[^\]]*\]\s|(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL)\b|at\s+[\w.$]+\(|[{[]|HTTP\/\d|event\s*id\b|level=|\w+=\S+\s+\w+=)/i;

/** Marks a program leaves anywhere in a line: key=value, a time, a [tag], JSON, a camelCase or snake_case name. */
const PROGRAM_MARKS = /\w=\S|\b\d{1,2}:\d{2}|\[[^\]]*\]|[{}]|\b\p{Ll}+\p{Lu}\p{L}*|\b\w+_\w+/u;

/** Whether a program wrote this line (a log record, or a line with a program's marks). */
export function programWrote(line: string): boolean {
  return LOG_RECORD.test(line) || PROGRAM_MARKS.test(line);
}

/** A pasted line that reports a problem: worth quoting in an escalation summary. */
const PROBLEM_LINE =
  /(\b(error|erreur|warn|warning|exception|fatal)\b|\[(error|erreur)\s+\d+\]|\d{2}:\d{2}:\d{2}|statuscode=|callendreason|event\s*id)/i;

/** The lines of a message that look like pasted log lines reporting a problem (at most 300 characters each). */
export function problemLinesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && PROBLEM_LINE.test(l))
    .map((l) => [...l].slice(0, 300).join(''));
}
