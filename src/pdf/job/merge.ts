/**
 * Putting an attachment's pages into the typeset document.
 *
 * The typesetter reserved one placeholder page per attachment page, of the same displayed size,
 * carrying the label band ("Bilaga 3.1 – …", "Sida N av M") and, in drafts, the UTKAST mark; the
 * table of contents, the outline and the page numbers already count it. Here each placeholder
 * takes over the attachment page: its boxes, rotation, resources, content and annotations. The
 * placeholder keeps its own object (so every link and bookmark to it still holds) and its own
 * drawing becomes a form XObject laid over the page. The attachment's content is scaled down,
 * centred, by the height of the band, so that the band never covers any of it; size and
 * rotation of the page stay as they were.
 */
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import { cm, invert, mul, type Matrix } from '../matrix.js';
import { moveAnnotation, placeLink } from '../pdfobj/links.js';
import { displaySize, rotationOf, toDisplay, visibleBox } from '../pdfobj/page.js';
import type { BandPainter } from './band.js';
import type { DraftMark } from './draft.js';

/** The band a page of this displayed size gets: none on a page too small to give it room. */
export function bandFor(width: number, height: number, band: number): number {
  return height >= 4 * band && width >= 120 ? band : 0;
}

const COPIED_ENTRIES = ['MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'Group', 'UserUnit'];

/** A name for a new entry of `dict` that none of its entries has. */
function freeName(dict: PDFDict, base: string): string {
  let name = base;
  for (let k = 1; dict.has(PDFName.of(name)); k++) name = `${base}${k}`;
  return name;
}

/** What goes in each placeholder's band: the attachment's label, the document's page count; the mark of a draft. */
export interface BandText {
  painter: BandPainter;
  label: string;
  count: number;
  mark?: DraftMark;
}

/**
 * Gives the placeholder pages `placeholders` (the `first`-th page of the document and the ones
 * after it) the copied pages `copies` (already in the document's context, not in its page tree),
 * keeping a band of `band` points at the top, drawn with `text`.
 */
export function transplant(
  doc: PDFDocument,
  copies: PDFPage[],
  placeholders: PDFPage[],
  first: number,
  band: number,
  text: BandText,
): void {
  const ctx = doc.context;
  const refs = placeholders.map((p) => p.ref);
  const fonts = text.painter.fonts();
  copies.forEach((copy, i) => {
    const page = placeholders[i]!;
    const box = visibleBox(copy);
    const rotation = rotationOf(copy);
    const D = toDisplay(box, rotation);
    const { width, height } = displaySize(copy);
    const room = bandFor(width, height, band);
    const s = (height - room) / height;
    const scale: Matrix = [s, 0, 0, s, (width - s * width) / 2, 0];
    const content = mul(invert(D), mul(scale, D));

    // The typeset placeholder's drawing (its anchor) becomes a form XObject; a page put in for the
    // attachment (all but its first, job.ts) has none.
    const own = page.node.get(PDFName.of('Contents'));
    const ownStream = own instanceof PDFRef ? ctx.lookup(own) : undefined;
    if (own !== undefined && (!(own instanceof PDFRef) || !ownStream || !('dict' in ownStream)))
      throw new Error('placeholder page without a content stream');
    if (own instanceof PDFRef) {
      const media = page.getMediaBox();
      const xdict = (ownStream as unknown as { dict: PDFDict }).dict;
      xdict.set(PDFName.of('Type'), PDFName.of('XObject'));
      xdict.set(PDFName.of('Subtype'), PDFName.of('Form'));
      xdict.set(PDFName.of('BBox'), ctx.obj([media.x, media.y, media.x + media.width, media.y + media.height]));
      const ownResources = page.node.get(PDFName.of('Resources'));
      if (ownResources) xdict.set(PDFName.of('Resources'), ownResources);
    }

    // The attachment page's resources, with the placeholder's drawing and the band's fonts added
    // under names of their own.
    const srcRes = copy.node.lookupMaybe(PDFName.of('Resources'), PDFDict);
    const res = srcRes ? srcRes.clone(ctx) : ctx.obj({});
    const xobjects = res.lookupMaybe(PDFName.of('XObject'), PDFDict)?.clone(ctx) ?? ctx.obj({});
    let tail = '\nQ\n';
    if (own instanceof PDFRef) {
      const name = freeName(xobjects, 'QmBand');
      xobjects.set(PDFName.of(name), own);
      tail = `\nQ q ${cm(invert(D))} /${name} Do Q\n`;
    }
    if (text.mark) {
      const draft = freeName(xobjects, 'QmDraft');
      xobjects.set(PDFName.of(draft), text.mark.form(width, height));
      tail += `q ${cm(invert(D))} /${draft} Do Q\n`;
    }
    if (xobjects.keys().length > 0) res.set(PDFName.of('XObject'), xobjects);
    if (room) {
      const fontDict = res.lookupMaybe(PDFName.of('Font'), PDFDict)?.clone(ctx) ?? ctx.obj({});
      const names = { regular: freeName(fontDict, 'QmSans'), bold: freeName(fontDict, 'QmSansBold') };
      fontDict.set(PDFName.of(names.regular), fonts.regular.ref);
      fontDict.set(PDFName.of(names.bold), fonts.bold.ref);
      res.set(PDFName.of('Font'), fontDict);
      tail += `q ${cm(invert(D))}\n${text.painter.draw(text.label, first + i + 1, text.count, width, height, names)}Q\n`;
    }

    // Content streams of a few bytes gain nothing from compression.
    const before = ctx.register(ctx.stream(`q ${cm(content)}\n`));
    const after = ctx.register(ctx.stream(deflateSync(tail), { Filter: 'FlateDecode' }));
    const contents: PDFRef[] = [before];
    const src = copy.node.get(PDFName.of('Contents'));
    const srcValue = src instanceof PDFRef ? ctx.lookup(src) : src;
    if (srcValue instanceof PDFArray) for (const c of srcValue.asArray()) contents.push(c as PDFRef);
    else if (src instanceof PDFRef) contents.push(src);
    contents.push(after);

    for (const key of COPIED_ENTRIES) {
      const v = copy.node.get(PDFName.of(key));
      if (v) page.node.set(PDFName.of(key), v);
      else if (key !== 'MediaBox') page.node.delete(PDFName.of(key));
    }
    page.node.set(PDFName.of('Resources'), res);
    page.node.set(PDFName.of('Contents'), ctx.obj(contents));

    const annots = copy.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (annots && annots.size() > 0) {
      const list = annots.clone(ctx);
      for (const a of list.asArray()) {
        const annot = a instanceof PDFRef ? ctx.lookupMaybe(a, PDFDict) : a instanceof PDFDict ? a : undefined;
        if (!annot) continue;
        moveAnnotation(ctx, annot, content);
        annot.set(PDFName.of('P'), page.ref);
        placeLink(ctx, annot, refs);
      }
      page.node.set(PDFName.of('Annots'), list);
    } else page.node.delete(PDFName.of('Annots'));
  });
  for (const c of copies) ctx.delete(c.ref);
}
