/**
 * What an attachment is, from its bytes: the first and last kilobytes, never the whole file.
 * PDF (header, %%EOF, encryption with an empty user password or not), JPEG (size, EXIF
 * orientation, end marker), PNG (header, IEND).
 */
import { createCipheriv, createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { AttachmentKind } from '../model/types.js';
import { isJpegFrame, JPEG_EOI, JPEG_SOS, jpegSegment, PNG_SIGNATURE, pngChunks, pngHeader } from './image-format.js';

export const SNIFF_LIMITS = {
  /** Bytes read from the start and from the end of a file. */
  head: 64 * 1024,
  tail: 64 * 1024,
  /** Bytes scanned to find a JPEG's frame header (EXIF and ICC blocks come first). */
  jpegHeader: 1024 * 1024,
  /** Bytes scanned for a PDF's encryption dictionary when the trailer does not lead to it. */
  pdfScan: 8 * 1024 * 1024,
  /** PNG files up to this size are read whole to prove every chunk's checksum. */
  pngVerify: 20 * 1000 * 1000,
};

export type SniffResult =
  | {
      kind: AttachmentKind;
      ok: true;
      width?: number;
      height?: number;
      orientation?: number;
      encryption?: 'none' | 'owner' | 'user';
      detail?: string;
    }
  | { kind?: AttachmentKind; ok: false; problem: 'unknown' | 'broken' | 'encrypted'; detail: string };

function readAt(fd: number, pos: number, len: number): Buffer {
  const buf = Buffer.alloc(Math.max(0, len));
  let got = 0;
  while (got < len) {
    const bytesRead = readSync(fd, buf, got, len - got, pos + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

export function kindOf(head: Buffer): AttachmentKind | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  // A PDF header may follow some junk, within the first kilobyte.
  if (head.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  return undefined;
}

/** A name for what a file is when it is none of PDF, JPEG and PNG. */
export function describeUnknown(head: Buffer, name: string): string {
  if (head.length === 0) return 'empty';
  if (head[0] === 0x50 && head[1] === 0x4b) {
    if (/\.docx$/i.test(name) || head.includes('word/')) return 'docx';
    if (/\.xlsx$/i.test(name) || head.includes('xl/')) return 'xlsx';
    if (/\.pptx$/i.test(name) || head.includes('ppt/')) return 'pptx';
    return 'zip';
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'doc';
  if (head.subarray(0, 6).toString('latin1').startsWith('GIF8')) return 'gif';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if ((head[0] === 0x49 && head[1] === 0x49 && head[2] === 0x2a) || (head[0] === 0x4d && head[1] === 0x4d && head[3] === 0x2a))
    return 'tiff';
  if (head.subarray(4, 12).toString('latin1').startsWith('ftyphei') || head.subarray(4, 12).toString('latin1').startsWith('ftypmif'))
    return 'heic';
  if (head.subarray(0, 5).toString('latin1') === '{\\rtf') return 'rtf';
  return 'unknown';
}

export function sniff(fh: number, size: number, name: string): SniffResult {
  const head = readAt(fh, 0, Math.min(size, SNIFF_LIMITS.head));
  const kind = kindOf(head);
  if (!kind) return { ok: false, problem: 'unknown', detail: describeUnknown(head, name) };
  const tailStart = Math.max(0, size - SNIFF_LIMITS.tail);
  const tail = tailStart === 0 ? head.subarray(0, size) : readAt(fh, tailStart, size - tailStart);
  if (kind === 'png') return sniffPng(fh, size, head, tail);
  if (kind === 'jpeg') return sniffJpeg(fh, size, head, tail);
  return sniffPdf(fh, size, head, tail);
}

function sniffPng(fd: number, size: number, head: Buffer, tail: Buffer): SniffResult {
  const header = pngHeader(head);
  if (!header) return { kind: 'png', ok: false, problem: 'broken', detail: 'no-ihdr' };
  const { width, height } = header;
  if (width === 0 || height === 0) return { kind: 'png', ok: false, problem: 'broken', detail: 'zero-size' };
  if (!tail.includes('IEND')) return { kind: 'png', ok: false, problem: 'broken', detail: 'truncated' };
  if (size <= SNIFF_LIMITS.pngVerify && !pngDataWhole(size <= head.length ? head : readAt(fd, 0, size))) {
    return { kind: 'png', ok: false, problem: 'broken', detail: 'image-data' };
  }
  return { kind: 'png', ok: true, width, height };
}

/**
 * Whether a (small enough) PNG's chunks are whole: every chunk inside the file with a matching
 * checksum, image data present, an end chunk. A file damaged in transit or on disk fails here,
 * although its first and last bytes look right. (Decompressing the image data too would prove
 * more, but costs a third of a check; `qm pdf` does it.)
 */
function pngDataWhole(png: Buffer): boolean {
  let idat = false;
  for (const chunk of pngChunks(png)) {
    if (!chunk.checked || crc32(chunk.checked) !== chunk.crc) return false;
    if (chunk.type === 'IDAT') idat = true;
    if (chunk.type === 'IEND') return idat;
  }
  return false;
}

function sniffJpeg(fh: number, size: number, head: Buffer, tail: Buffer): SniffResult {
  let buf = head;
  let i = 2;
  let orientation: number | undefined;
  for (;;) {
    let seg = jpegSegment(buf, i);
    if (seg === 'more') {
      if (buf.length >= size || buf.length >= SNIFF_LIMITS.jpegHeader) break;
      buf = readAt(fh, 0, Math.min(size, SNIFF_LIMITS.jpegHeader));
      seg = jpegSegment(buf, i);
      if (seg === 'more') break;
    }
    if (seg === 'bad') return { kind: 'jpeg', ok: false, problem: 'broken', detail: 'bad-marker' };
    const { marker, at } = seg;
    if (marker === 0xe1 && seg.next <= buf.length) orientation = exifOrientation(buf.subarray(seg.data, seg.next)) ?? orientation;
    if (isJpegFrame(marker)) {
      if (at + 9 > buf.length) break;
      const height = buf.readUInt16BE(at + 5);
      const width = buf.readUInt16BE(at + 7);
      if (width === 0 || height === 0) return { kind: 'jpeg', ok: false, problem: 'broken', detail: 'zero-size' };
      if (!tail.includes(Buffer.from([0xff, 0xd9]))) return { kind: 'jpeg', ok: false, problem: 'broken', detail: 'truncated' };
      return { kind: 'jpeg', ok: true, width, height, orientation };
    }
    if (marker === JPEG_SOS || marker === JPEG_EOI) break;
    i = seg.next;
  }
  return { kind: 'jpeg', ok: false, problem: 'broken', detail: 'no-frame' };
}

function exifOrientation(seg: Buffer): number | undefined {
  if (seg.subarray(0, 6).toString('latin1') !== 'Exif\0\0') return undefined;
  const t = seg.subarray(6);
  if (t.length < 8) return undefined;
  const le = t.toString('latin1', 0, 2) === 'II';
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o));
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > t.length) return undefined;
  const n = u16(ifd);
  for (let k = 0; k < n; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > t.length) return undefined;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : undefined;
    }
  }
  return undefined;
}

// ---- PDF ----

function sniffPdf(fh: number, size: number, head: Buffer, tail: Buffer): SniffResult {
  // Searched as bytes first: most PDFs need no text conversion of their head and tail at all.
  if (!tail.subarray(-2048).includes('%%EOF')) return { kind: 'pdf', ok: false, problem: 'broken', detail: 'truncated' };
  if (size < 64) return { kind: 'pdf', ok: false, problem: 'broken', detail: 'too-small' };
  // A small file's tail is its head: search it once.
  const one = tail.buffer === head.buffer && tail.byteOffset === head.byteOffset;
  const has = (needle: string) => tail.includes(needle) || (!one && head.includes(needle));
  const unencrypted = (): SniffResult => {
    if (
      !has('/Root') &&
      !has('/Catalog') &&
      !/\/Type\s*\/XRef/.test(tail.toString('latin1') + (one ? '' : head.toString('latin1'))) &&
      !/\bobj\b/.test(head.toString('latin1'))
    ) {
      return { kind: 'pdf', ok: false, problem: 'broken', detail: 'no-objects' };
    }
    return { kind: 'pdf', ok: true, encryption: 'none' };
  };
  if (!has('/Encrypt')) return unencrypted();
  const tailText = tail.toString('latin1');
  const headText = head.toString('latin1');
  const enc = findEncryptRef(tailText) ?? findEncryptRef(headText);
  if (!enc) return unencrypted();
  let dictText: string | undefined;
  if (enc.kind === 'direct') dictText = enc.dict;
  else dictText = findObject(fh, size, head, tail, enc.num, enc.gen);
  if (!dictText) return { kind: 'pdf', ok: false, problem: 'encrypted', detail: 'unknown-encryption' };
  const id = findId(tailText) ?? findId(headText) ?? Buffer.alloc(0);
  const opens = emptyUserPasswordOpens(parseDict(dictText), id);
  if (opens === undefined) return { kind: 'pdf', ok: false, problem: 'encrypted', detail: 'unsupported' };
  return opens ? { kind: 'pdf', ok: true, encryption: 'owner' } : { kind: 'pdf', ok: false, problem: 'encrypted', detail: 'user-password' };
}

function findEncryptRef(text: string): { kind: 'ref'; num: number; gen: number } | { kind: 'direct'; dict: string } | undefined {
  if (!text.includes('/Encrypt')) return undefined;
  const refs = [...text.matchAll(/\/Encrypt\s+(\d+)\s+(\d+)\s+R/g)];
  const last = refs[refs.length - 1];
  if (last) return { kind: 'ref', num: Number(last[1]), gen: Number(last[2]) };
  const at = text.lastIndexOf('/Encrypt');
  if (at >= 0) {
    const d = extractDict(text, text.indexOf('<<', at));
    if (d) return { kind: 'direct', dict: d };
  }
  return undefined;
}

function extractDict(text: string, start: number): string | undefined {
  if (start < 0) return undefined;
  let depth = 0;
  for (let i = start; i < text.length - 1; i++) {
    if (text[i] === '(') {
      // skip a literal string
      let d = 1;
      i++;
      for (; i < text.length && d > 0; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') d++;
        else if (text[i] === ')') d--;
      }
      i--;
      continue;
    }
    if (text[i] === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (text[i] === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return text.slice(start, i + 1);
    }
  }
  return undefined;
}

function findObject(fh: number, size: number, head: Buffer, tail: Buffer, num: number, gen: number): string | undefined {
  const re = new RegExp(`(?:^|[\\s>])${num}\\s+${gen}\\s+obj\\b`);
  for (const buf of [tail, head]) {
    const text = buf.toString('latin1');
    const m = re.exec(text);
    if (m) {
      const d = extractDict(text, text.indexOf('<<', m.index));
      if (d) return d;
    }
  }
  // Scan the file in chunks (bounded), overlapping so an object header is never cut.
  const chunk = 1024 * 1024;
  for (let pos = 0; pos < Math.min(size, SNIFF_LIMITS.pdfScan); pos += chunk - 4096) {
    const buf = readAt(fh, pos, Math.min(chunk, size - pos));
    const text = buf.toString('latin1');
    const m = re.exec(text);
    if (m) {
      const more = readAt(fh, pos + m.index, 16 * 1024);
      const t = more.toString('latin1');
      const d = extractDict(t, t.indexOf('<<'));
      if (d) return d;
    }
  }
  return undefined;
}

function findId(text: string): Buffer | undefined {
  const m = /\/ID\s*\[\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(text.slice(text.lastIndexOf('/ID')));
  return m ? pdfString(m[1]!) : undefined;
}

type PdfValue = string | number | Buffer | boolean;

/** A flat reading of a dictionary: names, numbers and strings at its top level. */
function parseDict(text: string): Map<string, PdfValue> {
  const out = new Map<string, PdfValue>();
  const body = text.slice(2, -2);
  let depth = 0;
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '<' && body[i + 1] === '<') {
      depth++;
      i += 2;
      continue;
    }
    if (c === '>' && body[i + 1] === '>') {
      depth--;
      i += 2;
      continue;
    }
    if (c === '/' && depth === 0) {
      const key = /^\/([^\s/<>[\]()]+)/.exec(body.slice(i))![1]!;
      i += key.length + 1;
      while (/\s/.test(body[i] ?? '')) i++;
      const rest = body.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^\/([^\s/<>[\]()]+)/.exec(rest))) {
        out.set(key, m[1]!);
        i += m[0].length;
      } else if ((m = /^(-?\d+(\.\d+)?)(\s+\d+\s+R)?/.exec(rest))) {
        if (!m[3]) out.set(key, Number(m[1]));
        i += m[0].length;
      } else if ((m = /^(true|false)/.exec(rest))) {
        out.set(key, m[1] === 'true');
        i += m[0].length;
      } else if (rest.startsWith('<') && !rest.startsWith('<<')) {
        const end = rest.indexOf('>');
        out.set(key, pdfString(rest.slice(0, end + 1)));
        i += end + 1;
      } else if (rest.startsWith('(')) {
        let d = 0;
        let k = 0;
        for (; k < rest.length; k++) {
          if (rest[k] === '\\') k++;
          else if (rest[k] === '(') d++;
          else if (rest[k] === ')' && --d === 0) break;
        }
        out.set(key, pdfString(rest.slice(0, k + 1)));
        i += k + 1;
      }
      continue;
    }
    i++;
  }
  return out;
}

function pdfString(s: string): Buffer {
  if (s.startsWith('<')) {
    const hex = s.slice(1, -1).replace(/\s/g, '');
    return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  }
  const out: number[] = [];
  const body = s.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const n = body[++i];
    if (n === undefined) break;
    const map: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in map) out.push(map[n]!);
    else if (/[0-7]/.test(n)) {
      let oct = n;
      while (oct.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) oct += body[++i];
      out.push(parseInt(oct, 8) & 0xff);
    } else if (n === '\r') {
      if (body[i + 1] === '\n') i++;
    } else if (n !== '\n') out.push(n.charCodeAt(0) & 0xff);
  }
  return Buffer.from(out);
}

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

/** Whether the empty user password opens the PDF (Standard security handler, R2–R6). */
export function emptyUserPasswordOpens(dict: Map<string, PdfValue>, id: Buffer): boolean | undefined {
  if (dict.get('Filter') !== 'Standard') return false;
  const r = Number(dict.get('R'));
  const o = dict.get('O');
  const u = dict.get('U');
  if (!Buffer.isBuffer(o) || !Buffer.isBuffer(u)) return undefined;
  if (r === 5 || r === 6) {
    const salt = u.subarray(32, 40);
    const hash = r === 5 ? createHash('sha256').update(salt).digest() : hash2B(Buffer.alloc(0), salt, Buffer.alloc(0));
    return hash.equals(u.subarray(0, 32));
  }
  if (r < 2 || r > 4) return undefined;
  const p = Number(dict.get('P'));
  const pBuf = Buffer.alloc(4);
  pBuf.writeInt32LE(p | 0);
  const lengthBits = r === 2 ? 40 : Number(dict.get('Length') ?? 40) || 40;
  const n = r === 2 ? 5 : lengthBits / 8;
  const extra = r === 4 && dict.get('EncryptMetadata') === false ? [Buffer.from([0xff, 0xff, 0xff, 0xff])] : [];
  let key = md5(PAD, o.subarray(0, 32), pBuf, id, ...extra).subarray(0, n);
  if (r >= 3) for (let k = 0; k < 50; k++) key = md5(key).subarray(0, n);
  if (r === 2) return rc4(key, PAD).equals(u.subarray(0, 32));
  let x = rc4(key, md5(PAD, id));
  for (let k = 1; k <= 19; k++) x = rc4(Buffer.from(key.map((b) => b ^ k)), x);
  return x.equals(u.subarray(0, 16));
}

/** Algorithm 2.B of ISO 32000-2 (revision 6). */
function hash2B(password: Buffer, salt: Buffer, udata: Buffer): Buffer {
  let k = createHash('sha256')
    .update(Buffer.concat([password, salt, udata]))
    .digest();
  for (let round = 0; ; round++) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([password, k, udata])));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false);
    const e = Buffer.concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += e[i]!;
    const alg = ['sha256', 'sha384', 'sha512'][sum % 3]!;
    k = createHash(alg).update(e).digest();
    // "at least 64 rounds, until the last byte of E is at most (the number of rounds done) − 32":
    // after round `round` (from 0), round + 1 rounds are done. (round − 32 here ran one round too
    // many in about 3 % of files, and called an owner-password PDF one that needs a password.)
    if (round >= 63 && e[e.length - 1]! <= round + 1 - 32) break;
  }
  return k.subarray(0, 32);
}
