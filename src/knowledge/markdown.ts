import type { Nodes, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}

/** Line breaks that HTML inside cells and paragraphs stands for (PDF and Docs exports use them). */
const BREAKING_HTML = /^<\/?(br|p)\b[^>]*\/?>$/i;

/** Plain text of inline content: HTML tags stripped (<br>, <p> become line breaks), marks dropped. */
export function inlineText(nodes: readonly Nodes[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value;
        break;
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'html':
        out += BREAKING_HTML.test(node.value.trim()) ? '\n' : stripTags(node.value);
        break;
      case 'image':
      case 'imageReference':
        break;
      default:
        if ('children' in node) out += inlineText((node as Parent).children as Nodes[]);
        else if ('value' in node && typeof node.value === 'string') out += node.value;
    }
  }
  return out;
}

/** Removes HTML tags, keeping the text between them; <br> and <p> boundaries become line breaks. */
export function stripTags(html: string): string {
  return html.replace(/<\/?(br|p)\b[^>]*\/?>/gi, '\n').replace(/<[^>]+>/g, '');
}

/** Collapses spaces inside lines, trims lines and drops empty ones. */
export function tidy(text: string): string {
  return text
    .replace(/\t+/g, ' | ')
    .replace(/\*\*/g, '')
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]{2,}/g, ' ').trim())
    .filter((line) => line.length > 0 && !/^[|\s]+$/.test(line))
    .join('\n');
}

export function cellTexts(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => tidy(inlineText(cell.children))));
}

/** Readable plain text for a block: lists keep their bullets/numbers, code keeps its lines, tables become rows. */
export function blockText(node: RootContent): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return tidy(inlineText(node.children as PhrasingContent[]));
    case 'list': {
      let n = node.start ?? 1;
      return node.children
        .map((item) => {
          const marker = node.ordered ? `${n++}.` : '-';
          const text = item.children.map(blockText).filter(Boolean).join('\n');
          return text ? `${marker} ${text.replace(/\n/g, '\n  ')}` : '';
        })
        .filter(Boolean)
        .join('\n');
    }
    case 'code':
      return node.value
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.trim().length > 0)
        .map((line) => `    ${line}`)
        .join('\n');
    case 'table':
      return cellTexts(node)
        .filter((row) => row.some(Boolean))
        .map((row) => row.map((c) => c.replace(/\n/g, ' ')).join(' | '))
        .join('\n');
    case 'blockquote':
      return node.children.map(blockText).filter(Boolean).join('\n');
    case 'html':
      return tidy(stripTags(node.value));
    default:
      return '';
  }
}

/** Splits a paragraph into its lines (hard breaks), each as inline nodes. */
export function paragraphLines(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type === 'break') lines.push([]);
    else lines[lines.length - 1]?.push(child);
  }
  return lines.filter((line) => inlineText(line).trim().length > 0);
}

/** True when a line is only bold text: a line that the PDF export used as a heading. */
export function isBoldOnly(line: readonly PhrasingContent[]): boolean {
  const meaningful = line.filter((n) => !(n.type === 'text' && n.value.trim() === ''));
  return meaningful.length > 0 && meaningful.every((n) => n.type === 'strong');
}
