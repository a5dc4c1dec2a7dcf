/**
 * What the typesetting job gets: plain data only (it is sent to a worker thread), built from the
 * checked application by src/pdf/document.ts and typeset by src/pdf/job.ts.
 */
import type { AttachmentKind } from '../model/types.js';

/** A pdfmake node: plain data (it crosses into the worker), never functions. */
export type Node = Record<string, unknown>;
export type Inline = string | Node;

export interface PlanAttachment {
  id: string;
  number: string;
  /** The chapter that refers to it first (its number's first part). */
  chapter: number;
  /** "3 Organisation": the bookmark the chapter's attachments are grouped under. */
  chapterTitle: string;
  label: string;
  /** Path relative to the application folder, for messages. */
  file: string;
  absolute: string;
  kind: AttachmentKind;
  size: number;
  /** Pixel size and EXIF orientation of an image. */
  width?: number;
  height?: number;
  orientation?: number;
}

export interface Plan {
  content: Node[];
  styles: Record<string, Node>;
  defaultStyle: Node;
  info: { title: string; author: string; subject: string; keywords: string; creator: string; producer: string };
  /** The reference date, YYYY-MM-DD: every date inside the PDF. */
  date: string;
  draft: boolean;
  /** The footer's left part (organisation). */
  footer: string;
  attachments: PlanAttachment[];
  /** Images of the prose, which the typesetter may read. */
  images: { file: string; absolute: string }[];
  fontDir: string;
}

/** One step of the job, for the spinner and the time limit. */
export interface Progress {
  step: 'inspect' | 'typeset' | 'merge' | 'save';
  label?: string;
  file?: string;
  /** Bytes of the attachment at hand. */
  size?: number;
  index?: number;
  total?: number;
}

/** A failure the job can name: the key of a one-line message (src/i18n/index.ts) and its arguments. */
export class JobError extends Error {
  constructor(
    readonly key: string,
    readonly args: Record<string, string | number>,
  ) {
    super(key);
    this.name = 'JobError';
  }
}
