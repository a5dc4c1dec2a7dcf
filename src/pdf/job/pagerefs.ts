/**
 * Page references to attachments, counted right although the typesetter lays out only the first
 * page of each PDF attachment. Laying out one placeholder page per attachment page cost about
 * 35 KB of memory per page (thousands of pages of manuals took hundreds of megabytes); now the
 * other pages are put in only when the attachment is merged (job/job.ts). So the typesetter's
 * page numbers after the first PDF attachment are short by the pages it did not lay out: a page
 * reference (the contents, the list of attachments) to an attachment gets the offset registered
 * for its id here. The typesetter measures a page reference as "00000" whatever its number, so
 * the offset changes nothing in the layout.
 */
import { createRequire } from 'node:module';

interface Inline {
  _pageRef?: { _textNodeRef?: { id?: string } };
  _pageNodeRef?: { positions?: { pageNumber: number }[] };
}
interface Line {
  inlines: Inline[];
}
type RenderLine = (this: unknown, line: Line, x: number, y: number) => unknown;

/** Pages the typesetter did not lay out before each attachment's first page, by the attachment's id. */
const offsets = new Map<string, number>();
let installed = false;

/** The offsets of the document about to be typeset. */
export function setPageOffsets(next: Map<string, number>): void {
  installPageOffsets();
  offsets.clear();
  for (const [id, n] of next) offsets.set(id, n);
}

/** Patches pdfmake's renderer (once per thread). */
function installPageOffsets(): void {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const Renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: { renderLine: RenderLine } } }).default;
  const original = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function (line: Line, x: number, y: number) {
    for (const inline of line.inlines) {
      const id = inline._pageRef?._textNodeRef?.id;
      const offset = id === undefined ? 0 : (offsets.get(id) ?? 0);
      const at = inline._pageNodeRef?.positions?.[0];
      if (offset && at) inline._pageNodeRef = { positions: [{ ...at, pageNumber: at.pageNumber + offset }] };
    }
    return original.call(this, line, x, y);
  };
}
