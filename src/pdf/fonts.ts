/**
 * The font of the PDF: DejaVu Sans (and Sans Mono for code), TrueType from the npm package
 * dejavu-fonts-ttf, embedded as a subset. It covers Latin, Greek, Cyrillic and most symbols
 * (å ä ö é ü – — “ ” … ≥ → €); a character it lacks is found here, before typesetting, so that
 * it is reported with its file and line instead of silently printing as an empty box. Which
 * characters each face has is read at build time from the fonts with fontkit, the library that
 * typesets them (scripts/gen-coverage.mjs), so the check needs no font library in the main thread.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FONT_COVERAGE } from '../generated/font-coverage.js';

export type Face = 'normal' | 'bold' | 'italics' | 'bolditalics';
export type Family = 'DejaVu' | 'DejaVuMono';

const FILES: Record<Family, Record<Face, string>> = {
  DejaVu: {
    normal: 'DejaVuSans.ttf',
    bold: 'DejaVuSans-Bold.ttf',
    italics: 'DejaVuSans-Oblique.ttf',
    bolditalics: 'DejaVuSans-BoldOblique.ttf',
  },
  DejaVuMono: {
    normal: 'DejaVuSansMono.ttf',
    bold: 'DejaVuSansMono-Bold.ttf',
    italics: 'DejaVuSansMono-Oblique.ttf',
    bolditalics: 'DejaVuSansMono-BoldOblique.ttf',
  },
};

export function fontDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

/** Absolute paths of every face, as pdfmake wants them. */
export function fontFiles(dir = fontDir()): Record<Family, Record<Face, string>> {
  const out = {} as Record<Family, Record<Face, string>>;
  for (const family of Object.keys(FILES) as Family[]) {
    out[family] = {} as Record<Face, string>;
    for (const face of Object.keys(FILES[family]) as Face[]) out[family][face] = join(dir, FILES[family][face]);
  }
  return out;
}

export function faceOf(bold: boolean | undefined, italics: boolean | undefined): Face {
  return bold ? (italics ? 'bolditalics' : 'bold') : italics ? 'italics' : 'normal';
}

/** Characters that are layout, not ink: never reported (the typesetter handles or drops them). */
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xfe0e, 0xfe0f]);

/** Whether a face has a glyph for a code point: a binary search of its ranges. */
export function hasGlyph(family: Family, face: Face, cp: number): boolean {
  const ranges = FONT_COVERAGE[FILES[family][face]];
  if (!ranges) throw new Error(`no coverage for ${FILES[family][face]} (run the build)`);
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[2 * mid]!) hi = mid - 1;
    else if (cp > ranges[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

export class Coverage {
  /** The characters of `text` (with their index) that the face cannot print. */
  missing(text: string, family: Family, face: Face): { char: string; index: number }[] {
    const out: { char: string; index: number }[] = [];
    let index = 0;
    for (const char of text) {
      const cp = char.codePointAt(0)!;
      // Plain ASCII is in every face; only look the rest up.
      if (cp > 0x7e && !INVISIBLE.has(cp) && !/\s/u.test(char) && !hasGlyph(family, face, cp)) out.push({ char, index });
      index += char.length;
    }
    return out;
  }
}

/** Text as the typesetter should get it: variation selectors and zero-width marks dropped, tabs as spaces. */
export function cleanText(s: string): string {
  return s.replace(/\ufe0e|\ufe0f|\u200b|\u2060|\ufeff/gu, '').replace(/\t/g, ' ');
}
