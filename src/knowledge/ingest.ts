import type { Heading, List, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { foldText, slugify } from '../text/fold.js';
import {
  blockText,
  cellTexts,
  inlineText,
  isBoldOnly,
  paragraphLines,
  parseMarkdown,
  stripTags,
  tidy,
} from './markdown.js';
import { repairMojibake } from './mojibake.js';
import type { ColumnRole, SourceSpec } from './registry.js';
import type { CodeEntry, Entry, SectionEntry } from './types.js';

/** A heading being filled with the blocks that follow it. */
interface SectionDraft {
  title: string;
  level: number;
  path: string[];
  startLine: number;
  endLine: number;
  blocks: string[];
  /** "403 Interdit" headings of the provisioning bridge: they become code entries. */
  status?: { code: string; label: string };
  skip: boolean;
  isChapter: boolean;
}

interface CodeDraft {
  code: string;
  message: string;
  action: string;
  severity: string;
  causeAndAction: string;
  section: SectionDraft;
  startLine: number;
  endLine: number;
}

type Roles = Partial<Record<ColumnRole, number>>;

const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;

/** Front matter is blanked (not removed) so that line numbers still match the verbatim file. */
function blankFrontMatter(text: string): string {
  return text.replace(FRONT_MATTER, (block) => block.replace(/[^\n]/g, ''));
}

/**
 * The PDF export put some code fences on a bullet line ("- ```") with the code and the closing
 * fence at column 0, which leaves every following fence unbalanced (the rest of the guide would
 * read as code). Indenting the fenced lines under the bullet keeps them in the list item and
 * keeps line numbers unchanged.
 */
export function repairBulletFences(text: string): string {
  return text.replace(/^- ```[ \t]*\n([\s\S]*?)\n```[ \t]*$/gm, (_m, body: string) => {
    const indented = body
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n');
    return `- \`\`\`\n${indented}\n  \`\`\``;
  });
}

/** "\\Users\\{username}\\AppData" in the PDF text is a Windows path, not a markdown escape: keep its backslashes. */
export function repairWindowsPaths(text: string): string {
  return text.replace(/(\\[A-Za-z]+)\\([{*])/g, '$1\\\\$2');
}

/** The repairs a source may ask for in sources.yaml (`repairs:`), applied in the order listed. */
const REPAIRS: Record<SourceSpec['repairs'][number], (text: string) => string> = {
  mojibake: repairMojibake,
  'bullet-fences': repairBulletFences,
  'windows-paths': repairWindowsPaths,
};

function line(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 0;
}

function endLine(node: { position?: { end: { line: number } } }): number {
  return node.position?.end.line ?? 0;
}

/** Joins a continuation of a cell split by the PDF page break onto the text it continues. */
function joinContinuation(previous: string, next: string, separator: 'sentence' | 'space'): string {
  if (!previous) return next;
  if (!next) return previous;
  if (separator === 'space' || !/[.!?:]$/.test(previous)) return `${previous} ${next}`;
  return `${previous}\n${next}`;
}

function isTabHeading(node: Heading): boolean {
  const meaningful = node.children.filter((c) => c.type !== 'html');
  return meaningful.length === 1 && meaningful[0]?.type === 'link' && meaningful[0].url.startsWith('#tab/');
}

function isLinkList(node: List): boolean {
  return node.children.every((item) => {
    const first = item.children[0];
    return first?.type === 'paragraph' && first.children.every((c) => c.type === 'link' || c.type === 'text');
  });
}

const STEP_LINE = /^(?:- )?(Étape \d+.*)$/;
const NUMBERED_LINE = /^\d+\. (.+)$/;
const MENTIONED_CODE = /\[(?:erreur|error)\s+(\d{4,6})\]/gi;

export class SourceIngest {
  private readonly junk: Set<string>;
  private readonly skips: Set<string>;
  private readonly statusSections: Set<string>;
  private readonly notApplicable: Set<string>;
  private readonly toc = new Set<string>();
  private readonly sections: SectionDraft[] = [];
  private readonly stack: SectionDraft[] = [];
  private readonly codes: CodeDraft[] = [];
  private lastRoles: { roles: Roles; width: number } | null = null;
  private lastRow: CodeDraft[] = [];
  private text = '';

  constructor(private readonly spec: SourceSpec) {
    this.junk = new Set(spec.junkHeadings.map(foldText));
    this.skips = new Set(spec.skipSections.map(foldText));
    this.statusSections = new Set(spec.statusHeadingSections.map(foldText));
    this.notApplicable = new Set(spec.notApplicable);
  }

  run(rawText: string): Entry[] {
    this.text = blankFrontMatter(this.spec.repairs.reduce((text, repair) => REPAIRS[repair](text), rawText));
    const root = parseMarkdown(this.text);
    for (const node of root.children) this.visit(node);
    return [...this.codeEntries(), ...this.sectionEntries()];
  }

  private get current(): SectionDraft | undefined {
    return this.stack[this.stack.length - 1];
  }

  private visit(node: RootContent): void {
    switch (node.type) {
      case 'heading':
        return this.onHeading(node);
      case 'paragraph':
        return this.onParagraph(node);
      case 'list':
        if (this.current?.isChapter && isLinkList(node)) {
          for (const item of node.children) this.toc.add(foldText(blockText(item.children[0] as Paragraph)));
          return;
        }
        return this.addBlock(blockText(node), node);
      case 'table':
        return this.onTable(node);
      case 'code':
        // Lines the PDF export indented with tabs parse as indented code: they are prose.
        if (
          !/^\s*(```|~~~)/.test(
            this.text.slice(node.position?.start.offset ?? 0, (node.position?.start.offset ?? 0) + 12),
          )
        )
          return this.addBlock(tidy(stripTags(node.value)), node);
        return this.addBlock(blockText(node), node);
      case 'thematicBreak':
      case 'definition':
        return;
      default:
        return this.addBlock(blockText(node), node);
    }
  }

  private addBlock(text: string, node: RootContent): void {
    const section = this.current;
    if (!section || !text) return;
    section.blocks.push(text);
    section.endLine = Math.max(section.endLine, endLine(node));
  }

  private onHeading(node: Heading): void {
    const title = tidy(inlineText(node.children));
    if (isTabHeading(node)) return this.addBlock(`${title} :`, node);
    if (!title || this.junk.has(foldText(title))) return;
    // "Dans le journal XsiActions :" introduces the next lines of a procedure: a label, not a section.
    if (title.endsWith(':') && this.stack.length > 0) return this.addBlock(title, node);
    this.openSection(title, this.levelOf(node, title), line(node));
  }

  private levelOf(node: Heading, title: string): number {
    if (this.stack.length === 0) return 0;
    const { chapterPrefix } = this.spec;
    if (!chapterPrefix) return Math.max(1, node.depth - 1);
    if (title.startsWith(chapterPrefix)) return 1;
    if (this.toc.has(foldText(title))) return 2;
    return Math.max(3, node.depth + 1);
  }

  private openSection(title: string, level: number, at: number): void {
    const statusParent = /^\d{3} /.test(title)
      ? [...this.stack].reverse().find((s) => this.statusSections.has(foldText(s.title)))
      : undefined;
    const effectiveLevel = statusParent ? statusParent.level + 1 : level;
    while ((this.current?.level ?? -1) >= effectiveLevel) this.stack.pop();
    const match = statusParent ? /^(\d{3}) (.+)$/.exec(title) : null;
    const draft: SectionDraft = {
      title,
      level: effectiveLevel,
      path: this.stack.map((s) => s.title),
      startLine: at,
      endLine: at,
      blocks: [],
      skip: this.skips.has(foldText(title)) || this.stack.some((s) => s.skip),
      isChapter: effectiveLevel === 1 && Boolean(this.spec.chapterPrefix),
      ...(match ? { status: { code: match[1] as string, label: match[2] as string } } : {}),
    };
    this.stack.push(draft);
    this.sections.push(draft);
    this.lastRoles = null;
    this.lastRow = [];
  }

  /** A bold-only line naming a section of the chapter's table of contents is a heading the export lost. */
  private onParagraph(node: Paragraph): void {
    if (
      this.current?.isChapter &&
      this.spec.tocMarker &&
      foldText(blockText(node)) === foldText(this.spec.tocMarker)
    )
      return;
    const lines = paragraphLines(node.children);
    const pending: PhrasingContent[][] = [];
    const flush = () => {
      if (pending.length === 0) return;
      this.addBlock(tidy(pending.map((l) => inlineText(l)).join('\n')), node);
      pending.length = 0;
    };
    for (const l of lines) {
      const text = tidy(inlineText(l));
      if (isBoldOnly(l) && this.toc.has(foldText(text))) {
        flush();
        this.openSection(text, 2, line(node));
      } else {
        pending.push(l);
      }
    }
    flush();
  }

  private rolesOf(header: string[]): Roles {
    const roles: Roles = {};
    header.forEach((cell, index) => {
      const folded = foldText(cell);
      for (const [role, labels] of Object.entries(this.spec.columns ?? {}) as [ColumnRole, string[]][]) {
        if (labels.some((label) => folded.startsWith(foldText(label)))) roles[role] ??= index;
      }
    });
    return roles;
  }

  private onTable(node: Table): void {
    const rows = cellTexts(node);
    const header = rows[0] ?? [];
    let roles = this.rolesOf(header);
    if (roles.code === undefined) {
      // A table split by a page break repeats no header: its empty header row continues the previous table.
      const continues =
        this.lastRoles && header.every((c) => c === '') && header.length === this.lastRoles.width;
      if (!continues || !this.lastRoles) return this.addBlock(blockText(node), node);
      roles = this.lastRoles.roles;
    }
    this.lastRoles = { roles, width: header.length };
    node.children.slice(1).forEach((row, index) => {
      this.onCodeRow(rows[index + 1] ?? [], roles, line(row), endLine(row));
    });
  }

  private onCodeRow(cells: string[], roles: Roles, start: number, end: number): void {
    const cell = (role: ColumnRole) => (roles[role] === undefined ? '' : (cells[roles[role]] ?? ''));
    const codes = cell('code').match(/\d{3,6}/g);
    if (!codes) {
      if (cell('code') !== '' || this.lastRow.length === 0) return;
      for (const draft of this.lastRow) this.stitch(draft, cell, end);
      return;
    }
    const section = this.current;
    if (!section) return;
    this.lastRow = codes.map((code) => {
      const draft: CodeDraft = {
        code,
        message: '',
        action: '',
        severity: '',
        causeAndAction: '',
        section,
        startLine: start,
        endLine: end,
      };
      this.stitch(draft, cell, end);
      this.codes.push(draft);
      return draft;
    });
  }

  /** Stitches split rows: appends a row's cells (or a continuation row's) to the code they belong to. */
  private stitch(draft: CodeDraft, cell: (role: ColumnRole) => string, end: number): void {
    draft.message = joinContinuation(draft.message, cell('message').replace(/\n/g, ' '), 'space');
    draft.action = joinContinuation(draft.action, cell('action'), 'sentence');
    draft.severity = joinContinuation(draft.severity, cell('severity'), 'space');
    draft.causeAndAction = joinContinuation(draft.causeAndAction, cell('causeAndAction'), 'sentence');
    draft.endLine = end;
  }

  private codeEntries(): CodeEntry[] {
    const seen = new Map<string, number>();
    const id = (code: string) => {
      const n = (seen.get(code) ?? 0) + 1;
      seen.set(code, n);
      return n === 1 ? `${this.spec.id}-${code}` : `${this.spec.id}-${code}-${n}`;
    };
    const fromRows = this.codes.map((draft): CodeEntry => {
      // "Cause et résolution" holds the cause on its first line and the resolution after; N/A means none.
      const parts = draft.causeAndAction.split('\n').filter((p) => p && !this.notApplicable.has(p));
      const cause = draft.causeAndAction ? (parts[0] ?? null) : null;
      const action = draft.action || (draft.causeAndAction ? parts.slice(1).join('\n') : '') || null;
      return {
        kind: 'code',
        id: id(draft.code),
        product: this.spec.product,
        code: draft.code,
        message: draft.message,
        cause,
        action,
        severity: draft.severity || null,
        origin: 'table',
        sectionPath: [...draft.section.path, draft.section.title],
        section: draft.section.title,
        source: this.spec.file,
        lines: [draft.startLine, draft.endLine],
      };
    });
    const fromHeadings = this.sections
      .filter((s) => s.status && !s.skip)
      .map((s): CodeEntry => {
        const status = s.status as { code: string; label: string };
        return {
          kind: 'code',
          id: id(status.code),
          product: this.spec.product,
          code: status.code,
          message: status.label,
          cause: s.blocks[0] ?? null,
          action: s.blocks.slice(1).join('\n') || null,
          severity: null,
          origin: 'heading',
          sectionPath: [...s.path, s.title],
          section: s.title,
          source: this.spec.file,
          lines: [s.startLine, s.endLine],
        };
      });
    return [...fromRows, ...fromHeadings];
  }

  private sectionEntries(): SectionEntry[] {
    const seen = new Set<string>();
    return this.sections
      .filter((s) => !s.skip && !s.status && s.blocks.length > 0)
      .map((s): SectionEntry => {
        const body = s.blocks.join('\n');
        let id = `${this.spec.id}/${slugify(s.title)}`;
        for (let n = 2; seen.has(id); n++) id = `${this.spec.id}/${slugify(s.title)}-${n}`;
        seen.add(id);
        const steps = body
          .split('\n')
          .map((l) => STEP_LINE.exec(l)?.[1] ?? NUMBERED_LINE.exec(l)?.[1])
          .filter((l): l is string => Boolean(l));
        return {
          kind: 'section',
          id,
          product: this.spec.product,
          title: s.title,
          sectionPath: [...s.path, s.title],
          section: s.title,
          body,
          steps,
          mentionedCodes: [...new Set([...body.matchAll(MENTIONED_CODE)].map((m) => m[1] as string))],
          source: this.spec.file,
          lines: [s.startLine, s.endLine],
        };
      });
  }
}

export function ingestSource(spec: SourceSpec, text: string): Entry[] {
  return new SourceIngest(spec).run(text);
}
