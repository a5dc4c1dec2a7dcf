/**
 * The big diagonal UTKAST of a draft, drawn as the outlines of its letters: a mark, not text, so
 * that it never breaks up the text a reader copies (the word UTKAST is also in every footer and
 * band). One form XObject per page size, shared by all pages of that size; it lies under the
 * content of the typeset pages and over the pages of PDF attachments, translucent.
 *
 * The typesetter could draw it as a background, but it drew the outlines again on every page.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFContext, type PDFPage } from '@cantoo/pdf-lib';
import { cm, mul, type Matrix } from '../matrix.js';
import { COLOR as THEME, pdfRgb } from '../theme.js';
import { W } from '../words.js';
import { fontkit } from './fontkit.js';

const COLOR = pdfRgb(THEME.draft);
const OPACITY = 0.11;

const n = (x: number) => String(Math.round(x * 100) / 100);

/** The outlines of the word, in font units, as PDF path operators, and their bounding box. */
function outlines(fontFile: string): { ops: string; box: { minX: number; minY: number; maxX: number; maxY: number } } {
  const font = fontkit().openSync(fontFile);
  const run = font.layout(W.draft);
  const parts: string[] = [];
  let x = 0;
  run.glyphs.forEach((g, i) => {
    let cx = 0;
    let cy = 0;
    for (const { command, args } of g.path.commands) {
      const a = args.map((v, k) => (k % 2 === 0 ? v + x : v));
      if (command === 'moveTo') parts.push(`${n(a[0]!)} ${n(a[1]!)} m`);
      else if (command === 'lineTo') parts.push(`${n(a[0]!)} ${n(a[1]!)} l`);
      else if (command === 'bezierCurveTo') parts.push(`${a.map(n).join(' ')} c`);
      else if (command === 'quadraticCurveTo') {
        // A quadratic curve as the cubic one that draws it.
        const [qx, qy, ex, ey] = a as [number, number, number, number];
        parts.push(
          `${n(cx + (2 / 3) * (qx - cx))} ${n(cy + (2 / 3) * (qy - cy))} ${n(ex + (2 / 3) * (qx - ex))} ${n(ey + (2 / 3) * (qy - ey))} ${n(ex)} ${n(ey)} c`,
        );
      } else if (command === 'closePath') parts.push('h');
      if (a.length >= 2) [cx, cy] = [a[a.length - 2]!, a[a.length - 1]!];
    }
    x += run.positions[i]!.xAdvance;
  });
  return { ops: parts.join('\n'), box: run.bbox };
}

export class DraftMark {
  private readonly forms = new Map<string, PDFRef>();
  private readonly word: ReturnType<typeof outlines>;

  constructor(
    private readonly ctx: PDFContext,
    fontFile: string,
  ) {
    this.word = outlines(fontFile);
  }

  /** The mark for a page shown `width` × `height` points: the word across its diagonal, 70 % of it long. */
  form(width: number, height: number): PDFRef {
    const key = `${n(width)}x${n(height)}`;
    let ref = this.forms.get(key);
    if (!ref) {
      const { minX, minY, maxX, maxY } = this.word.box;
      const angle = Math.atan2(height, width);
      const k = (0.7 * Math.hypot(width, height)) / (maxX - minX);
      const turn: Matrix = [Math.cos(angle), Math.sin(angle), -Math.sin(angle), Math.cos(angle), width / 2, height / 2];
      const m = mul(turn, [k, 0, 0, k, -k * ((minX + maxX) / 2), -k * ((minY + maxY) / 2)]);
      const gs = this.ctx.obj({ Type: 'ExtGState', ca: OPACITY, CA: OPACITY });
      const resources = this.ctx.obj({ ExtGState: this.ctx.obj({ QmMark: gs }) });
      const stream = this.ctx.flateStream(`q /QmMark gs ${COLOR} rg ${cm(m)}\n${this.word.ops}\nf Q\n`, {
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, width, height],
        Resources: resources,
      });
      ref = this.ctx.register(stream);
      this.forms.set(key, ref);
    }
    return ref;
  }

  /** Lays the mark under the content of a typeset page (not rotated, origin at the bottom left). */
  under(page: PDFPage): void {
    const { width, height } = page.getSize();
    // Copies: a dictionary the typesetter shares between pages must not get one page's mark.
    const res = page.node.Resources()?.clone(this.ctx) ?? this.ctx.obj({});
    const xobjects = res.lookupMaybe(PDFName.of('XObject'), PDFDict)?.clone(this.ctx) ?? this.ctx.obj({});
    let name = 'QmDraft';
    for (let k = 1; xobjects.has(PDFName.of(name)); k++) name = `QmDraft${k}`;
    xobjects.set(PDFName.of(name), this.form(width, height));
    res.set(PDFName.of('XObject'), xobjects);
    page.node.set(PDFName.of('Resources'), res);
    const under = this.ctx.register(this.ctx.stream(`q /${name} Do Q\n`));
    const contents = page.node.get(PDFName.of('Contents'));
    const list = contents instanceof PDFRef ? [contents] : contents instanceof PDFArray ? contents.asArray() : [];
    page.node.set(PDFName.of('Contents'), this.ctx.obj([under, ...list]));
  }
}
