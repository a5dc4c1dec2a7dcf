// Small image encoders with no dependencies, shared by the example attachments, the tests and
// the benchmarks: a seeded PRNG, a PNG encoder (8-bit RGB) and a baseline JPEG encoder, and a
// tiny raster canvas with a 5x7 bitmap font.
import { crc32, deflateSync } from 'node:zlib';

// ---------------------------------------------------------------------------
// Small utilities

/** Seeded PRNG (mulberry32), so image noise is the same on every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
export const clamp255 = (v) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

// ---------------------------------------------------------------------------
// PNG encoder (8-bit RGB, filter 0, zlib)

export function pngChunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng(canvas) {
  const { w, h, data } = canvas;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0; // filter type: none
    Buffer.from(data.buffer, data.byteOffset + y * w * 3, w * 3).copy(raw, y * (w * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------
// Baseline JPEG encoder (JFIF, YCbCr 4:4:4, standard Huffman tables, ITU T.81 Annex K)

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57,
  50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];
const Q_LUMA = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22,
  37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const Q_CHROMA = [
  17,
  18,
  24,
  47,
  99,
  99,
  99,
  99,
  18,
  21,
  26,
  66,
  99,
  99,
  99,
  99,
  24,
  26,
  56,
  99,
  99,
  99,
  99,
  99,
  47,
  66,
  99,
  99,
  99,
  99,
  99,
  99,
  ...new Array(32).fill(99),
];
const DC_LUMA = { bits: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], vals: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] };
const DC_CHROMA = { bits: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], vals: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] };
const AC_LUMA = {
  bits: [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d],
  vals: [
    0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91,
    0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a,
    0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53,
    0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79,
    0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5,
    0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9,
    0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2,
    0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
  ],
};
const AC_CHROMA = {
  bits: [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77],
  vals: [
    0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13, 0x22, 0x32, 0x81, 0x08, 0x14,
    0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17,
    0x18, 0x19, 0x1a, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a,
    0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78,
    0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3,
    0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7,
    0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf2,
    0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
  ],
};

/** Code table {symbol: [code, length]} from a DHT bits/vals specification. */
function huffCodes({ bits, vals }) {
  const codes = new Map();
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < bits[len - 1]; i++) codes.set(vals[k++], [code++, len]);
    code <<= 1;
  }
  return codes;
}

function scaledQuant(base, quality) {
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  return base.map((q) => Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))));
}

const DCT_COS = (() => {
  const c = new Float64Array(64);
  for (let x = 0; x < 8; x++) for (let u = 0; u < 8; u++) c[x * 8 + u] = Math.cos(((2 * x + 1) * u * Math.PI) / 16);
  return c;
})();

/** Forward 8x8 DCT (separable, exact float arithmetic) of a level-shifted block. */
function fdct(block, out) {
  const tmp = new Float64Array(64);
  for (let y = 0; y < 8; y++) {
    for (let u = 0; u < 8; u++) {
      let s = 0;
      for (let x = 0; x < 8; x++) s += block[y * 8 + x] * DCT_COS[x * 8 + u];
      tmp[y * 8 + u] = s * (u === 0 ? Math.SQRT1_2 : 1) * 0.5;
    }
  }
  for (let u = 0; u < 8; u++) {
    for (let v = 0; v < 8; v++) {
      let s = 0;
      for (let y = 0; y < 8; y++) s += tmp[y * 8 + u] * DCT_COS[y * 8 + v];
      out[v * 8 + u] = s * (v === 0 ? Math.SQRT1_2 : 1) * 0.5;
    }
  }
}

export function encodeJpeg(canvas, quality = 80) {
  const { w, h, data } = canvas;
  const qY = scaledQuant(Q_LUMA, quality);
  const qC = scaledQuant(Q_CHROMA, quality);
  const tables = [
    { q: qY, dc: huffCodes(DC_LUMA), ac: huffCodes(AC_LUMA) },
    { q: qC, dc: huffCodes(DC_CHROMA), ac: huffCodes(AC_CHROMA) },
    { q: qC, dc: huffCodes(DC_CHROMA), ac: huffCodes(AC_CHROMA) },
  ];

  const bytes = [];
  let bitBuf = 0;
  let bitCnt = 0;
  const putBits = (code, len) => {
    for (let i = len - 1; i >= 0; i--) {
      bitBuf = (bitBuf << 1) | ((code >> i) & 1);
      bitCnt++;
      if (bitCnt === 8) {
        bytes.push(bitBuf);
        if (bitBuf === 0xff) bytes.push(0); // byte stuffing
        bitBuf = 0;
        bitCnt = 0;
      }
    }
  };
  const magnitude = (v) => {
    let a = Math.abs(v);
    let n = 0;
    while (a) {
      n++;
      a >>= 1;
    }
    return n;
  };

  const pred = [0, 0, 0];
  const block = new Float64Array(64);
  const coef = new Float64Array(64);
  const q = new Int32Array(64);
  for (let by = 0; by < h; by += 8) {
    for (let bx = 0; bx < w; bx += 8) {
      for (let comp = 0; comp < 3; comp++) {
        for (let y = 0; y < 8; y++) {
          const sy = Math.min(h - 1, by + y);
          for (let x = 0; x < 8; x++) {
            const sx = Math.min(w - 1, bx + x);
            const i = (sy * w + sx) * 3;
            const r = data[i];
            const g = data[i + 1];
            const b = data[i + 2];
            let v;
            if (comp === 0) v = 0.299 * r + 0.587 * g + 0.114 * b;
            else if (comp === 1) v = -0.168736 * r - 0.331264 * g + 0.5 * b + 128;
            else v = 0.5 * r - 0.418688 * g - 0.081312 * b + 128;
            block[y * 8 + x] = v - 128;
          }
        }
        fdct(block, coef);
        const t = tables[comp];
        for (let k = 0; k < 64; k++) q[k] = Math.round(coef[ZIGZAG[k]] / t.q[ZIGZAG[k]]);
        // DC
        const diff = q[0] - pred[comp];
        pred[comp] = q[0];
        const dcCat = magnitude(diff);
        const [dcCode, dcLen] = t.dc.get(dcCat);
        putBits(dcCode, dcLen);
        if (dcCat) putBits(diff < 0 ? diff + (1 << dcCat) - 1 : diff, dcCat);
        // AC
        let last = 63;
        while (last > 0 && q[last] === 0) last--;
        let run = 0;
        for (let k = 1; k <= last; k++) {
          if (q[k] === 0) {
            run++;
            continue;
          }
          while (run > 15) {
            const [c, l] = t.ac.get(0xf0);
            putBits(c, l);
            run -= 16;
          }
          const cat = magnitude(q[k]);
          const [c, l] = t.ac.get((run << 4) | cat);
          putBits(c, l);
          putBits(q[k] < 0 ? q[k] + (1 << cat) - 1 : q[k], cat);
          run = 0;
        }
        if (last < 63) {
          const [c, l] = t.ac.get(0x00);
          putBits(c, l);
        }
      }
    }
  }
  if (bitCnt > 0) putBits(0x7f, 8 - bitCnt); // pad with 1-bits

  const seg = (marker, payload) => {
    const b = Buffer.alloc(4 + payload.length);
    b[0] = 0xff;
    b[1] = marker;
    b.writeUInt16BE(payload.length + 2, 2);
    Buffer.from(payload).copy(b, 4);
    return b;
  };
  const app0 = [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 72, 0, 72, 0, 0];
  const dqt = [0x00, ...ZIGZAG.map((z) => qY[z]), 0x01, ...ZIGZAG.map((z) => qC[z])];
  const sof = [8, h >> 8, h & 0xff, w >> 8, w & 0xff, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1];
  const dht = [
    0x00,
    ...DC_LUMA.bits,
    ...DC_LUMA.vals,
    0x10,
    ...AC_LUMA.bits,
    ...AC_LUMA.vals,
    0x01,
    ...DC_CHROMA.bits,
    ...DC_CHROMA.vals,
    0x11,
    ...AC_CHROMA.bits,
    ...AC_CHROMA.vals,
  ];
  const sos = [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    seg(0xe0, app0),
    seg(0xdb, dqt),
    seg(0xc0, sof),
    seg(0xc4, dht),
    seg(0xda, sos),
    Buffer.from(bytes),
    Buffer.from([0xff, 0xd9]),
  ]);
}

// ---------------------------------------------------------------------------
// A tiny raster canvas with a 5x7 bitmap font (capitals, digits, Å Ä Ö)

const GLYPHS = {
  A: ['.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  B: ['####.', '#...#', '#...#', '####.', '#...#', '#...#', '####.'],
  C: ['.###.', '#...#', '#....', '#....', '#....', '#...#', '.###.'],
  D: ['####.', '#...#', '#...#', '#...#', '#...#', '#...#', '####.'],
  E: ['#####', '#....', '#....', '####.', '#....', '#....', '#####'],
  F: ['#####', '#....', '#....', '####.', '#....', '#....', '#....'],
  G: ['.###.', '#...#', '#....', '#.###', '#...#', '#...#', '.###.'],
  H: ['#...#', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  I: ['.###.', '..#..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  J: ['..###', '...#.', '...#.', '...#.', '...#.', '#..#.', '.##..'],
  K: ['#...#', '#..#.', '#.#..', '##...', '#.#..', '#..#.', '#...#'],
  L: ['#....', '#....', '#....', '#....', '#....', '#....', '#####'],
  M: ['#...#', '##.##', '#.#.#', '#.#.#', '#...#', '#...#', '#...#'],
  N: ['#...#', '#...#', '##..#', '#.#.#', '#..##', '#...#', '#...#'],
  O: ['.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  P: ['####.', '#...#', '#...#', '####.', '#....', '#....', '#....'],
  Q: ['.###.', '#...#', '#...#', '#...#', '#.#.#', '#..#.', '.##.#'],
  R: ['####.', '#...#', '#...#', '####.', '#.#..', '#..#.', '#...#'],
  S: ['.####', '#....', '#....', '.###.', '....#', '....#', '####.'],
  T: ['#####', '..#..', '..#..', '..#..', '..#..', '..#..', '..#..'],
  U: ['#...#', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
  V: ['#...#', '#...#', '#...#', '#...#', '#...#', '.#.#.', '..#..'],
  W: ['#...#', '#...#', '#...#', '#.#.#', '#.#.#', '#.#.#', '.#.#.'],
  X: ['#...#', '#...#', '.#.#.', '..#..', '.#.#.', '#...#', '#...#'],
  Y: ['#...#', '#...#', '.#.#.', '..#..', '..#..', '..#..', '..#..'],
  Z: ['#####', '....#', '...#.', '..#..', '.#...', '#....', '#####'],
  0: ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  1: ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  2: ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  3: ['####.', '....#', '....#', '.###.', '....#', '....#', '####.'],
  4: ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  5: ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  6: ['.###.', '#....', '#....', '####.', '#...#', '#...#', '.###.'],
  7: ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  8: ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  9: ['.###.', '#...#', '#...#', '.####', '....#', '....#', '.###.'],
  '-': ['.....', '.....', '.....', '#####', '.....', '.....', '.....'],
  '.': ['.....', '.....', '.....', '.....', '.....', '.....', '..#..'],
  ':': ['.....', '..#..', '.....', '.....', '.....', '..#..', '.....'],
  '%': ['##..#', '##..#', '...#.', '..#..', '.#...', '#..##', '#..##'],
  ' ': ['.....', '.....', '.....', '.....', '.....', '.....', '.....'],
};
// Letters with diacritics use the two rows above the cap height.
const TALL = {
  Å: ['..#..', '.#.#.', '..#..', '.###.', '#...#', '#####', '#...#', '#...#', '#...#'],
  Ä: ['.#.#.', '.....', '.###.', '#...#', '#...#', '#####', '#...#', '#...#', '#...#'],
  Ö: ['.#.#.', '.....', '.###.', '#...#', '#...#', '#...#', '#...#', '#...#', '.###.'],
};

export class Canvas {
  constructor(w, h, bg = '#ffffff') {
    this.w = w;
    this.h = h;
    this.data = new Uint8Array(w * h * 3);
    this.fillRect(0, 0, w, h, bg);
  }

  blend(x, y, c, a = 1) {
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return;
    const i = (y * this.w + x) * 3;
    for (let k = 0; k < 3; k++) this.data[i + k] = clamp255(this.data[i + k] * (1 - a) + c[k] * a);
  }

  fillRect(x, y, w, h, color, alpha = 1) {
    const c = typeof color === 'string' ? hex(color) : color;
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.w, Math.round(x + w));
    const y1 = Math.min(this.h, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) this.blend(xx, yy, c, alpha);
  }

  /** Vertical gradient between two colours. */
  gradient(x, y, w, h, top, bottom) {
    const a = hex(top);
    const b = hex(bottom);
    for (let yy = 0; yy < h; yy++) {
      const t = h > 1 ? yy / (h - 1) : 0;
      this.fillRect(
        x,
        y + yy,
        w,
        1,
        a.map((v, k) => v + (b[k] - v) * t),
      );
    }
  }

  /** Even-odd scanline fill of a polygon [[x, y], …]. */
  fillPoly(points, color, alpha = 1) {
    const c = typeof color === 'string' ? hex(color) : color;
    const ys = points.map((p) => p[1]);
    const yMin = Math.max(0, Math.floor(Math.min(...ys)));
    const yMax = Math.min(this.h - 1, Math.ceil(Math.max(...ys)));
    for (let y = yMin; y <= yMax; y++) {
      const sy = y + 0.5;
      const xs = [];
      for (let i = 0; i < points.length; i++) {
        const [x0, y0] = points[i];
        const [x1, y1] = points[(i + 1) % points.length];
        if ((y0 <= sy && y1 > sy) || (y1 <= sy && y0 > sy)) xs.push(x0 + ((sy - y0) / (y1 - y0)) * (x1 - x0));
      }
      xs.sort((p, q) => p - q);
      for (let i = 0; i + 1 < xs.length; i += 2) {
        const xa = Math.max(0, Math.round(xs[i]));
        const xb = Math.min(this.w, Math.round(xs[i + 1]));
        for (let x = xa; x < xb; x++) this.blend(x, y, c, alpha);
      }
    }
  }

  circle(cx, cy, r, color, alpha = 1) {
    const c = typeof color === 'string' ? hex(color) : color;
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        const dx = x + 0.5 - cx;
        const dy = y + 0.5 - cy;
        if (dx * dx + dy * dy <= r * r) this.blend(x, y, c, alpha);
      }
    }
  }

  ellipse(cx, cy, rx, ry, color) {
    const c = hex(color);
    for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++) {
      for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x++) {
        const dx = (x + 0.5 - cx) / rx;
        const dy = (y + 0.5 - cy) / ry;
        if (dx * dx + dy * dy <= 1) this.blend(x, y, c);
      }
    }
  }

  /** A thick straight segment with round ends. */
  line(x0, y0, x1, y1, width, color, alpha = 1) {
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const nx = ((y0 - y1) / len) * (width / 2);
    const ny = ((x1 - x0) / len) * (width / 2);
    this.fillPoly(
      [
        [x0 + nx, y0 + ny],
        [x1 + nx, y1 + ny],
        [x1 - nx, y1 - ny],
        [x0 - nx, y0 - ny],
      ],
      color,
      alpha,
    );
    if (alpha === 1) {
      this.circle(x0, y0, width / 2, color);
      this.circle(x1, y1, width / 2, color);
    }
  }

  polyline(points, width, color) {
    for (let i = 0; i + 1 < points.length; i++) this.line(...points[i], ...points[i + 1], width, color);
  }

  /** A dashed closed outline. */
  dashedLoop(points, width, color, dash = 14, gap = 8) {
    const pts = [...points, points[0]];
    let phase = 0;
    for (let i = 0; i + 1 < pts.length; i++) {
      const [x0, y0] = pts[i];
      const [x1, y1] = pts[i + 1];
      const len = Math.hypot(x1 - x0, y1 - y0);
      let t = 0;
      while (t < len) {
        const on = phase < dash;
        const step = Math.min(len - t, on ? dash - phase : dash + gap - phase);
        if (on) {
          const a = t / len;
          const b = (t + step) / len;
          this.line(x0 + (x1 - x0) * a, y0 + (y1 - y0) * a, x0 + (x1 - x0) * b, y0 + (y1 - y0) * b, width, color);
        }
        t += step;
        phase = (phase + step) % (dash + gap);
      }
    }
  }

  textWidth(str, scale) {
    return str.length * 6 * scale - scale;
  }

  /** Draws capitals with the bitmap font; (x, y) is the top of the cap height. */
  text(x, y, str, scale, color, halo) {
    if (halo)
      for (const [dx, dy] of [
        [-1, 0],
        [1, 0],
        [0, -1],
        [0, 1],
        [-1, -1],
        [1, 1],
        [-1, 1],
        [1, -1],
      ])
        this.text(x + dx * scale, y + dy * scale, str, scale, halo);
    const c = hex(color);
    let cx = x;
    for (const ch of str.toUpperCase()) {
      const tall = TALL[ch];
      const rows = tall ?? GLYPHS[ch] ?? GLYPHS[' '];
      const top = tall ? y - 2 * scale : y;
      rows.forEach((row, ry) => {
        for (let rx = 0; rx < 5; rx++) if (row[rx] === '#') this.fillRect(cx + rx * scale, top + ry * scale, scale, scale, c);
      });
      cx += 6 * scale;
    }
  }

  noise(amount, seed) {
    const r = rng(seed);
    for (let i = 0; i < this.data.length; i += 3) {
      const n = (r() - 0.5) * 2 * amount;
      for (let k = 0; k < 3; k++) this.data[i + k] = clamp255(this.data[i + k] + n);
    }
  }
}
