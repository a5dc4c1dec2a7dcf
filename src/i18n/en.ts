/** The English words that rule messages share (the same helpers as sv.ts); each rule's sentences are in its definition under src/rules/. */
import { formatKr, formatNumber as nr } from '../load/numbers.js';
import type { Args } from './types.js';

export { nr };

export const kr = (x: number) => formatKr(x).replace(/ kr$/, ' SEK');
export const q = (s: unknown) => `“${String(s)}”`;
export const n = (a: Args, k: string) => Number(a[k] ?? 0);
/** A size in MB with the fewest decimals (1–3) that show it over the limit; else in bytes. */
export const mb = (a: Args, k: string) => {
  const bytes = n(a, k);
  for (const d of [1, 2, 3]) {
    const v = Math.round((bytes / 1_000_000) * 10 ** d) / 10 ** d;
    if (v > n(a, 'limit')) return `${v} MB`;
  }
  return `${nr(bytes, undefined, ',')} bytes`;
};

export function typeName(t: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'yes or no (ja/nej)',
    array: 'a list',
    object: 'a mapping (keys with values)',
    null: 'empty',
  };
  const parts = t.split('|');
  if (parts.includes('string') && parts.includes('integer')) return 'a date (YYYY-MM-DD) or a year';
  if (parts.includes('string') && parts.includes('object')) return 'a path or {fil, titel}';
  return parts.map((p) => names[p] ?? p).join(' or ');
}

/** A form qm accepts for a number field (written the Swedish way, as the files are). */
export function numberExample(a: Args): string {
  if (a.amount) return ', e.g. 2 600 000 kr or 2,6 Mkr';
  if (a.expected === 'integer') return n(a, 'min') >= 1900 ? ', e.g. 2028' : ', e.g. 12';
  if (a.expected === 'number') return a.max !== undefined && n(a, 'max') <= 100 ? ', e.g. 40 or 12,5' : ', e.g. 12 500 or 4,5';
  return '';
}

export function cmp(c: string): string {
  return { '>=': 'at least', '<=': 'at most', '>': 'more than', '<': 'less than' }[c] ?? c;
}

export function years(y: number, m: number): string {
  const yy = `${y} ${y === 1 ? 'year' : 'years'}`;
  return m === 0 ? yy : `${yy} and ${m} ${m === 1 ? 'month' : 'months'}`;
}

export const reasonSyntax: Record<string, string> = {
  'frontmatter-unclosed': 'the front matter starts with --- but is never closed by a line ---.',
  'not-mapping-list': 'the front matter/YAML must be keys with values (key: value), not a list.',
  'not-mapping-scalar': 'the front matter/YAML must be keys with values (key: value), not a lone text.',
  'duplicate-key': 'the same key appears twice.',
  tab: 'tabs cannot indent YAML; use spaces.',
  unclosed: 'a quote or bracket is never closed.',
  indent: 'the indentation is off.',
  'reserved-start': 'a value starts with a character YAML reserves (%, @ or `); put the value in quotes, e.g. enhet: "%".',
  colon: 'a value holds a colon followed by a space, or a line is indented too far; put such a value in quotes.',
  aliases: 'too many YAML aliases (&/*): the file would be unreasonably large once read.',
  nesting: 'the YAML is nested unreasonably deep.',
  'too-many-nodes': 'the file holds more than 100,000 YAML values, unreasonably many for a chapter.',
  'alias-unresolved': 'a YAML alias (*name) refers to an anchor (&name) that does not exist.',
  'multiple-docs':
    'the file holds more than one YAML document (a line --- inside it); a chapter is one document. Remove the --- line or join the parts.',
  yaml: 'YAML syntax error.',
};

export const kindName = (k: string) => ({ pdf: 'PDF', jpeg: 'JPEG image', png: 'PNG image' })[k] ?? k;
export const unknownName = (k: string) =>
  ({
    docx: 'a Word document (.docx)',
    doc: 'a Word document (.doc)',
    xlsx: 'an Excel workbook',
    pptx: 'a PowerPoint file',
    zip: 'a zip archive',
    gif: 'a GIF image',
    webp: 'a WebP image',
    tiff: 'a TIFF image',
    heic: 'a HEIC image (iPhone)',
    rtf: 'an RTF document',
    special: 'not an ordinary file',
  })[k] ?? 'of an unknown type';
export const brokenName = (d: string) =>
  d === 'empty'
    ? 'the file is empty (0 bytes)'
    : d === 'truncated'
      ? 'the file is truncated (its end is missing, e.g. an interrupted download)'
      : d === 'zero-size'
        ? 'the image is 0 × 0'
        : d === 'image-data'
          ? 'the image data is missing or damaged'
          : d.startsWith('unreadable') || d.startsWith('read')
            ? 'the file may not be read'
            : 'the content is broken';

/** Why the `åtaganden` do not cover the three years ahead (k3/verksam-tre-ar). */
export function commitmentsEn(a: Args): string {
  const why: string[] = [];
  const absent = String(a.absent ?? '')
    .split(',')
    .filter(Boolean);
  if (absent.length === 2) why.push('no commitment gives the sector offentlig or privat');
  else if (absent.length === 1) why.push(`no commitment is from a party with sector ${absent[0]}`);
  for (let k = 1; k <= n(a, 'listed'); k++) {
    const lacks: string[] = [];
    if (a[`c${k}early`]) lacks.push(`is valid only until ${a[`c${k}till`]}`);
    if (a[`c${k}noTill`]) lacks.push('lacks `till`');
    if (a[`c${k}noDoc`]) lacks.push(`${lacks.length > 0 ? 'also lacks' : 'lacks'} its \`bilaga\``);
    why.push(`${a[`c${k}`]} (${a[`c${k}sector`]}) ${lacks.join(' and ')}`);
  }
  if (a.noSector) why.push(`${a.noSector} lacks \`sektor\``);
  return `Nor do the commitments cover the three years ahead: that takes at least one public and one private commitment valid until at least ${a.needed}, each with its signed \`bilaga\`, but ${why.join('; ')}.`;
}

/** The actions of k7/budget-overstiger (`action1`, `share1`, …), each as `item(k)`. */
export function shareList(a: Args, item: (k: number) => string): string {
  return Array.from({ length: n(a, 'count') }, (_, i) => item(i + 1)).join(', ');
}
