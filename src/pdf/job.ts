/**
 * The typesetting job, run in a worker thread (src/pdf/worker.ts) so that a hostile attachment
 * can be stopped: open each PDF attachment to learn its pages and read each JPEG's header,
 * typeset the whole document with pdfmake (reserving a placeholder page per attachment page, and
 * placing each JPEG as a stand-in of its header), then write the file as it is assembled
 * (src/pdf/writer.ts): each attachment's pages are put in with pdf-lib and written at once, each
 * JPEG's bytes copied from its file, one at a time; the typeset document's own objects last.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { resolve } from 'node:path';
import pdfmake from 'pdfmake';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFRawStream, PDFRef, PDFString } from '@cantoo/pdf-lib';
import { BandPainter, bandLabel } from './band.js';
import { DraftMark } from './draft.js';
import { fontFiles } from './fonts.js';
import { jpegStub, readJpegHeader, stubKey, type JpegHeader } from './images.js';
import { bandFor, displaySize, prepareLinks, transplant } from './merge.js';
import { JobError, type Plan, type PlanAttachment, type Progress } from './plan.js';
import { FileChangedError, StreamWriter } from './writer.js';
import type { Node } from './context.js';
import { W } from './words.js';

/** Height of the label band on attachment pages, in points. */
export const BAND = 26;
const ACCENT = '#1f4e79';
const FILL = '#e6edf4';
const RULE = '#b8c4d0';
const DRAFT = '#b3261e';

type Layout = Record<string, unknown>;
const none = () => 0;

/** Table layouts by name (the content is data; the functions live here). */
export const LAYOUTS: Record<string, Layout> = {
  qmTable: {
    hLineWidth: (i: number, node: { table: { body: unknown[]; headerRows?: number; qmTitle?: number } }) => {
      const title = node.table.qmTitle ?? 0;
      // No lines around heading rows (context.ts keepWithNext); the header's fill starts the table.
      if (title > 0 && i <= title) return 0;
      return i === 0 || i === node.table.body.length || i === (node.table.headerRows ?? 0) ? 0.8 : 0.3;
    },
    vLineWidth: none,
    hLineColor: (i: number, node: { table: { headerRows?: number } }) => (i === (node.table.headerRows ?? 0) ? ACCENT : RULE),
    // Rows of headings kept with the table (context.ts keepWithNext) are not part of its header look.
    fillColor: (row: number, node: { table: { headerRows?: number; qmTitle?: number } }) =>
      row >= (node.table.qmTitle ?? 0) && row < (node.table.headerRows ?? 0) ? FILL : null,
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
  qmKv: { hLineWidth: none, vLineWidth: none, paddingLeft: () => 0, paddingRight: () => 8, paddingTop: () => 2, paddingBottom: () => 2 },
  qmGrid: {
    hLineWidth: () => 0.4,
    vLineWidth: () => 0.4,
    hLineColor: () => RULE,
    vLineColor: () => RULE,
    paddingLeft: () => 6,
    paddingRight: () => 6,
    paddingTop: () => 4,
    paddingBottom: () => 4,
  },
  qmQuote: {
    hLineWidth: none,
    vLineWidth: (i: number) => (i === 0 ? 2.5 : 0),
    vLineColor: () => ACCENT,
    paddingLeft: () => 10,
    paddingRight: () => 4,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  },
  qmCode: {
    hLineWidth: none,
    vLineWidth: none,
    fillColor: () => '#f1f3f5',
    paddingLeft: () => 6,
    paddingRight: () => 6,
    paddingTop: () => 5,
    paddingBottom: () => 5,
  },
  qmBand: {
    hLineWidth: (i: number) => (i === 1 ? 0.8 : 0),
    vLineWidth: none,
    hLineColor: () => ACCENT,
    fillColor: () => FILL,
    paddingLeft: () => 10,
    paddingRight: () => 10,
    paddingTop: () => 7,
    paddingBottom: () => 6,
  },
};

function band(label: string, draft: boolean) {
  return (current: number, count: number, size: { width: number }) => ({
    table: {
      widths: ['*', 'auto'],
      body: [
        [
          { text: bandLabel(label, size.width - (draft ? 50 : 0)), bold: true, color: ACCENT },
          { text: [...(draft ? [{ text: `${W.draft}  `, bold: true, color: DRAFT }] : []), W.page(current, count)], alignment: 'right' },
        ],
      ],
    },
    layout: 'qmBand',
    fontSize: 8,
    lineHeight: 1,
  });
}

function fail(a: Pick<PlanAttachment, 'file'>, e: unknown): JobError {
  const name = (e as Error)?.name ?? '';
  const detail = String((e as Error)?.message ?? e)
    .split('\n')[0]!
    .slice(0, 200);
  return new JobError(name === 'EncryptedPDFError' ? 'pdf-attachment-encrypted' : 'pdf-attachment-unreadable', { file: a.file, detail });
}

/** Opens a PDF attachment; owner-password restrictions are lifted (the empty user password opens it). */
async function openPdf(a: Pick<PlanAttachment, 'file' | 'absolute'>): Promise<PDFDocument> {
  let bytes: Buffer;
  try {
    // Read at once: this thread has nothing else to do meanwhile.
    bytes = readFileSync(a.absolute);
  } catch (e) {
    throw new JobError('pdf-attachment-unreadable', { file: a.file, detail: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  try {
    const doc = await PDFDocument.load(bytes, { password: '', updateMetadata: false, throwOnInvalidObject: false });
    if (doc.getPageCount() === 0) throw new Error('no pages');
    return doc;
  } catch (e) {
    throw fail(a, e);
  }
}

/**
 * The image data of a PNG inflates to its size: a PNG with a sound header and end whose data is
 * broken would otherwise be embedded as it is (pdfkit copies the data of most PNGs without
 * decoding it) and show as an error in the reader.
 */
export function pngProblem(bytes: Buffer): string | undefined {
  if (bytes.length < 33 || bytes.toString('latin1', 12, 16) !== 'IHDR') return 'no header';
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const depth = bytes[24]!;
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[bytes[25]!];
  if (!channels) return 'unknown colour type';
  const idat: Buffer[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + len));
    if (type === 'IEND') break;
    at += 12 + len;
  }
  const rows = height * (Math.ceil((width * channels * depth) / 8) + 1);
  try {
    const raw = inflateSync(Buffer.concat(idat), { maxOutputLength: rows + 1 });
    // Interlaced images hold a little more (each pass has its own filter bytes).
    if (bytes[28] === 0 ? raw.length !== rows : raw.length < rows * 0.9) return 'image data of the wrong size';
  } catch (e) {
    return `image data: ${(e as Error).message}`;
  }
  return undefined;
}

/** An image before typesetting: a JPEG's header (its data stays in the file), a PNG proven whole. */
function inspectImage(a: { file: string; absolute: string }): JpegHeader | undefined {
  const unreadable = (e: NodeJS.ErrnoException) => new JobError('pdf-attachment-unreadable', { file: a.file, detail: e.code ?? String(e) });
  let jpeg;
  try {
    jpeg = readJpegHeader(a.absolute);
  } catch (e) {
    throw unreadable(e as NodeJS.ErrnoException);
  }
  if (jpeg) return jpeg;
  let bytes: Buffer;
  try {
    bytes = readFileSync(a.absolute);
  } catch (e) {
    throw unreadable(e as NodeJS.ErrnoException);
  }
  if (bytes[0] !== 0x89) return undefined;
  const problem = pngProblem(bytes);
  if (problem) throw new JobError('pdf-attachment-unreadable', { file: a.file, detail: `PNG: ${problem}` });
  return undefined;
}

/** JPEG images by file: the key of their stand-in, and their header. */
type Stubs = Map<string, { key: string; header: JpegHeader }>;

function attachmentSections(
  a: PlanAttachment,
  pages: { width: number; height: number }[] | undefined,
  draft: boolean,
  stubs: Stubs,
): Node[] {
  const anchor = { text: '\u00a0', id: a.id, outline: true, outlineText: a.label, fontSize: 1 };
  if (a.kind === 'pdf') {
    return (pages ?? []).map((p, k) => {
      const room = bandFor(p.width, p.height, BAND);
      return {
        section: [k === 0 ? anchor : { text: '\u00a0', fontSize: 1 }],
        pageSize: { width: p.width, height: p.height },
        pageMargins: [0, room, 0, 0],
        // The band is drawn when the attachment's page is put in (src/pdf/band.ts).
        header: null,
        footer: null,
      };
    });
  }
  // EXIF orientations 5–8 turn the picture a quarter.
  const turned = (a.orientation ?? 1) > 4;
  const w = (turned ? a.height : a.width) ?? 1;
  const h = (turned ? a.width : a.height) ?? 1;
  const landscape = w > h;
  const size = landscape ? { width: 841.89, height: 595.28 } : { width: 595.28, height: 841.89 };
  const margins = [40, BAND + 24, 40, 36];
  const fit = [size.width - margins[0]! - margins[2]!, size.height - margins[1]! - margins[3]! - 44];
  return [
    {
      section: [
        { image: stubs.get(a.absolute)?.key ?? a.absolute, fit, alignment: 'center' },
        { text: a.label, style: 'caption', id: a.id, outline: true, outlineText: a.label, margin: [0, 8, 0, 0] },
        { text: a.file, style: 'note', alignment: 'center' },
      ],
      pageSize: size,
      pageMargins: margins,
      header: band(a.label, draft),
      footer: null,
    },
  ];
}

/**
 * Replaces `{ qmPages: id }` markers (the page count column of the list of attachments) and
 * points the images of the prose that are JPEG at their stand-ins.
 */
function fillIn(nodes: unknown, counts: Map<string, number>, stubs: Stubs): void {
  if (Array.isArray(nodes)) for (const n of nodes) fillIn(n, counts, stubs);
  else if (nodes && typeof nodes === 'object') {
    const o = nodes as Record<string, unknown>;
    if (typeof o.qmPages === 'string') {
      o.text = W.pages(counts.get(o.qmPages) ?? 1);
      delete o.qmPages;
    }
    if (typeof o.image === 'string' && stubs.has(o.image)) o.image = stubs.get(o.image)!.key;
    for (const v of Object.values(o)) if (v && typeof v === 'object') fillIn(v, counts, stubs);
  }
}

interface NodeInfo {
  headlineLevel?: number;
  pageNumbers: number[];
  startPosition: { top: number };
}
interface NodeAccess {
  getFollowingNodesOnPage(): NodeInfo[];
  getNodesOnNextPage(): NodeInfo[];
}

/**
 * No heading alone at the foot of a page: a heading after which nothing starts on its page (its
 * own runs start where it does) moves to the next one.
 */
export function headingAlone(node: NodeInfo, nodes: NodeAccess): boolean {
  if (node.headlineLevel === undefined || node.pageNumbers.length !== 1) return false;
  const below = nodes.getFollowingNodesOnPage().filter((n) => n.startPosition.top > node.startPosition.top + 0.5);
  return below.length === 0 && nodes.getNodesOnNextPage().length > 0;
}

export function docDefinition(
  plan: Plan,
  pages: Map<string, { width: number; height: number }[]>,
  stubs: Stubs = new Map(),
): Record<string, unknown> {
  const date = new Date(`${plan.date}T00:00:00Z`);
  const counts = new Map([...pages].map(([id, p]) => [id, p.length]));
  const content = structuredClone(plan.content);
  fillIn(content, counts, stubs);
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 64],
    version: '1.7',
    compress: true,
    language: 'sv-SE',
    info: { ...plan.info, creationDate: date, modDate: date },
    defaultStyle: plan.defaultStyle,
    styles: plan.styles,
    footer: (current: number, count: number) => ({
      columns: [
        { text: [...(plan.draft ? [{ text: `${W.draft} · `, bold: true, color: DRAFT }] : []), plan.footer], color: '#666' },
        { text: W.page(current, count), alignment: 'right', width: 'auto' },
      ],
      fontSize: 8,
      margin: [56, 28, 56, 0],
    }),
    pageBreakBefore: headingAlone,
    images: Object.fromEntries(
      [...stubs.values()].map(({ key, header }) => [key, `data:image/jpeg;base64,${jpegStub(header, key).toString('base64')}`]),
    ),
    content: [...content, ...plan.attachments.flatMap((a) => attachmentSections(a, pages.get(a.id), plan.draft, stubs))],
  };
}

async function typeset(plan: Plan, doc: Record<string, unknown>): Promise<Buffer> {
  const files = fontFiles(plan.fontDir);
  const allowed = new Set(
    [
      ...Object.values(files).flatMap((f) => Object.values(f)),
      ...plan.images.map((i) => i.absolute),
      ...plan.attachments.filter((a) => a.kind !== 'pdf').map((a) => a.absolute),
    ].map((p) => resolve(p)),
  );
  pdfmake.setFonts(files);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => allowed.has(resolve(p)));
  pdfmake.setTableLayouts(LAYOUTS);
  return pdfmake.createPdf(doc).getBuffer();
}

/** The named destinations of the document (pdfkit writes one for every node with an id). */
function namedDestinations(doc: PDFDocument): Map<string, PDFArray> {
  const out = new Map<string, PDFArray>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const root = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (pairs) {
      for (let i = 0; i + 1 < pairs.size(); i += 2) {
        const key = pairs.lookup(i);
        const value = pairs.lookup(i + 1);
        const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : undefined;
        const dest =
          value instanceof PDFArray ? value : value instanceof PDFDict ? value.lookupMaybe(PDFName.of('D'), PDFArray) : undefined;
        if (name !== undefined && dest) out.set(name, dest);
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(root, 0);
  return out;
}

/**
 * Destinations: attachment pages are shown whole. Bookmarks elsewhere go to the top of their
 * page at the reader's zoom (pdfkit writes the page width as the left edge, which scrolls some
 * viewers off the page).
 */
function fixDestinations(doc: PDFDocument, dests: Map<string, PDFArray>, ids: Set<string>, attachmentPages: Set<string>): void {
  const fit = (d: PDFArray) => {
    while (d.size() > 1) d.remove(1);
    d.push(PDFName.of('Fit'));
  };
  const onAttachment = (d: PDFArray) => {
    const page = d.get(0);
    return page instanceof PDFRef && attachmentPages.has(page.toString());
  };
  for (const [name, d] of dests) if (ids.has(name) && onAttachment(d)) fit(d);
  const seen = new Set<PDFDict>();
  const walk = (item: PDFDict | undefined) => {
    for (let cur = item; cur && !seen.has(cur); cur = cur.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      seen.add(cur);
      const d = cur.lookupMaybe(PDFName.of('Dest'), PDFArray);
      if (d && onAttachment(d)) fit(d);
      else if (d && d.size() === 5 && d.lookup(1) === PDFName.of('XYZ')) {
        d.set(2, PDFNull);
        d.set(4, PDFNull);
      }
      walk(cur.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
}

/** The stand-ins the typesetter embedded, by key: the objects the JPEG files' bytes go into. */
function stubObjects(doc: PDFDocument): Map<string, PDFRef> {
  const out = new Map<string, PDFRef>();
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream) || obj.dict.get(PDFName.of('Filter')) !== PDFName.of('DCTDecode')) continue;
    const key = stubKey(obj.contents);
    if (key !== undefined) out.set(key, ref);
  }
  return out;
}

/** What is learnt of the files before typesetting. */
export interface Inspection {
  /** The displayed size of each page of each PDF attachment (one entry for an image), by id. */
  sizes: Map<string, { width: number; height: number }[]>;
  stubs: Stubs;
}

/** A file to open before typesetting: an attachment, or (without an id) an image of the prose. */
export type InspectFile = Pick<PlanAttachment, 'id' | 'label' | 'file' | 'absolute' | 'size'> & { kind: string };

/**
 * Opens each file once before typesetting: a PDF for its pages, an image for its header (a PNG to
 * prove its data). Adds to `into`.
 */
export async function inspectFiles(
  files: InspectFile[],
  progress: (p: Progress) => void,
  into: Inspection = { sizes: new Map(), stubs: new Map() },
): Promise<Inspection> {
  const { sizes, stubs } = into;
  for (const [i, a] of files.entries()) {
    progress({ step: 'inspect', label: a.label, file: a.file, size: a.size, index: i + 1, total: files.length });
    if (a.kind === 'pdf') {
      const doc = await openPdf(a);
      sizes.set(
        a.id,
        doc.getPages().map((p) => displaySize(p)),
      );
    } else {
      const header = stubs.get(a.absolute)?.header ?? inspectImage(a);
      if (header && !stubs.has(a.absolute)) stubs.set(a.absolute, { key: `qm-jpeg-${stubs.size + 1}`, header });
      if (a.id) sizes.set(a.id, [{ width: 0, height: 0 }]);
    }
  }
  return into;
}

/**
 * Compiles the PDF into the open file `fd` (written from its start); returns the page count.
 * `inspected` is the inspection of the plan's attachments when it was started before the plan was
 * ready (src/pdf/run.ts); the images of the prose are opened here.
 */
export async function compileJob(
  plan: Plan,
  progress: (p: Progress) => void,
  fd: number,
  inspected?: Promise<Inspection>,
): Promise<{ pages: number }> {
  const inspection = (await inspected) ?? { sizes: new Map(), stubs: new Map() };
  await inspectFiles(
    plan.attachments.filter((a) => !inspection.sizes.has(a.id)),
    progress,
    inspection,
  );
  await inspectFiles(
    plan.images.map((i) => ({ ...i, id: '', label: i.file, kind: 'image', size: 0 })),
    progress,
    inspection,
  );
  const { sizes, stubs } = inspection;

  progress({
    step: 'typeset',
    size: plan.attachments.filter((a) => a.kind !== 'pdf' && !stubs.has(a.absolute)).reduce((s, a) => s + a.size, 0),
  });
  const base = await typeset(plan, docDefinition(plan, sizes, stubs));

  const out = await PDFDocument.load(base, { updateMetadata: false });
  const writer = new StreamWriter(fd, out.context);
  const painter = await BandPainter.create(out, plan.fontDir, plan.draft);
  const stubRefs = stubObjects(out);
  /** Puts a JPEG's bytes in place of its stand-in (once, however often it is shown). */
  const placeImage = (a: { file: string; absolute: string }) => {
    const stub = stubs.get(a.absolute);
    const ref = stub && stubRefs.get(stub.key);
    if (!stub || !ref) return;
    stubRefs.delete(stub.key);
    try {
      writer.fileStream(ref, (out.context.lookup(ref) as PDFRawStream).dict, a.absolute, stub.header.head, stub.header.size);
    } catch (e) {
      if (e instanceof FileChangedError) throw new JobError('pdf-attachment-changed', { file: a.file });
      throw new JobError('pdf-attachment-unreadable', { file: a.file, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
  };
  for (const img of plan.images) placeImage(img);

  const dests = namedDestinations(out);
  const pageIndex = new Map(out.getPages().map((p, i) => [p.ref.toString(), i]));
  const firstPages = new Set<string>();
  for (const a of plan.attachments) {
    const page = dests.get(a.id)?.get(0);
    if (page instanceof PDFRef) firstPages.add(page.toString());
  }
  const pageCount = out.getPageCount();
  const draftMark = plan.draft ? new DraftMark(out.context, fontFiles(plan.fontDir).DejaVu.bold) : undefined;
  if (draftMark) {
    // Under the typeset pages now; over the pages of PDF attachments when they are put in.
    const placeholders = new Set<number>();
    for (const a of plan.attachments) {
      const first = pageIndex.get(String(dests.get(a.id)?.get(0)));
      if (a.kind === 'pdf' && first !== undefined) for (let k = 0; k < (sizes.get(a.id)?.length ?? 0); k++) placeholders.add(first + k);
    }
    out.getPages().forEach((p, i) => placeholders.has(i) || draftMark.under(p));
  }
  const merged = plan.attachments.filter((a) => a.kind === 'pdf' || stubs.has(a.absolute));
  for (const [i, a] of merged.entries()) {
    progress({ step: 'merge', label: a.label, file: a.file, size: a.size, index: i + 1, total: merged.length });
    if (a.kind !== 'pdf') {
      placeImage(a);
      continue;
    }
    const page = dests.get(a.id)?.get(0);
    const first = page instanceof PDFRef ? pageIndex.get(page.toString()) : undefined;
    if (first === undefined) throw new JobError('pdf-internal', { detail: `no placeholder for ${a.id}` });
    const mark = out.context.largestObjectNumber;
    const src = await openPdf(a);
    let copies;
    try {
      prepareLinks(src);
      copies = await out.copyPages(src, src.getPageIndices());
    } catch (e) {
      throw fail(a, e);
    }
    if (copies.length !== sizes.get(a.id)?.length)
      throw new JobError('pdf-attachment-unreadable', { file: a.file, detail: 'page count changed' });
    transplant(out, copies, first, BAND, { painter, label: a.label, count: pageCount, mark: draftMark });
    writer.flushAbove(mark);
  }
  fixDestinations(out, dests, new Set(plan.attachments.map((a) => a.id)), firstPages);

  progress({ step: 'save' });
  for (const f of Object.values(painter.fonts())) await f.embed();
  writer.finish();
  return { pages: pageCount };
}
