/**
 * Text as qm reads it: UTF-8 only (with or without a byte-order mark), any line ending, and
 * Unicode normalised to NFC, while every offset still maps back to a line and column of the
 * file as it is on disk.
 */
import { isUtf8 } from 'node:buffer';
import type { Position } from '../model/types.js';

export interface DecodeFailure {
  /** `binary`: a NUL byte or the signature of a PDF, image or Office file: not a text file at all. */
  kind: 'utf16' | 'utf32' | 'invalid' | 'binary';
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
  if (
    buf.length >= 4 &&
    ((buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) ||
      (buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff))
  ) {
    return { failure: { kind: 'utf32' } };
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    return { failure: { kind: 'utf16' } };
  }
  let start = 0;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
  const body = buf.subarray(start);
  // Checked before UTF-8 validity, so that a Word file or UTF-16 text is not called Latin-1.
  if (BINARY_SIGNATURES.some((sig) => sig.every((b, i) => body[i] === b)))
    return { failure: { kind: 'binary', position: { line: 1, column: 1 } } };
  const nul = body.indexOf(0);
  if (nul >= 0) {
    // NUL bytes in every other place are UTF-16 without a byte-order mark (Notepad, some Word exports).
    if (looksUtf16(body)) return { failure: { kind: 'utf16' } };
    const bad = firstInvalidUtf8(body);
    const at = bad >= 0 && bad < nul ? bad : nul;
    return { failure: { kind: 'binary', position: positionOfByte(body, at), byte: body[at] } };
  }
  // The native check first; the byte-by-byte scan only to find where a file goes wrong.
  const bad = isUtf8(body) ? -1 : firstInvalidUtf8(body);
  if (bad >= 0) {
    const byte = body[bad]!;
    return {
      failure: {
        kind: 'invalid',
        position: positionOfByte(body, bad),
        byte,
        latin1:
          byte >= 0xa0 || [0x80, 0x82, 0x84, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97].includes(byte)
            ? new TextDecoder('windows-1252').decode(body.subarray(bad, bad + 1))
            : undefined,
      },
    };
  }
  return { text: new TextDecoder('utf-8').decode(body) };
}

const BINARY_SIGNATURES = [
  Buffer.from('%PDF-'),
  Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  Buffer.from([0xff, 0xd8, 0xff]),
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
];

function looksUtf16(body: Uint8Array): boolean {
  const n = Math.min(body.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (body[i] === 0) even++;
    if (body[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return pairs > 0 && (odd >= pairs * 0.3 || even >= pairs * 0.3) && Math.min(odd, even) <= pairs * 0.05;
}

function positionOfByte(body: Uint8Array, at: number): Position {
  const lines = new TextDecoder('utf-8').decode(body.subarray(0, at)).split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
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
    let seg = this.segments.get(line);
    if (seg === undefined) {
      seg = orig === this.text.slice(start, end) ? null : segmentLine(orig);
      this.segments.set(line, seg);
    }
    return seg ? seg.column(col) : col;
  }

  /** Per line with decomposed letters: how its NFC columns map back (built once, on demand). */
  private readonly segments = new Map<number, LineSegments | null>();
}

/**
 * A line cut before every character that NFC cannot merge with what precedes it, so each piece
 * normalises on its own: an NFC column is found by binary search, not by re-normalising every
 * prefix of the line (which took hours on a long decomposed line).
 */
interface LineSegments {
  column(nfcCol: number): number;
}

const JOINS_PREVIOUS = /[\p{M}\u1160-\u11ff]/u;

function segmentLine(orig: string): LineSegments {
  const origStarts: number[] = [];
  const nfcStarts: number[] = [];
  let nfcLen = 0;
  let from = 0;
  const cut = (to: number) => {
    origStarts.push(from);
    nfcStarts.push(nfcLen);
    nfcLen += orig.slice(from, to).normalize('NFC').length;
    from = to;
  };
  for (let i = 1; i < orig.length; i++) {
    const cp = orig.codePointAt(i)!;
    if (cp >= 0xdc00 && cp <= 0xdfff) continue;
    if (!JOINS_PREVIOUS.test(String.fromCodePoint(cp))) cut(i);
  }
  if (orig.length > 0) cut(orig.length);
  return {
    column(col: number): number {
      if (col >= nfcLen) return orig.length;
      let lo = 0;
      let hi = nfcStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (nfcStarts[mid]! <= col) lo = mid;
        else hi = mid - 1;
      }
      const base = origStarts[lo]!;
      const local = col - nfcStarts[lo]!;
      if (local === 0) return base;
      // Inside a piece (a letter whose marks do not all compose): the mark's own column.
      const piece = orig.slice(base, origStarts[lo + 1] ?? orig.length);
      for (let k = 1; k <= Math.min(piece.length, 64); k++) if (piece.slice(0, k).normalize('NFC').length > local) return base + k - 1;
      return base;
    },
  };
}

/** Blanks out HTML comments (keeping line breaks, so offsets and lines stay where they were). */
export function blankHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (m) => m.replace(/[^\n]/g, ' '));
}

export { clip, closest, escapeControls, foldAscii, levenshtein, stripMarks } from '../util/text.js';
