// Generates the benchmark workloads into a temporary folder: nothing large is committed.
//   - a batch of applications, varied, with 5–15 small attachments each;
//   - an application with many PDF attachments (text and scanned-image pages) and JPEG photos,
//     scaled to a target size in MB.
import { cpSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Canvas, encodeJpeg, rng } from '../scripts/lib/images.mjs';

export const ROOT = new URL('..', import.meta.url).pathname;
const STORVIK = join(ROOT, 'examples', 'storvik');

function listFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/** 500 applications: storvik with varied names, numbers and faults, and 5–15 of its attachments. */
export function makeBatch(dir, n) {
  const random = rng(20261128);
  const bilagor = listFiles(join(STORVIK, 'bilagor')).map((p) => relative(STORVIK, p));
  const texts = readdirSync(STORVIK)
    .filter((f) => /\.(md|yaml)$/.test(f))
    .map((f) => [f, readFileSync(join(STORVIK, f), 'utf8')]);
  for (let i = 0; i < n; i++) {
    const app = join(dir, `ansokan-${String(i).padStart(3, '0')}`);
    mkdirSync(join(app, 'bilagor', 'foton'), { recursive: true });
    for (const [f, text] of texts) {
      let t = text.replace(/Storvik/g, `Storvik${i}`);
      if (f.startsWith('03') && random() < 0.3)
        t = t.replace('bildad: 2016-03-01', `bildad: ${2020 + Math.floor(random() * 6)}-0${1 + Math.floor(random() * 9)}-15`);
      if (f.startsWith('04') && random() < 0.3) t = t.replace(/budget: [^\n]+/, `budget: ${Math.floor(1 + random() * 9)} 000 000 kr`);
      if (f.startsWith('06') && random() < 0.2) t = t.replace(/\n {2}- id: M1\n/, '\n  - id: M1x\n');
      if (f.startsWith('08') && random() < 0.2) t = t.replace(/\nmetod:[^\n]*\n/, '\n');
      writeFileSync(join(app, f), t);
    }
    const k = 5 + Math.floor(random() * 11);
    const chosen = [...bilagor].sort(() => random() - 0.5).slice(0, k);
    for (const b of chosen) linkSync(join(STORVIK, b), join(app, b));
  }
}

/** A JPEG of noise over a gradient: it compresses badly, like a photo or a scan. */
function noiseJpeg(w, h, seed, quality) {
  const c = new Canvas(w, h, '#d8d2c4');
  const r = rng(seed);
  for (let y = 0; y < h; y += 40) c.fillRect(0, y, w, 20, r() < 0.5 ? '#8a8272' : '#c8bfae');
  c.noise(90, seed);
  return encodeJpeg(c, quality);
}

/** A distinct copy of a JPEG: a comment segment after SOI makes the bytes differ. */
function variant(jpeg, tag) {
  const note = Buffer.from(`qm-bench ${tag}`);
  const seg = Buffer.alloc(4 + note.length);
  seg.writeUInt16BE(0xfffe, 0);
  seg.writeUInt16BE(note.length + 2, 2);
  note.copy(seg, 4);
  return Buffer.concat([jpeg.subarray(0, 2), seg, jpeg.subarray(2)]);
}

let photoCache;
let scanCache;

function images() {
  photoCache ??= [0, 1, 2, 3].map((s) => noiseJpeg(1600, 1200, 100 + s, 92));
  scanCache ??= [0, 1, 2].map((s) => noiseJpeg(850, 1200, 200 + s, 30));
  return { photos: photoCache, scans: scanCache };
}

async function attachmentPdf(pages, scans, seed) {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([595.28, 841.89]);
    if (p % 2 === 1) {
      const img = await pdf.embedJpg(variant(scans[(seed + p) % scans.length], `${seed}-${p}`));
      page.drawImage(img, { x: 20, y: 20, width: 555, height: 800 });
    } else {
      let y = 800;
      for (let l = 0; l < 45; l++) {
        page.drawText(`Bilaga ${seed}, sida ${p + 1}, rad ${l + 1}: Protokoll och underlag for uppfoljning av centrumarbetet.`, {
          x: 40,
          y,
          size: 9,
          font,
        });
        y -= 17;
      }
    }
  }
  return Buffer.from(await pdf.save({ useObjectStreams: true }));
}

/**
 * storvik plus `pdfs` attachment PDFs (`pagesEach` pages, every other one a scanned image) and
 * `photos` JPEG photos, referenced from chapter 8. Returns the paths and the total input size.
 */
export async function makeLargeApp(dir, { pdfs, photos, pagesEach = 20 }) {
  cpSync(STORVIK, dir, { recursive: true });
  const extra = join(dir, 'bilagor', 'bench');
  mkdirSync(extra, { recursive: true });
  const { photos: photoSet, scans } = images();
  const pdfPaths = [];
  const jpgPaths = [];
  const refs = [];
  let first;
  for (let i = 0; i < pdfs; i++) {
    const file = join(extra, `underlag-${String(i + 1).padStart(2, '0')}.pdf`);
    if (i === 0 || !first) {
      first = await attachmentPdf(pagesEach, scans, i);
      writeFileSync(file, first);
    } else {
      // Later PDFs are byte-level variants of the first (a different trailing comment), so generation
      // stays fast while every file is distinct for qm.
      writeFileSync(file, Buffer.concat([first, Buffer.from(`\n% qm-bench ${i}\n`)]));
    }
    pdfPaths.push(file);
    refs.push(`  - { fil: ${relative(dir, file)}, titel: Underlag ${i + 1} }`);
  }
  for (let i = 0; i < photos; i++) {
    const file = join(extra, `foto-${String(i + 1).padStart(2, '0')}.jpg`);
    writeFileSync(file, variant(photoSet[i % photoSet.length], `foto-${i}`));
    jpgPaths.push(file);
    refs.push(`  - { fil: ${relative(dir, file)}, titel: Foto ${i + 1} }`);
  }
  const ch8 = join(dir, '08-uppfoljning.md');
  const text = readFileSync(ch8, 'utf8');
  writeFileSync(ch8, text.replace(/\nbilagor:\n/, `\nbilagor:\n${refs.join('\n')}\n`));
  const size = listFiles(dir).reduce((s, f) => s + statSync(f).size, 0);
  return { dir, pdfPaths, jpgPaths, bytes: size };
}

/**
 * A text document of `pages` pages as a documentation package ships it: every page its own
 * content stream of 50 lines, the font shared. Distinct text per page, so streams do not repeat.
 */
async function documentationPdf(pages, seed) {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (let p = 0; p < pages; p++) {
    const page = pdf.addPage([595.28, 841.89]);
    page.drawText(`Handbok ${seed + 1}, kapitel ${Math.floor(p / 10) + 1}`, { x: 50, y: 800, size: 12, font: bold });
    let y = 775;
    for (let l = 0; l < 50; l++) {
      page.drawText(`${p + 1}.${l + 1} Avsnitt ${seed}-${p}-${l}: beskrivning av inställningar, exempel och felsökning för paketet.`, {
        x: 50,
        y,
        size: 8,
        font,
      });
      y -= 14.5;
    }
  }
  return Buffer.from(await pdf.save({ useObjectStreams: true }));
}

/**
 * storvik plus `pdfs` text-only PDFs of `pagesEach` pages (thousands of small pages, like a set of
 * manuals), referenced from chapter 8: the page-heavy case, where memory per page counts.
 */
export async function makePageHeavyApp(dir, { pdfs, pagesEach }) {
  cpSync(STORVIK, dir, { recursive: true });
  const extra = join(dir, 'bilagor', 'handbocker');
  mkdirSync(extra, { recursive: true });
  const refs = [];
  const pdfPaths = [];
  const distinct = [];
  for (let i = 0; i < pdfs; i++) {
    const file = join(extra, `handbok-${String(i + 1).padStart(2, '0')}.pdf`);
    // Four distinct documents; the others are byte-level variants of them (a trailing comment), so
    // generation stays quick while every file is distinct for qm and is opened and merged on its own.
    if (i < 4) distinct.push(await documentationPdf(pagesEach, i));
    writeFileSync(file, i < 4 ? distinct[i] : Buffer.concat([distinct[i % 4], Buffer.from(`\n% qm-bench ${i}\n`)]));
    pdfPaths.push(file);
    refs.push(`  - { fil: ${relative(dir, file)}, titel: Handbok ${i + 1} }`);
  }
  const ch8 = join(dir, '08-uppfoljning.md');
  const text = readFileSync(ch8, 'utf8');
  writeFileSync(ch8, text.replace(/\nbilagor:\n/, `\nbilagor:\n${refs.join('\n')}\n`));
  const size = listFiles(dir).reduce((s, f) => s + statSync(f).size, 0);
  return { dir, pdfPaths, bytes: size, pages: pdfs * pagesEach };
}
