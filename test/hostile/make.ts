/**
 * Real files of the kinds consultants receive, made at test time so that nothing large or binary
 * is committed: PDFs (plain, with a damaged cross-reference table, encrypted by qpdf), PNGs of
 * any size and depth, JPEGs (baseline, progressive, CMYK), a Word document.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { crc32 } from 'node:zlib';

export { crc32 };

// ---- PDF ----

/** A one-page PDF 1.4 with a classic cross-reference table and the title as text (WinAnsi). */
export function pdf(title: string): Buffer {
  const text = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const content = `BT /F1 20 Tf 72 760 Td ${text(title)} Tj ET\nBT /F1 11 Tf 72 730 Td ${text('Bilaga till ansökan om Quality Mark')} Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    `<< /Title ${text(title)} /Producer (qm test corpus) >>`,
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const id = crc32(Buffer.from(title, 'utf8')).toString(16).padStart(8, '0').repeat(4);
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * The same PDF with every cross-reference offset and `startxref` wrong, as an editor that
 * changed the file without rewriting the table leaves it: readers rebuild the table and open it.
 */
export function pdfWithBrokenXref(title: string): Buffer {
  const text = pdf(title).toString('latin1');
  const broken = text
    .replace(/^(\d{10}) 00000 n $/gm, (_, o: string) => `${String(Number(o) + 7).padStart(10, '0')} 00000 n `)
    .replace(/startxref\n(\d+)/, (_, o: string) => `startxref\n${Number(o) + 40}`);
  return Buffer.from(broken, 'latin1');
}

export type Encryption = 'rc4-40' | 'rc4-128' | 'aes-128' | 'aes-256';

/** Encrypts a PDF with qpdf (the Standard security handler, R2 to R6). An empty user password opens it. */
export function encryptPdf(input: Buffer, user: string, how: Encryption): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'qm-qpdf-'));
  try {
    const src = join(dir, 'in.pdf');
    const dst = join(dir, 'out.pdf');
    writeFileSync(src, input);
    const bits = { 'rc4-40': '40', 'rc4-128': '128', 'aes-128': '128', 'aes-256': '256' }[how];
    const extra = how === 'rc4-128' ? ['--use-aes=n'] : how === 'aes-128' ? ['--use-aes=y'] : [];
    const weak = how.startsWith('rc4') ? ['--allow-weak-crypto'] : [];
    // qpdf is installed by .ci/run; without it this throws, and the encrypted cases fail loudly.
    execFileSync('qpdf', [...weak, '--encrypt', user, 'ägarlösen', bits, ...extra, '--', src, dst], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return readFileSync(dst);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- PNG ----

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * A PNG of any size: the pixels are a gradient for small images and zeros for large ones, whose
 * IDAT is then a tiny deflate stream (a 10,000 × 10,000 image is about 12 KB).
 */
export function png(width: number, height: number, opts: { depth?: 1 | 8 | 16; color?: 0 | 2 | 4 | 6 } = {}): Buffer {
  const depth = opts.depth ?? 8;
  const color = opts.color ?? 2;
  const rowBytes = Math.ceil((width * CHANNELS[color]! * depth) / 8);
  const raw = Buffer.alloc((rowBytes + 1) * height);
  if (rowBytes * height <= 1 << 20)
    for (let y = 0; y < height; y++) for (let x = 0; x < rowBytes; x++) raw[y * (rowBytes + 1) + 1 + x] = (x * 7 + y * 13) & 0xff;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = color;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- JPEG ----

const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** An AC table with the one symbol a flat image needs: end of block (code `0`). */
const AC_BITS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_VALS = [0x00];

function huffman(bits: number[], vals: number[]): Map<number, [number, number]> {
  const codes = new Map<number, [number, number]>();
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < bits[len - 1]!; i++) codes.set(vals[k++]!, [code++, len]);
    code <<= 1;
  }
  return codes;
}

class BitWriter {
  readonly bytes: number[] = [];
  private acc = 0;
  private n = 0;
  put(code: number, len: number): void {
    for (let i = len - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((code >> i) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0);
    this.acc = 0;
    this.n = 0;
  }
  /** Pads the last byte with 1-bits, as a scan ends. */
  end(): Buffer {
    if (this.n > 0) this.put(0x7f, 8 - this.n);
    return Buffer.from(this.bytes);
  }
}

function segment(marker: number, payload: number[] | Buffer): Buffer {
  const b = Buffer.alloc(4 + payload.length);
  b[0] = 0xff;
  b[1] = marker;
  b.writeUInt16BE(payload.length + 2, 2);
  Buffer.from(payload).copy(b, 4);
  return b;
}

/**
 * A flat-coloured JPEG (every 8×8 block holds only its DC coefficient), baseline or progressive,
 * grey, YCbCr or CMYK (with the Adobe marker that CMYK files carry). Decoders show it as one colour.
 */
export function jpeg(width: number, height: number, opts: { progressive?: boolean; cmyk?: boolean; levels?: number[] } = {}): Buffer {
  const comps = opts.cmyk ? 4 : 3;
  const levels = opts.levels ?? (opts.cmyk ? [40, 200, 220, 30] : [150, 110, 160]);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const dc = huffman(DC_BITS, DC_VALS);
  const [eob, eobLen] = huffman(AC_BITS, AC_VALS).get(0)!;
  const putDc = (w: BitWriter, diff: number) => {
    let cat = 0;
    for (let a = Math.abs(diff); a; a >>= 1) cat++;
    const [c, l] = dc.get(cat)!;
    w.put(c, l);
    if (cat) w.put(diff < 0 ? diff + (1 << cat) - 1 : diff, cat);
  };
  const dcOf = (c: number) => 8 * (levels[c]! - 128);
  const ids = Array.from({ length: comps }, (_, c) => c + 1);
  const sof = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, comps, ...ids.flatMap((id) => [id, 0x11, 0])];
  const dht = [0x00, ...DC_BITS, ...DC_VALS, 0x10, ...AC_BITS, ...AC_VALS];
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  if (opts.cmyk) parts.push(segment(0xee, [...Buffer.from('Adobe'), 0, 100, 0, 0, 0, 0, 0]));
  else parts.push(segment(0xe0, [...Buffer.from('JFIF\0'), 1, 1, 0, 0, 72, 0, 72, 0, 0]));
  parts.push(segment(0xdb, [0x00, ...new Array(64).fill(1)]), segment(opts.progressive ? 0xc2 : 0xc0, sof), segment(0xc4, dht));
  const scanHeader = (cs: number[], ss: number, se: number) => segment(0xda, [cs.length, ...cs.flatMap((id) => [id, 0x00]), ss, se, 0]);
  if (!opts.progressive) {
    const w = new BitWriter();
    for (let b = 0; b < blocks; b++) {
      for (let c = 0; c < comps; c++) {
        putDc(w, b === 0 ? dcOf(c) : 0);
        w.put(eob, eobLen);
      }
    }
    parts.push(scanHeader(ids, 0, 63), w.end());
  } else {
    // First the DC coefficients of all components, then one AC scan per component.
    const w = new BitWriter();
    for (let b = 0; b < blocks; b++) for (let c = 0; c < comps; c++) putDc(w, b === 0 ? dcOf(c) : 0);
    parts.push(scanHeader(ids, 0, 0), w.end());
    for (const id of ids) {
      const a = new BitWriter();
      for (let b = 0; b < blocks; b++) a.put(eob, eobLen);
      parts.push(scanHeader([id], 1, 63), a.end());
    }
  }
  parts.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

// ---- Word ----

/** A zip archive without compression (what a .docx is). */
export function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0x5a00, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0x5a00, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A minimal Word document (.docx) with one Swedish paragraph. */
export function docx(paragraph: string): Buffer {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return zip([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    [
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${esc(paragraph)}</w:t></w:r></w:p></w:body></w:document>`,
    ],
  ]);
}
