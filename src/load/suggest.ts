/**
 * For a value qm refused, the form qm would accept, when the value says it clearly enough:
 * `ca 2,6 miljoner kronor` → `2 600 000 kr`, `2019-3-14` and `14 mars 2019` → `2019-03-14`.
 * A message shows it, so that the consultant can copy it (never applied silently).
 */
import { formatKr, formatNumber, parseSwedishNumber } from './numbers.js';

/** Words around an amount that make it approximate or periodic, not another number. */
const HEDGES = /^(?:ca\.?|c:a|cirka|ungefär|omkring|runt|drygt|knappt|totalt|sammanlagt|approx\.?|about)\s+/i;
const PERIOD = /\s*(?:\/\s*år|per\s+år|om\s+året|årligen)\.?$/i;

/** The number written with a hedge or a period (`ca 2,6 miljoner kronor`, `350 000 kr per år`), as qm writes it. */
export function suggestNumber(written: string, amount: boolean): string | undefined {
  const s = written.trim().replace(HEDGES, '').replace(PERIOD, '').trim();
  if (s === written.trim()) return undefined;
  const n = parseSwedishNumber(s, amount);
  if (n === undefined) return undefined;
  return amount ? formatKr(n) : formatNumber(n);
}

const MONTHS: Record<string, number> = {
  januari: 1,
  jan: 1,
  februari: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  augusti: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date written another way, as `ÅÅÅÅ-MM-DD`: `2019-3-14`, `2019/03/14`, `14 mars 2019`,
 * `den 14 mars 2019`, `14/3 2019`, `14.3.2019` (day before month, as Swedes write it).
 */
export function suggestDate(written: string): string | undefined {
  const s = written
    .trim()
    .replace(/^den\s+/i, '')
    .replace(/\.$/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})(?::e|:a)?\s+([a-zåäö]+)\.?,?\s+(\d{4})$/i.exec(s);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? iso(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^(\d{1,2})[/.](\d{1,2})(?:[/.\s-]\s*|\s+)(\d{4})$/.exec(s);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}
