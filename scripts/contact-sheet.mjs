// Tiles page images (PNG, as `pdftoppm -png` writes them: 8-bit RGB or grey, not interlaced) into
// contact sheets, to look at many pages of a PDF at once.
//
//   node scripts/contact-sheet.mjs OUT-PREFIX COLUMNS ROWS PAGE.png…
//
// writes OUT-PREFIX-1.png, OUT-PREFIX-2.png, … each holding COLUMNS × ROWS pages, scaled to the
// size of the first page, with a thin grey frame around each.
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateSync, inflateSync, crc32 } from 'node:zlib';

function decode(file) {
  const b = readFileSync(file);
  let at = 8;
  let width = 0;
  let height = 0;
  let depth = 8;
  let type = 2;
  const idat = [];
  while (at < b.length) {
    const len = b.readUInt32BE(at);
    const kind = b.toString('latin1', at + 4, at + 8);
    const data = b.subarray(at + 8, at + 8 + len);
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      type = data[9];
    } else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    at += 12 + len;
  }
  if (depth !== 8 || (type !== 2 && type !== 0)) throw new Error(`${file}: only 8-bit RGB or grey`);
  const bpp = type === 2 ? 3 : 1;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(width * height * 3);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp] : 0;
      const up = prev[x];
      const c = x >= bpp ? prev[x - bpp] : 0;
      if (f === 1) line[x] = (line[x] + a) & 255;
      else if (f === 2) line[x] = (line[x] + up) & 255;
      else if (f === 3) line[x] = (line[x] + ((a + up) >> 1)) & 255;
      else if (f === 4) {
        const p = a + up - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - c);
        line[x] = (line[x] + (pa <= pb && pa <= pc ? a : pb <= pc ? up : c)) & 255;
      }
    }
    for (let x = 0; x < width; x++) for (let k = 0; k < 3; k++) out[(y * width + x) * 3 + k] = type === 2 ? line[x * 3 + k] : line[x];
    prev = line;
  }
  return { width, height, rgb: out };
}

function encode(file, width, height, rgb) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const chunk = (kind, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(kind, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

const [prefix, cols, rows, ...files] = process.argv.slice(2);
const C = Number(cols);
const R = Number(rows);
if (!prefix || !C || !R || files.length === 0) {
  console.error('usage: node scripts/contact-sheet.mjs OUT-PREFIX COLUMNS ROWS PAGE.png…');
  process.exit(2);
}
const first = decode(files[0]);
// Each cell is as large as the largest side of the first page, so landscape pages fit too.
const cell = Math.max(first.width, first.height);
const gap = 6;
for (let s = 0; s * C * R < files.length; s++) {
  const W = C * (cell + gap) + gap;
  const H = R * (cell + gap) + gap;
  const sheet = Buffer.alloc(W * H * 3, 200);
  files.slice(s * C * R, (s + 1) * C * R).forEach((f, i) => {
    const img = decode(f);
    const scale = Math.min(1, cell / img.width, cell / img.height);
    const w = Math.round(img.width * scale);
    const h = Math.round(img.height * scale);
    const x0 = gap + (i % C) * (cell + gap);
    const y0 = gap + Math.floor(i / C) * (cell + gap);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const sx = Math.min(img.width - 1, Math.floor(x / scale));
        const sy = Math.min(img.height - 1, Math.floor(y / scale));
        img.rgb.copy(sheet, ((y0 + y) * W + x0 + x) * 3, (sy * img.width + sx) * 3, (sy * img.width + sx) * 3 + 3);
      }
  });
  encode(`${prefix}-${s + 1}.png`, W, H, sheet);
  console.log(`${prefix}-${s + 1}.png`);
}
