/**
 * A chapter's prose, Markdown with GFM, as pdfmake content: headings, paragraphs with bold,
 * italic, struck-through and code runs, links (web links clickable, links to an attachment
 * jump to it), nested bullet and numbered lists, tables, block quotes, code, images from the
 * folder and footnotes. Every text run is checked against the font face it is printed in, with
 * the position of the run in the chapter file.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type * as M from 'mdast';
import type { ChapterFile, Prose } from '../../model/types.js';
import { faceOf } from '../fonts.js';
import { COLOR, CONTENT_WIDTH } from '../theme.js';
import { W } from '../words.js';
import { fitTable, TABLE_SIZES, wholeWords } from './fit.js';
import { FITS_ON_A_PAGE, keepWithNext, keptRows, textLength, type Context, type Inline, type Node } from './context.js';

interface Style {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  link?: string;
  dest?: string;
}

const LINK_COLOR = COLOR.accent;

/** Titles compared the way a writer means them: `# Organisation` under chapter 3 Organisation. */
function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFC')
      .replace(/^\s*\d+\.?\s*/, '')
      .trim()
      .toLocaleLowerCase('sv');
  return norm(a) === norm(b);
}

function plain(node: M.Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  if ('children' in node) return (node.children as M.Nodes[]).map(plain).join('');
  return '';
}

export class Prosewriter {
  private readonly defs = new Map<string, string>();
  private readonly notes = new Map<string, M.FootnoteDefinition>();
  private readonly noteOrder: string[] = [];
  private readonly prose: Prose;
  /** Inside a table's cells (narrow columns: more words are hyphenated). */
  private cells = 0;

  constructor(
    private readonly chapter: ChapterFile,
    private readonly ctx: Context,
  ) {
    this.prose = chapter.prose!;
  }

  /** The prose as blocks; a first `# Title` that repeats the chapter title is left out. */
  static blocks(chapter: ChapterFile, title: string, ctx: Context): Node[] {
    if (!chapter.prose || !chapter.prose.text.trim()) return [];
    const tree = fromMarkdown(chapter.prose.text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    const w = new Prosewriter(chapter, ctx);
    w.collect(tree);
    let children = tree.children;
    const first = children.find((c) => c.type !== 'html' && c.type !== 'definition');
    if (first?.type === 'heading' && first.depth === 1 && sameTitle(plain(first), title)) children = children.filter((c) => c !== first);
    return [...w.blockList(children), ...w.footnotes()];
  }

  private collect(node: M.Nodes): void {
    if (node.type === 'definition') this.defs.set(node.identifier, node.url);
    if (node.type === 'footnoteDefinition') this.notes.set(node.identifier, node);
    if ('children' in node) for (const c of node.children as M.Nodes[]) this.collect(c);
  }

  private blockList(nodes: M.RootContent[]): Node[] {
    const out: Node[] = [];
    for (const n of nodes) {
      const blocks = this.block(n);
      const prev = out[out.length - 1];
      const kept = prev?.headlineLevel !== undefined && blocks[0] ? keepWithNext(prev, blocks[0]) : undefined;
      if (kept) out.splice(out.length - 1, 1, kept, ...blocks.slice(1));
      else out.push(...blocks);
    }
    return out;
  }

  private block(node: M.RootContent): Node[] {
    switch (node.type) {
      case 'heading': {
        const style = node.depth <= 2 ? 'h2' : node.depth === 3 ? 'h3' : 'h4';
        return [{ text: this.inlines(node.children, { bold: true, italics: style === 'h4' }), style, headlineLevel: node.depth }];
      }
      case 'paragraph':
        return this.paragraph(node.children, 'p');
      case 'list':
        return [this.list(node)];
      case 'blockquote':
        return [
          {
            table: { widths: ['*'], body: [[{ stack: this.blockList(node.children), style: 'quote' }]] },
            layout: 'qmQuote',
            margin: [0, 2, 0, 8],
          },
        ];
      case 'code':
        return [this.code(node)];
      case 'table':
        return this.table(node);
      case 'thematicBreak':
        return [
          {
            canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: COLOR.hr }],
            margin: [0, 6, 0, 10],
          },
        ];
      case 'html': {
        // Raw HTML is not typeset; a lone <br> still breaks the line.
        return /^<br\s*\/?>$/i.test(node.value.trim()) ? [{ text: ' ' }] : [];
      }
      case 'definition':
      case 'footnoteDefinition':
        return [];
      default:
        return 'children' in node ? this.paragraph(node.children as M.PhrasingContent[], 'p') : [];
    }
  }

  /** A paragraph; images in it become blocks of their own, in the order they are written. */
  private paragraph(children: M.PhrasingContent[], style: string): Node[] {
    const out: Node[] = [];
    let run: M.PhrasingContent[] = [];
    const flush = () => {
      if (run.some((c) => c.type !== 'text' || c.value.trim() !== '')) out.push({ text: this.inlines(run, {}), style });
      run = [];
    };
    for (const c of children) {
      if (c.type === 'image' || c.type === 'imageReference') {
        flush();
        out.push(this.image(c));
      } else run.push(c);
    }
    flush();
    return out;
  }

  private list(node: M.List): Node {
    const items = node.children.map((item) => this.listItem(item));
    return node.ordered ? { ol: items, start: node.start ?? 1, style: 'list' } : { ul: items, style: 'list' };
  }

  private listItem(item: M.ListItem): Node {
    const blocks = this.blockList(item.children).map((b) => (b.style === 'p' ? { ...b, style: 'li' } : b));
    if (item.checked !== null && item.checked !== undefined) {
      const box = item.checked ? '☑ ' : '☐ ';
      const first = blocks[0];
      if (first && Array.isArray(first.text)) first.text = [box, ...(first.text as Inline[])];
      else blocks.unshift({ text: box });
    }
    if (blocks.length === 1) return blocks[0]!;
    return { stack: blocks };
  }

  private code(node: M.Code): Node {
    const start = node.position?.start.offset ?? 0;
    const text = this.run(node.value, start, 'normal', 'DejaVuMono');
    return {
      table: { widths: ['*'], body: [[{ text, style: 'code', preserveLeadingSpaces: true }]] },
      layout: 'qmCode',
      margin: [0, 2, 0, 8],
    };
  }

  /** A table, fitted to the page (content/fit.ts): in parts when it fits nowhere. */
  private table(node: M.Table): Node[] {
    const align = node.align ?? [];
    this.cells++;
    const rows = node.children.map((row, r) =>
      row.children.map((cell, c) => ({
        text: this.inlines(cell.children, r === 0 ? { bold: true } : {}),
        alignment: align[c] ?? 'left',
        ...(r === 0 ? { style: 'tableHead' } : {}),
      })),
    );
    this.cells--;
    const columns = Math.max(...rows.map((r) => r.length));
    for (const r of rows) while (r.length < columns) r.push({ text: [''], alignment: 'left' });
    // Short columns (numbers, years) take what they need; the others share the rest.
    const widths = Array.from({ length: columns }, (_, c) => {
      const longest = Math.max(...node.children.map((row) => (row.children[c] ? plain(row.children[c]!).length : 0)));
      return longest <= 14 ? 'auto' : '*';
    });
    rows[0] = wholeWords(rows[0]!);
    const fit = fitTable(rows, widths);
    if (fit.parts)
      this.ctx.wideTable({
        file: this.chapter.file,
        chapter: this.chapter.number,
        position: this.prose.position(node.position?.start.offset ?? 0),
        columns,
      });
    const parts = fit.parts ?? [rows[0]!.map((_, c) => c)];
    return parts.map((cols, k) => {
      // Each part its own cells: the typesetter keeps its state in the nodes (the first column is in every part).
      const body = rows.map((r) => cols.map((c) => (k === 0 ? r[c]! : structuredClone(r[c]!))));
      const whole = body.every((r) => textLength(r) <= FITS_ON_A_PAGE);
      return {
        table: {
          headerRows: 1,
          keepWithHeaderRows: textLength(body[0]) <= FITS_ON_A_PAGE ? keptRows(body.slice(1)) : 0,
          dontBreakRows: whole,
          widths: cols.map((c) => widths[c]),
          body,
          qmKey: this.ctx.tableKey(),
        },
        layout: 'qmTable',
        style: 'table',
        ...(fit.size !== TABLE_SIZES[0] ? { fontSize: fit.size } : {}),
        ...(fit.landscape ? { qmLandscape: true } : {}),
        margin: [0, 2, 0, k < parts.length - 1 ? 6 : 10],
      };
    });
  }

  private image(node: M.Image | M.ImageReference): Node {
    const url = node.type === 'image' ? node.url : (this.defs.get(node.identifier) ?? '');
    const alt = node.alt ?? '';
    const decoded = (() => {
      try {
        return decodeURIComponent(url);
      } catch {
        return url;
      }
    })();
    const ref = this.ctx.app.attachments.find(
      (r) => r.inline && r.chapter === this.chapter.number && (r.path === decoded || r.path === url),
    );
    const res = ref?.resolved;
    const start = node.position?.start.offset ?? 0;
    // A PDF written as an image is shown as what it is: a link to its attachment pages.
    const att = res?.kind === 'pdf' ? this.ctx.numbering.list.find((x) => x.usable && x.absolute === res.absolute) : undefined;
    if (att) return { text: [{ text: att.label, linkToDestination: att.id, color: LINK_COLOR }], style: 'p' };
    if (!res?.ok || (res.kind !== 'jpeg' && res.kind !== 'png'))
      return { text: this.run(W.imageMissing(decoded), start, 'italics'), style: 'missing' };
    this.ctx.images.set(res.absolute, res.relative);
    const caption = alt.trim() ? [{ text: this.run(alt, start, 'italics'), style: 'caption' }] : [];
    return {
      stack: [{ image: res.absolute, fit: [CONTENT_WIDTH, 330], alignment: 'center' }, ...caption],
      unbreakable: alt.length <= FITS_ON_A_PAGE / 2,
      margin: [0, 4, 0, 10],
    };
  }

  private footnotes(): Node[] {
    if (this.noteOrder.length === 0) return [];
    const items = this.noteOrder.map((id, i) => {
      const def = this.notes.get(id);
      const inner = def ? def.children.flatMap((c) => (c.type === 'paragraph' ? [this.inlines(c.children, {})] : [])) : [];
      return { text: [{ text: `${i + 1} `, sup: true }, ...inner.flatMap((x, k) => (k === 0 ? x : [' ', ...x]))], style: 'small' };
    });
    return [{ text: W.footnotes, style: 'h4', headlineLevel: 4 }, ...items];
  }

  private inlines(nodes: M.PhrasingContent[], style: Style): Inline[] {
    return nodes.flatMap((n) => this.inline(n, style));
  }

  private inline(node: M.PhrasingContent, style: Style): Inline[] {
    const start = node.position?.start.offset ?? 0;
    switch (node.type) {
      case 'text':
        return [this.leaf(node.value.replace(/\s*\n\s*/g, ' '), start, style)];
      case 'strong':
        return this.inlines(node.children, { ...style, bold: true });
      case 'emphasis':
        return this.inlines(node.children, { ...style, italics: true });
      case 'delete':
        return this.inlines(node.children, { ...style, strike: true });
      case 'inlineCode':
        return [
          {
            ...this.leafStyle(style),
            text: this.run(node.value, start, 'normal', 'DejaVuMono'),
            font: 'DejaVuMono',
            background: COLOR.codeInline,
          },
        ];
      case 'break':
        return ['\n'];
      case 'html':
        return /^<br\s*\/?>$/i.test(node.value.trim()) ? ['\n'] : [];
      case 'link':
        return this.inlines(node.children, { ...style, ...this.target(node.url) });
      case 'linkReference': {
        const url = this.defs.get(node.identifier);
        return this.inlines(node.children, url ? { ...style, ...this.target(url) } : style);
      }
      case 'footnoteReference': {
        if (!this.noteOrder.includes(node.identifier)) this.noteOrder.push(node.identifier);
        return [{ text: String(this.noteOrder.indexOf(node.identifier) + 1), sup: true }];
      }
      case 'image':
      case 'imageReference':
        return [this.leaf(node.alt ?? '', start, style)];
      default:
        return [];
    }
  }

  /** Where a link goes: the web (http, https, mailto), an attachment of this chapter, or nowhere. */
  private target(url: string): Style {
    const u = url.trim();
    if (/^(https?:\/\/|mailto:)/i.test(u)) return { link: u };
    const att = this.ctx.numbering.of(this.chapter.number, u) ?? this.ctx.numbering.list.find((a) => a.path === u || a.relative === u);
    return att?.usable ? { dest: att.id } : {};
  }

  private leafStyle(style: Style): Node {
    const out: Node = {};
    if (style.bold) out.bold = true;
    if (style.italics) out.italics = true;
    if (style.strike) out.decoration = 'lineThrough';
    if (style.link) Object.assign(out, { link: style.link, color: LINK_COLOR, decoration: 'underline' });
    if (style.dest) Object.assign(out, { linkToDestination: style.dest, color: LINK_COLOR });
    return out;
  }

  private leaf(value: string, start: number, style: Style): Node {
    return { ...this.leafStyle(style), text: this.run(value, start, faceOf(style.bold, style.italics)) };
  }

  /** Checks a run of prose against the font; a missing character is found in the source from the run's start. */
  private run(value: string, start: number, face: ReturnType<typeof faceOf>, family: 'DejaVu' | 'DejaVuMono' = 'DejaVu'): string {
    const src = this.prose.text;
    return this.ctx.text(
      value,
      { file: this.chapter.file, chapter: this.chapter.number },
      face,
      (_i, char) => {
        const at = src.indexOf(char, start);
        return this.prose.position(at >= 0 ? at : start);
      },
      { family, wide: this.cells === 0 },
    );
  }
}
