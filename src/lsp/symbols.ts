/**
 * Document symbols (the outline of a file): the chapter, its keys, its goals, strategies,
 * actions and indicators by id and name, and the headings of its prose.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import { chapterTitle, docInfo, type DocInfo } from './analysis.js';
import type { KeyToken, Seg } from './outline.js';
import type { ClientFeatures } from './client.js';
import type { Workspace } from './workspace.js';

const SK = { file: 1, module: 2, namespace: 3, property: 7, field: 8, constant: 14, string: 15, object: 19, event: 24 } as const;
type Kind = (typeof SK)[keyof typeof SK];

const LIST_KIND: Record<string, Kind> = { mål: SK.constant, strategier: SK.object, åtgärder: SK.event, indikatorer: SK.field };

export function documentSymbols(ws: Workspace, client: ClientFeatures, doc: TextDocument): DocumentSymbol[] | SymbolInformation[] | null {
  const info = docInfo(ws, doc);
  if (!info) return null;
  const o = info.outline;
  const lineRange = (from: number, to: number) => ({
    start: { line: from, character: 0 },
    end: { line: to, character: o.lines[to]?.text.length ?? 0 },
  });
  const children: DocumentSymbol[] = [];
  for (const k of o.keys.filter((k) => k.parent.length === 0)) {
    const sym: DocumentSymbol = {
      name: k.key,
      kind: SK.property,
      range: lineRange(k.line, k.endLine),
      selectionRange: { start: doc.positionAt(k.keyStart), end: doc.positionAt(k.keyEnd) },
      children: listItems(info, doc, k),
    };
    if (k.value && !k.block) sym.detail = k.value.length > 60 ? `${k.value.slice(0, 59)}…` : k.value;
    children.push(sym);
  }
  children.push(...headings(info));
  children.sort((a, b) => a.range.start.line - b.range.start.line);
  const last = o.lines.length - 1;
  const root: DocumentSymbol = {
    name:
      info.kind.kind === 'chapter'
        ? chapterTitle(info.kind.chapter, info.lang)
        : info.kind.kind === 'meta'
          ? 'ansokan.yaml'
          : 'qm.config.yaml',
    kind: info.kind.kind === 'chapter' ? SK.module : SK.file,
    range: lineRange(0, last),
    selectionRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    children,
  };
  if (client.hierarchicalSymbols) return [root];
  const flat: SymbolInformation[] = [];
  const walk = (s: DocumentSymbol, container?: string) => {
    flat.push({
      name: s.name,
      kind: s.kind,
      location: { uri: doc.uri, range: s.range },
      ...(container ? { containerName: container } : {}),
    });
    for (const c of s.children ?? []) walk(c, s.name);
  };
  walk(root);
  return flat;
}

/** The goals, strategies, actions and indicators of a list key, named by id and text. */
function listItems(info: DocInfo, doc: TextDocument, key: KeyToken): DocumentSymbol[] {
  const kind = LIST_KIND[key.key];
  if (!kind || info.kind.kind !== 'chapter') return [];
  const o = info.outline;
  const out: DocumentSymbol[] = [];
  for (const item of o.items.filter((i) => i.parent.length === 1 && i.parent[0] === key.key)) {
    const path: Seg[] = [key.key, item.index];
    const field = (name: string) =>
      o.keys.find((k) => k.parent.length === 2 && k.parent[0] === path[0] && k.parent[1] === path[1] && k.key === name);
    const id = field('id');
    const title = field('text') ?? field('namn');
    const idText = id?.value.replace(/^["']|["']$/g, '') ?? '';
    const name = [idText, title?.value.replace(/^["']|["']$/g, '') ?? ''].filter(Boolean).join(' ') || `${key.key} ${item.index + 1}`;
    out.push({
      name: name.length > 80 ? `${name.slice(0, 79)}…` : name,
      kind,
      range: {
        start: { line: item.line, character: item.col },
        end: { line: item.endLine, character: o.lines[item.endLine]?.text.length ?? 0 },
      },
      selectionRange: id
        ? { start: doc.positionAt(id.valueStart), end: doc.positionAt(id.valueEnd) }
        : { start: { line: item.line, character: item.col }, end: { line: item.line, character: item.col + 1 } },
    });
  }
  return out;
}

/** The headings of the prose (Markdown `#` lines), outside the front matter and code blocks. */
function headings(info: DocInfo): DocumentSymbol[] {
  const o = info.outline;
  const out: DocumentSymbol[] = [];
  const md = info.kind.kind === 'chapter' && info.kind.markdown;
  const text = o.keys.find((k) => k.parent.length === 0 && k.key === 'text' && k.block);
  const from = md ? (o.closing ?? o.last) + 1 : text ? text.line + 1 : o.lines.length;
  const to = md ? o.lines.length : text ? text.endLine + 1 : 0;
  let fence = false;
  let comment = false;
  for (let l = from; l < to; l++) {
    const t = o.lines[l]!.text;
    if (/^\s*(```|~~~)/.test(t)) fence = !fence;
    if (t.includes('<!--')) comment = !t.includes('-->', t.indexOf('<!--'));
    else if (comment && t.includes('-->')) comment = false;
    if (fence || comment) continue;
    const m = /^(\s*)(#{1,6})\s+(.+?)\s*#*\s*$/.exec(t);
    if (!m) continue;
    const start = m[1]!.length;
    out.push({
      name: m[3]!,
      detail: m[2],
      kind: SK.string,
      range: { start: { line: l, character: 0 }, end: { line: l, character: t.length } },
      selectionRange: { start: { line: l, character: start }, end: { line: l, character: t.length } },
    });
  }
  return out;
}
