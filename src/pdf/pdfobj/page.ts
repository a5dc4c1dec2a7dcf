/** A page's boxes and rotation, and the matrix from its own coordinates to what a viewer shows. */
import type { PDFPage } from '@cantoo/pdf-lib';
import { mul, type Matrix } from '../matrix.js';

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
