/**
 * The document as the typesetter (pdfmake) gets it: the plan's content, a placeholder page per
 * page of each PDF attachment (the transplant fills it, job/merge.ts), an image attachment on a
 * page of its own with its band, footers with the page number; and the typesetting itself.
 */
import { resolve } from 'node:path';
import pdfmake from 'pdfmake';
import type { Node } from '../content/context.js';
import { fontFiles } from '../fonts.js';
import type { Plan, PlanAttachment } from '../plan.js';
import { COLOR } from '../theme.js';
import { W } from '../words.js';
import { bandLabel } from './band.js';
import { installSoftHyphens } from './hyphens.js';
import { setPageOffsets } from './pagerefs.js';
import type { Stubs } from './inspect.js';
import { jpegStub } from './jpeg.js';
import { LAYOUTS } from './layouts.js';
import { bandFor } from './merge.js';
import { applySplits, checkTableEnd, Resplit, type Splits } from './splits.js';

/** Height of the label band on attachment pages, in points. */
export const BAND = 26;

/** The band of an image attachment's page; `before` pages not laid out precede it, `skipped` in all. */
function band(label: string, draft: boolean, before: number, skipped: number) {
  return (laidOut: number, laidOutCount: number, size: { width: number }) => {
    const current = laidOut + before;
    const count = laidOutCount + skipped;
    return {
      table: {
        widths: ['*', 'auto'],
        body: [
          [
            { text: bandLabel(label, size.width - (draft ? 50 : 0)), bold: true, color: COLOR.accent },
            {
              text: [...(draft ? [{ text: `${W.draft}  `, bold: true, color: COLOR.draft }] : []), W.page(current, count)],
              alignment: 'right',
            },
          ],
        ],
      },
      layout: 'qmBand',
      fontSize: 8,
      lineHeight: 1,
    };
  };
}

/** The bookmark of a chapter's attachments under "Bilagor" (`bilagor`), opening its first one. */
export const groupId = (chapter: number) => `bilagor-kapitel-${chapter}`;

function attachmentSections(
  a: PlanAttachment,
  pages: { width: number; height: number }[] | undefined,
  draft: boolean,
  stubs: Stubs,
  first: boolean,
  skipped: { before: number; total: number },
): Node[] {
  // Bookmarks: Bilagor › 3 Organisation › Bilaga 3.1 – …; the chapter's item opens its first attachment.
  const group = first
    ? [{ text: '\u00a0', id: groupId(a.chapter), outline: true, outlineText: a.chapterTitle, outlineParentId: 'bilagor', fontSize: 1 }]
    : [];
  const outline = { id: a.id, outline: true, outlineText: a.label, outlineParentId: groupId(a.chapter) };
  const anchor = { text: '\u00a0', ...outline, fontSize: 1 };
  if (a.kind === 'pdf') {
    // Only the first page is laid out; the others are put in when the attachment is merged (job.ts).
    return (pages ?? []).slice(0, 1).map((p) => {
      const room = bandFor(p.width, p.height, BAND);
      return {
        section: [...group, anchor],
        pageSize: { width: p.width, height: p.height },
        pageMargins: [0, room, 0, 0],
        // The band is drawn when the attachment's page is put in (job/band.ts).
        header: null,
        footer: null,
      };
    });
  }
  // EXIF orientations 5–8 turn the picture a quarter.
  const turned = (a.orientation ?? 1) > 4;
  const w = (turned ? a.height : a.width) ?? 1;
  const h = (turned ? a.width : a.height) ?? 1;
  const landscape = w > h;
  const size = landscape ? { width: 841.89, height: 595.28 } : { width: 595.28, height: 841.89 };
  const margins = [40, BAND + 24, 40, 36];
  const fit = [size.width - margins[0]! - margins[2]!, size.height - margins[1]! - margins[3]! - 44];
  return [
    {
      section: [
        ...group,
        { image: stubs.get(a.absolute)?.key ?? a.absolute, fit, alignment: 'center' },
        { text: a.label, style: 'caption', ...outline, margin: [0, 8, 0, 0] },
      ],
      pageSize: size,
      pageMargins: margins,
      header: band(a.label, draft, skipped.before, skipped.total),
      footer: null,
    },
  ];
}

/**
 * Replaces `{ qmPages: id }` markers (the page count column of the list of attachments) and
 * points the images of the prose that are JPEG at their stand-ins.
 */
function fillIn(nodes: unknown, counts: Map<string, number>, stubs: Stubs): void {
  if (Array.isArray(nodes)) for (const n of nodes) fillIn(n, counts, stubs);
  else if (nodes && typeof nodes === 'object') {
    const o = nodes as Record<string, unknown>;
    if (typeof o.qmPages === 'string') {
      o.text = W.pages(counts.get(o.qmPages) ?? 1);
      delete o.qmPages;
    }
    if (typeof o.image === 'string' && stubs.has(o.image)) o.image = stubs.get(o.image)!.key;
    for (const v of Object.values(o)) if (v && typeof v === 'object') fillIn(v, counts, stubs);
  }
}

interface NodeInfo {
  headlineLevel?: number;
  table?: Parameters<typeof checkTableEnd>[0];
  pageNumbers: number[];
  startPosition: { top: number };
}
interface NodeAccess {
  getFollowingNodesOnPage(): NodeInfo[];
  getNodesOnNextPage(): NodeInfo[];
}

/**
 * No heading alone at the foot of a page: a heading after which nothing starts on its page (its
 * own runs start where it does) moves to the next one.
 */
export function headingAlone(node: NodeInfo, nodes: NodeAccess): boolean {
  if (node.headlineLevel === undefined || node.pageNumbers.length !== 1) return false;
  const below = nodes.getFollowingNodesOnPage().filter((n) => n.startPosition.top > node.startPosition.top + 0.5);
  return below.length === 0 && nodes.getNodesOnNextPage().length > 0;
}

export function docDefinition(
  plan: Plan,
  pages: Map<string, { width: number; height: number }[]>,
  stubs: Stubs = new Map(),
  splits: Splits = new Map(),
): Record<string, unknown> {
  const date = new Date(`${plan.date}T00:00:00Z`);
  // Pages of PDF attachments that are not laid out (all but each one's first), before each attachment.
  const offsets = new Map<string, number>();
  let skipped = 0;
  for (const a of plan.attachments) {
    if (skipped) offsets.set(a.id, skipped);
    if (a.kind === 'pdf') skipped += Math.max(0, (pages.get(a.id)?.length ?? 1) - 1);
  }
  setPageOffsets(offsets);
  const counts = new Map([...pages].map(([id, p]) => [id, p.length]));
  const content = structuredClone(plan.content);
  fillIn(content, counts, stubs);
  applySplits(content, splits);
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 64],
    version: '1.7',
    compress: true,
    language: 'sv-SE',
    info: { ...plan.info, creationDate: date, modDate: date },
    defaultStyle: plan.defaultStyle,
    styles: plan.styles,
    // The cover carries no footer.
    footer: (current: number, count: number) =>
      current === 1
        ? null
        : {
            columns: [
              {
                text: [...(plan.draft ? [{ text: `${W.draft} · `, bold: true, color: COLOR.draft }] : []), plan.footer],
                color: COLOR.footer,
              },
              { text: W.page(current, count + skipped), alignment: 'right', width: 'auto' },
            ],
            fontSize: 8,
            margin: [56, 28, 56, 0],
          },
    pageBreakBefore: (node: NodeInfo, nodes: NodeAccess) => {
      // A table ending with a single row on its last page is cut where two rows go over, and laid out again.
      if (splits.size < MAX_SPLITS) checkTableEnd(node.table);
      return headingAlone(node, nodes);
    },
    images: Object.fromEntries(
      [...stubs.values()].map(({ key, header }) => [key, `data:image/jpeg;base64,${jpegStub(header, key).toString('base64')}`]),
    ),
    content: [
      ...content,
      ...plan.attachments.flatMap((a, i) =>
        attachmentSections(a, pages.get(a.id), plan.draft, stubs, plan.attachments[i - 1]?.chapter !== a.chapter, {
          before: offsets.get(a.id) ?? 0,
          total: skipped,
        }),
      ),
    ],
  };
}

/** Tables cut (each a further layout) before the rest are left as they fall. */
const MAX_SPLITS = 20;

/** Typesets the document `build` gives for the tables cut so far; cuts one more and starts again while a table ends badly. */
export async function typeset(plan: Plan, build: (splits: Splits) => Record<string, unknown>): Promise<Buffer> {
  const files = fontFiles(plan.fontDir);
  const allowed = new Set(
    [
      ...Object.values(files).flatMap((f) => Object.values(f)),
      ...plan.images.map((i) => i.absolute),
      ...plan.attachments.filter((a) => a.kind !== 'pdf').map((a) => a.absolute),
    ].map((p) => resolve(p)),
  );
  installSoftHyphens();
  pdfmake.setFonts(files);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => allowed.has(resolve(p)));
  pdfmake.setTableLayouts(LAYOUTS);
  const splits: Splits = new Map();
  for (;;) {
    try {
      return await pdfmake.createPdf(build(splits)).getBuffer();
    } catch (e) {
      if (!(e instanceof Resplit) || splits.has(e.key)) throw e;
      splits.set(e.key, e.row);
    }
  }
}
