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
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFDocument,
  type PDFPage,
} from '@cantoo/pdf-lib';
import type { BandPainter } from './band.js';
import type { DraftMark } from './draft.js';

/** A 2-D affine matrix [a b c d e f], as PDF writes them: (x, y) ↦ (ax + cy + e, bx + dy + f). */
export type Matrix = [number, number, number, number, number, number];

/** m ∘ n: first n, then m. */
export function mul(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function invert(m: Matrix): Matrix {
  const det = m[0] * m[3] - m[1] * m[2];
  const a = m[3] / det;
  const b = -m[1] / det;
  const c = -m[2] / det;
  const d = m[0] / det;
  return [a, b, c, d, -(a * m[4] + c * m[5]), -(b * m[4] + d * m[5])];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of the page a viewer shows: the crop box within the media box. */
export function visibleBox(page: PDFPage): Box {
  const m = page.getMediaBox();
  const c = page.getCropBox();
  const x0 = Math.max(m.x, c.x);
  const y0 = Math.max(m.y, c.y);
  const x1 = Math.min(m.x + m.width, c.x + c.width);
  const y1 = Math.min(m.y + m.height, c.y + c.height);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : m;
}

export function rotationOf(page: PDFPage): 0 | 90 | 180 | 270 {
  const r = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
  return r as 0 | 90 | 180 | 270;
}

/** The size of the page as a viewer shows it (rotation applied). */
export function displaySize(page: PDFPage): { width: number; height: number } {
  const b = visibleBox(page);
  const r = rotationOf(page);
  return r === 90 || r === 270 ? { width: b.height, height: b.width } : { width: b.width, height: b.height };
}

/** From the page's own coordinates to what the viewer shows (origin bottom left, rotation applied). */
export function toDisplay(box: Box, rotation: 0 | 90 | 180 | 270): Matrix {
  const w = box.width;
  const h = box.height;
  const shift: Matrix = [1, 0, 0, 1, -box.x, -box.y];
  const turn: Matrix =
    rotation === 0
      ? [1, 0, 0, 1, 0, 0]
      : rotation === 90
        ? [0, -1, 1, 0, 0, w]
        : rotation === 180
          ? [-1, 0, 0, -1, w, h]
          : [0, 1, -1, 0, h, 0];
  return mul(turn, shift);
}

const num = (x: number) => {
  const r = Math.round(x * 10000) / 10000;
  return Object.is(r, -0) ? '0' : String(r);
};
export const cm = (m: Matrix) => `${m.map(num).join(' ')} cm`;

/** The band a page of this displayed size gets: none on a page too small to give it room. */
export function bandFor(width: number, height: number, band: number): number {
  return height >= 4 * band && width >= 120 ? band : 0;
}

const COPIED_ENTRIES = ['MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'Group', 'UserUnit'];

/** The explicit destination an annotation jumps to (its /Dest, or a GoTo action's /D), if any. */
function destinationOf(
  ctx: PDFContext,
  annot: PDFDict,
  named: (name: string) => PDFArray | undefined,
): { holder: PDFDict; key: PDFName; dest: PDFArray | undefined } | undefined {
  const resolve = (holder: PDFDict, key: PDFName) => {
    const v = holder.get(key);
    const d = v instanceof PDFRef ? ctx.lookup(v) : v;
    if (d instanceof PDFArray) return { holder, key, dest: d };
    if (d instanceof PDFString || d instanceof PDFHexString || d instanceof PDFName)
      return { holder, key, dest: named(d instanceof PDFName ? d.decodeText() : d.decodeText()) };
    return undefined;
  };
  if (annot.has(PDFName.of('Dest'))) return resolve(annot, PDFName.of('Dest'));
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  if (action && action.get(PDFName.of('S')) === PDFName.of('GoTo') && action.has(PDFName.of('D'))) return resolve(action, PDFName.of('D'));
  return undefined;
}

/** The named destinations of a document (/Dests in the catalog, or the /Names tree). */
function namedDestinations(doc: PDFDocument): (name: string) => PDFArray | undefined {
  const ctx = doc.context;
  const names = new Map<string, PDFArray>();
  const asDest = (v: unknown) => {
    const d = v instanceof PDFRef ? ctx.lookup(v) : v;
    if (d instanceof PDFArray) return d;
    if (d instanceof PDFDict) return d.lookupMaybe(PDFName.of('D'), PDFArray);
    return undefined;
  };
  const old = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (old) for (const [k, v] of old.entries()) if (asDest(v)) names.set(k.decodeText(), asDest(v)!);
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict | undefined) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      const k = pairs.lookup(i);
      const d = asDest(pairs.get(i + 1));
      if ((k instanceof PDFString || k instanceof PDFHexString) && d) names.set(k.decodeText(), d);
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict));
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict));
  return (name) => names.get(name);
}

/**
 * Before an attachment's pages are copied: a link to another page of the attachment names that
 * page by its number, not by reference (a reference would make pdf-lib copy the page a second
 * time, outside the page tree); `transplant` turns the number into the page's new place.
 */
export function prepareLinks(src: PDFDocument): void {
  const ctx = src.context;
  const index = new Map(src.getPages().map((p, i) => [p.ref.toString(), i]));
  const named = namedDestinations(src);
  for (const page of src.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      const found = annot && destinationOf(ctx, annot, named);
      if (!found) continue;
      const target = found.dest?.get(0);
      const n = target instanceof PDFRef ? index.get(target.toString()) : undefined;
      if (n === undefined || !found.dest) found.holder.delete(found.key);
      else found.holder.set(found.key, ctx.obj([n, ...found.dest.asArray().slice(1)]));
    }
  }
}

/** A link prepared by `prepareLinks` goes to the placeholder of its page. */
function placeLink(ctx: PDFContext, annot: PDFDict, pages: PDFRef[]): void {
  const found = destinationOf(ctx, annot, () => undefined);
  const n = found?.dest?.get(0);
  if (!found || !(n instanceof PDFNumber)) return;
  const to = pages[n.asNumber()];
  if (to) found.dest!.set(0, to);
  else found.holder.delete(found.key);
}

/** Moves an annotation's rectangle (and quadrilaterals) with the scaled content. */
function moveAnnotation(ctx: PDFContext, annot: PDFDict, m: Matrix): void {
  const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray);
  if (rect && rect.size() === 4) {
    const v = rect.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : 0));
    const [ax, ay] = apply(m, v[0]!, v[1]!);
    const [bx, by] = apply(m, v[2]!, v[3]!);
    annot.set(PDFName.of('Rect'), ctx.obj([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)]));
  }
  const quads = annot.lookupMaybe(PDFName.of('QuadPoints'), PDFArray);
  if (quads) {
    const v = quads.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : 0));
    const out: number[] = [];
    for (let i = 0; i + 1 < v.length; i += 2) out.push(...apply(m, v[i]!, v[i + 1]!));
    annot.set(PDFName.of('QuadPoints'), ctx.obj(out));
  }
}

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
 * Gives the placeholder pages `first`, `first + 1`, … the copied pages `copies` (already in the
 * document's context, not in its page tree), keeping a band of `band` points at the top, drawn
 * with `text`.
 */
export function transplant(doc: PDFDocument, copies: PDFPage[], first: number, band: number, text: BandText): void {
  const ctx = doc.context;
  const placeholders = copies.map((_, i) => doc.getPage(first + i));
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

    // The placeholder's drawing (band, page number, UTKAST) becomes a form XObject.
    const own = page.node.get(PDFName.of('Contents'));
    const ownStream = own instanceof PDFRef ? ctx.lookup(own) : undefined;
    if (!(own instanceof PDFRef) || !ownStream || !('dict' in ownStream)) throw new Error('placeholder page without a content stream');
    const media = page.getMediaBox();
    const xdict = (ownStream as { dict: PDFDict }).dict;
    xdict.set(PDFName.of('Type'), PDFName.of('XObject'));
    xdict.set(PDFName.of('Subtype'), PDFName.of('Form'));
    xdict.set(PDFName.of('BBox'), ctx.obj([media.x, media.y, media.x + media.width, media.y + media.height]));
    const ownResources = page.node.get(PDFName.of('Resources'));
    if (ownResources) xdict.set(PDFName.of('Resources'), ownResources);

    // The attachment page's resources, with the placeholder's drawing and the band's fonts added
    // under names of their own.
    const srcRes = copy.node.lookupMaybe(PDFName.of('Resources'), PDFDict);
    const res = srcRes ? srcRes.clone(ctx) : ctx.obj({});
    const xobjects = res.lookupMaybe(PDFName.of('XObject'), PDFDict)?.clone(ctx) ?? ctx.obj({});
    const name = freeName(xobjects, 'QmBand');
    xobjects.set(PDFName.of(name), own);
    res.set(PDFName.of('XObject'), xobjects);
    let tail = `\nQ q ${cm(invert(D))} /${name} Do Q\n`;
    if (text.mark) {
      const draft = freeName(xobjects, 'QmDraft');
      xobjects.set(PDFName.of(draft), text.mark.form(width, height));
      tail += `q ${cm(invert(D))} /${draft} Do Q\n`;
    }
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
