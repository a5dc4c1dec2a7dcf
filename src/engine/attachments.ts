/**
 * The numbered attachments: "Bilaga 3.1 – Organisationsmatris", numbered by chapter in the order
 * the chapter refers to them; a file referred to twice keeps its first number. Decided here, once:
 * the PDF's contents, list, page bands, bookmarks and links, and every report, read this.
 *
 * An attachment without `titel` is named after the field that holds it ("Karta över
 * arbetsområdet", "Avtal med Storviks kommun"), never after its file name or path (cli.md, "What
 * an assessor sees").
 */
import type { Application, AttachmentKind, AttachmentRef, Json, JsonObject } from '../model/types.js';
import { CHAPTER_TITLES } from '../i18n/index.js';
import { getAt, tokens } from '../util/pointer.js';

export interface NumberedAttachment {
  /** Destination name in the PDF (`bilaga-3-1`). */
  id: string;
  /** "3.1" */
  number: string;
  chapter: number;
  /** The `titel` written for it, else the name of the field that holds it. */
  title: string;
  /** "Bilaga 3.1 – Organisationsmatris" */
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
  list: NumberedAttachment[];
  /** The attachment a reference (by chapter and path as written) stands for. */
  of(chapter: number, path: string): NumberedAttachment | undefined;
  /** Every attachment a chapter refers to, in its order: those numbered in an earlier chapter too. */
  referencedBy(chapter: number): NumberedAttachment[];
}

export function attachmentLabel(number: string, title: string): string {
  return `Bilaga ${number} – ${title}`;
}

const text = (v: Json | undefined): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Names of the fields that hold one attachment, by chapter and field (format.md). */
const FIELD_TITLES: Record<string, string> = {
  '3|organisationsmatris': 'Organisationsmatris',
  '3|karta': 'Karta över arbetsområdet',
  '4|budgetbeslut/protokoll': 'Protokoll från budgetbeslutet',
  '5|dokument': 'Vision och affärsidé',
  '6|översiktsplan': 'Översiktsplan över centrum',
  '6|dokument': 'Mål och strategier',
  '7|flerårig_plan': 'Flerårig övergripande plan',
  '7|plan_föregående_år': 'Detaljerad plan för föregående år',
  '7|plan_innevarande_år': 'Detaljerad plan för innevarande år',
};

/** The title of an attachment without `titel`: what the field holding it asks for. */
export function fieldTitle(chapter: number, pointer: string, data: JsonObject): string {
  const toks = tokens(pointer);
  const field = toks.filter((t) => !/^\d+$/.test(t)).join('/');
  const named = FIELD_TITLES[`${chapter}|${field}`];
  if (named) return named;
  const holder = (n: number) => getAt(data, `/${toks.slice(0, n).join('/')}`) as JsonObject | undefined;
  if (chapter === 4 && field === 'finansiärer/avtal') {
    const who = text(holder(2)?.namn);
    return who ? `Avtal med ${who}` : 'Avtal med finansiär';
  }
  if (chapter === 3 && field === 'åtaganden/bilaga') {
    const who = text(holder(2)?.part);
    return who ? `Åtagande från ${who}` : 'Skriftligt åtagande';
  }
  if (field === 'kanaler/bilagor') {
    const channel = text(holder(2)?.namn);
    if (channel) return `Underlag: ${channel}`;
  }
  return `Underlag till ${CHAPTER_TITLES[chapter - 1] ?? `kapitel ${chapter}`}`;
}

function keyOf(ref: AttachmentRef): string {
  return ref.resolved ? `abs:${ref.resolved.absolute}` : `path:${ref.path.trim().normalize('NFC')}`;
}

export function numberAttachments(app: Application): Numbering {
  const refs = app.attachments.filter((r) => !r.inline && r.chapter >= 1 && r.chapter <= 9).map((r, i) => ({ r, i }));
  refs.sort((a, b) => a.r.chapter - b.r.chapter || a.i - b.i);
  const byKey = new Map<string, NumberedAttachment>();
  const written = new Set<NumberedAttachment>();
  const byRef = new Map<string, NumberedAttachment>();
  const perChapter = new Map<number, number>();
  const perChapterRefs = new Map<number, NumberedAttachment[]>();
  const list: NumberedAttachment[] = [];
  for (const { r } of refs) {
    const key = keyOf(r);
    const titled = r.title?.trim();
    let n = byKey.get(key);
    if (!n) {
      const k = (perChapter.get(r.chapter) ?? 0) + 1;
      perChapter.set(r.chapter, k);
      const number = `${r.chapter}.${k}`;
      const title = titled || fieldTitle(r.chapter, r.pointer, app.chapter(r.chapter)?.data ?? {});
      const res = r.resolved;
      n = {
        id: `bilaga-${r.chapter}-${k}`,
        number,
        chapter: r.chapter,
        title,
        label: attachmentLabel(number, title),
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
      if (titled) written.add(n);
      byKey.set(key, n);
      list.push(n);
    } else if (titled && !written.has(n)) {
      // A later reference may give the title the first one left out.
      written.add(n);
      n.title = titled;
      n.label = attachmentLabel(n.number, n.title);
    }
    byRef.set(`${r.chapter}|${r.path}`, n);
    const mine = perChapterRefs.get(r.chapter) ?? [];
    if (!mine.includes(n)) mine.push(n);
    perChapterRefs.set(r.chapter, mine);
  }
  return { list, of: (chapter, path) => byRef.get(`${chapter}|${path}`), referencedBy: (chapter) => perChapterRefs.get(chapter) ?? [] };
}
