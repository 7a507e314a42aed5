/**
 * A command line a command cannot run (an unknown option, a missing value, a stray argument): the
 * CLI prints its one-line message, which names the problem and the command's usage, and exits 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What one command accepts. Nothing else is: a mistyped option is an error, never ignored. */
export interface CommandSpec {
  /** The command as messages name it: "ask", "report gaps". */
  name: string;
  usage: string;
  /** Options without a value: --json. */
  switches?: readonly string[];
  /** Options with a value: --since 7d or --since=7d. */
  options?: readonly string[];
  /**
   * Options whose value may be left out, with the value they take then: `{ '--html': '-' }` reads
   * `--html`, `--html FILE` and `--html=FILE`. The next word is the value unless it is an option or
   * "--"; with operands, write `--html=FILE` to be unambiguous.
   */
  optionalValue?: Readonly<Record<string, string>>;
  /** Options with a value that may be given several times: --set a.yaml --set b.yaml. */
  repeatable?: readonly string[];
  /** Words that are not options: none, any number (a question), at least one (a code). */
  operands: 'none' | 'any' | 'some';
}

export interface CommandLine {
  switches: Set<string>;
  options: Map<string, string>;
  /** The values of repeatable options, in order. */
  repeated: Map<string, string[]>;
  operands: string[];
}

/**
 * An option is -x or --xyz; other words starting with '-' ("-1", "->", "-") are words of a
 * question. After "--" every word is an operand.
 */
const looksLikeOption = (word: string) => /^--?[A-Za-z]/.test(word);

/** True when the words before any "--" ask for help (-h, --help). */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '-h' || a === '--help');
}

export function parseCommandLine(spec: CommandSpec, args: readonly string[]): CommandLine {
  const refuse = (problem: string) => new UsageError(`${spec.name}: ${problem} (usage: ${spec.usage})`);
  const line: CommandLine = { switches: new Set(), options: new Map(), repeated: new Map(), operands: [] };
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as string;
    if (word === '--') {
      line.operands.push(...args.slice(i + 1));
      break;
    }
    if (!looksLikeOption(word)) {
      line.operands.push(word);
      continue;
    }
    const equals = word.indexOf('=');
    const name = equals < 0 ? word : word.slice(0, equals);
    if (spec.switches?.includes(name)) {
      if (equals >= 0) throw refuse(`${name} takes no value`);
      line.switches.add(name);
    } else if (spec.optionalValue && Object.hasOwn(spec.optionalValue, name)) {
      const next = args[i + 1];
      let value = spec.optionalValue[name] as string;
      if (equals >= 0) {
        value = word.slice(equals + 1);
        if (!value) throw refuse(`${name}= needs a value (or leave out the =)`);
      } else if (next !== undefined && next !== '--' && !looksLikeOption(next)) {
        value = next;
        i++;
      }
      line.options.set(name, value);
    } else if (spec.options?.includes(name) || spec.repeatable?.includes(name)) {
      const value = equals < 0 ? args[i + 1] : word.slice(equals + 1);
      if (!value || (equals < 0 && looksLikeOption(value))) throw refuse(`${name} needs a value`);
      if (equals < 0) i++;
      if (spec.repeatable?.includes(name))
        line.repeated.set(name, [...(line.repeated.get(name) ?? []), value]);
      else line.options.set(name, value);
    } else {
      throw refuse(`unknown option ${name}`);
    }
  }
  if (spec.operands === 'none' && line.operands.length > 0)
    throw refuse(`unexpected argument ${line.operands[0]}`);
  if (spec.operands === 'some' && line.operands.length === 0) throw refuse('missing argument');
  return line;
}
