/**
 * A table never leaves a single row behind. The first rows are kept with the header by the
 * typesetter itself (`keepWithHeaderRows`, content/context.ts); the last ones cannot be: pdfmake
 * knows where a table ends only once it is laid out. So after each layout the page-break check
 * looks at every table that runs over a page: when its last page holds only one of its rows, the
 * layout is abandoned (`Resplit`), the table is cut where the next page should start – the second
 * part starts a page and repeats the header, as the typesetter does – and the document is laid
 * out again. Only an application whose tables end badly pays for a second layout.
 */
import type { Node } from '../plan.js';

/** Where each table (by its `qmKey`) is cut: the row that starts a page (a header row: the whole table moves). */
export type Splits = Map<string, number>;

/** A layout to abandon: the table `key` must be cut before row `row`. */
export class Resplit extends Error {
  constructor(
    readonly key: string,
    readonly row: number,
  ) {
    super(`split ${key} at ${row}`);
    this.name = 'Resplit';
  }
}

interface Positioned {
  positions?: { pageNumber: number }[];
}
interface TableInfo {
  qmKey?: string;
  headerRows?: number;
  body: Positioned[][];
}

/** The page a row starts on: the first page any of its cells is drawn on. */
function pageOf(row: Positioned[]): number | undefined {
  let page: number | undefined;
  for (const cell of row) {
    const p = cell?.positions?.[0]?.pageNumber;
    if (p !== undefined && (page === undefined || p < page)) page = p;
  }
  return page;
}

/** Rows a table keeps together at its end. */
const LAST_ROWS = 2;

/**
 * For the page-break check: a laid-out table whose last page holds fewer than two of its rows
 * (and that has rows enough to give two to each side) throws `Resplit` with the row to cut before.
 */
export function checkTableEnd(table: TableInfo | undefined): void {
  if (!table?.qmKey) return;
  const head = table.headerRows ?? 0;
  const pages = table.body.slice(head).map(pageOf);
  if (pages.length < 2 * LAST_ROWS || pages.some((p) => p === undefined)) return;
  const last = pages[pages.length - 1]!;
  const firstOnLast = pages.indexOf(last);
  const onLast = pages.length - firstOnLast;
  if (firstOnLast === 0 || onLast >= LAST_ROWS) return;
  const cut = firstOnLast - (LAST_ROWS - onLast);
  // The page the cut happens on keeps at least two rows too; else the whole table starts a page.
  const before = pages.slice(0, cut).filter((p) => p === pages[cut]).length;
  throw new Resplit(table.qmKey, before >= LAST_ROWS ? head + cut : 0);
}

/** Cuts the tables named in `splits` (in place): the part after a cut starts a page and repeats the header. */
export function applySplits(content: unknown, splits: Splits): void {
  if (splits.size === 0) return;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const parts = cut(v[i], splits);
        if (parts) v.splice(i, 1, ...parts);
        walk(v[i]);
      }
    } else if (v && typeof v === 'object') for (const x of Object.values(v)) if (x && typeof x === 'object') walk(x);
  };
  walk(content);
}

function cut(node: unknown, splits: Splits): Node[] | undefined {
  const table = (node as Node | undefined)?.table as (TableInfo & Record<string, unknown>) | undefined;
  if (!table?.qmKey || !splits.has(table.qmKey)) return undefined;
  const at = splits.get(table.qmKey)!;
  const n = node as Node;
  const head = table.headerRows ?? 0;
  if (at <= head) return [{ ...n, pageBreak: 'before', table: { ...table, qmKey: `${table.qmKey}/whole` } }];
  const margin = (n.margin as number[] | undefined) ?? [0, 0, 0, 0];
  // The second part's own copy of everything but its rows: the typesetter keeps its state in the nodes.
  const second = structuredClone({ ...n, table: { ...table, body: table.body.slice(0, head) } });
  (second.table as TableInfo).body.push(...table.body.slice(at));
  return [
    { ...n, margin: [margin[0], margin[1], margin[2], 0], table: { ...table, qmKey: `${table.qmKey}/a`, body: table.body.slice(0, at) } },
    {
      ...second,
      pageBreak: 'before',
      margin: [margin[0], 0, margin[2], margin[3]],
      table: { ...(second.table as Node), qmKey: `${table.qmKey}/b`, keepWithHeaderRows: 0 },
    },
  ];
}
