/**
 * Wide tables of the prose fitted to the page. The typesetter gives each column at least its
 * widest unbreakable piece (a word, or a syllable of a hyphenated word); when those add up to more
 * than the page is wide, it lets the table run over the right edge, silently. So the narrowest a
 * table can be is measured here, before typesetting, at the sizes a reader can still read: the
 * body size on a portrait page, then smaller text, then the same on a landscape page. A table that
 * fits nowhere is set on landscape pages at the smallest size in parts of as many columns as fit,
 * each part repeating the first column, so that nothing is cut off; and it is the warning
 * `pdf/tabell-for-bred`.
 */
import { CELL_PADDING, CONTENT_WIDTH, PAGE } from '../theme.js';
import type { Node } from './context.js';
import { textWidth } from './measure.js';

/** The table text's sizes, largest first: the body size of tables, then smaller. */
export const TABLE_SIZES = [8.5, 7.5, 6.5];
/** The width a table has on a landscape page. */
export const LANDSCAPE_WIDTH = PAGE.height - 2 * PAGE.margin;
/** Kerning and rounding: a table is taken to fit only with this much to spare per column. */
const SLACK = 1;
/** DejaVu Sans Mono's advance width (thousandths of the size). */
const MONO = 602;
const SHY = '\u00ad';

export interface Fit {
  size: number;
  landscape: boolean;
  /** The columns of each part (only when the table fits nowhere: each part starts with column 0). */
  parts?: number[][];
}

interface Run {
  text: string;
  bold?: boolean;
  mono?: boolean;
}

/** The text runs of a cell, with their face (a header cell is bold). */
function runs(v: unknown, bold: boolean, out: Run[] = []): Run[] {
  if (typeof v === 'string') out.push({ text: v, bold });
  else if (Array.isArray(v)) for (const x of v) runs(x, bold, out);
  else if (v && typeof v === 'object') {
    const o = v as Node;
    const b = o.bold === true || bold;
    if (o.font === 'DejaVuMono') out.push({ text: typeof o.text === 'string' ? o.text : '', bold: b, mono: true });
    else runs(o.text, b, out);
  }
  return out;
}

/**
 * The widest piece of a cell that the typesetter cannot break, at 1 pt: pieces end at spaces and
 * line breaks, at a soft hyphen (where a hyphen is printed; a header's words are kept whole,
 * see `wholeWords`) and after a hyphen or dash.
 */
export function widestPiece(cell: unknown, bold = false): number {
  let widest = 0;
  let piece = 0;
  const end = () => {
    widest = Math.max(widest, piece);
    piece = 0;
  };
  for (const r of runs(cell, bold)) {
    const w = (ch: string) => (r.mono ? MONO / 1000 : textWidth(ch, 1, r.bold));
    for (const ch of r.text) {
      if (ch === ' ' || ch === '\n' || ch === '\t') end();
      else if (ch === SHY) {
        piece += w('-');
        end();
      } else {
        piece += w(ch);
        if (ch === '-' || ch === '–' || ch === '—' || ch === '/') end();
      }
    }
  }
  end();
  return widest;
}

/** A header row without soft hyphens: a column's heading ("September") is read whole, never broken. */
export function wholeWords<T extends Node>(row: T[]): T[] {
  const strip = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replaceAll(SHY, '');
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'text' ? strip(x) : x]));
    return v;
  };
  return row.map((cell) => strip(cell) as T);
}

/** Each column's narrowest width at 1 pt (its widest piece over all rows); row 0 is the bold header. */
export function columnMinimums(rows: Node[][]): number[] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((r, i) => (r[c] ? widestPiece(r[c], i === 0) : 0))));
}

/**
 * The narrowest the typesetter lays out the columns at `size`: an 'auto' column needs its own
 * minimum, every '*' column the largest minimum of the '*' columns; each adds its cell padding.
 */
export function narrowest(minimums: number[], widths: unknown[], size: number, columns: number[] = minimums.map((_, i) => i)): number {
  const pad = 2 * CELL_PADDING.qmTable! + SLACK;
  let auto = 0;
  let starMax = 0;
  let stars = 0;
  for (const c of columns) {
    const w = minimums[c]! * size + pad;
    if (widths[c] === '*') {
      stars++;
      starMax = Math.max(starMax, w);
    } else auto += w;
  }
  return auto + stars * starMax;
}

/**
 * How a table is set: the largest size at which it fits a portrait page, else a landscape page;
 * else on landscape pages at the smallest size, in parts of columns.
 */
export function fitTable(rows: Node[][], widths: unknown[]): Fit {
  const minimums = columnMinimums(rows);
  for (const [landscape, room] of [
    [false, CONTENT_WIDTH],
    [true, LANDSCAPE_WIDTH],
  ] as const)
    for (const size of TABLE_SIZES) if (narrowest(minimums, widths, size) <= room) return { size, landscape };
  const size = TABLE_SIZES[TABLE_SIZES.length - 1]!;
  const parts: number[][] = [];
  let part = [0];
  for (let c = 1; c < minimums.length; c++) {
    if (part.length > 1 && narrowest(minimums, widths, size, [...part, c]) > LANDSCAPE_WIDTH) {
      parts.push(part);
      part = [0];
    }
    part.push(c);
  }
  parts.push(part);
  return { size, landscape: true, parts };
}

/**
 * Landscape pages for the wide tables of a chapter (marked `qmLandscape`): the first starts a
 * landscape page, the first block after them a portrait one again.
 */
export function orient(blocks: Node[]): Node[] {
  let landscape = false;
  return blocks.map((b) => {
    const wide = b.qmLandscape === true;
    if (wide === landscape) return b;
    landscape = wide;
    return { ...b, pageBreak: 'before', pageOrientation: wide ? 'landscape' : 'portrait' };
  });
}
