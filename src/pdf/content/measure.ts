/**
 * How wide a text is in the PDF's font, measured before typesetting from the advance widths the
 * build reads from the fonts (scripts/gen-coverage.mjs). Kerning is left out, so a measure is at
 * most a little wider than the typeset text: what fits by it fits in the PDF.
 */
import { FONT_WIDTHS } from '../../generated/font-coverage.js';

const FIRST = 32;
/** A character without a known width counts as wide as this (thousandths of the size). */
const UNKNOWN = 700;

/** Width in points of `text` at `size` points, in DejaVu Sans (bold or not). Soft hyphens are nothing. */
export function textWidth(text: string, size: number, bold = false): number {
  const w = FONT_WIDTHS[bold ? 'DejaVuSans-Bold.ttf' : 'DejaVuSans.ttf']!;
  let sum = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xad) continue;
    const k = cp - FIRST;
    sum += (k >= 0 && k < w.length && w[k]) || UNKNOWN;
  }
  return (sum / 1000) * size;
}
