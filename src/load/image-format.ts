/**
 * The structure of the two image formats qm takes, walked in one place: a PNG's chunks and a
 * JPEG's segments. The check (load/sniff.ts) reads an image's size and proves its chunks whole;
 * `qm pdf` (pdf/job) finds where a JPEG's compressed data starts and inflates a PNG's data.
 */

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  interlaced: boolean;
}

/** The header chunk (IHDR) that must follow the signature; undefined when it is not there. */
export function pngHeader(png: Uint8Array): PngHeader | undefined {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (b.length < 33 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), depth: b[24]!, colourType: b[25]!, interlaced: b[28] !== 0 };
}

export interface PngChunk {
  type: string;
  /** The chunk's data (cut short when the file ends inside it). */
  data: Buffer;
  /** The checksum written after the data; undefined when the file ends before it. */
  crc: number | undefined;
  /** The checksummed bytes (type and data), when the chunk is whole. */
  checked: Buffer | undefined;
}

/** The chunks of a PNG after its signature, up to and including IEND or the end of the bytes. */
export function* pngChunks(png: Buffer): Generator<PngChunk> {
  for (let at = 8; at + 8 <= png.length;) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const whole = at + 12 + len <= png.length;
    yield {
      type,
      data: png.subarray(at + 8, Math.min(png.length, at + 8 + len)),
      crc: whole ? png.readUInt32BE(at + 8 + len) : undefined,
      checked: whole ? png.subarray(at + 4, at + 8 + len) : undefined,
    };
    if (type === 'IEND') return;
    at += 12 + len;
  }
}

/** Markers that stand alone, without a length: TEM, RST0–7 and SOI. */
const STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8]);
export const JPEG_SOS = 0xda;
export const JPEG_EOI = 0xd9;

export interface JpegSegment {
  marker: number;
  /** Where the marker stands. */
  at: number;
  /** Where its data starts (after the length) and where the next marker stands. */
  data: number;
  next: number;
}

/**
 * The JPEG segment whose marker stands at `at` (fill bytes skipped): 'more' when `bytes` ends
 * before its length is known, 'bad' when no marker stands there.
 */
export function jpegSegment(bytes: Uint8Array, at: number): JpegSegment | 'more' | 'bad' {
  for (;;) {
    if (at + 2 > bytes.length) return 'more';
    if (bytes[at] !== 0xff) return 'bad';
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (STANDALONE.has(marker) || marker === JPEG_EOI) return { marker, at, data: at + 2, next: at + 2 };
    if (at + 4 > bytes.length) return 'more';
    return { marker, at, data: at + 4, next: at + 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!) };
  }
}

/** A start-of-frame marker: it carries the image's size. */
export function isJpegFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}
