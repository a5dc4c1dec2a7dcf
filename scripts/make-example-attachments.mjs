#!/usr/bin/env node
// Generates the attachments (bilagor) of the two example applications in
// examples/: small PDFs with Swedish text, PNG maps and JPEG photos.
//
//   node scripts/make-example-attachments.mjs
//
// The output is deterministic: the same bytes on every run and machine
// (fixed PDF dates, producer and font name; seeded noise in the photos), so
// the committed files only change when this script changes.
// PDFs use pdf-lib with an embedded, subsetted DejaVu Sans so å ä ö – ” ≥
// render and can be searched. PNG and JPEG are written by the small encoders
// below (node:zlib for PNG, a baseline JPEG encoder) to need no image library.

import { mkdirSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { Canvas, encodeJpeg, encodePng, hex, rng } from './lib/images.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fontDir = join(root, 'node_modules', 'dejavu-fonts-ttf', 'ttf');

// ---------------------------------------------------------------------------
// Pictures

/** The street plan shared by the area map and the overview plan of Storviks centrum. */
function storvikBase(c) {
  c.fillRect(0, 0, c.w, c.h, '#f1ede3');
  // Storån runs from the north-west to the south-east.
  c.polyline(
    [
      [-20, 90],
      [120, 120],
      [230, 95],
      [330, 60],
      [470, 70],
      [620, 40],
      [820, 55],
    ],
    46,
    '#9cc7e6',
  );
  // Stadsparken on the south bank of the river.
  c.fillPoly(
    [
      [150, 140],
      [300, 112],
      [300, 190],
      [150, 205],
    ],
    '#b9d9a2',
  );
  // City blocks.
  const blocks = [
    [70, 220, 100, 40],
    [190, 220, 90, 40],
    [330, 290, 110, 50],
    [460, 220, 80, 40],
    [560, 220, 90, 40],
    [670, 220, 90, 40],
    [70, 290, 210, 50],
    [460, 290, 80, 50],
    [600, 290, 160, 50],
    [70, 370, 210, 80],
    [330, 370, 200, 80],
    [600, 370, 160, 80],
    [330, 120, 110, 55],
    [460, 120, 80, 55],
    [560, 120, 200, 55],
  ];
  for (const [x, y, w, h] of blocks) {
    c.fillRect(x, y, w, h, '#ddd2c3');
    for (let bx = x + 6; bx + 18 < x + w; bx += 26) c.fillRect(bx, y + 6, 18, h - 12, '#c9b8a4');
  }
  // Stortorget and the church.
  c.fillRect(330, 200, 110, 60, '#ead9b0');
  c.fillRect(460, 130, 30, 35, '#a98f73');
  c.fillPoly(
    [
      [460, 130],
      [475, 112],
      [490, 130],
    ],
    '#8b7158',
  );
  // Streets: casing first, then the white carriageway.
  const streets = [
    [
      [30, 275],
      [780, 275],
    ], // Storgatan
    [
      [305, 110],
      [305, 470],
    ], // Kyrkogatan
    [
      [555, 110],
      [555, 470],
    ], // Stationsgatan
    [
      [30, 355],
      [780, 355],
    ], // Västra/Östra Långgatan
    [
      [30, 200],
      [780, 200],
    ], // Strandgatan
  ];
  for (const s of streets) c.polyline(s, 16, '#b5aea3');
  for (const s of streets) c.polyline(s, 12, '#ffffff');
  // The railway and the travel centre.
  c.line(20, 492, 780, 492, 6, '#4d4d4d');
  for (let x = 24; x < 780; x += 24) c.line(x, 492, x + 12, 492, 3, '#ffffff');
  c.fillRect(520, 462, 70, 22, '#8c8c9e');
}

function storvikLabels(c) {
  const dark = '#3b3b3b';
  const halo = '#ffffff';
  c.text(90, 270, 'STORGATAN', 2, dark, halo);
  c.text(610, 350, 'LÅNGGATAN', 2, dark, halo);
  c.text(612, 195, 'STRANDGATAN', 2, dark, halo);
  c.text(318, 420, 'KYRKOGATAN', 2, dark, halo);
  c.text(566, 420, 'STATIONSGATAN', 2, dark, halo);
  c.text(345, 224, 'STORTORGET', 2, '#6b4a12', halo);
  c.text(165, 160, 'STADSPARKEN', 2, '#2f5d1e', halo);
  c.text(640, 26, 'STORÅN', 2, '#1f4e79', halo);
  c.text(496, 140, 'KYRKAN', 1, dark, halo);
  c.text(522, 505, 'RESECENTRUM', 2, dark, halo);
  // North arrow and scale bar.
  c.fillPoly(
    [
      [762, 96],
      [772, 126],
      [762, 118],
      [752, 126],
    ],
    '#3b3b3b',
  );
  c.text(758, 80, 'N', 2, dark, halo);
  c.fillRect(40, 530, 160, 6, '#3b3b3b');
  c.fillRect(40, 530, 80, 6, '#ffffff');
  c.fillRect(40, 530, 160, 1, '#3b3b3b');
  c.text(40, 541, '0', 1, dark);
  c.text(112, 541, '100', 1, dark);
  c.text(190, 541, '200 M', 1, dark);
}

function storvikMap() {
  const c = new Canvas(800, 560);
  storvikBase(c);
  const area = [
    [60, 185],
    [300, 150],
    [470, 105],
    [700, 100],
    [770, 180],
    [770, 460],
    [320, 470],
    [60, 460],
  ];
  c.fillPoly(area, '#d0312d', 0.1);
  c.dashedLoop(area, 4, '#d0312d');
  storvikLabels(c);
  // Title and legend.
  c.fillRect(16, 14, 330, 50, '#ffffff');
  c.text(26, 24, 'STORVIKS CENTRUM', 2, '#1b1b1b');
  c.text(26, 46, 'ARBETSOMRÅDE CENTRUMSAMVERKAN STORVIK', 1, '#555555');
  c.fillRect(240, 508, 228, 46, '#ffffff');
  c.line(250, 522, 280, 522, 4, '#d0312d');
  c.text(290, 519, 'ARBETSOMRÅDE CA 38 HA', 1, '#1b1b1b');
  c.fillRect(250, 536, 30, 10, '#b9d9a2');
  c.text(290, 538, 'PARK', 1, '#1b1b1b');
  c.fillRect(340, 536, 30, 10, '#9cc7e6');
  c.text(380, 538, 'VATTEN', 1, '#1b1b1b');
  return c;
}

function storvikPlan() {
  const c = new Canvas(800, 560);
  storvikBase(c);
  // Zones of the overview plan.
  c.fillRect(40, 262, 730, 26, '#f28c28', 0.45); // handelsstråk Storgatan
  c.fillRect(330, 290, 110, 50, '#f2d43d', 0.55); // bostäder kv. Kronan
  c.fillRect(600, 370, 160, 80, '#f2d43d', 0.55); // bostäder Stationshöjden
  c.polyline(
    [
      [150, 128],
      [300, 104],
      [470, 112],
      [620, 88],
      [770, 96],
    ],
    8,
    '#3f9b3f',
  ); // Åstråket
  storvikLabels(c);
  const marks = [
    [390, 246, '1'],
    [230, 276, '2'],
    [555, 470, '3'],
    [385, 315, '4'],
    [680, 96, '5'],
  ];
  for (const [x, y, n] of marks) {
    c.circle(x, y, 13, '#1f4e79');
    c.text(x - 4, y - 7, n, 2, '#ffffff');
  }
  c.fillRect(16, 14, 400, 50, '#ffffff');
  c.text(26, 24, 'ÖVERSIKTSPLAN STORVIKS CENTRUM', 2, '#1b1b1b');
  c.text(26, 46, 'MÅL OCH STRATEGIER 2026-2035', 1, '#555555');
  c.fillRect(16, 384, 290, 166, '#ffffff');
  c.fillRect(26, 394, 26, 10, '#f28c28');
  c.text(60, 396, 'HANDELSSTRÅK', 1, '#1b1b1b');
  c.fillRect(26, 412, 26, 10, '#f2d43d');
  c.text(60, 414, 'NYA BOSTÄDER', 1, '#1b1b1b');
  c.line(26, 435, 52, 435, 6, '#3f9b3f');
  c.text(60, 432, 'ÅSTRÅKET GÅNG OCH CYKEL', 1, '#1b1b1b');
  const legend = [
    '1 STORTORGET NY BELYSNING',
    '2 LOKALER I BOTTENVÅNING',
    '3 CYKELPARKERING RESECENTRUM',
    '4 BOSTÄDER OVAN BUTIK',
    '5 BRYGGA VID STORÅN',
  ];
  legend.forEach((t, i) => c.text(26, 452 + i * 18, t, 1, '#1f4e79'));
  return c;
}

/** A street scene of Storgatan, before (2023) or after (2026) the work of the collaboration. */
function storgatanPhoto(after) {
  const W = 640;
  const H = 400;
  const c = new Canvas(W, H);
  const r = rng(after ? 2026 : 2023);
  if (after) c.gradient(0, 0, W, 170, '#6fa6dc', '#d8eaf8');
  else c.gradient(0, 0, W, 170, '#9ea3a9', '#d3d5d8');
  const facades = after ? ['#d9a441', '#b5523b', '#efe2b8', '#7e9a8a', '#f3efe6'] : ['#a89a80', '#8e6f66', '#c9c3b3', '#8a918c', '#cfccc6'];
  const tops = [70, 40, 88, 55, 76];
  const signs = after ? ['KAFFE', 'BOKHANDEL', 'BLOMMOR', 'SKOR', 'BAGERI'] : ['KAFFE', 'LEDIG LOKAL', '', 'SKOR', 'LEDIG LOKAL'];
  for (let i = 0; i < 5; i++) {
    const x = i * 128;
    c.fillRect(x, tops[i], 128, 280 - tops[i], facades[i]);
    c.fillRect(x, tops[i], 128, 6, '#5d5d5d');
    for (let wy = tops[i] + 20; wy < 190; wy += 42) {
      for (let wx = x + 14; wx + 22 < x + 128; wx += 38) {
        c.fillRect(wx - 2, wy - 2, 26, 34, '#f7f7f2');
        c.gradient(wx, wy, 22, 30, after ? '#6d8fb0' : '#5b6670', after ? '#b8d1e6' : '#8d959c');
      }
    }
    // Shop front on the ground floor.
    const vacant = signs[i] === 'LEDIG LOKAL';
    c.fillRect(x + 8, 200, 112, 78, '#3f3a36');
    if (vacant) {
      c.fillRect(x + 12, 204, 104, 74, '#8b6b47');
      for (let py = 210; py < 276; py += 10) c.fillRect(x + 12, py, 104, 2, '#6e5236');
      c.fillRect(x + 22, 222, 84, 20, '#f4f1e8');
      c.text(x + 25, 229, 'LEDIG LOKAL', 1, '#b0302a');
    } else {
      c.gradient(x + 12, 206, 104, 70, after ? '#ffe3a3' : '#7c8288', after ? '#f2b35c' : '#5f656b');
      c.fillRect(x + 62, 206, 4, 70, '#3f3a36');
    }
    if (signs[i] && !vacant) {
      const sw = c.textWidth(signs[i], 2);
      c.fillRect(x + 64 - sw / 2 - 6, 182, sw + 12, 18, after ? '#23395b' : '#4a4a4a');
      c.text(x + 64 - sw / 2, 184, signs[i], 2, '#ffffff');
    }
    if (after && !vacant) {
      // Striped awning.
      for (let s = 0; s < 8; s++)
        c.fillPoly(
          [
            [x + 8 + s * 14, 200],
            [x + 22 + s * 14, 200],
            [x + 26 + s * 14, 214],
            [x + 12 + s * 14, 214],
          ],
          s % 2 ? '#ffffff' : i % 2 ? '#2e7d4f' : '#c0392b',
        );
    }
  }
  // Pavement and street.
  c.fillRect(0, 278, W, 52, after ? '#cfc8bd' : '#b9b6b1');
  for (let x = 0; x < W; x += 32) c.fillRect(x, 278, 1, 52, '#a9a39a');
  c.fillRect(0, 302, W, 1, '#a9a39a');
  c.fillRect(0, 330, W, 6, '#8f8a84');
  c.gradient(0, 336, W, 64, after ? '#6d6d6d' : '#5b5b5b', after ? '#4e4e4e' : '#434343');
  for (let x = 10; x < W; x += 70) c.fillRect(x, 366, 36, 4, '#e6e6e6');
  if (after) {
    for (const tx of [128, 384]) {
      c.fillRect(tx - 14, 300, 28, 22, '#7a5a3a');
      c.fillRect(tx - 3, 250, 6, 52, '#5b4330');
      c.circle(tx, 240, 26, '#3f7f3a');
      c.circle(tx - 12, 246, 17, '#4f9447');
      c.circle(tx + 11, 232, 15, '#5aa451');
      for (let k = 0; k < 10; k++) c.circle(tx - 12 + r() * 24, 298 + r() * 4, 3, ['#e84a5f', '#ffd166', '#f78fb3'][k % 3]);
    }
    // Bench, bicycle stand and lamp posts.
    c.fillRect(160, 296, 60, 6, '#6b4f34');
    c.fillRect(162, 302, 4, 14, '#333333');
    c.fillRect(214, 302, 4, 14, '#333333');
    for (let k = 0; k < 5; k++) c.line(420 + k * 14, 312, 420 + k * 14, 294, 2, '#555555');
    c.line(416, 294, 480, 294, 2, '#555555');
    for (const lx of [254, 510]) {
      c.fillRect(lx, 170, 4, 130, '#2d2d2d');
      c.circle(lx + 2, 168, 7, '#fff3c4');
    }
    // People.
    const people = [
      [60, '#c0392b'],
      [232, '#2c3e50'],
      [290, '#8e44ad'],
      [545, '#16a085'],
      [610, '#d35400'],
    ];
    for (const [px, col] of people) {
      c.ellipse(px, 292, 7, 17, col);
      c.circle(px, 268, 6, '#e0b48f');
      c.fillRect(px - 5, 306, 4, 18, '#34495e');
      c.fillRect(px + 1, 306, 4, 18, '#34495e');
    }
  } else {
    for (const [cx, col] of [
      [90, '#7f8c8d'],
      [300, '#95a5a6'],
      [520, '#6c7a89'],
    ]) {
      c.fillRect(cx - 50, 344, 100, 26, col);
      c.fillRect(cx - 32, 330, 64, 16, col);
      c.fillRect(cx - 28, 333, 56, 11, '#b4c2cc');
      c.circle(cx - 30, 372, 9, '#222222');
      c.circle(cx + 30, 372, 9, '#222222');
    }
    c.fillRect(440, 190, 4, 110, '#555555');
  }
  c.noise(2.5, after ? 7 : 3);
  const caption = after ? 'STORGATAN EFTER 2026' : 'STORGATAN FÖRE 2023';
  c.fillRect(0, H - 26, c.textWidth(caption, 2) + 20, 26, '#000000', 0.55);
  c.text(10, H - 19, caption, 2, '#ffffff');
  return c;
}

function alvbackaLogo() {
  const c = new Canvas(240, 120, '#ffffff');
  c.circle(56, 60, 40, '#1a7f8e');
  c.polyline(
    [
      [20, 66],
      [36, 56],
      [52, 66],
      [68, 56],
      [84, 66],
      [94, 60],
    ],
    6,
    '#ffffff',
  );
  c.polyline(
    [
      [24, 80],
      [40, 70],
      [56, 80],
      [72, 70],
      [88, 80],
    ],
    5,
    '#bfe6ea',
  );
  c.text(108, 42, 'ÄLVBACKA', 2, '#1a7f8e');
  c.text(108, 66, 'HANDEL', 2, '#333333');
  c.text(108, 86, 'SEDAN 1987', 1, '#888888');
  return c;
}

// ---------------------------------------------------------------------------
// PDF documents: a title block, then headings, paragraphs, lists and tables

const FONT_REGULAR = readFileSync(join(fontDir, 'DejaVuSans.ttf'));
const FONT_BOLD = readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf'));
const A4 = [595.28, 841.89];
const MARGIN = 56;
const colour = (h) => rgb(...hex(h).map((v) => v / 255));

function wrapText(text, font, size, maxWidth) {
  const lines = [];
  for (const para of String(text).split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(candidate, size) > maxWidth) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

/**
 * Builds one PDF. `doc`: { org, accent, title, subtitle, date (YYYY-MM-DD), author,
 * subject, draft, blocks: [{h}|{p}|{ul: []}|{ol: []}|{table: {widths, head, rows}}|{sign: []}|{pagebreak}] }
 */
async function makePdf(doc) {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const reg = await pdf.embedFont(FONT_REGULAR, { subset: true, customName: 'DejaVuSans' });
  const bold = await pdf.embedFont(FONT_BOLD, { subset: true, customName: 'DejaVuSans-Bold' });
  const accent = colour(doc.accent);
  const ink = colour('#1b1b1b');
  const grey = colour('#5f5f5f');
  const width = A4[0] - 2 * MARGIN;
  let page;
  let y;

  const newPage = () => {
    page = pdf.addPage(A4);
    page.drawRectangle({ x: 0, y: A4[1] - 10, width: A4[0], height: 10, color: accent });
    page.drawText(doc.org, { x: MARGIN, y: A4[1] - 32, size: 8.5, font: bold, color: accent });
    if (doc.draft)
      page.drawText('UTKAST', {
        x: A4[0] - MARGIN - bold.widthOfTextAtSize('UTKAST', 8.5),
        y: A4[1] - 32,
        size: 8.5,
        font: bold,
        color: colour('#b0302a'),
      });
    y = A4[1] - 64;
  };
  const ensure = (h) => {
    if (y - h < MARGIN + 24) newPage();
  };
  const text = (str, { font = reg, size = 10.5, lead = size * 1.42, x = MARGIN, w = width, color = ink } = {}) => {
    for (const line of wrapText(str, font, size, w)) {
      ensure(lead);
      page.drawText(line, { x, y: y - size, size, font, color });
      y -= lead;
    }
  };

  newPage();
  text(doc.title, { font: bold, size: 19, lead: 25, color: accent });
  if (doc.subtitle) text(doc.subtitle, { size: 11.5, lead: 16, color: grey });
  y -= 6;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + width, y }, thickness: 0.8, color: accent });
  y -= 14;

  for (const b of doc.blocks) {
    if (b.h) {
      y -= 6;
      ensure(40);
      text(b.h, { font: bold, size: 12.5, lead: 18, color: accent });
      y -= 2;
    } else if (b.p) {
      text(b.p);
      y -= 6;
    } else if (b.ul || b.ol) {
      (b.ul ?? b.ol).forEach((item, i) => {
        const mark = b.ul ? '•' : `${i + 1}.`;
        ensure(15);
        page.drawText(mark, { x: MARGIN + 6, y: y - 10.5, size: 10.5, font: reg, color: accent });
        text(item, { x: MARGIN + 22, w: width - 22 });
        y -= 2;
      });
      y -= 4;
    } else if (b.table) {
      const { widths, head, rows } = b.table;
      const total = widths.reduce((s, v) => s + v, 0);
      const cols = widths.map((v) => (v / total) * width);
      const drawRow = (cells, font, fill) => {
        const size = 9;
        const lead = 12;
        const wrapped = cells.map((cell, i) => wrapText(cell, font, size, cols[i] - 8));
        const h = Math.max(...wrapped.map((l) => l.length)) * lead + 8;
        ensure(h);
        let x = MARGIN;
        wrapped.forEach((lines, i) => {
          page.drawRectangle({ x, y: y - h, width: cols[i], height: h, borderColor: colour('#b9b9b9'), borderWidth: 0.5, color: fill });
          lines.forEach((line, k) => page.drawText(line, { x: x + 4, y: y - 4 - size - k * lead + 1, size, font, color: ink }));
          x += cols[i];
        });
        y -= h;
      };
      drawRow(head, bold, colour('#e8eef5'));
      for (const row of rows) drawRow(row, reg, undefined);
      y -= 12;
    } else if (b.sign) {
      y -= 18;
      ensure(50);
      const colW = width / b.sign.length;
      b.sign.forEach((name, i) => {
        const x = MARGIN + i * colW;
        page.drawLine({ start: { x, y }, end: { x: x + colW - 24, y }, thickness: 0.6, color: grey });
        wrapText(name, reg, 9, colW - 24).forEach((line, k) =>
          page.drawText(line, { x, y: y - 12 - k * 11, size: 9, font: reg, color: grey }),
        );
      });
      y -= 48;
    } else if (b.pagebreak) {
      newPage();
    }
  }

  const pages = pdf.getPages();
  pages.forEach((p, i) => {
    const footer = `${doc.org} · ${doc.title}`;
    const shortFooter = footer.length > 90 ? `${footer.slice(0, 87)}…` : footer;
    p.drawText(shortFooter, { x: MARGIN, y: MARGIN - 24, size: 8, font: reg, color: grey });
    const num = `Sida ${i + 1} av ${pages.length}`;
    p.drawText(num, { x: A4[0] - MARGIN - reg.widthOfTextAtSize(num, 8), y: MARGIN - 24, size: 8, font: reg, color: grey });
  });

  const when = new Date(`${doc.date}T10:00:00Z`);
  pdf.setTitle(doc.title);
  pdf.setAuthor(doc.author ?? doc.org);
  pdf.setSubject(doc.subject ?? doc.title);
  pdf.setLanguage('sv-SE');
  pdf.setProducer('pdf-lib (qm exempelbilagor)');
  pdf.setCreator('scripts/make-example-attachments.mjs');
  pdf.setCreationDate(when);
  pdf.setModificationDate(when);
  return Buffer.from(await pdf.save());
}

// ---------------------------------------------------------------------------
// Storvik: the complete example

const STORVIK = { org: 'Centrumsamverkan Storvik', accent: '#1f4e79' };

const storvikDocs = [
  {
    file: 'bilagor/nulagesanalys-2026.pdf',
    title: 'Nulägesanalys och SWOT 2026',
    subtitle: 'Storviks centrum – underlag till verksamhetsplan och ansökan om Quality Mark',
    date: '2026-03-16',
    blocks: [
      { h: 'Sammanfattning' },
      {
        p: 'Storviks centrum har återhämtat sig efter pandemiåren. Vakansgraden i bottenvåningarna har sjunkit från 11,4 % år 2023 till 8,7 % år 2025 och fotgängarflödet på Storgatan har ökat med drygt 10 %. Samtidigt är kvällsekonomin svag, och konkurrensen från Norrängens handelsområde och e-handeln består.',
      },
      { h: 'Nyckeltal' },
      {
        table: {
          widths: [4, 1.4, 1.4, 1.4],
          head: ['Nyckeltal', '2023', '2024', '2025'],
          rows: [
            ['Vakansgrad i bottenvåningar', '11,4 %', '10,1 %', '8,7 %'],
            ['Fotgängare på Storgatan, passager per vecka', '48 200', '50 100', '53 900'],
            ['Boende inom arbetsområdet', '3 412', '3 455', '3 520'],
            ['Invånare som känner sig trygga kvällstid', '58 %', '61 %', '66 %'],
          ],
        },
      },
      { h: 'Styrkor' },
      {
        ul: [
          'Ett samlat och promenadvänligt centrum med Storån, Stortorget och resecentrum inom tio minuters gångavstånd.',
          'Långsiktig finansiering där kommun, fastighetsägare och handel bidrar.',
          'Ett starkt evenemangsprogram som lockar besökare från hela regionen.',
        ],
      },
      { h: 'Svagheter' },
      {
        ul: [
          'Få mötesplatser och öppna verksamheter efter klockan 18.',
          'Tomma lokaler på Östra Långgatan.',
          'Bristande skyltning mellan resecentrum och Storgatan.',
        ],
      },
      { h: 'Möjligheter' },
      {
        ul: [
          'Nya bostäder i kvarteret Kronan och vid Stationshöjden.',
          'Åstråket kan bli ett attraktivt gång- och cykelstråk längs Storån.',
          'Besöksnäringen växer i hela Norrmark.',
        ],
      },
      { h: 'Hot' },
      {
        ul: [
          'Fortsatt växande e-handel och externhandel.',
          'Stigande räntor kan fördröja fastighetsägarnas investeringar.',
          'Otrygghet kvällstid om belysning och underhåll eftersätts.',
        ],
      },
    ],
  },
  {
    file: 'bilagor/organisationsmatris.pdf',
    title: 'Organisationsmatris',
    subtitle: 'Aktörer, ”ägar”fördelning och grupper i Centrumsamverkan Storvik',
    date: '2026-02-10',
    blocks: [
      { h: 'Aktörer och ägarfördelning' },
      {
        p: 'Centrumsamverkan Storvik är en ideell förening som bildades 2016-03-01. Medlemmarna är Storviks kommun, Fastighetsägarna i Storviks centrum och Storviks Handelsförening. Andelen anger inflytande i styrelsen och andel av grundfinansieringen.',
      },
      {
        table: {
          widths: [3, 1.4, 1, 2, 1.6],
          head: ['Aktör', 'Sektor', 'Andel', 'Representerar', 'Platser i styrelsen'],
          rows: [
            ['Storviks kommun', 'offentlig', '40 %', 'Kommunstyrelsen och förvaltningarna', '3'],
            ['Fastighetsägarna i Storviks centrum', 'privat', '35 %', '28 fastighetsägare', '2'],
            ['Storviks Handelsförening', 'privat', '25 %', '112 företag', '2'],
          ],
        },
      },
      { h: 'Grupper' },
      {
        table: {
          widths: [2, 3, 1.6, 3],
          head: ['Grupp', 'Mandat', 'Möten', 'Beslutsväg'],
          rows: [
            [
              'Styrelse (7 ledamöter)',
              'Beslutar om vision, mål, verksamhetsplan och budget',
              'Sex gånger per år',
              'Enkel majoritet; investeringar i allmän platsmark kräver kommunens ledamöters stöd',
            ],
            [
              'Ledningsgrupp',
              'Bereder styrelsens ärenden och leder det löpande arbetet',
              'Varannan vecka',
              'Samförstånd; större frågor till styrelsen',
            ],
            [
              'Arbetsgrupp Trygghet och stadsmiljö',
              'Trygghetsvandringar och åtgärder i stadsmiljön',
              'Månadsvis',
              'Förslag till ledningsgruppen',
            ],
            [
              'Arbetsgrupp Evenemang och marknadsföring',
              'Evenemangsprogrammet och gemensam marknadsföring',
              'Varannan vecka under säsong',
              'Förslag till ledningsgruppen',
            ],
            ['Referensgrupp', 'Rådgivande till styrelsen', 'Två gånger per år', 'Synpunkter protokollförs till styrelsen'],
          ],
        },
      },
      { h: 'Samverkan utanför de formella grupperna' },
      {
        p: 'Region Norrmark, Visit Storvik, Storviks folkhögskola och föreningen Storåns vänner deltar i enskilda projekt och bjuds in till medlemsmöten.',
      },
    ],
  },
  {
    file: 'bilagor/protokoll-styrelsemote-2025-12-04.pdf',
    title: 'Protokoll från styrelsemöte 2025-12-04',
    subtitle: 'Stadshuset, sammanträdesrum Storån, kl. 15.00–17.10',
    date: '2025-12-04',
    blocks: [
      {
        p: 'Närvarande ledamöter: Anders Holm (ordförande), Maria Sundberg (vice ordförande), Erik Nyström, Sofia Åberg, Peter Lund, Lina Karlsson och Omar Haddad. Adjungerad: Karin Lindqvist, centrumledare (sekreterare).',
      },
      { h: '§ 1 Mötets öppnande och val av justerare' },
      { p: 'Ordföranden förklarade mötet öppnat. Dagordningen godkändes. Lina Karlsson valdes att jämte ordföranden justera protokollet.' },
      { h: '§ 2 Budget 2026' },
      {
        p: 'Centrumledaren föredrog förslaget till budget 2026, som bygger på samverkansavtalet med Storviks kommun, avtalet om centrumavgift med Fastighetsägarna i Storviks centrum, Handelsföreningens medlemsavgifter och beviljade projektmedel från Region Norrmark.',
      },
      {
        table: {
          widths: [4, 1.3, 2],
          head: ['Intäkter 2026', 'Sektor', 'Belopp, kr'],
          rows: [
            ['Storviks kommun (samverkansavtal)', 'offentlig', '1 560 000'],
            ['Fastighetsägarna i Storviks centrum (centrumavgift)', 'privat', '1 365 000'],
            ['Storviks Handelsförening (medlemsavgifter)', 'privat', '585 000'],
            ['Region Norrmark (projektmedel Åstråket)', 'offentlig', '390 000'],
            ['Summa', '', '3 900 000'],
          ],
        },
      },
      {
        table: {
          widths: [4, 3.3],
          head: ['Kostnader 2026', 'Belopp, kr'],
          rows: [
            ['Personal och kansli (2,5 årsarbetskrafter)', '1 520 000'],
            ['Åtgärder enligt verksamhetsplan 2026 (A1–A6)', '2 100 000'],
            ['Gemensam marknadsföring och kommunikation', '180 000'],
            ['Oförutsett', '100 000'],
            ['Summa', '3 900 000'],
          ],
        },
      },
      {
        p: 'Styrelsen beslutade att fastställa budgeten för 2026 enligt förslaget, med intäkter och kostnader om 3 900 000 kr, och att ekonomin följs upp månadsvis av ledningsgruppen och vid varje styrelsemöte.',
      },
      { h: '§ 3 Mötets avslutande' },
      { p: 'Ordföranden tackade för ett gott arbete under året och avslutade mötet.' },
      { sign: ['Anders Holm, ordförande', 'Karin Lindqvist, sekreterare', 'Lina Karlsson, justerare'] },
    ],
  },
  {
    file: 'bilagor/avtal-storviks-kommun.pdf',
    title: 'Samverkansavtal 2026–2029',
    subtitle: 'mellan Storviks kommun och Centrumsamverkan Storvik',
    date: '2025-10-28',
    blocks: [
      { h: '§ 1 Parter' },
      { p: 'Storviks kommun, genom kommunstyrelsen, och Centrumsamverkan Storvik, ideell förening med organisationsnummer 802439-4630.' },
      { h: '§ 2 Syfte' },
      {
        p: 'Avtalet reglerar kommunens deltagande i och finansiering av det gemensamma arbetet för ett attraktivt, tryggt och hållbart Storviks centrum enligt föreningens vision och verksamhetsplan.',
      },
      { h: '§ 3 Finansiering' },
      {
        p: 'Kommunen bidrar med 1 560 000 kr per år under avtalsperioden. Beloppet räknas upp årligen med konsumentprisindex. Utbetalning sker kvartalsvis i förskott.',
      },
      { h: '§ 4 Åtaganden' },
      {
        ul: [
          'Kommunen deltar med tre ledamöter i föreningens styrelse.',
          'Kommunen ansvarar för drift och underhåll av allmän platsmark inom arbetsområdet.',
          'Föreningen redovisar verksamhet och ekonomi till kommunstyrelsen en gång per år.',
        ],
      },
      { h: '§ 5 Giltighet' },
      { p: 'Avtalet gäller från och med 2026-01-01 till och med 2029-12-31.' },
      {
        sign: ['För Storviks kommun: Maria Sundberg, kommunstyrelsens ordförande', 'För Centrumsamverkan Storvik: Anders Holm, ordförande'],
      },
    ],
  },
  {
    file: 'bilagor/avtal-centrumavgift-fastighetsagarna.pdf',
    title: 'Avtal om centrumavgift 2026–2028',
    subtitle: 'mellan Fastighetsägarna i Storviks centrum och Centrumsamverkan Storvik',
    date: '2025-11-05',
    blocks: [
      { h: '§ 1 Centrumavgift' },
      {
        p: 'Fastighetsägarna i Storviks centrum betalar en gemensam centrumavgift om 1 365 000 kr för år 2026. Avgiften fördelas mellan de 28 anslutna fastighetsägarna efter lokalarea i bottenvåningen inom arbetsområdet.',
      },
      { h: '§ 2 Användning' },
      {
        p: 'Avgiften används till gemensamma insatser för levande bottenvåningar, trygghet, stadsmiljö och marknadsföring enligt den verksamhetsplan som styrelsen fastställer.',
      },
      { h: '§ 3 Uppföljning och giltighet' },
      {
        p: 'Föreningen redovisar hur avgiften har använts vid fastighetsägarnas årsmöte. Avtalet gäller 2026-01-01–2028-12-31 och omförhandlas senast 2028-06-30.',
      },
      { sign: ['För Fastighetsägarna i Storviks centrum: Peter Lund', 'För Centrumsamverkan Storvik: Anders Holm'] },
    ],
  },
  {
    file: 'bilagor/vision-och-affarside-2026-2029.pdf',
    title: 'Vision och affärsidé 2026–2029',
    subtitle: 'Beslutad av styrelsen 2025-11-20 och ställd bakom av kommunstyrelsen 2025-12-09 (§ 214)',
    date: '2025-11-20',
    blocks: [
      { h: 'Vision' },
      {
        p: '”Storviks centrum är Norrmarks mest levande mötesplats – ett tryggt och grönt centrum längs Storån där handel, kultur och boende möts alla dagar i veckan.”',
      },
      { h: 'Affärsidé' },
      {
        p: 'Centrumsamverkan Storvik samlar kommunen, fastighetsägarna och näringslivet för att gemensamt och långsiktigt utveckla Storviks centrum. Vi samordnar platsutveckling, trygghetsarbete, evenemang och marknadsföring, och vi finansierar arbetet tillsammans.',
      },
      { h: 'Så ska visionen förverkligas' },
      {
        ol: [
          'Fler verksamheter i bottenvåningarna och fler som bor i centrum.',
          'En stadsmiljö som känns trygg och välkomnande även kvällstid.',
          'Enkelt att gå, cykla och åka kollektivt till centrum.',
          'Ett året-runt-program som ger anledningar att besöka centrum.',
        ],
      },
      { h: 'Samsyn' },
      { p: 'Visionen har tagits fram i dialog med medlemmarna, referensgruppen och invånarna under 2025. Bakom den står:' },
      {
        ul: [
          'Styrelsen för Centrumsamverkan Storvik',
          'Kommunstyrelsen i Storviks kommun',
          'Fastighetsägarna i Storviks centrum',
          'Storviks Handelsförening',
        ],
      },
    ],
  },
  {
    file: 'bilagor/mal-och-strategier-2026-2035.pdf',
    title: 'Mål och strategier 2026–2035',
    subtitle: 'Centrumsamverkan Storvik – antagna av styrelsen 2025-11-20',
    date: '2025-11-20',
    blocks: [
      { h: 'Mål' },
      {
        table: {
          widths: [0.6, 5, 0.9, 1.4],
          head: ['Id', 'Mål', 'År', 'Horisont'],
          rows: [
            ['M1', 'Vakansgraden i bottenvåningarna ska vara högst 5 %.', '2028', 'kort'],
            ['M2', 'Minst 70 % av besökarna ger centrum betyget 4 eller 5.', '2028', 'kort'],
            ['M3', 'Minst 75 % av invånarna känner sig trygga i centrum kvällstid.', '2029', 'kort'],
            ['M4', 'Minst 60 % av besöken sker till fots, med cykel eller kollektivt (hållbarhetsmål).', '2032', 'lång'],
            ['M5', 'Antalet boende inom arbetsområdet ökar till 3 900.', '2035', 'lång'],
          ],
        },
      },
      { h: 'Strategier' },
      {
        ul: [
          'S1 Levande bottenvåningar och fler boende (M1, M5).',
          'S2 En trygg, ren och vacker stadsmiljö (M2, M3).',
          'S3 Hållbar tillgänglighet – gå, cykla och åka kollektivt (M4).',
          'S4 Gemensam marknadsföring och evenemang året runt (M1, M2).',
        ],
      },
      { h: 'Förankring' },
      {
        p: 'Målen och strategierna har remitterats till medlemmarna och referensgruppen, antagits av styrelsen 2025-11-20 och ställts bakom av kommunstyrelsen 2025-12-09. De följs upp årligen och revideras vid behov inför varje ny verksamhetsplan.',
      },
    ],
  },
  {
    file: 'bilagor/verksamhetsplan-2026-2029.pdf',
    title: 'Flerårig verksamhetsplan 2026–2029',
    subtitle: 'Övergripande åtgärdsprogram och arbetsområden för Storviks centrum',
    date: '2025-12-04',
    blocks: [
      {
        p: 'Planen beskriver de åtgärder som ska leda mot målen i Mål och strategier 2026–2035. Den revideras varje höst när nästa års detaljerade verksamhetsplan tas fram.',
      },
      {
        table: {
          widths: [0.6, 4, 1.2, 1.2, 1.2, 1.2],
          head: ['Id', 'Åtgärd', '2026', '2027', '2028', '2029'],
          rows: [
            ['A1', 'Lokalförmedling och etableringsstöd', 'x', 'x', '', ''],
            ['A2', 'Belysning och trygghetsvandringar', 'x', '', '', ''],
            ['A3', 'Evenemangsprogrammet Storvik lever', 'x', 'x', 'x', 'x'],
            ['A4', 'Åstråket och cykelparkering vid resecentrum', 'x', 'x', 'x', ''],
            ['A5', 'Förstudie bostäder ovanpå butiker', '', 'x', 'x', ''],
            ['A6', 'Digital centrumguide och besöksräknare', 'x', '', '', ''],
          ],
        },
      },
      { h: 'Budget per åtgärd' },
      {
        p: 'Budgeten avser åtgärdens hela period: A1 420 000 kr, A2 650 000 kr, A3 780 000 kr för 2026 (därefter årligt beslut), A4 900 000 kr, A5 250 000 kr och A6 310 000 kr.',
      },
      { pagebreak: true },
      { h: 'Arbetsområden och ansvar' },
      {
        table: {
          widths: [3, 3, 3],
          head: ['Arbetsområde', 'Ansvarig', 'Strategi'],
          rows: [
            ['Platsutveckling och stadsmiljö', 'Storviks kommun, samhällsbyggnadsförvaltningen', 'S2, S3'],
            ['Etablering och fastighetsutveckling', 'Centrumledaren och fastighetsägarna', 'S1'],
            ['Trygghet', 'Arbetsgruppen Trygghet och stadsmiljö', 'S2'],
            ['Evenemang, marknadsföring och kommunikation', 'Projektledaren för evenemang och kommunikatören', 'S4'],
            ['Uppföljning och analys', 'Centrumledaren', 'alla'],
          ],
        },
      },
      { h: 'Tidplan för revidering' },
      {
        ol: [
          'September: Centrumundersökningen genomförs.',
          'Oktober: styrelsen jämför resultaten med målen.',
          'November: ledningsgruppen tar fram förslag till nästa års plan.',
          'December: styrelsen fastställer planen och budgeten.',
        ],
      },
    ],
  },
  {
    file: 'bilagor/verksamhetsplan-2025.pdf',
    title: 'Verksamhetsplan 2025',
    subtitle: 'Detaljerad plan för föregående år, med utfall',
    date: '2024-12-05',
    blocks: [
      {
        table: {
          widths: [3.2, 2.2, 1.4, 2.6],
          head: ['Åtgärd', 'Ansvarig', 'Budget, kr', 'Utfall'],
          rows: [
            ['Sommar- och höstprogram på Stortorget', 'Projektledare evenemang', '720 000', 'Genomfört, 14 evenemangsdagar'],
            ['Trygghetsvandringar på Storgatan', 'Arbetsgrupp Trygghet', '60 000', 'Tre vandringar, 41 åtgärdspunkter'],
            ['Digital centrumguide, etapp 1', 'Kommunikatören', '150 000', 'Lanserad i september'],
            ['Pop up-butiker i tomma lokaler', 'Centrumledaren', '180 000', 'Sex nya etableringar'],
          ],
        },
      },
      { p: 'Budgeten för 2025 omslöt 3 750 000 kr och utfallet blev 3 712 000 kr.' },
    ],
  },
  {
    file: 'bilagor/verksamhetsplan-2026.pdf',
    title: 'Verksamhetsplan 2026',
    subtitle: 'Detaljerad plan för innevarande år – beslutad av styrelsen 2025-12-04',
    date: '2025-12-04',
    blocks: [
      {
        table: {
          widths: [0.6, 3, 2.4, 2.2, 1.5],
          head: ['Id', 'Åtgärd', 'Ansvarig', 'Tid', 'Budget, kr'],
          rows: [
            ['A1', 'Lokalförmedling och etableringsstöd', 'Centrumledaren och fastighetsägarna', '2026-01-01–2027-12-31', '420 000'],
            ['A2', 'Belysning och trygghetsvandringar', 'Storviks kommun, gatuenheten', '2026-03-01–2026-11-30', '650 000'],
            ['A3', 'Evenemangsprogrammet Storvik lever', 'Projektledaren för evenemang', '2026-01-01–2026-12-31', '780 000'],
            ['A4', 'Åstråket och cykelparkering', 'Samhällsbyggnadsförvaltningen', '2026-04-01–2028-10-31', '900 000'],
            ['A6', 'Digital centrumguide och besöksräknare', 'Kommunikatören', '2025-09-01–2026-06-30', '310 000'],
          ],
        },
      },
      { p: 'Budgeten avser hela åtgärdens period. Åtgärd A5 startar 2027 och finns i den fleråriga planen.' },
    ],
  },
  {
    file: 'bilagor/centrumundersokning-2026.pdf',
    title: 'Centrumundersökningen 2026',
    subtitle: 'Invånare, företag och besökare i Storviks centrum – resultat 2023–2026',
    date: '2026-10-12',
    blocks: [
      { h: 'Metod' },
      {
        p: 'Undersökningen görs varje september med samma frågor. Invånarna svarar i en webbpanel (1 012 svar 2026), företagen i en enkät till alla verksamheter i arbetsområdet (104 svar) och besökarna i intervjuer på Storgatan och Stortorget (1 540 intervjuer). Fotgängarflödet mäts med fasta räknare.',
      },
      { h: 'Resultat' },
      {
        table: {
          widths: [4, 1, 1, 1, 1],
          head: ['Indikator', '2023', '2024', '2025', '2026'],
          rows: [
            ['Vakansgrad i bottenvåningar (%)', '11,4', '10,1', '8,7', '7,9'],
            ['Invånare trygga kvällstid (%)', '58', '61', '66', '69'],
            ['Besökare som ger betyget 4–5 (%)', '57', '60', '64', '67'],
            ['Boende inom arbetsområdet', '3 412', '3 455', '3 520', '3 586'],
            ['Besök till fots, cykel eller kollektivt (%)', '41', '43', '46', '49'],
            ['Fotgängare Storgatan, per vecka', '48 200', '50 100', '53 900', '56 400'],
            ['Företag nöjda med samverkan (%)', '62', '66', '71', '74'],
          ],
        },
      },
      { h: 'Slutsatser' },
      {
        p: 'Alla indikatorer har utvecklats i rätt riktning. Störst är förbättringen av tryggheten kvällstid efter den nya belysningen på Stortorget. Vakansgraden närmar sig målet på 5 % men minskar långsammare på Östra Långgatan.',
      },
    ],
  },
  {
    file: 'bilagor/centrumbrevet-2026-09.pdf',
    title: 'Centrumbrevet – september 2026',
    subtitle: 'Nyhetsbrev till fastighetsägare, företagare och partner i Storviks centrum',
    date: '2026-09-07',
    blocks: [
      { h: 'Höstmarknaden 26 september' },
      {
        p: 'Över 60 knallar och lokala företag är anmälda. Butikerna håller öppet till klockan 20 och Storgatan är bilfri mellan Kyrkogatan och Stationsgatan.',
      },
      { h: 'Ny belysning på Stortorget' },
      {
        p: 'Kommunens gatuenhet har bytt all belysning på Stortorget. Nästa trygghetsvandring äger rum den 14 oktober – alla medlemmar är välkomna.',
      },
      { h: 'Företagarfrukost 8 oktober' },
      { p: 'Tema: Så fyller vi de sista tomma lokalerna på Östra Långgatan. Anmälan till centrumledaren.' },
    ],
  },
  {
    file: 'bilagor/medborgardialog-stortorget-2026.pdf',
    title: 'Medborgardialog om Stortorget',
    subtitle: 'Sammanställning av dialogen april–maj 2026',
    date: '2026-06-02',
    blocks: [
      {
        p: 'Under april och maj 2026 frågade Centrumsamverkan Storvik och Storviks kommun invånarna hur Stortorget kan bli en bättre mötesplats. Dialogen bestod av en webbenkät (640 svar), två öppna kvällsmöten i biblioteket och en workshop med ungdomsrådet.',
      },
      { h: 'Det viktigaste invånarna sa' },
      {
        ol: [
          'Mer grönska och fler sittplatser på torget.',
          'Bättre belysning och fler öppna verksamheter på kvällen.',
          'En lekplats eller aktivitetsyta för barn.',
          'Färre bilar på Storgatan under helger.',
        ],
      },
      { h: 'Så går vi vidare' },
      {
        p: 'Synpunkterna har förts in i verksamhetsplanen för 2027. Resultatet återrapporteras till invånarna på storvikscentrum.se och vid höstmarknaden.',
      },
    ],
  },
  {
    file: 'bilagor/pressklipp-2026.pdf',
    title: 'Pressklipp 2026',
    subtitle: 'Urval av artiklar om Storviks centrum i lokala medier',
    date: '2026-10-30',
    blocks: [
      { h: 'Storviks Tidning, 2026-04-18: ”Nytt ljus över Stortorget”' },
      {
        p: '”Det känns tryggare att gå hem från bussen nu”, säger en av de boende som deltog i trygghetsvandringen när den nya belysningen invigdes.',
      },
      { h: 'Radio Norrmark, 2026-06-30: ”Rekordmånga på midsommarfirandet i centrum”' },
      { p: 'Omkring 6 000 personer besökte Stortorget under midsommarhelgen, enligt Centrumsamverkan Storviks besöksräknare.' },
      { h: 'Storviks Tidning, 2026-09-28: ”Höstmarknaden lockade hela regionen”' },
      {
        p: 'Handlarna på Storgatan rapporterar sin bästa lördag sedan 2019. Centrumledaren Karin Lindqvist lyfter samarbetet mellan kommun, fastighetsägare och handel som förklaringen.',
      },
    ],
  },
];

const storvikImages = [
  { file: 'bilagor/karta-arbetsomrade.png', make: () => encodePng(storvikMap()) },
  { file: 'bilagor/oversiktsplan-centrum.png', make: () => encodePng(storvikPlan()) },
  { file: 'bilagor/foton/storgatan-fore-2023.jpg', make: () => encodeJpeg(storgatanPhoto(false), 78) },
  { file: 'bilagor/foton/storgatan-efter-2026.jpg', make: () => encodeJpeg(storgatanPhoto(true), 78) },
];

// ---------------------------------------------------------------------------
// Utkast: the half-finished example (its mistakes are in the chapter files;
// the attachments themselves are sound, apart from the one nothing references)

const ALVBACKA = { org: 'Handelsföreningen Älvbacka', accent: '#1a7f8e', draft: true };

const utkastDocs = [
  {
    file: 'bilagor/organisationsmatris.pdf',
    title: 'Organisationsmatris',
    subtitle: 'Samverkan för Älvbacka centrum – arbetsversion',
    date: '2026-09-01',
    blocks: [
      {
        table: {
          widths: [3, 1.5, 1],
          head: ['Aktör', 'Sektor', 'Andel'],
          rows: [
            ['Älvbacka kommun', 'offentlig', '30 %'],
            ['Älvbacka Energi AB (kommunägt)', 'offentlig', '10 %'],
            ['Handelsföreningen Älvbacka', 'privat', '50 %'],
          ],
        },
      },
      {
        p: 'Styrelsen består av fem ledamöter från handelsföreningen och en representant för kommunen. Evenemangsgruppen planerar sommarfesten och julskyltningen.',
      },
    ],
  },
  {
    file: 'bilagor/vision-utkast.pdf',
    title: 'Vision för Älvbacka centrum',
    subtitle: 'Utkast för diskussion i styrelsen',
    date: '2026-06-10',
    blocks: [
      { p: '”Älvbacka centrum ska vara kommunens självklara mötesplats – levande, tryggt och grönt.”' },
      { p: 'Visionen gäller 2026–2027 och ska stämmas av med kommunen och fastighetsägarna under hösten.' },
    ],
  },
  {
    file: 'bilagor/mal-och-strategier.pdf',
    title: 'Mål och strategier',
    subtitle: 'Handelsföreningen Älvbacka – arbetsmaterial',
    date: '2026-08-20',
    blocks: [
      {
        ul: [
          'M1 Minst 70 % av invånarna är nöjda med centrum (2027).',
          'M2 Andelen tomma butikslokaler halveras (2028).',
          'M3 Julskyltningen engagerar alla medlemsföretag (2026).',
        ],
      },
      { p: 'Strategier: gemensamma evenemang och marknadsföring; trygg och ren stadsmiljö.' },
    ],
  },
  {
    file: 'bilagor/verksamhetsplan-2026-2028.pdf',
    title: 'Verksamhetsplan 2026–2028',
    subtitle: 'Övergripande plan – arbetsversion',
    date: '2026-08-20',
    blocks: [
      {
        ol: [
          'Sommarfest på Torget (varje år).',
          'Trygghetsbelysning på Kungsgatan (2026).',
          'Lokalförmedling tillsammans med fastighetsägarna (från 2027).',
        ],
      },
    ],
  },
  {
    file: 'bilagor/verksamhetsplan-2026.pdf',
    title: 'Verksamhetsplan 2026',
    subtitle: 'Detaljerad plan för innevarande år',
    date: '2026-02-15',
    blocks: [
      {
        table: {
          widths: [3, 2, 1.5],
          head: ['Åtgärd', 'Tid', 'Budget, kr'],
          rows: [
            ['Sommarfest på Torget', 'maj–augusti', '450 000'],
            ['Trygghetsbelysning Kungsgatan', 'hösten', '300 000'],
          ],
        },
      },
    ],
  },
  {
    file: 'bilagor/medlemsbrevet-mars-2026.pdf',
    title: 'Medlemsbrevet – mars 2026',
    subtitle: 'Till medlemmarna i Handelsföreningen Älvbacka',
    date: '2026-03-02',
    blocks: [
      {
        p: 'Välkommen till vårens medlemsmöte den 24 mars på Hotell Älvgården. Vi går igenom planerna för sommarfesten och den nya belysningen på Kungsgatan.',
      },
    ],
  },
];

const utkastImages = [
  // Deliberately referenced by no chapter: qm reports it as bilaga/oanvand.
  { file: 'bilagor/logotyp-gammal.png', make: () => encodePng(alvbackaLogo()) },
];

// ---------------------------------------------------------------------------

async function build(folder, style, docs, images) {
  const dir = join(root, 'examples', folder);
  const written = [];
  for (const doc of docs) written.push([doc.file, await makePdf({ ...style, ...doc })]);
  for (const img of images) written.push([img.file, img.make()]);
  for (const [file, bytes] of written) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  return written.map(([file, bytes]) => [join('examples', folder, file), bytes.length]);
}

function folderSize(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    total += st.isDirectory() ? folderSize(p) : st.size;
  }
  return total;
}

const results = [
  ...(await build('storvik', STORVIK, storvikDocs, storvikImages)),
  ...(await build('utkast', ALVBACKA, utkastDocs, utkastImages)),
];
for (const [file, size] of results) console.log(`${String(size).padStart(8)}  ${file}`);
for (const folder of ['storvik', 'utkast']) {
  const dir = join(root, 'examples', folder, 'bilagor');
  console.log(`${String(folderSize(dir)).padStart(8)}  ${relative(root, dir)}/ (totalt)`);
}
