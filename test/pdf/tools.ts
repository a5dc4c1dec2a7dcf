/**
 * Reading a produced PDF with independent tools (poppler's pdfinfo, pdftotext and pdftoppm, and
 * qpdf), and making small real attachments (PDFs, JPEG with EXIF orientation, PNG, an
 * owner-password PDF) for the tests of `qm pdf`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { crc32 } from 'node:zlib';
import { PDFDocument as CantooDocument } from '@cantoo/pdf-lib';
import { degrees, PDFDocument, PDFName, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { expect } from 'vitest';
import { qm, ROOT, type CliResult } from '../helpers/app.js';

const run = promisify(execFile);

async function tool(cmd: string, args: string[]): Promise<string> {
  const { stdout } = await run(cmd, args, { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}

/** `qpdf --check` must pass on every PDF the tests produce (exit 0: no errors, no warnings). */
export async function expectValidPdf(file: string): Promise<void> {
  let out: string;
  try {
    out = await tool('qpdf', ['--check', file]);
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    throw new Error(`qpdf --check failed (${err.code}) for ${file}:\n${err.stdout}\n${err.stderr}`);
  }
  expect(out).toContain('No syntax or stream encoding errors found');
}

/** Runs `qm pdf … -o out`; when it wrote the PDF, checks it with `qpdf --check` before anyone reads it. */
export async function compile(
  args: string[],
  out: string,
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const res = await qm(['pdf', ...args, '-o', out], options);
  if (res.code === 0) await expectValidPdf(out);
  return res;
}

export async function info(file: string): Promise<Record<string, string>> {
  const out = await tool('pdfinfo', ['-enc', 'UTF-8', file]);
  const fields: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) fields[m[1]!.trim()] = m[2]!.trim();
  }
  return fields;
}

export async function pageCount(file: string): Promise<number> {
  return Number((await info(file)).Pages);
}

export interface PageBox {
  width: number;
  height: number;
  rotation: number;
}

/** Size (as stored, before rotation) and rotation of every page. */
export async function pageBoxes(file: string): Promise<PageBox[]> {
  const n = await pageCount(file);
  const out = await tool('pdfinfo', ['-f', '1', '-l', String(n), file]);
  const boxes: PageBox[] = [];
  for (const m of out.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm))
    boxes[Number(m[1]) - 1] = { width: Number(m[2]), height: Number(m[3]), rotation: 0 };
  for (const m of out.matchAll(/^Page\s+(\d+) rot:\s+(\d+)/gm)) boxes[Number(m[1]) - 1]!.rotation = Number(m[2]);
  return boxes;
}

/** The text of one page (1-based), or of the whole document. */
export async function text(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return tool('pdftotext', ['-enc', 'UTF-8', ...range, file, '-']);
}

/** The text of a page laid out as on the page (`pdftotext -layout`): table rows stay on one line. */
export async function layoutText(file: string, page?: number): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return tool('pdftotext', ['-enc', 'UTF-8', '-layout', ...range, file, '-']);
}

/** The text of every page, in order. */
export async function pageTexts(file: string): Promise<string[]> {
  return (await text(file)).split('\f').slice(0, await pageCount(file));
}

/** Whitespace (line breaks included) as single spaces: a sentence as a reader copies it. */
export function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Words with their boxes on a page, from `pdftotext -bbox`. */
export async function words(file: string, page: number): Promise<{ word: string; x: number; y: number }[]> {
  const html = await tool('pdftotext', ['-enc', 'UTF-8', '-bbox', '-f', String(page), '-l', String(page), file, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    word: m[3]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  }));
}

interface OutlineItem {
  title: string;
  destpageposfrom1: number;
  kids: OutlineItem[];
}

/** The bookmarks, depth first, with the page each one opens (qpdf's JSON). */
export async function outline(file: string): Promise<{ title: string; page: number }[]> {
  const json = JSON.parse(await tool('qpdf', ['--json=2', '--json-key=outlines', file])) as { outlines: OutlineItem[] };
  const out: { title: string; page: number }[] = [];
  const walk = (items: OutlineItem[]) => {
    for (const i of items) {
      out.push({ title: i.title, page: i.destpageposfrom1 });
      walk(i.kids);
    }
  };
  walk(json.outlines);
  return out;
}

/** The page each bookmark title opens, by its first occurrence (a chapter's title also groups its attachments under Bilagor). */
export function firstPages(items: { title: string; page: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of items) if (!out.has(i.title)) out.set(i.title, i.page);
  return out;
}

export interface OutlineNode {
  title: string;
  page: number;
  kids: OutlineNode[];
}

/** The bookmarks as a tree (qpdf's JSON): each with the page it opens and its children. */
export async function outlineTree(file: string): Promise<OutlineNode[]> {
  const json = JSON.parse(await tool('qpdf', ['--json=2', '--json-key=outlines', file])) as { outlines: OutlineItem[] };
  const conv = (items: OutlineItem[]): OutlineNode[] =>
    items.map((i) => ({ title: i.title, page: i.destpageposfrom1, kids: conv(i.kids) }));
  return conv(json.outlines);
}

/** Every object of the file (qpdf's JSON, strings as `u:…`), to find link annotations and the catalog. */
export async function objects(file: string): Promise<Record<string, { value?: Record<string, unknown> }>> {
  const json = JSON.parse(await tool('qpdf', ['--json=2', '--json-key=qpdf', file])) as {
    qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
  };
  return json.qpdf[1];
}

/** The object (`12 0 R`) of each page, and its link annotations' explicit destination pages. */
export async function pageLinks(file: string): Promise<{ object: string; dests: string[] }[]> {
  const pages = (JSON.parse(await tool('qpdf', ['--json=2', '--json-key=pages', file])) as { pages: { object: string }[] }).pages;
  const objs = await objects(file);
  const value = (ref: unknown) => (typeof ref === 'string' && / R$/.test(ref) ? objs[`obj:${ref}`]?.value : undefined);
  return pages.map((p) => {
    const annots = (value(p.object)?.['/Annots'] ?? []) as unknown[];
    const list = (typeof annots === 'string' ? (value(annots) as unknown as unknown[]) : annots) ?? [];
    const dests = list.flatMap((a) => {
      const d = (value(a) ?? (a as Record<string, unknown>))?.['/Dest'];
      return Array.isArray(d) && typeof d[0] === 'string' ? [d[0] as string] : [];
    });
    return { object: p.object, dests };
  });
}

/** Link annotations: the web address (URI) or the named destination they go to. */
export async function links(file: string): Promise<{ uri?: string; dest?: string }[]> {
  const objs = await objects(file);
  const out: { uri?: string; dest?: string }[] = [];
  const resolve = (v: unknown) =>
    (typeof v === 'string' && / R$/.test(v) ? objs[`obj:${v}`]?.value : v) as Record<string, unknown> | undefined;
  for (const o of Object.values(objs)) {
    const v = o.value;
    if (!v || v['/Subtype'] !== '/Link') continue;
    const a = resolve(v['/A']);
    const str = (x: unknown) => (typeof x === 'string' ? x.replace(/^[ub]:/, '') : undefined);
    out.push({ uri: str(a?.['/URI']), dest: str(a?.['/D'] ?? v['/Dest']) });
  }
  return out;
}

/**
 * Renders every page in grey (`pdftoppm -gray`) and counts the dark pixels of its content area,
 * leaving out `top` and `bottom` points (label band, footer): a page whose content is lost (a
 * blank attachment page, a font that failed to embed) has none.
 */
export async function inkPerPage(file: string, options: { top?: number; bottom?: number; dpi?: number } = {}): Promise<number[]> {
  const dpi = options.dpi ?? 30;
  const dir = await mkdtemp(join(tmpdir(), 'qm-ink-'));
  try {
    await tool('pdftoppm', ['-gray', '-r', String(dpi), file, join(dir, 'p')]);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
    const counts: number[] = [];
    for (const f of files)
      counts.push(darkPixels(parsePgm(await readFile(join(dir, f))), ((options.top ?? 0) * dpi) / 72, ((options.bottom ?? 0) * dpi) / 72));
    return counts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Gray {
  width: number;
  height: number;
  pixels: Buffer;
}

function parsePgm(buf: Buffer): Gray {
  // P5 header: magic, width, height, maxval, each followed by whitespace.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'))!;
  return { width: Number(header[1]), height: Number(header[2]), pixels: buf.subarray(header[0].length) };
}

/** Dark pixels, rows `top` … height − `bottom` (in pixels). */
export function darkPixels(img: Gray, top = 0, bottom = 0): number {
  let dark = 0;
  const from = Math.ceil(top) * img.width;
  const to = Math.floor(img.height - bottom) * img.width;
  for (let i = from; i < to; i++) if (img.pixels[i]! < 160) dark++;
  return dark;
}

/** Grey pixels of one page. */
export async function render(file: string, page: number, dpi = 30): Promise<Gray> {
  const dir = await mkdtemp(join(tmpdir(), 'qm-ink-'));
  try {
    await tool('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, 'p')]);
    return parsePgm(await readFile(join(dir, 'p.pgm')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function dejavu(doc: PDFDocument) {
  doc.registerFontkit(fontkit);
  return doc.embedFont(await readFile(join(ROOT, 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf')), { subset: true });
}

export interface PageSpec {
  width: number;
  height: number;
  rotate?: 0 | 90 | 180 | 270;
  text: string;
}

/**
 * A small PDF with Swedish text (DejaVu, subset) on each page; pages may have any size and
 * rotation. Made with pdf-lib like the example attachments; an owner password (restrictions, no
 * password to open) is added with @cantoo/pdf-lib, which can encrypt.
 */
export async function makePdf(pages: PageSpec[], options: { ownerPassword?: string; linkToLastPage?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await dejavu(doc);
  for (const p of pages) {
    const page = doc.addPage([p.width, p.height]);
    if (p.rotate) page.setRotation(degrees(p.rotate));
    page.drawRectangle({ x: 4, y: 4, width: p.width - 8, height: p.height - 8, borderColor: rgb(0.1, 0.2, 0.5), borderWidth: 3 });
    page.drawText(p.text, { x: 24, y: p.height - 40, size: 14, font });
  }
  if (options.linkToLastPage) {
    // A link on the first page to the last, as a report's table of contents has.
    const [first, last] = [doc.getPage(0), doc.getPage(doc.getPageCount() - 1)];
    const link = doc.context.register(
      doc.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [24, first.getHeight() - 44, 200, first.getHeight() - 24],
        Border: [0, 0, 0],
        Dest: [last.ref, 'Fit'],
      }),
    );
    first.node.set(PDFName.of('Annots'), doc.context.obj([link]));
  }
  const bytes = await doc.save();
  if (!options.ownerPassword) return Buffer.from(bytes);
  const locked = await CantooDocument.load(bytes, { updateMetadata: false });
  locked.encrypt({
    userPassword: '',
    ownerPassword: options.ownerPassword,
    permissions: { printing: false, modifying: false, copying: false },
  });
  return Buffer.from(await locked.save());
}

/** A JPEG with an EXIF orientation tag (APP1 inserted after SOI). */
export function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(body.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), len, body, jpeg.subarray(2)]);
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An RGB PNG: dark stripes on white, so that its page has ink. */
export function makePng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height, 255);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    if (Math.floor(y / 8) % 2 === 0) raw.fill(40, y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * An RGB PNG whose header promises `width` × `height` pixels while its (sound) compressed data
 * holds only the first `rows` rows: the signature, header and end are right, the image is not.
 */
export function makeShortPng(width: number, height: number, rows: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const raw = Buffer.alloc((width * 3 + 1) * rows, 90);
  for (let y = 0; y < rows; y++) raw[y * (width * 3 + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A PDF that passes every check on its bytes (header, objects, %%EOF) but takes long to parse:
 * a hundred thousand objects. With a short time limit it stands for a parse that never ends.
 */
export function makeSlowPdf(objectsCount = 100_000): Buffer {
  const parts = [
    '%PDF-1.7\n',
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n',
  ];
  for (let i = 4; i < objectsCount; i++) parts.push(`${i} 0 obj\n[${i} ${i} ${i}]\nendobj\n`);
  parts.push(`trailer\n<< /Root 1 0 R /Size ${objectsCount} >>\nstartxref\n0\n%%EOF\n`);
  return Buffer.from(parts.join(''), 'latin1');
}
