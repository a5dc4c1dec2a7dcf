/**
 * What building the PDF's content needs to know besides the text at hand: the font coverage
 * (every run of the organisation's text is checked against the face it is printed in), the
 * numbered attachments, the reference year, and the image files the typesetter may open.
 */
import type { Application, LoadedFile, Position } from '../../model/types.js';
import type { Facts, Numbering } from '../../engine/index.js';
import { cleanText, type Coverage, type Face, type Family } from '../fonts.js';
import type { Node } from '../plan.js';
import { CELL_PADDING } from '../theme.js';
import { typographic } from './typography.js';

export type { Inline, Node } from '../plan.js';

export interface MissingChar {
  file: string;
  chapter: number | null;
  char: string;
  position?: Position;
  count: number;
}

function before(a: Position | undefined, b: Position | undefined): boolean {
  if (!a) return false;
  if (!b) return true;
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/** A table of the prose that fits no page (`pdf/tabell-for-bred`). */
export interface WideTable {
  file: string;
  chapter: number | null;
  position?: Position;
  columns: number;
}

export class Context {
  readonly missing = new Map<string, MissingChar>();
  readonly wideTables: WideTable[] = [];
  /** Images of the prose the typesetter is allowed to read: absolute path → path in the folder. */
  readonly images = new Map<string, string>();
  private tables = 0;
  /** The reference date (YYYY-MM-DD), where the PDF marks "now". */
  referenceDate = '';

  constructor(
    readonly app: Application,
    readonly coverage: Coverage,
    /** What the check decided: the PDF states it, never re-derives it. */
    readonly facts: Facts,
  ) {}

  get numbering(): Numbering {
    return this.facts.attachments;
  }

  get refYear(): number {
    return this.facts.referenceYear;
  }

  /**
   * A run of the organisation's text, checked against the face it is printed in (`at` gives the
   * position in the source of the character at an index of `text`), as the PDF prints it:
   * numbers glued, long words hyphenated (not in code; in full lines only the longest words).
   */
  text(
    text: string,
    where: { file: string; chapter: number | null },
    face: Face,
    at: (index: number, char: string) => Position | undefined,
    options: { family?: Family; wide?: boolean } = {},
  ): string {
    const family = options.family ?? 'DejaVu';
    for (const m of this.coverage.missing(text, family, face)) {
      const key = `${where.file}|${m.char}`;
      const position = at(m.index, m.char);
      const seen = this.missing.get(key);
      if (!seen) this.missing.set(key, { ...where, char: m.char, position, count: 1 });
      else {
        seen.count++;
        if (before(position, seen.position)) seen.position = position;
      }
    }
    return typographic(cleanText(text), { hyphenate: family !== 'DejaVuMono', narrow: !options.wide });
  }

  /** A table that cannot be fitted to a page even landscape with smaller text. */
  wideTable(t: WideTable): void {
    this.wideTables.push(t);
  }

  /** A name for a table, by which the job can cut it (job/splits.ts). */
  tableKey(): string {
    return `t${++this.tables}`;
  }

  /** A value of a YAML file (front matter or ansokan.yaml) at a pointer. */
  field(file: LoadedFile, chapter: number | null, pointer: string, value: string, face: Face = 'normal'): string {
    return this.text(value, { file: file.file, chapter }, face, (_i, char) => file.map.inside(pointer, char) ?? file.map.locate(pointer));
  }

  /** Text written by someone outside the chapters (qm.config.yaml, file names), with no finer position. */
  other(value: string, file: string, position?: Position, face: Face = 'normal'): string {
    return this.text(value, { file, chapter: null }, face, () => position);
  }
}

/** Characters of text in pdfmake content. */
export function textLength(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + textLength(x), 0);
  if (v && typeof v === 'object')
    return Object.entries(v).reduce(
      (n, [k, x]) => n + (k === 'text' || k === 'stack' || k === 'ul' || k === 'ol' || k === 'table' || k === 'body' ? textLength(x) : 0),
      0,
    );
  return 0;
}

/**
 * Text that surely fits on a page, in characters. pdfmake drops an unbreakable block or an
 * unsplittable table row that is taller than a page, so only content this small is kept whole.
 */
export const FITS_ON_A_PAGE = 700;

/**
 * Body rows kept with a table's header (and its heading): all of a table of three rows or fewer
 * (it never splits), else the first two (never a single row left at the foot of a page), as far
 * as they surely fit on a page. The last two rows are kept together by the job (job/typeset.ts).
 */
export function keptRows(body: unknown[]): number {
  const n = body.length <= 3 ? body.length : 2;
  for (let k = n; k > 0; k--) if (textLength(body.slice(0, k)) <= FITS_ON_A_PAGE) return k;
  return 0;
}

/**
 * A heading kept with the block after it. pdfmake's records of where a table starts are not
 * reliable enough to tell whether a heading is alone at the foot of a page, so a heading before
 * a table becomes the table's first header row (kept with the next row, repeated on the pages
 * the table runs over), and a heading before an unbreakable block (an image) joins it. Other
 * headings are kept by the job's page-break check.
 */
export function keepWithNext(heading: Node, next: Node): Node | undefined {
  // A heading inside a block is no longer checked by the job's page-break rule (a break inside
  // an unbreakable block would lose the block).
  const { headlineLevel: _level, ...text } = heading;
  const table = next.table as { body: Node[][]; headerRows?: number; keepWithHeaderRows?: number; qmTitle?: number } | undefined;
  // A table whose first rows may not fit on a page is not kept with anything (pdfmake would drop them).
  if (table && textLength(table.body.slice(0, (table.headerRows ?? 0) + 1)) > FITS_ON_A_PAGE) return undefined;
  if (table?.qmTitle) {
    // Already titled: the heading joins the title (a heading never becomes a row of its own twice).
    const [first, ...rest] = table.body[0]!;
    const { colSpan, border, margin, ...inner } = first!;
    return { ...next, table: { ...table, body: [[{ stack: [text, inner], colSpan, border, margin }, ...rest], ...table.body.slice(1)] } };
  }
  if (table) {
    const columns = table.body[0]?.length ?? 1;
    const border = [false, false, false, false];
    // The cell's padding undone: the heading starts where the other headings do.
    const title = { ...text, colSpan: columns, border, margin: [-(CELL_PADDING[String(next.layout)] ?? 0), 0, 0, 0] };
    const row = [title, ...Array.from({ length: columns - 1 }, () => ({ text: '', border }))];
    return {
      ...next,
      table: {
        ...table,
        body: [row, ...table.body],
        headerRows: (table.headerRows ?? 0) + 1,
        keepWithHeaderRows: Math.max(1, table.keepWithHeaderRows ?? 0),
        qmTitle: (table.qmTitle ?? 0) + 1,
      },
    };
  }
  if (next.unbreakable && Array.isArray(next.stack)) return { ...next, stack: [text, ...(next.stack as Node[])] };
  return undefined;
}
