import { refusalOf } from '../app/case-replies.js';
import type { Case, CaseCommand, CaseState } from '../cases/case.js';
import type { Cases } from '../cases/cases.js';
import { CaseError } from '../cases/errors.js';
import { CASE_STATES } from '../cases/states.js';
import { caseTime } from '../reply/case-view.js';
import { renderText } from '../reply/render-text.js';
import type { Reply } from '../reply/reply.js';
import { replyView, type ViewKnowledge } from '../reply/view.js';
import { strings } from '../text/catalogue.js';
import type { Language } from '../text/language.js';
import { type CommandSpec, parseCommandLine, UsageError } from './command-line.js';
import { terminalText } from './report-escape.js';

export type CasesCommand = 'list' | 'show' | 'take' | 'resolve' | 'close' | 'reopen';

/** `uc-triage cases ...`: the experts' commands for those without a chat client (a contract: extend, never rename). */
export const CASES_COMMANDS: Record<CasesCommand, CommandSpec> = {
  list: {
    name: 'cases list',
    usage: 'uc-triage cases list [--state open|taken|resolved|closed] [--format text|json] [--lang fr|en]',
    options: ['--state', '--format', '--lang'],
    operands: 'none',
  },
  show: {
    name: 'cases show',
    usage: 'uc-triage cases show ID [--format text|json] [--lang fr|en]',
    options: ['--format', '--lang'],
    operands: 'some',
  },
  take: {
    name: 'cases take',
    usage: 'uc-triage cases take ID --by NAME [--lang fr|en]',
    options: ['--by', '--lang'],
    operands: 'some',
  },
  resolve: {
    name: 'cases resolve',
    usage: 'uc-triage cases resolve ID --answer TEXT [--entry ENTRY_ID] [--by NAME] [--lang fr|en]',
    options: ['--answer', '--entry', '--by', '--lang'],
    operands: 'some',
  },
  close: {
    name: 'cases close',
    usage: 'uc-triage cases close ID [--by NAME] [--lang fr|en]',
    options: ['--by', '--lang'],
    operands: 'some',
  },
  reopen: {
    name: 'cases reopen',
    usage: 'uc-triage cases reopen ID [--by NAME] [--lang fr|en]',
    options: ['--by', '--lang'],
    operands: 'some',
  },
};

export const CASES_USAGE = Object.values(CASES_COMMANDS).map((c) => c.usage);

export interface CasesOptions {
  command: CasesCommand;
  /** The case's number (every command but list). */
  id?: number;
  state?: CaseState;
  format: 'text' | 'json';
  language: Language;
  /** Who acts: --by, else the caller's default (the CLI: the system user). */
  by?: string;
  answer?: string;
  entry?: string;
}

/** The command line of `uc-triage cases`: a mistyped option, a missing --by or a bad number is a UsageError. */
export function parseCasesArgs(args: string[]): CasesOptions {
  const [command, ...rest] = args;
  if (!command || !Object.hasOwn(CASES_COMMANDS, command))
    throw new UsageError(
      `cases: expected list, show, take, resolve, close or reopen (usage: ${CASES_USAGE.join(' | ')})`,
    );
  const spec = CASES_COMMANDS[command as CasesCommand];
  const line = parseCommandLine(spec, rest);
  const refuse = (problem: string) => new UsageError(`${spec.name}: ${problem} (usage: ${spec.usage})`);
  const state = line.options.get('--state');
  if (state !== undefined && !(CASE_STATES as readonly string[]).includes(state))
    throw refuse(`--state ${state}: expected ${CASE_STATES.join(', ')}`);
  const format = line.options.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw refuse(`--format ${format}: expected text or json`);
  const language = line.options.get('--lang') ?? 'fr';
  if (language !== 'fr' && language !== 'en') throw refuse(`--lang ${language}: expected fr or en`);
  let id: number | undefined;
  if (command !== 'list') {
    if (line.operands.length > 1) throw refuse(`unexpected argument ${line.operands[1]}`);
    const operand = line.operands[0] ?? '';
    id = /^\d{1,9}$/.test(operand) ? Number(operand) : 0;
    if (id < 1) throw refuse(`${operand}: expected a case number`);
  }
  const by = line.options.get('--by')?.trim();
  if (line.options.has('--by') && !by) throw refuse('--by needs a name');
  if (command === 'take' && !by) throw refuse('--by NAME is required: who takes the case');
  const answer = line.options.get('--answer');
  if (command === 'resolve' && !answer?.trim()) throw refuse('--answer TEXT is required: what fixed it');
  const entry = line.options.get('--entry');
  return {
    command: command as CasesCommand,
    ...(id !== undefined ? { id } : {}),
    ...(state ? { state: state as CaseState } : {}),
    format,
    language,
    ...(by ? { by } : {}),
    ...(answer !== undefined ? { answer } : {}),
    ...(entry !== undefined ? { entry } : {}),
  };
}

/** One case in the JSON of `cases list` (a contract: these names stay; new ones may be added). */
export interface CaseListItem {
  id: number;
  state: CaseState;
  product: string | null;
  title: string;
  openedAt: string;
  openedBy: string;
  answer: string | null;
  takenBy: string | null;
  takenAt: string | null;
  resolvedAt: string | null;
  entry: string | null;
}

export function caseListItem(c: Case): CaseListItem {
  return {
    id: c.id,
    state: c.state,
    product: c.product,
    title: c.title,
    openedAt: c.openedAt,
    openedBy: c.openedBy,
    answer: c.answer ?? null,
    takenBy: c.takenBy ?? null,
    takenAt: c.takenAt ?? null,
    resolvedAt: c.resolvedAt ?? null,
    entry: c.entry ?? null,
  };
}

export interface CasesDeps {
  cases: Cases;
  kb: ViewKnowledge;
  /** Who acts when --by is not given (resolve, close, reopen): the system user. */
  defaultActor: string;
}

/** Text a person typed (a summary, an answer) printed line by line, without terminal escapes. */
const printable = (text: string) => text.split('\n').map(terminalText).join('\n');

function listText(cases: Case[], kb: ViewKnowledge, language: Language): string {
  const s = strings(language).cases;
  const colon = strings(language).answer.colon;
  if (cases.length === 0) return s.noCases;
  return cases
    .flatMap((c) => [
      [
        s.caseLabel(c.id),
        s.states[c.state],
        c.product ? kb.productLabel(c.product, language) : s.noProduct,
        caseTime(c.openedAt),
        terminalText(c.openedBy),
        terminalText(c.title),
      ].join(' · '),
      ...(c.takenBy ? [`    ${s.takenBy(terminalText(c.takenBy), caseTime(c.takenAt ?? c.openedAt))}`] : []),
      ...(c.answer ? [`    ${s.expertAnswer}${colon} ${terminalText(c.answer)}`] : []),
    ])
    .join('\n');
}

/**
 * Runs a `cases` command on the deployment's case store. The CLI's user reaches the store, so is
 * trusted as an expert; a refusal (an unknown case, a command the state does not allow, an unknown
 * entry, a store that cannot be reached) is one line of the catalogue and exit code 1.
 */
export async function runCases(
  options: CasesOptions,
  deps: CasesDeps,
): Promise<{ output: string; exitCode: number }> {
  const { cases, kb } = deps;
  const { language } = options;
  const text = (reply: Reply) => printable(renderText(replyView(reply, kb)).text);
  try {
    if (options.command === 'list') {
      const listed = await cases.list(options.state);
      if (options.format === 'json')
        return { output: JSON.stringify(listed.map(caseListItem), null, 2), exitCode: 0 };
      return { output: listText(listed, kb, language), exitCode: 0 };
    }
    const id = options.id as number;
    if (options.command === 'show') {
      const c = await cases.get(id);
      if (options.format === 'json') return { output: JSON.stringify(c, null, 2), exitCode: 0 };
      return { output: text({ kind: 'case-card', language, case: c }), exitCode: 0 };
    }
    const by = options.by ?? deps.defaultActor;
    const command: CaseCommand =
      options.command === 'resolve'
        ? {
            kind: 'resolve',
            by,
            answer: options.answer ?? '',
            ...(options.entry ? { entry: options.entry } : {}),
          }
        : { kind: options.command, by };
    // The CLI reaches no chat: the running bot delivers what a click would have (outbox).
    const c = await cases.act(id, command, true, 'later');
    const notice = text({ kind: 'case-notice', language, case: c, event: command.kind });
    const later = c.undelivered ? `\n${strings(language).cases.toldByBot}` : '';
    return { output: `${notice}${later}`, exitCode: 0 };
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    return { output: text(refusalOf(error, language)), exitCode: 1 };
  }
}
