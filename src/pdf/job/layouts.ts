/** The typesetter's table layouts by name: the content is plain data, the functions live here. */
import { CELL_PADDING, COLOR } from '../theme.js';

type Layout = Record<string, unknown>;
const none = () => 0;

/** Table layouts by name (the content is data; the functions live here). */
export const LAYOUTS: Record<string, Layout> = {
  qmTable: {
    hLineWidth: (i: number, node: { table: { body: unknown[]; headerRows?: number; qmTitle?: number } }) => {
      const title = node.table.qmTitle ?? 0;
      // No lines around heading rows (context.ts keepWithNext); the header's fill starts the table.
      if (title > 0 && i <= title) return 0;
      return i === 0 || i === node.table.body.length || i === (node.table.headerRows ?? 0) ? 0.8 : 0.3;
    },
    vLineWidth: none,
    hLineColor: (i: number, node: { table: { headerRows?: number } }) => (i === (node.table.headerRows ?? 0) ? COLOR.accent : COLOR.rule),
    // Rows of headings kept with the table (context.ts keepWithNext) are not part of its header look.
    fillColor: (row: number, node: { table: { headerRows?: number; qmTitle?: number } }) =>
      row >= (node.table.qmTitle ?? 0) && row < (node.table.headerRows ?? 0) ? COLOR.fill : null,
    paddingLeft: () => CELL_PADDING.qmTable!,
    paddingRight: () => CELL_PADDING.qmTable!,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
  qmKv: { hLineWidth: none, vLineWidth: none, paddingLeft: () => 0, paddingRight: () => 8, paddingTop: () => 2, paddingBottom: () => 2 },
  qmGrid: {
    hLineWidth: () => 0.4,
    vLineWidth: () => 0.4,
    hLineColor: () => COLOR.rule,
    vLineColor: () => COLOR.rule,
    paddingLeft: () => CELL_PADDING.qmGrid!,
    paddingRight: () => CELL_PADDING.qmGrid!,
    paddingTop: () => 4,
    paddingBottom: () => 4,
  },
  /** The cover's figures: a rule above and below, no lines between. */
  qmGlance: {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 0.8 : 0),
    vLineWidth: none,
    hLineColor: () => COLOR.accent,
    paddingLeft: () => 0,
    paddingRight: () => 8,
    paddingTop: () => 10,
    paddingBottom: () => 10,
  },
  qmQuote: {
    hLineWidth: none,
    vLineWidth: (i: number) => (i === 0 ? 2.5 : 0),
    vLineColor: () => COLOR.accent,
    paddingLeft: () => 10,
    paddingRight: () => 4,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
  qmCode: {
    hLineWidth: none,
    vLineWidth: none,
    fillColor: () => COLOR.codeFill,
    paddingLeft: () => 6,
    paddingRight: () => 6,
    paddingTop: () => 5,
    paddingBottom: () => 5,
  },
  qmBand: {
    hLineWidth: (i: number) => (i === 1 ? 0.8 : 0),
    vLineWidth: none,
    hLineColor: () => COLOR.accent,
    fillColor: () => COLOR.fill,
    paddingLeft: () => 10,
    paddingRight: () => 10,
    paddingTop: () => 7,
    paddingBottom: () => 6,
  },
};
