import { foldText } from '../text/fold.js';
import { escalationProblems } from './escalation.js';
import type { KnowledgeBase } from './kb.js';
import { hasMojibake } from './mojibake.js';
import { danglingOverlayRefs } from './overlays.js';
import type { Entry } from './types.js';
import { vocabularyProblems } from './vocabulary.js';

const RESIDUE: [RegExp, string][] = [
  [/<br\s*\/?>/i, '<br/>'],
  [/<a\s+name/i, '<a name'],
  [/<\/?(p|i|b|a|div|span|strong|em)\b[^>]*>/i, 'HTML tag'],
  [/\*\*/, '**'],
  [/```/, 'code fence'],
  [/\]\(#/, 'markdown link'],
  [/^#{1,6} /m, 'markdown heading'],
];

/** Titles that are page furniture or screenshot text, never a real section. */
export const JUNK_TITLES = [
  'procedure',
  'user details',
  'cisco systems inc',
  'remarque',
  'contenu du chapitre',
];

function texts(entry: Entry): [string, string][] {
  const fields: [string, string | null][] =
    entry.kind === 'code'
      ? [
          ['message', entry.message],
          ['cause', entry.cause],
          ['action', entry.action],
          ['section', entry.section],
        ]
      : [
          ['title', entry.title],
          ['body', entry.body],
          ['section', entry.section],
        ];
  return fields.filter((f): f is [string, string] => typeof f[1] === 'string');
}

/** Every rule `uc-triage kb lint` enforces; an empty list means the knowledge base is clean. */
export function lintKnowledgeBase(kb: KnowledgeBase): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of kb.entries) {
    if (seen.has(entry.id)) problems.push(`${entry.id}: duplicate id`);
    seen.add(entry.id);
    if (entry.kind === 'code' && !entry.message.trim()) problems.push(`${entry.id}: code without a message`);
    for (const [field, text] of texts(entry)) {
      if (hasMojibake(text)) problems.push(`${entry.id}: mojibake left in ${field}`);
      for (const [pattern, label] of RESIDUE) {
        if (pattern.test(text)) problems.push(`${entry.id}: ${label} residue in ${field}`);
      }
    }
    if (!kb.overlays.english[entry.id])
      problems.push(`${entry.id}: no English match text in overlays/english.yaml`);
    for (const title of entry.sectionPath) {
      if (JUNK_TITLES.includes(foldText(title)) || title.trim() === '') {
        problems.push(`${entry.id}: junk title "${title}" in its section path`);
      }
    }
  }
  const products = new Set(kb.products.map((p) => p.id));
  problems.push(...danglingOverlayRefs(kb.overlays, seen, products));
  problems.push(...escalationProblems(kb.overlays.escalation, kb.byId, products));
  problems.push(...sharedSynonyms(kb.overlays.synonyms));
  problems.push(...vocabularyProblems(kb.overlays.vocabulary));
  return problems;
}

/**
 * A variant listed in two synonym groups belongs to the first only: the second group silently
 * loses it (a query's "introuvable" and the source's were read as two different words). Variants
 * are compared folded, as the search normaliser keys them ("désolé" and "desole" are one word).
 */
function sharedSynonyms(groups: readonly (readonly string[])[]): string[] {
  const owner = new Map<string, number>();
  const problems: string[] = [];
  groups.forEach((group, index) => {
    for (const variant of new Set(group.map((v) => foldText(v)))) {
      const first = owner.get(variant);
      if (first === undefined) owner.set(variant, index);
      else
        problems.push(
          `synonyms.yaml: "${variant}" is in group ${first + 1} and group ${index + 1}; keep it in one`,
        );
    }
  });
  return problems;
}
