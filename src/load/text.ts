/**
 * Text as qm reads it: UTF-8 only (with or without a byte-order mark), any line ending, and
 * Unicode normalised to NFC, while every offset still maps back to a line and column of the
 * file as it is on disk.
 */
import type { Position } from '../model/types.js';

export interface DecodeFailure {
  kind: 'utf16' | 'utf32' | 'invalid';
  /** Line and column of the first byte that is not UTF-8. */
  position?: Position;
  /** The offending byte, and what it would be in Windows-1252 (a hint for the message). */
  byte?: number;
  latin1?: string;
}

/** Returns the offset of the first byte that does not belong to a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes a file's bytes as UTF-8 text, or says why it cannot. */
export function decodeUtf8(buf: Uint8Array): { text: string } | { failure: DecodeFailure } {
  if (buf.length >= 4 && ((buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) || (buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff))) {
    return { failure: { kind: 'utf32' } };
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return { failure: { kind: 'utf16' } };
  }
  let start = 0;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
  const body = buf.subarray(start);
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const before = new TextDecoder('utf-8').decode(body.subarray(0, bad));
    const lines = before.split(/\r\n|\r|\n/);
    const last = lines[lines.length - 1] ?? '';
    const byte = body[bad]!;
    return {
      failure: {
        kind: 'invalid',
        position: { line: lines.length, column: last.length + 1 },
        byte,
        latin1: byte >= 0xa0 ? new TextDecoder('windows-1252').decode(body.subarray(bad, bad + 1)) : undefined,
      },
    };
  }
  // A NUL byte without a byte-order mark is UTF-16 without one (Notepad, some Word exports).
  const nul = body.indexOf(0);
  if (nul >= 0 && nul < 4096) return { failure: { kind: 'utf16' } };
  return { text: new TextDecoder('utf-8').decode(body) };
}

/**
 * A text normalised for parsing (LF line ends, NFC), with the means to turn an offset in it back
 * into the line and column of the original.
 */
export class SourceText {
  /** The normalised text that parsers see. */
  readonly text: string;
  private readonly lineStarts: number[];
  private readonly originalLines: string[] | undefined;

  constructor(raw: string) {
    const lf = raw.replace(/\r\n?/g, '\n');
    const nfc = lf.normalize('NFC');
    this.text = nfc;
    this.lineStarts = [0];
    for (let i = 0; i < nfc.length; i++) if (nfc.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    // Only a file with decomposed letters needs the slower column mapping.
    this.originalLines = nfc === lf ? undefined : lf.split('\n');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line and column (UTF-16 code units of the original line) of an offset in `text`. */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    const col = o - this.lineStarts[lo]!;
    return { line: lo + 1, column: this.originalColumn(lo, col) + 1 };
  }

  private originalColumn(line: number, col: number): number {
    const orig = this.originalLines?.[line];
    if (orig === undefined) return col;
    const start = this.lineStarts[line]!;
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! - 1 : this.text.length;
    if (orig === this.text.slice(start, end)) return col;
    for (let k = 0; k <= orig.length; k++) if (orig.slice(0, k).normalize('NFC').length >= col) return k;
    return orig.length;
  }
}

/** Blanks out HTML comments (keeping line breaks, so offsets and lines stay where they were). */
export function blankHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** Folds å ä ö (and other accents) to ASCII, to read keys written without them. */
export function foldAscii(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export function levenshtein(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n]!;
}

/** The closest of the candidates to a word, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = foldAscii(word);
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(w, foldAscii(c));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(w.length, best.length) / 3));
  return bestD <= limit ? best : undefined;
}
