/**
 * JPEG images pass through without being held: the typesetter gets a stand-in made of the
 * image's header (every segment before the compressed data, so size, colour components and EXIF
 * orientation are the image's own) and a comment naming it; after typesetting the stand-in's
 * data is replaced by the file's bytes, copied from the file to the output in pieces
 * (src/pdf/pdfobj/writer.ts). The image is never decoded and its bytes are never all in memory.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { JPEG_EOI, JPEG_SOS, jpegSegment } from '../../load/image-format.js';

/** Headers larger than this (ICC profiles, thumbnails) are not expected; such a file is typeset as before. */
const MAX_HEADER = 8 << 20;
export const STUB_MARK = 'qm-image:';

export interface JpegHeader {
  /** The bytes before the first scan (SOS). */
  head: Buffer;
  size: number;
}

/** Where a JPEG's first scan starts, or undefined when `bytes` does not reach it (or it is no JPEG). */
export function scanStart(bytes: Uint8Array): number | 'more' | undefined {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  for (let at = 2; ;) {
    const seg = jpegSegment(bytes, at);
    if (seg === 'more') return 'more';
    if (seg === 'bad' || seg.marker === JPEG_EOI) return undefined;
    if (seg.marker === JPEG_SOS) return seg.at;
    at = seg.next;
  }
}

/** Reads a JPEG's header only; undefined when it is not a JPEG whose scan starts within MAX_HEADER. */
export function readJpegHeader(path: string): JpegHeader | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    let buf = Buffer.alloc(Math.min(size, 64 << 10));
    let have = readSync(fd, buf, 0, buf.length, 0);
    for (;;) {
      const start = scanStart(buf.subarray(0, have));
      if (typeof start === 'number') return { head: Buffer.from(buf.subarray(0, start)), size };
      if (start === undefined || have >= size || have >= MAX_HEADER) return undefined;
      const more = Buffer.alloc(Math.min(size, MAX_HEADER, buf.length * 4));
      buf.copy(more, 0, 0, have);
      buf = more;
      const n = readSync(fd, buf, have, buf.length - have, have);
      if (n === 0) return undefined;
      have += n;
    }
  } finally {
    closeSync(fd);
  }
}

/** The stand-in the typesetter gets: SOI, a comment naming the image, the header's segments, EOI. */
export function jpegStub(header: JpegHeader, key: string): Buffer {
  const note = Buffer.from(`${STUB_MARK}${key}`, 'latin1');
  const com = Buffer.alloc(4 + note.length);
  com.writeUInt16BE(0xfffe, 0);
  com.writeUInt16BE(note.length + 2, 2);
  note.copy(com, 4);
  return Buffer.concat([header.head.subarray(0, 2), com, header.head.subarray(2), Buffer.from([0xff, 0xd9])]);
}

/** The key of a stand-in, read from its comment. */
export function stubKey(data: Uint8Array): string | undefined {
  if (data.length < 8 || data[2] !== 0xff || data[3] !== 0xfe) return undefined;
  const len = (data[4]! << 8) | data[5]!;
  const note = Buffer.from(data.subarray(6, 4 + len)).toString('latin1');
  return note.startsWith(STUB_MARK) ? note.slice(STUB_MARK.length) : undefined;
}
