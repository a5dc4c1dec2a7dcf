/** Numbers, booleans and dates as Swedish consultants write them. */

const SPACES = /[\u00a0\u202f\u2009\u2007\u2008]/g;

/** How a written number was read: its value, or the two readings of an ambiguous dot. */
export type NumberReading =
  | { kind: 'number'; value: number }
  /** `1.310` outside an amount: the dot may separate thousands (1310) or decimals (1.31). */
  | { kind: 'ambiguous'; thousands: number; decimal: number; digits: string };

/** Groups of exactly three digits between dots (`1.310.000`), with an optional decimal comma. */
const DOT_GROUPS = /^([+-]?)([1-9]\d{0,2}(?:\.\d{3})+)(,\d+)?$/;

/**
 * Reads a number as a Swedish writer means it (format.md, "Written as people write"):
 * `3 900 000 kr`, `4,52`, `40 %`, `−12`, `2,5 mkr`, `1.310.000`. Thousands separators may be
 * spaces, no-break spaces or dots; the decimal sign is a comma, or a dot that cannot be a
 * thousands separator (`4.52`, `1.5 mkr`). A single dot before exactly three digits (`350.000`)
 * separates thousands in an amount in kronor (`amount`, no `mkr`/`tkr`); elsewhere it is ambiguous. A number is
 * never read as a thousandth of what was written. Returns undefined for anything else.
 */
export function readSwedishNumber(raw: string, amount = false): NumberReading | undefined {
  let s = raw.trim().replace(SPACES, ' ');
  let factor = 1;
  const unit = /\s*(mkr|msek|miljoner\s+kr(?:onor)?|tkr|ksek|kr|sek|kronor|:-|%|procent)\.?$/i.exec(s);
  if (unit) {
    const u = unit[1]!.toLowerCase();
    if (u === 'mkr' || u === 'msek' || u.startsWith('miljoner')) factor = 1_000_000;
    else if (u === 'tkr' || u === 'ksek') factor = 1_000;
    s = s.slice(0, unit.index).trim();
  }
  s = s.replace(/^[−–]/, '-');
  const scaled = (n: number) => (factor === 1 ? n : Math.round(n * factor * 100) / 100);
  const dots = DOT_GROUPS.exec(s);
  if (dots) {
    const [, sign, groups, decimals] = dots;
    const thousands = Number(`${sign}${groups!.replace(/\./g, '')}${decimals ? `.${decimals.slice(1)}` : ''}`);
    // `1.310` alone: thousands or a decimal point. Two dots, a decimal comma or an amount in
    // kronor decide (kronor have at most two decimals). In millions or thousands three decimals
    // are plausible (`2.125 mkr` may be 2 125 000 kr), so there it stays ambiguous.
    if (groups!.split('.').length === 2 && !decimals && !(amount && factor === 1)) {
      const decimal = Number(`${sign}${groups}`);
      if (!Number.isFinite(thousands)) return undefined;
      return { kind: 'ambiguous', thousands: scaled(thousands), decimal: scaled(decimal), digits: s };
    }
    return Number.isFinite(thousands * factor) ? { kind: 'number', value: scaled(thousands) } : undefined;
  }
  if (/^[+-]?\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) s = s.replace(/ /g, '');
  if (/^[+-]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(s)) return undefined;
  const n = Number(s) * factor;
  if (!Number.isFinite(n)) return undefined;
  return { kind: 'number', value: factor === 1 ? n : Math.round(n * 100) / 100 };
}

/**
 * The number written, where it has one reading (an ambiguous `1.310` outside an amount has
 * none); undefined for anything else.
 */
export function parseSwedishNumber(raw: string, amount = false): number | undefined {
  const r = readSwedishNumber(raw, amount);
  return r?.kind === 'number' ? r.value : undefined;
}

export function parseSwedishBoolean(raw: string): boolean | undefined {
  const s = raw.trim().toLowerCase();
  if (s === 'ja' || s === 'true' || s === 'yes') return true;
  if (s === 'nej' || s === 'false' || s === 'no') return false;
  return undefined;
}

/** `3 900 000` – a number as a Swedish reader expects it (spaces as thousands separators). */
export function formatNumber(n: number, decimals?: number, space = ' '): string {
  // Beyond 10^21 String() writes an exponent (1e+21); a report writes the digits.
  const fixed =
    Math.abs(n) >= 1e21
      ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 })
      : decimals === undefined
        ? String(Math.round(n * 100) / 100)
        : n.toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const neg = int!.startsWith('-');
  const digits = neg ? int!.slice(1) : int!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, space);
  return `${neg ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

export function formatKr(n: number, space = ' '): string {
  return `${formatNumber(n, undefined, space)}${space}kr`;
}
