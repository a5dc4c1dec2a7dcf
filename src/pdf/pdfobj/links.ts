/**
 * An attachment's links between its own pages, kept through the transplant: before its pages are
 * copied each link names its target page by number (`prepareLinks`), afterwards the number
 * becomes the target's placeholder page (`placeLink`); links elsewhere are dropped.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFContext, type PDFDocument } from '@cantoo/pdf-lib';
import { apply, type Matrix } from '../matrix.js';
import { namedDestinations } from './names.js';

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
    if (d instanceof PDFString || d instanceof PDFHexString || d instanceof PDFName) return { holder, key, dest: named(d.decodeText()) };
    return undefined;
  };
  if (annot.has(PDFName.of('Dest'))) return resolve(annot, PDFName.of('Dest'));
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  if (action && action.get(PDFName.of('S')) === PDFName.of('GoTo') && action.has(PDFName.of('D'))) return resolve(action, PDFName.of('D'));
  return undefined;
}

/**
 * Before an attachment's pages are copied: a link to another page of the attachment names that
 * page by its number, not by reference (a reference would make pdf-lib copy the page a second
 * time, outside the page tree); `placeLink` turns the number into the page's new place.
 */
export function prepareLinks(src: PDFDocument): void {
  const ctx = src.context;
  const index = new Map(src.getPages().map((p, i) => [p.ref.toString(), i]));
  const names = namedDestinations(src);
  const named = (name: string) => names.get(name);
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
export function placeLink(ctx: PDFContext, annot: PDFDict, pages: PDFRef[]): void {
  const found = destinationOf(ctx, annot, () => undefined);
  const n = found?.dest?.get(0);
  if (!found || !(n instanceof PDFNumber)) return;
  const to = pages[n.asNumber()];
  if (to) found.dest!.set(0, to);
  else found.holder.delete(found.key);
}

/** Moves an annotation's rectangle (and quadrilaterals) with the scaled content. */
export function moveAnnotation(ctx: PDFContext, annot: PDFDict, m: Matrix): void {
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
