/**
 * The typesetting job, run in a worker thread (src/pdf/job/worker.ts) so that a hostile attachment
 * can be stopped: open each PDF attachment to learn its pages and read each JPEG's header,
 * typeset the whole document with pdfmake (reserving a placeholder page per attachment page, and
 * placing each JPEG as a stand-in of its header), then write the file as it is assembled
 * (src/pdf/pdfobj/writer.ts): each attachment's pages are put in with pdf-lib and written at once,
 * each JPEG's bytes copied from its file, one at a time; the typeset document's own objects last.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNull, PDFNumber, PDFPage, PDFPageLeaf, PDFRawStream, PDFRef } from '@cantoo/pdf-lib';
import { fontFiles } from '../fonts.js';
import { JobError, type Plan, type Progress } from '../plan.js';
import { namedDestinations } from '../pdfobj/names.js';
import { FileChangedError, StreamWriter } from '../pdfobj/writer.js';
import { BandPainter } from './band.js';
import { DraftMark } from './draft.js';
import { fail, inspectFiles, openPdf, type Inspection } from './inspect.js';
import { stubKey } from './jpeg.js';
import { prepareLinks } from '../pdfobj/links.js';
import { transplant } from './merge.js';
import { BAND, docDefinition, typeset } from './typeset.js';

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

/**
 * New pages right after the page `after`, in the typesetter's page tree (one /Pages node whose
 * kids are the pages). Not with pdf-lib's insertPage: it counts the pages by looking each one up,
 * and the pages of earlier attachments are already written and gone from the document.
 */
function insertAfter(doc: PDFDocument, after: PDFRef, sizes: { width: number; height: number }[]): PDFPage[] {
  const rootRef = doc.catalog.get(PDFName.of('Pages'));
  const root = doc.catalog.Pages();
  const at = root.Kids().asArray().indexOf(after);
  if (!(rootRef instanceof PDFRef) || at < 0) throw new JobError('pdf-internal', { detail: 'the page tree is not flat' });
  return sizes.map((size, k) => {
    const page = PDFPage.create(doc);
    page.node.setParent(rootRef);
    page.setSize(size.width, size.height);
    root.Kids().insert(at + 1 + k, page.ref);
    root.set(PDFName.of('Count'), PDFNumber.of(root.Count().asNumber() + 1));
    return page;
  });
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

/**
 * Compiles the PDF into the open file `fd` (written from its start); returns the page count.
 * `inspected` is the inspection of the plan's attachments when it was started before the plan was
 * ready (src/pdf/job/run.ts); the images of the prose are opened here.
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
  const base = await typeset(plan, (splits) => docDefinition(plan, sizes, stubs, splits));

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
  // Only the first page of each PDF attachment was typeset; the others are put in as it is merged.
  const skipped = plan.attachments.reduce((n, a) => n + (a.kind === 'pdf' ? Math.max(0, (sizes.get(a.id)?.length ?? 1) - 1) : 0), 0);
  const pageCount = out.getPageCount() + skipped;
  const draftMark = plan.draft ? new DraftMark(out.context, fontFiles(plan.fontDir).DejaVu.bold) : undefined;
  if (draftMark) {
    // Under the typeset pages now; over the pages of PDF attachments when they are put in.
    const placeholders = new Set<number>();
    for (const a of plan.attachments) {
      const first = pageIndex.get(String(dests.get(a.id)?.get(0)));
      if (a.kind === 'pdf' && first !== undefined) placeholders.add(first);
    }
    out.getPages().forEach((p, i) => placeholders.has(i) || draftMark.under(p));
  }
  const merged = plan.attachments.filter((a) => a.kind === 'pdf' || stubs.has(a.absolute));
  let inserted = 0;
  for (const [i, a] of merged.entries()) {
    progress({ step: 'merge', label: a.label, file: a.file, size: a.size, index: i + 1, total: merged.length });
    if (a.kind !== 'pdf') {
      placeImage(a);
      continue;
    }
    const page = dests.get(a.id)?.get(0);
    const laidOut = page instanceof PDFRef ? pageIndex.get(page.toString()) : undefined;
    if (laidOut === undefined) throw new JobError('pdf-internal', { detail: `no placeholder for ${a.id}` });
    const first = laidOut + inserted;
    // The attachment's other pages, after its first. Pages are reached by their objects, never by
    // their index: the pages of earlier attachments are already written and gone from the document.
    const pages = sizes.get(a.id) ?? [];
    const placeholders = [PDFPage.of(out.context.lookup(page as PDFRef) as PDFPageLeaf, page as PDFRef, out)];
    placeholders.push(...insertAfter(out, page as PDFRef, pages.slice(1)));
    inserted += Math.max(0, pages.length - 1);
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
    transplant(out, copies, placeholders, first, BAND, { painter, label: a.label, count: pageCount, mark: draftMark });
    writer.flushAbove(mark);
    // Its pages too: nothing changes them any more (links and bookmarks go to them by reference).
    writer.flushPages(out, placeholders);
  }
  fixDestinations(out, dests, new Set(plan.attachments.map((a) => a.id)), firstPages);

  progress({ step: 'save' });
  for (const f of Object.values(painter.fonts())) await f.embed();
  writer.finish();
  return { pages: pageCount };
}
