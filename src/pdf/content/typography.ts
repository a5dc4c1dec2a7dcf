/**
 * Swedish typography for the PDF's text: numbers never break (no-break spaces between digit
 * groups and before a unit: `56 400`, `25 %`, `2 600 000 kr`), and long words break at syllables
 * with a hyphen, never mid-syllable. Possible breaks are soft hyphens (U+00AD) found with the
 * Swedish patterns of the `hyphen` package (TeX's hyph-sv); the job prints a hyphen where a line
 * ends at one and drops the others (src/pdf/job/hyphens.ts).
 */
import { createRequire } from 'node:module';

export const NBSP = '\u00a0';
export const SHY = '\u00ad';

interface Hyphenator {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}

let sv: Hyphenator | undefined;
function hyphenator(): Hyphenator {
  sv ??= createRequire(import.meta.url)('hyphen/sv') as Hyphenator;
  return sv;
}

/** Units written after a number that stay on its line. */
const UNITS = '%|‰|kr|kronor|mkr|Mkr|tkr|sek|SEK|msek|MSEK|procent|st|ha|km|m|m²|m2|kvm|år|°C';
const GROUPS = /(\d)[ \u202f](?=\d{3}(?!\d))/g;
const UNIT = new RegExp(`(\\d)[ \\u202f](?=(?:${UNITS})(?![\\p{L}\\d]))`, 'gu');
/** `§ 214`, `nr 3`, `kl. 18`: a sign or short word before a number stays with it. */
const BEFORE = /(§|nr|kl\.|ca|s\.)[ ](?=\d)/g;

/** No-break spaces inside numbers and between a number and its unit. */
export function glueNumbers(text: string): string {
  if (!/\d/.test(text)) return text;
  return text.replace(GROUPS, `$1${NBSP}`).replace(UNIT, `$1${NBSP}`).replace(BEFORE, `$1${NBSP}`);
}

/** Pieces at each end of a word that may not be broken off. */
const LEFT_MIN = 2;
const RIGHT_MIN = 3;
/** Words shorter than this are not hyphenated: in narrow columns (table cells), and in full lines. */
export const MIN_WORD = { narrow: 7, wide: 11 };

const cache = new Map<string, string>();

/** One word of letters with its possible breaks as soft hyphens. */
export function hyphenateWord(word: string): string {
  let out = cache.get(word);
  if (out !== undefined) return out;
  const pieces = hyphenator().hyphenateSync(word.toLocaleLowerCase('sv'), { hyphenChar: SHY, minWordLength: MIN_WORD.narrow }).split(SHY);
  // Breaks at the original letters' places (the patterns are for lower case).
  const breaks: number[] = [];
  let at = 0;
  for (const p of pieces.slice(0, -1)) breaks.push((at += p.length));
  // No break that leaves fewer than LEFT_MIN or RIGHT_MIN letters, and none right after a piece of
  // one letter ("fastighets-ä-garna" breaks only before the ä).
  const kept = breaks.filter((b, i) => b >= LEFT_MIN && word.length - b >= RIGHT_MIN && b - (breaks[i - 1] ?? 0) > 1);
  out = '';
  let from = 0;
  for (const b of kept) {
    out += word.slice(from, b) + SHY;
    from = b;
  }
  out += word.slice(from);
  if (cache.size < 50_000) cache.set(word, out);
  return out;
}

/**
 * Soft hyphens in the long words of a text. Left alone: anything with a digit, an at sign, a
 * slash, a colon or a dot inside it (numbers, dates, e-mail and web addresses), words in capitals
 * (abbreviations), and words that already carry a soft hyphen (the writer's own).
 */
export function hyphenate(text: string, minWord = MIN_WORD.narrow): string {
  if (text.length < minWord) return text;
  const long = new RegExp(`\\p{L}{${minWord},}`, 'gu');
  return text.replace(/[^\s]+/gu, (token) => {
    if (token.length < minWord || /[\d@/:\\_=#]|\u00ad|\.\p{L}/u.test(token)) return token;
    return token.replace(long, (word) => (word === word.toLocaleUpperCase('sv') ? word : hyphenateWord(word)));
  });
}

/** Text of the organisation as the PDF prints it: numbers glued, long words hyphenated. */
export function typographic(text: string, options: { hyphenate?: boolean; narrow?: boolean } = {}): string {
  const glued = glueNumbers(text);
  return options.hyphenate === false ? glued : hyphenate(glued, options.narrow === false ? MIN_WORD.wide : MIN_WORD.narrow);
}
