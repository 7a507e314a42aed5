import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { treeProblems } from './lint.js';
import { type TriageTree, TriageTreeSchema } from './tree.js';

/** Reads and validates every knowledge/triage/*.yaml; a schema error names the file. */
export function loadTriageTrees(knowledgeDir: string): TriageTree[] {
  const dir = join(knowledgeDir, 'triage');
  // A knowledge directory without guided triage is valid: the bot then only answers.
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  return files.map((file) => {
    const parsed = TriageTreeSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`triage/${file}: ${z.prettifyError(parsed.error)}`);
    if (`${parsed.data.id}.yaml` !== file)
      throw new Error(`triage/${file}: id ${parsed.data.id} does not match the file name`);
    return parsed.data;
  });
}

/** Trees whose nodes cite missing entries or cannot reach an outcome stop the build. */
export function checkTriageTrees(
  trees: TriageTree[],
  entryIds: ReadonlySet<string>,
  products: ReadonlySet<string>,
): void {
  const broken = trees.flatMap((tree) => treeProblems(tree, entryIds, products));
  if (broken.length > 0) throw new Error(`Guided-triage trees are broken:\n${broken.join('\n')}`);
}
