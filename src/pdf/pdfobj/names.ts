/** Named destinations: those of an attachment (to keep its links) and those pdfkit wrote for every node with an id. */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument } from '@cantoo/pdf-lib';

/** Deeper name trees are not followed (a hostile file would exhaust the stack). */
const MAX_DEPTH = 64;

/**
 * The named destinations of a document: the old `/Dests` dictionary of the catalog and the
 * `/Names` tree, each name to its explicit destination (the array itself, so changing it changes
 * the document).
 */
export function namedDestinations(doc: PDFDocument): Map<string, PDFArray> {
  const ctx = doc.context;
  const names = new Map<string, PDFArray>();
  const asDest = (v: unknown) => {
    const d = v instanceof PDFRef ? ctx.lookup(v) : v;
    if (d instanceof PDFArray) return d;
    if (d instanceof PDFDict) return d.lookupMaybe(PDFName.of('D'), PDFArray);
    return undefined;
  };
  const old = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (old)
    for (const [k, v] of old.entries()) {
      const d = asDest(v);
      if (d) names.set(k.decodeText(), d);
    }
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || seen.has(node) || depth > MAX_DEPTH) return;
    seen.add(node);
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
      const k = pairs.lookup(i);
      const d = asDest(pairs.get(i + 1));
      if ((k instanceof PDFString || k instanceof PDFHexString) && d) names.set(k.decodeText(), d);
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict), 0);
  return names;
}
