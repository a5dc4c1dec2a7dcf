/**
 * What building the PDF's content needs to know besides the text at hand: the font coverage
 * (every run of the organisation's text is checked against the face it is printed in), the
 * numbered attachments, the reference year, and the image files the typesetter may open.
 */
import type { Application, LoadedFile, Position } from '../model/types.js';
import type { Numbering } from './attachments.js';
import { cleanText, type Coverage, type Face, type Family } from './fonts.js';

/** A pdfmake node: plain data (it crosses into the worker), never functions. */
export type Node = Record<string, unknown>;
export type Inline = string | Node;

export interface MissingChar {
  file: string;
  chapter: number | null;
  char: string;
  position?: Position;
  count: number;
}

/** A4 width less the margins, in points. */
export const PAGE = { width: 595.28, height: 841.89, margin: 56 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

function before(a: Position | undefined, b: Position | undefined): boolean {
  if (!a) return false;
  if (!b) return true;
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

export class Context {
  readonly missing = new Map<string, MissingChar>();
  /** Image files (absolute paths) the typesetter is allowed to read. */
  readonly images = new Set<string>();

  constructor(
    readonly app: Application,
    readonly coverage: Coverage,
    readonly numbering: Numbering,
    readonly refYear: number,
  ) {}

  /**
   * A run of the organisation's text, checked against the face it is printed in; `at` gives
   * the position in the source of the character at an index of `text`.
   */
  text(text: string, where: { file: string; chapter: number | null }, face: Face, at: (index: number, char: string) => Position | undefined, family: Family = 'DejaVu'): string {
    for (const m of this.coverage.missing(text, family, face)) {
      const key = `${where.file}|${m.char}`;
      const position = at(m.index, m.char);
      const seen = this.missing.get(key);
      if (!seen) this.missing.set(key, { ...where, char: m.char, position, count: 1 });
      else {
        seen.count++;
        if (before(position, seen.position)) seen.position = position;
      }
    }
    return cleanText(text);
  }

  /** A value of a YAML file (front matter or ansokan.yaml) at a pointer. */
  field(file: LoadedFile, chapter: number | null, pointer: string, value: string, face: Face = 'normal'): string {
    return this.text(value, { file: file.file, chapter }, face, (_i, char) => file.map.inside(pointer, char) ?? file.map.locate(pointer));
  }

  /** Text written by someone outside the chapters (qm.config.yaml, file names), with no finer position. */
  other(value: string, file: string, position?: Position, face: Face = 'normal'): string {
    return this.text(value, { file, chapter: null }, face, () => position);
  }
}
