/**
 * Soft hyphens as the typesetter should treat them. pdfmake breaks lines after a soft hyphen
 * (U+00AD, put into long words by src/pdf/content/typography.ts) but prints none: fontkit draws
 * the character as nothing. So each line it builds is settled here: where the line ends at a soft
 * hyphen a hyphen is printed (and, when the hyphen would not fit, the last piece goes to the next
 * line); every other soft hyphen is dropped, so none reaches the PDF's text.
 */
import { createRequire } from 'node:module';

const SHY = '\u00ad';

interface Inline {
  text: string;
  width: number;
  x?: number;
  noNewLine?: boolean;
  trailingCut?: number;
  leadingCut?: number;
}
interface Line {
  maxWidth: number;
  inlines: Inline[];
  inlineWidths: number;
  trailingCut: number;
  leadingCut: number;
  lastLineInParagraph?: boolean;
  getWidth(): number;
}
interface TextNode {
  _inlines?: Inline[];
}
type BuildNextLine = (this: unknown, node: TextNode) => Line | null;

let installed = false;

/** Patches pdfmake's line builder (once per thread). */
export function installSoftHyphens(): void {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const LayoutBuilder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: { buildNextLine: BuildNextLine } } }).default;
  const TextInlines = (require('pdfmake/js/TextInlines.js') as { default: new (x: null) => { widthOfText(t: string, i: Inline): number } })
    .default;
  const measure = new TextInlines(null);
  const original = LayoutBuilder.prototype.buildNextLine;
  LayoutBuilder.prototype.buildNextLine = function (node: TextNode): Line | null {
    const line = original.call(this, node);
    if (line) settle(line, node, (t, i) => measure.widthOfText(t, i));
    return line;
  };
}

function settle(line: Line, node: TextNode, width: (text: string, inline: Inline) => number): void {
  const more = () => (node._inlines?.length ?? 0) > 0;
  // A hyphen where the line ends at a soft hyphen; the last piece moves down when it would not fit.
  for (;;) {
    const last = line.inlines[line.inlines.length - 1];
    if (!last || !more() || !last.text.endsWith(SHY)) break;
    const text = `${last.text.slice(0, -1).replaceAll(SHY, '')}-`;
    const w = width(text, last);
    if (line.getWidth() - last.width + w <= line.maxWidth + 0.01 || line.inlines.length === 1) {
      line.inlineWidths += w - last.width;
      last.text = text;
      last.width = w;
      break;
    }
    // Back to the paragraph: the last piece, and the pieces glued to it (one word in several styles).
    do {
      const popped = line.inlines.pop()!;
      line.inlineWidths -= popped.width;
      node._inlines!.unshift(popped);
    } while (line.inlines.length > 1 && line.inlines[line.inlines.length - 1]!.noNewLine);
    line.trailingCut = line.inlines[line.inlines.length - 1]?.trailingCut ?? 0;
    line.lastLineInParagraph = false;
  }
  for (const inline of line.inlines) if (inline.text.includes(SHY)) inline.text = inline.text.replaceAll(SHY, '');
}
