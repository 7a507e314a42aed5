import type { Library } from '../app/library.js';
import { writeGeneralWords } from '../knowledge/general-words.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Entry } from '../knowledge/types.js';
import { writeSearchCache } from '../search/cache.js';
import { type CommandSpec, parseCommandLine, UsageError } from './command-line.js';

export interface CommandResult {
  output: string;
  exitCode: number;
}

export type KbCommand = 'stats' | 'show' | 'lint' | 'build';

export const KB_USAGE = 'uc-triage kb stats | show <code|id> | lint | build';

const KB_COMMANDS: Record<KbCommand, CommandSpec> = {
  stats: { name: 'kb stats', usage: 'uc-triage kb stats', operands: 'none' },
  show: { name: 'kb show', usage: 'uc-triage kb show <code|id>', operands: 'some' },
  lint: { name: 'kb lint', usage: 'uc-triage kb lint', operands: 'none' },
  build: { name: 'kb build', usage: 'uc-triage kb build', operands: 'none' },
};

/** `kb stats | show <code|id> | lint | build`: which one, and for `show` what to show. */
export function parseKbArgs(args: string[]): { command: KbCommand; key: string } {
  const [command, ...rest] = args;
  if (!command || !Object.hasOwn(KB_COMMANDS, command))
    throw new UsageError(`kb: expected stats, show, lint or build (usage: ${KB_USAGE})`);
  const line = parseCommandLine(KB_COMMANDS[command as KbCommand], rest);
  return { command: command as KbCommand, key: line.operands.join(' ') };
}

export function kbStats(kb: KnowledgeBase): CommandResult {
  const rows = kb.products.map(({ id: product }) => {
    const mine = kb.entries.filter((e) => e.product === product);
    const codes = mine.filter((e) => e.kind === 'code').length;
    return `${product.padEnd(30)} ${String(codes).padStart(6)} ${String(mine.length - codes).padStart(9)}`;
  });
  const codes = kb.entries.filter((e) => e.kind === 'code').length;
  const output = [
    `${'product'.padEnd(30)} ${'codes'.padStart(6)} ${'sections'.padStart(9)}`,
    ...rows,
    `${'total'.padEnd(30)} ${String(codes).padStart(6)} ${String(kb.entries.length - codes).padStart(9)}`,
  ].join('\n');
  return { output, exitCode: 0 };
}

/** One entry as a technician reads it: the facts, then where they come from. */
export function describeEntry(kb: KnowledgeBase, entry: Entry): string {
  const lines: string[] = [];
  if (entry.kind === 'code') {
    lines.push(`${kb.productLabel(entry.product)} — code ${entry.code}  [${entry.id}]`);
    if (entry.severity) lines.push(`Type : ${entry.severity}`);
    lines.push(`Message : ${entry.message}`);
    lines.push(`Cause : ${entry.cause ?? '(la source ne donne pas de cause distincte du message)'}`);
    lines.push(`Action : ${entry.action ?? '(la source ne donne pas d’action)'}`);
  } else {
    lines.push(`${kb.productLabel(entry.product)} — ${entry.title}  [${entry.id}]`, '', entry.body);
  }
  const followUps = kb.followUpsOf(entry);
  if (followUps.length > 0) lines.push('', 'Questions de suivi :', ...followUps.map((q) => `- ${q}`));
  const related = kb.relatedOf(entry);
  if (related.length > 0) lines.push('', 'Voir aussi :', ...related.map((r) => `- ${r.title} [${r.id}]`));
  lines.push(
    '',
    `Source : ${entry.source}, lignes ${entry.lines[0]}-${entry.lines[1]}`,
    `Section : ${entry.sectionPath.join(' › ')}`,
  );
  return lines.join('\n');
}

export function kbShow(kb: KnowledgeBase, key: string): CommandResult {
  const wanted = key.trim().replace(/\s+/g, '');
  const byId = kb.byId.get(key.trim());
  const matches = byId ? [byId] : kb.entries.filter((e) => e.kind === 'code' && e.code === wanted);
  if (matches.length === 0) {
    return { output: `Aucune entrée pour « ${key} » (ni code connu, ni identifiant).`, exitCode: 1 };
  }
  return { output: matches.map((e) => describeEntry(kb, e)).join('\n\n────────\n\n'), exitCode: 0 };
}

export async function kbLint({ kb, trees }: Library): Promise<CommandResult> {
  const { lintKnowledgeBase } = await import('../knowledge/lint.js');
  const { treeProblems } = await import('../triage/lint.js');
  const { modelProblems } = await import('../decision/model.js');
  const { catalogueProblems } = await import('../text/catalogue-lint.js');
  const ids = new Set(kb.entries.map((e) => e.id));
  const products = new Set(kb.products.map((p) => p.id));
  const problems = [
    ...lintKnowledgeBase(kb),
    ...modelProblems(kb.overlays.decision),
    ...trees.flatMap((tree) => treeProblems(tree, ids, products)),
    ...catalogueProblems(),
  ];
  if (problems.length === 0) {
    return { output: `kb lint: ${kb.entries.length} entries, no problem found`, exitCode: 0 };
  }
  return { output: `kb lint: ${problems.length} problem(s)\n${problems.join('\n')}`, exitCode: 1 };
}

export async function kbBuild(): Promise<CommandResult> {
  const started = performance.now();
  const { writeLibraryCache } = await import('../app/build-library.js');
  const { file, library } = writeLibraryCache();
  const { kb } = library;
  const ingested = performance.now() - started;
  const indexFile = writeSearchCache(kb);
  writeGeneralWords();
  return {
    output: `kb build: ${kb.entries.length} entries ingested in ${Math.round(ingested)} ms -> ${file}; search index -> ${indexFile}`,
    exitCode: 0,
  };
}
