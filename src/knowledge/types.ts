/** A covered product's id, as named in every public contract (JSON, CLI): from knowledge/sources.yaml. */
export type Product = string;

/** A covered product: its id and its name in each language. */
export interface ProductInfo {
  id: Product;
  label: { fr: string; en: string };
}

/** Where a fact comes from: the verbatim file and its 1-based line range. */
export interface Provenance {
  source: string;
  lines: [number, number];
}

interface EntryBase extends Provenance {
  id: string;
  product: Product;
  /** Clean headings from the document title down to the section holding the entry. */
  sectionPath: string[];
  /** The clean heading of the section the entry comes from (last item of sectionPath). */
  section: string;
}

/** One error code / event ID, with the complete text of its own row (split rows stitched). */
export interface CodeEntry extends EntryBase {
  kind: 'code';
  code: string;
  message: string;
  /** Only from an explicit cause column or text; null when the source gives none. */
  cause: string | null;
  /** Null when the source gives no action: never invented. */
  action: string | null;
  severity: string | null;
  /** "table": a row of a code table; "heading": an HTTP status heading ("403 Interdit"). */
  origin: 'table' | 'heading';
}

/** One real procedure or problem section, as plain readable text. */
export interface SectionEntry extends EntryBase {
  kind: 'section';
  title: string;
  body: string;
  steps: string[];
  /** Code-like numbers quoted in the prose (e.g. "[Erreur 18215]"), so a pasted log line finds the section. */
  mentionedCodes: string[];
}

export type Entry = CodeEntry | SectionEntry;

export function entryTitle(entry: Entry): string {
  return entry.kind === 'code' ? `${entry.code} : ${entry.message}` : entry.title;
}
