/**
 * Which characters a TrueType font has a glyph for, read from its `cmap` table: all that the
 * check of the prose's characters needs (src/pdf/fonts.ts), without loading a font library into
 * the main thread (it costs more than the rest of building the content).
 */
import { readFileSync } from 'node:fs';

/** The code points a font maps to a glyph other than .notdef, as sorted ranges [first, last]. */
export function cmapRanges(font: Buffer): [number, number][] {
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const at = 12 + 16 * i;
    if (font.toString('latin1', at, at + 4) === 'cmap') cmap = font.readUInt32BE(at + 8);
  }
  if (cmap < 0) throw new Error('no cmap table');
  // The Unicode subtables: full repertoire (format 12) before the Basic Multilingual Plane (4).
  let best: { rank: number; at: number } | undefined;
  for (let i = 0, n = font.readUInt16BE(cmap + 2); i < n; i++) {
    const platform = font.readUInt16BE(cmap + 4 + 8 * i);
    const encoding = font.readUInt16BE(cmap + 6 + 8 * i);
    const at = cmap + font.readUInt32BE(cmap + 8 + 8 * i);
    const format = font.readUInt16BE(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    const rank = !unicode ? 0 : format === 12 ? 2 : format === 4 ? 1 : 0;
    if (rank > (best?.rank ?? 0)) best = { rank, at };
  }
  if (!best) throw new Error('no Unicode cmap');
  const at = best.at;
  const out: [number, number][] = [];
  if (font.readUInt16BE(at) === 12) {
    for (let i = 0, n = font.readUInt32BE(at + 12); i < n; i++) {
      const g = at + 16 + 12 * i;
      const [first, last, glyph] = [font.readUInt32BE(g), font.readUInt32BE(g + 4), font.readUInt32BE(g + 8)];
      // A group starting at glyph 0 maps its first code point to .notdef.
      if (glyph === 0) {
        if (last > first) out.push([first + 1, last]);
      } else out.push([first, last]);
    }
  } else {
    const segments = font.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const offsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const start = font.readUInt16BE(starts + 2 * s);
      const end = font.readUInt16BE(ends + 2 * s);
      const delta = font.readUInt16BE(deltas + 2 * s);
      const offset = font.readUInt16BE(offsets + 2 * s);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number;
        if (offset === 0) glyph = (c + delta) & 0xffff;
        else {
          const g = font.readUInt16BE(offsets + 2 * s + offset + 2 * (c - start));
          glyph = g === 0 ? 0 : (g + delta) & 0xffff;
        }
        if (glyph === 0) continue;
        const last = out[out.length - 1];
        if (last && last[1] === c - 1) last[1] = c;
        else out.push([c, c]);
      }
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** A font file's character coverage, as `Coverage` (src/pdf/fonts.ts) asks for it. */
export function openCmap(path: string): { hasGlyphForCodePoint(cp: number): boolean } {
  const ranges = cmapRanges(readFileSync(path));
  return {
    hasGlyphForCodePoint(cp: number): boolean {
      let lo = 0;
      let hi = ranges.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const [first, last] = ranges[mid]!;
        if (cp < first) hi = mid - 1;
        else if (cp > last) lo = mid + 1;
        else return true;
      }
      return false;
    },
  };
}
