/**
 * The look of the PDF in one place: its colours (for the typesetter as `#rrggbb`, for what qm
 * draws itself as PDF operands) and the page geometry.
 */

export const COLOR = {
  /** Headings, links, table heads, the bands' labels and rules, the charts' lines. */
  accent: '#1f4e79',
  /** Body text. */
  text: '#1b1b1b',
  /** Table heads, bands. */
  fill: '#e6edf4',
  /** Thin rules of tables, charts' axes. */
  rule: '#b8c4d0',
  /** A thematic break in the prose. */
  hr: '#9aa8b6',
  /** UTKAST. */
  draft: '#b3261e',
  /** Something that is not there (a missing chapter, an attachment that will not be in the PDF). */
  missing: '#a33a2e',
  /** Keys of key–value tables. */
  key: '#444444',
  /** Notes under a cell's text, the cover's kicker. */
  muted: '#555555',
  /** The page footer. */
  footer: '#666666',
  /** Block quotes. */
  quote: '#2b2b2b',
  /** The cover's place line. */
  subtitle: '#333333',
  /** Code blocks, and inline code. */
  codeFill: '#f1f3f5',
  codeInline: '#eef1f4',
  /** Light accents of charts: a goal's target band, the bars of a timeline. */
  accentLight: '#a9c1d9',
  /** A sustainability goal's tag. */
  sustainable: '#2e7d4f',
  /** A goal's target in charts. */
  target: '#c0692b',
} as const;

/** A `#rrggbb` colour as the operands of PDF's `rg`/`RG` operators. */
export function pdfRgb(hex: string): string {
  const c = [1, 3, 5].map((i) => Math.round((parseInt(hex.slice(i, i + 2), 16) / 255) * 10000) / 10000);
  return c.join(' ');
}

/** The left and right padding of the cells of each table layout (job/layouts.ts), in points. */
export const CELL_PADDING: Record<string, number> = { qmTable: 4, qmGrid: 6 };

/** A4 in points, and the margins of the typeset pages. */
export const PAGE = { width: 595.28, height: 841.89, margin: 56, bottom: 64 };
/** The width text and tables have on a portrait page. */
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
