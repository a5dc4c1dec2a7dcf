/**
 * The numbered attachments of the PDF: "Bilaga 3.1 – Organisationsmatris", numbered by chapter
 * in the order the chapter refers to them. A file referred to twice keeps its first number.
 */
import { basename } from 'node:path';
import type { Application, AttachmentKind, AttachmentRef } from '../model/types.js';
import { W } from './words.js';

export interface Numbered {
  /** Destination name in the PDF (`bilaga-3-1`). */
  id: string;
  number: string;
  chapter: number;
  title: string;
  label: string;
  /** The path as first written. */
  path: string;
  /** What the check found on disk; undefined when the file was not found or not opened. */
  absolute?: string;
  relative?: string;
  kind?: AttachmentKind;
  size: number;
  /** The file can go into the PDF. */
  usable: boolean;
  /** Found and of a known kind, but cannot be read (truncated, password): compiling must stop. */
  broken: boolean;
  width?: number;
  height?: number;
  orientation?: number;
}

export interface Numbering {
  list: Numbered[];
  /** The attachment a reference (by chapter and path as written) stands for. */
  of(chapter: number, path: string): Numbered | undefined;
  /** Every attachment a chapter refers to, in its order: those numbered in an earlier chapter too. */
  referencedBy(chapter: number): Numbered[];
}

function keyOf(ref: AttachmentRef): string {
  return ref.resolved ? `abs:${ref.resolved.absolute}` : `path:${ref.path.trim().normalize('NFC')}`;
}

export function numberAttachments(app: Application): Numbering {
  // The logo (`logotyp`, chapter null) is on the cover, not a numbered attachment.
  const refs = app.attachments
    .filter((r): r is AttachmentRef & { chapter: number } => !r.inline && r.chapter !== null)
    .map((r, i) => ({ r, i }));
  refs.sort((a, b) => a.r.chapter - b.r.chapter || a.i - b.i);
  const byKey = new Map<string, Numbered>();
  const byRef = new Map<string, Numbered>();
  const perChapter = new Map<number, number>();
  const perChapterRefs = new Map<number, Numbered[]>();
  const list: Numbered[] = [];
  for (const { r } of refs) {
    const key = keyOf(r);
    let n = byKey.get(key);
    if (!n) {
      const k = (perChapter.get(r.chapter) ?? 0) + 1;
      perChapter.set(r.chapter, k);
      const number = `${r.chapter}.${k}`;
      const title = r.title?.trim() || basename(r.path.trim().replace(/\\/g, '/'));
      const res = r.resolved;
      n = {
        id: `bilaga-${r.chapter}-${k}`,
        number,
        chapter: r.chapter,
        title,
        label: W.attachmentLabel(number, title),
        path: r.path,
        absolute: res?.absolute,
        relative: res?.relative,
        kind: res?.kind,
        size: res?.size ?? 0,
        usable: Boolean(res?.ok && res.kind),
        broken: Boolean(res && !res.ok && res.kind),
        width: res?.width,
        height: res?.height,
        orientation: res?.orientation,
      };
      byKey.set(key, n);
      list.push(n);
    } else if (r.title?.trim() && n.title === basename(n.path.trim().replace(/\\/g, '/'))) {
      // A later reference may give the title the first one left out.
      n.title = r.title!.trim();
      n.label = W.attachmentLabel(n.number, n.title);
    }
    byRef.set(`${r.chapter}|${r.path}`, n);
    const mine = perChapterRefs.get(r.chapter) ?? [];
    if (!mine.includes(n)) mine.push(n);
    perChapterRefs.set(r.chapter, mine);
  }
  return { list, of: (chapter, path) => byRef.get(`${chapter}|${path}`), referencedBy: (chapter) => perChapterRefs.get(chapter) ?? [] };
}
