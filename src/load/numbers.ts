/** Numbers, booleans and dates as Swedish consultants write them. */

const SPACES = /[\u00a0\u202f\u2009\u2007\u2008]/g;

/**
 * Reads `3 900 000 kr`, `4,52`, `40 %`, `−12`, `2,5 mkr` as numbers; returns undefined for
 * anything else. Thousands separators may be spaces or no-break spaces; the decimal sign may
 * be a comma or a point.
 */
export function parseSwedishNumber(raw: string): number | undefined {
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
  if (/^[+-]?\d{1,3}( \d{3})+([.,]\d+)?$/.test(s)) s = s.replace(/ /g, '');
  if (/^[+-]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(s)) return undefined;
  const n = Number(s) * factor;
  if (!Number.isFinite(n)) return undefined;
  return factor === 1 ? n : Math.round(n * 100) / 100;
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
