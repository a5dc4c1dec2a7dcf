/** Calendar dates as format.md defines them: ISO `YYYY-MM-DD`, and "N years after" a date. */

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export function parseDate(s: unknown): YMD | undefined {
  if (typeof s !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return { y, m: mo, d };
}

export function fmt(d: YMD): string {
  return `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

export function compare(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** The same calendar date N years later; 29 February becomes 28 February in a common year. */
export function addYears(d: YMD, n: number): YMD {
  const y = d.y + n;
  return { y, m: d.m, d: Math.min(d.d, daysInMonth(y, d.m)) };
}

/** Whole years and months from `from` to `to` (to ≥ from), as a person counts them. */
export function yearsMonthsBetween(from: YMD, to: YMD): { years: number; months: number } {
  let months = (to.y - from.y) * 12 + (to.m - from.m);
  if (to.d < from.d && !(to.d === daysInMonth(to.y, to.m) && from.d > to.d)) months--;
  if (months < 0) months = 0;
  return { years: Math.floor(months / 12), months: months % 12 };
}

export function today(): YMD {
  const now = new Date();
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}

/** A "date or year" field: a full date, or a bare year whose day is unknown. */
export type DateOrYear = { kind: 'date'; date: YMD } | { kind: 'year'; year: number };

export function dateOrYear(v: unknown): DateOrYear | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return { kind: 'year', year: v };
  const d = parseDate(v);
  return d ? { kind: 'date', date: d } : undefined;
}

/** The earliest and latest day a date-or-year can mean. */
export function span(v: DateOrYear): { first: YMD; last: YMD } {
  if (v.kind === 'date') return { first: v.date, last: v.date };
  return { first: { y: v.year, m: 1, d: 1 }, last: { y: v.year, m: 12, d: 31 } };
}

export function dayBefore(d: YMD): YMD {
  if (d.d > 1) return { ...d, d: d.d - 1 };
  if (d.m > 1) return { y: d.y, m: d.m - 1, d: daysInMonth(d.y, d.m - 1) };
  return { y: d.y - 1, m: 12, d: 31 };
}
