/**
 * Opening the files before typesetting: a PDF attachment for its pages (their displayed sizes),
 * a JPEG for its header (its stand-in, src/pdf/job/jpeg.ts), a PNG to prove its image data.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { PDFDocument } from '@cantoo/pdf-lib';
import { pngChunks, pngHeader } from '../../load/image-format.js';
import { displaySize } from '../pdfobj/page.js';
import { JobError, type PlanAttachment, type Progress } from '../plan.js';
import { readJpegHeader, type JpegHeader } from './jpeg.js';

export function fail(a: Pick<PlanAttachment, 'file'>, e: unknown): JobError {
  const name = (e as Error)?.name ?? '';
  const detail = String((e as Error)?.message ?? e)
    .split('\n')[0]!
    .slice(0, 200);
  return new JobError(name === 'EncryptedPDFError' ? 'pdf-attachment-encrypted' : 'pdf-attachment-unreadable', { file: a.file, detail });
}

/** Opens a PDF attachment; owner-password restrictions are lifted (the empty user password opens it). */
export async function openPdf(a: Pick<PlanAttachment, 'file' | 'absolute'>): Promise<PDFDocument> {
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
  const header = pngHeader(bytes);
  if (!header) return 'no header';
  const { width, height, depth } = header;
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[header.colourType];
  if (!channels) return 'unknown colour type';
  const idat = [...pngChunks(bytes)].filter((c) => c.type === 'IDAT').map((c) => c.data);
  const rows = height * (Math.ceil((width * channels * depth) / 8) + 1);
  try {
    const raw = inflateSync(Buffer.concat(idat), { maxOutputLength: rows + 1 });
    // Interlaced images hold a little more (each pass has its own filter bytes).
    if (!header.interlaced ? raw.length !== rows : raw.length < rows * 0.9) return 'image data of the wrong size';
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
export type Stubs = Map<string, { key: string; header: JpegHeader }>;

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
