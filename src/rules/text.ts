/**
 * Rules on the prose and on the text of every field: missing or short prose, placeholders,
 * working marks and personal identity numbers.
 */
import type { Json, LoadedFile } from '../model/types.js';
import { PLACEHOLDER, escapeToken } from '../load/normalize.js';
import { clip } from '../load/text.js';
import { daysInMonth, isLeap } from '../util/dates.js';
import { defineRule, type Report, type RuleContext } from './define.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

const wordCache = new Map<string, number>();

/** Words of prose: runs of non-space characters holding a letter or digit, outside headings. */
export function countWords(text: string): number {
  // Three rules count the same prose; remember the last few answers.
  const known = wordCache.get(text);
  if (known !== undefined) return known;
  const n = countWordsUncached(text);
  if (wordCache.size > 32) wordCache.clear();
  wordCache.set(text, n);
  return n;
}

function countWordsUncached(text: string): number {
  let n = 0;
  for (const line of text.split('\n')) {
    if (/^\s{0,3}#{1,6}(\s|$)/.test(line)) continue;
    // `[^)\]]`, not `[^)]`: a link target that may run into the next `](` made a long line of them quadratic.
    const clean = line.includes('](') ? line.replace(/\]\([^)\]]*\)/g, ']') : line;
    n += wordsIn(clean);
  }
  return n;
}

/** Runs of non-space characters that hold a letter or a digit (a code-point scan: no Unicode regex). */
function wordsIn(line: string): number {
  let n = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (isSpace(c)) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    if (!counted && isAlnum(c, line, i)) {
      counted = true;
      n++;
    }
  }
  return n;
}

/** The characters `\s` matches. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isAlnum(c: number, s: string, i: number): boolean {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 0xc0) return false;
  return /[\p{L}\p{N}]/u.test(String.fromCodePoint(s.codePointAt(i)!));
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export { luhn };

const PNR = /(?<![\d-])(\d{2})?(\d{2})(\d{2})(\d{2})([-+])(\d{4})(?![\d])/g;

function realDate(century: number[], yy: number, mm: number, dd: number): boolean {
  if (mm < 1 || mm > 12) return false;
  return century.some((c) => {
    const y = c * 100 + yy;
    return dd >= 1 && dd <= daysInMonth(y, mm) && (mm !== 2 || dd !== 29 || isLeap(y));
  });
}

/** Swedish personal identity numbers (and coordination numbers) in a text, with their offsets. */
export function findPersonnummer(text: string): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  for (const m of text.matchAll(PNR)) {
    const [, cc, yy, mm, dd, sep, last] = m;
    // rules.md's forms: ÅÅMMDD-NNNN, ÅÅMMDD+NNNN and ÅÅÅÅMMDD-NNNN (the + of a centenarian
    // belongs to the ten-digit form only).
    if (cc && sep === '+') continue;
    let day = Number(dd);
    if (day >= 61 && day <= 91) day -= 60;
    const centuries = cc ? [Number(cc)] : sep === '+' ? [18, 19] : [19, 20];
    if (!realDate(centuries, Number(yy), Number(mm), day)) continue;
    if (!luhn(`${yy}${mm}${dd}${last}`)) continue;
    out.push({ index: m.index, text: m[0] });
  }
  return out;
}

const WORK_MARK = /(?<![\p{L}\p{N}_])(TODO|FIXME|XXX)(?![\p{L}\p{N}_])|lorem\s+ipsum/giu;

/** Calls `visit` for every text value; the pointer is built only for the values it asks about. */
function eachString(v: Json, path: string[], visit: (value: string, pointer: () => string) => void): void {
  if (typeof v === 'string') visit(v, () => (path.length ? `/${path.join('/')}` : ''));
  else if (Array.isArray(v)) v.forEach((x, i) => eachString(x, [...path, String(i)], visit));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) eachString(x, [...path, escapeToken(k)], visit);
}

/** A personal identity number needs six digits and a - or + somewhere: most texts are ruled out at once. */
const MAYBE_PNR = /\d{6}[-+]\d{4}/;

function hasPlaceholder(f: LoadedFile): boolean {
  return PLACEHOLDER.test(f.prose?.text ?? '');
}

function loadedFiles(ctx: RuleContext): LoadedFile[] {
  const out: LoadedFile[] = [];
  if (ctx.app.meta.status === 'ok') out.push(ctx.app.meta);
  for (const c of ctx.app.chapters) if (c.status === 'ok') out.push(c);
  return out;
}

export const saknas = defineRule<{ chapter: number }>({
  id: 'text/saknas',
  chapter: null,
  severity: 'error',
  message: {
    sv: () => 'Kapitlet har ingen löptext. Skriv kapitlets beskrivning under front matter (eller under `text: |` i en YAML-fil).',
    en: () => 'The chapter has no prose. Write the chapter’s description below the front matter (or under `text: |` in a YAML file).',
  },
  seed: 'Varje kapitel ska de sökande fylla i med information om sina respektive verksamheter.',
  title: { sv: 'Ett kapitel saknar löptext', en: 'A chapter has no prose' },
  fix: {
    sv: 'Skriv kapitlets text under front matter (eller under `text: |` i en YAML-fil).',
    en: 'Write the chapter’s text below the front matter (or under `text: |` in a YAML file).',
  },
  example: '---\nbildad: 2016-03-01\n---\n# Organisation\n\nCentrumsamverkan Storvik är en ideell förening …',
  check(ctx, report) {
    for (const c of ctx.app.chapters) {
      if (c.status !== 'ok' || !c.prose || hasPlaceholder(c)) continue;
      if (countWords(c.prose.text) === 0)
        report({ chapter: c.number, file: c.file, pointer: null, position: c.prose.position(0), args: { chapter: c.number } });
    }
  },
});

export const kort = defineRule<{ limit: number; words: number }>({
  id: 'text/kort',
  chapter: null,
  severity: 'warning',
  message: {
    sv: (a) => `Kapitlets text har ${a.words} ord; rekommenderat är minst ${a.limit}. Utveckla beskrivningen.`,
    en: (a) => `The chapter’s text has ${a.words} words; at least ${a.limit} are recommended. Develop the description.`,
  },
  title: { sv: 'Ett kapitels löptext har färre än 50 ord', en: 'A chapter’s prose has fewer than 50 words' },
  fix: {
    sv: 'Utveckla texten; bedömaren läser den som organisationens egen beskrivning.',
    en: 'Develop the text; the assessor reads it as the organisation’s own description.',
  },
  example: '# Bakgrund\n\nCentrumsamverkan Storvik bildades 2016 när kommunen, fastighetsägarna och handeln … (minst 50 ord)',
  check(ctx, report) {
    for (const c of ctx.app.chapters) {
      if (c.status !== 'ok' || !c.prose || hasPlaceholder(c)) continue;
      const words = countWords(c.prose.text);
      if (words > 0 && words < ctx.limits.textMinWords)
        report({
          chapter: c.number,
          file: c.file,
          pointer: null,
          position: c.prose.position(0),
          args: { words, limit: ctx.limits.textMinWords },
        });
    }
  },
});

export const platshallare = defineRule<{ text: string }>({
  id: 'text/platshallare',
  chapter: null,
  severity: 'error',
  message: {
    sv: (a) => `Mallens platshållare ${sv.q(a.text)} är inte ersatt. Skriv in den riktiga uppgiften.`,
    en: (a) => `The template placeholder ${en.q(a.text)} has not been replaced. Write the real information.`,
  },
  title: { sv: 'En mall-platshållare [FYLL I …] finns kvar', en: 'A template placeholder [FYLL I …] is still there' },
  fix: { sv: 'Ersätt platshållaren med den riktiga uppgiften.', en: 'Replace the placeholder with the real information.' },
  example: 'organisationsform: ideell förening   # var: "[FYLL I: organisationsform]"',
  check(ctx, report) {
    // Placeholders in fields are found while reading; here, those in the prose.
    for (const c of ctx.app.chapters) {
      if (c.status !== 'ok' || !c.prose) continue;
      for (const m of c.prose.text.matchAll(/\[\s*fyll\s+i\b[^\]\n]*\]?/gi)) {
        report({ chapter: c.number, file: c.file, pointer: null, position: c.prose.position(m.index), args: { text: clip(m[0]) } });
      }
    }
  },
});

export const arbetsmarkering = defineRule<{ mark: string }>({
  id: 'text/arbetsmarkering',
  chapter: null,
  severity: 'warning',
  message: {
    sv: (a) => `Arbetsmarkeringen ${sv.q(a.mark)} finns kvar i texten. Skriv klart stycket och ta bort markeringen.`,
    en: (a) => `The working mark ${en.q(a.mark)} is still in the text. Finish the passage and remove the mark.`,
  },
  title: {
    sv: 'Texten innehåller en arbetsmarkering (TODO, FIXME, XXX, Lorem ipsum)',
    en: 'The prose holds a working mark (TODO, FIXME, XXX, Lorem ipsum)',
  },
  fix: { sv: 'Skriv klart stycket och ta bort markeringen.', en: 'Finish the passage and remove the mark.' },
  example: 'Evenemangen lockade 12 000 besökare 2025.   # inte: TODO siffror',
  check(ctx, report) {
    for (const c of ctx.app.chapters) {
      if (c.status !== 'ok' || !c.prose) continue;
      for (const m of c.prose.text.matchAll(WORK_MARK)) {
        if (m[1] && m[1] !== m[1].toUpperCase()) continue;
        report({ chapter: c.number, file: c.file, pointer: null, position: c.prose.position(m.index), args: { mark: m[0] } });
      }
    }
  },
});

export const personnummer = defineRule<{ number: string }>({
  id: 'text/personnummer',
  chapter: null,
  severity: 'warning',
  message: {
    sv: (a) => `Ett personnummer (${a.number}) står här. Den inlämnade PDF:en delas; ta bort personuppgiften.`,
    en: (a) => `A personal identity number (${a.number}) stands here. The submitted PDF is shared; remove the personal data.`,
  },
  title: { sv: 'Ett personnummer står i texten eller i ett fält', en: 'A personal identity number is in the prose or a field' },
  fix: {
    sv: 'Ta bort personnumret: den inlämnade PDF:en delas, och personuppgifter hör inte hemma i den.',
    en: 'Remove the personal identity number: the submitted PDF is shared, and personal data does not belong in it.',
  },
  example: 'kontakt:\n  namn: Karin Lindqvist   # namn och e-post, inget personnummer',
  check(ctx, report) {
    for (const f of loadedFiles(ctx)) {
      const chapter = 'number' in f ? (f as { number: number }).number : null;
      if (f.prose && MAYBE_PNR.test(f.prose.text)) {
        for (const hit of findPersonnummer(f.prose.text))
          report({ chapter, file: f.file, pointer: null, position: f.prose.position(hit.index), args: { number: mask(hit.text) } });
      }
      eachString(f.data, [], (value, at) => {
        if (!MAYBE_PNR.test(value)) return;
        const pointer = at();
        findPersonnummer(value).forEach((hit, n) => {
          const r: Report<{ number: string }> = {
            chapter,
            file: f.file,
            pointer,
            position: f.map.inside(pointer, hit.text, n) ?? f.map.locate(pointer),
            args: { number: mask(hit.text) },
          };
          report(r);
        });
      });
    }
  },
});

function mask(pnr: string): string {
  return `${pnr.slice(0, -4)}****`;
}

export const rules = [saknas, kort, platshallare, arbetsmarkering, personnummer];
