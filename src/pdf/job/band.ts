/**
 * The band over each page of a PDF attachment: its label on the left, "Sida N av M" on the right
 * (after UTKAST in a draft), on a light fill with a rule below – drawn by qm while the page is put
 * in, in DejaVu Sans embedded as a subset, so that it stays searchable text.
 *
 * The typesetter could draw it (it draws the band of an image attachment), but laying out a
 * table on each of hundreds of placeholder pages was a third of its time. Here each piece of text
 * ("Sida ", a digit, " av ", a label) is shaped once and the pieces are put side by side: digits
 * are of equal width and do not kern, so the line is the one the typesetter would set.
 */
import { readFile } from 'node:fs/promises';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import { fontFiles } from '../fonts.js';
import { COLOR, pdfRgb } from '../theme.js';
import { W } from '../words.js';
import { fontkit } from './fontkit.js';

/** Measures of the band as the typesetter sets it (8 pt text, padding 7 above and 6 below). */
const FILL_HEIGHT = 22.7125;
const BASELINE = 14.425781;
const SIZE = 8;
const INSET = 10;
const FILL = pdfRgb(COLOR.fill);
const ACCENT = pdfRgb(COLOR.accent);
const TEXT = pdfRgb(COLOR.text);
const DRAFT = pdfRgb(COLOR.draft);

interface Piece {
  hex: string;
  width: number;
}

const num = (x: number) => String(Math.round(x * 1000) / 1000);

export class BandPainter {
  private readonly pieces = new Map<string, Piece>();

  private constructor(
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly draft: boolean,
  ) {}

  static async create(doc: PDFDocument, fontDir: string, draft: boolean): Promise<BandPainter> {
    const files = fontFiles(fontDir).DejaVu;
    doc.registerFontkit(fontkit() as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
    const regular = await doc.embedFont(await readFile(files.normal), { subset: true });
    const bold = await doc.embedFont(await readFile(files.bold), { subset: true });
    return new BandPainter(regular, bold, draft);
  }

  /** The fonts to name in a page's resources. */
  fonts(): { regular: PDFFont; bold: PDFFont } {
    return { regular: this.regular, bold: this.bold };
  }

  private piece(text: string, bold: boolean): Piece {
    const key = `${bold ? 'b' : 'r'}${text}`;
    let p = this.pieces.get(key);
    if (!p) {
      const font = bold ? this.bold : this.regular;
      p = { hex: font.encodeText(text).toString().slice(1, -1), width: font.widthOfTextAtSize(text, SIZE) };
      this.pieces.set(key, p);
    }
    return p;
  }

  /** A run of text as pieces: each digit alone, the rest as written (so a page number costs no shaping). */
  private run(text: string, bold: boolean): Piece {
    const parts = text.match(/\d|\D+/g) ?? [];
    const ps = parts.map((t) => this.piece(t, bold));
    return { hex: ps.map((p) => p.hex).join(''), width: ps.reduce((s, p) => s + p.width, 0) };
  }

  /**
   * The operators that draw the band on a page shown `width` × `height` points (in the page's
   * displayed coordinates), with the fonts named `regular` and `bold` in its resources.
   */
  draw(label: string, page: number, count: number, width: number, height: number, names: { regular: string; bold: string }): string {
    const top = height - FILL_HEIGHT;
    const y = num(height - BASELINE);
    const text = (p: Piece, font: string, color: string, x: number) =>
      `BT /${font} ${SIZE} Tf ${color} rg ${num(x)} ${y} Td <${p.hex}> Tj ET\n`;
    const lbl = this.piece(bandLabel(label, width - (this.draft ? 50 : 0)), true);
    const pageNo = this.run(W.page(page, count), false);
    const mark = this.draft ? this.piece(`${W.draft}  `, true) : undefined;
    const right = width - INSET - pageNo.width;
    let ops = `q ${FILL} rg 0 ${num(top)} ${num(width)} ${num(FILL_HEIGHT)} re f\n`;
    ops += `${ACCENT} RG 0.8 w 0 ${num(top)} m ${num(width)} ${num(top)} l S\n`;
    ops += text(lbl, names.bold, ACCENT, INSET);
    if (mark) ops += text(mark, names.bold, DRAFT, right - mark.width);
    ops += text(pageNo, names.regular, TEXT, right);
    return `${ops}Q\n`;
  }
}

/** A label that fits the band of a page this wide on one line (a wrapped band would not fit). */
export function bandLabel(label: string, pageWidth: number): string {
  const room = Math.max(12, Math.floor((pageWidth - 110) / 5.6));
  return label.length <= room ? label : `${label.slice(0, room - 1).trimEnd()}…`;
}
