/** What the features need to know about a document: its kind, its YAML outline, its folder's last check, and the ids defined in it. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position as LspPosition } from 'vscode-languageserver';
import { dirname } from 'node:path';
import type { Json, JsonObject, Lang } from '../model/types.js';
import { CHAPTER_TITLES } from '../i18n/index.js';
import { outline, type KeyToken, type Outline, type Seg } from './outline.js';
import { canonicalKey, nodeAt, type FileKind } from './schema.js';
import { kindOf, pathOf, type AppState, type Workspace } from './workspace.js';
import { words } from './words.js';

export interface DocInfo {
  uri: string;
  path: string;
  folder: string;
  kind: FileKind;
  text: string;
  outline: Outline;
  app?: AppState;
  lang: Lang;
}

export function docInfo(ws: Workspace, doc: TextDocument): DocInfo | undefined {
  const path = pathOf(doc.uri);
  const kind = path ? kindOf(path) : undefined;
  if (!path || !kind) return undefined;
  const text = doc.getText();
  const folder = dirname(path);
  const app = ws.apps.get(folder);
  return {
    uri: doc.uri,
    path,
    folder,
    kind,
    text,
    outline: outline(text, kind.kind === 'chapter' && kind.markdown),
    app,
    lang: ws.lang ?? app?.result?.report.lang ?? 'sv',
  };
}

export function offsetAt(info: DocInfo, pos: LspPosition): number {
  const line = info.outline.lines[Math.min(pos.line, info.outline.lines.length - 1)]!;
  return line.start + Math.min(pos.character, line.text.length);
}

export function isYamlLine(info: DocInfo, line: number): boolean {
  const o = info.outline;
  return line >= o.first && line < o.last && !o.keys.some((k) => k.block && line > k.line && line <= k.endLine);
}

/** The path (keys as written, item indices) of a key token, in canonical keys where the schema knows them. */
export function canonicalPath(kind: FileKind, path: Seg[]): Seg[] {
  const out: Seg[] = [];
  for (const seg of path) {
    if (typeof seg === 'string') {
      const node = nodeAt(kind, out);
      const key = node ? canonicalKey(seg, node.shape) : undefined;
      out.push(key ?? seg);
    } else out.push(seg);
  }
  return out;
}

export function keyAt(info: DocInfo, offset: number): KeyToken | undefined {
  return info.outline.keys.find((k) => offset >= k.keyStart && offset <= k.keyEnd);
}

export type IdKind = 'goal' | 'strategy' | 'action' | 'indicator';

export interface IdDef {
  id: string;
  kind: IdKind;
  chapter: number;
  /** The chapter file, relative to the folder. */
  file: string;
  /** Pointer of its `id` value, and of the item. */
  pointer: string;
  item: string;
  /** Its text (goal, strategy) or name (action, indicator). */
  title: string;
  /** One line of facts: a goal's year and horizon, an action's period, an indicator's group. */
  detail: string;
}

const LISTS: { chapter: number; key: string; kind: IdKind; title: string }[] = [
  { chapter: 6, key: 'mål', kind: 'goal', title: 'text' },
  { chapter: 6, key: 'strategier', kind: 'strategy', title: 'text' },
  { chapter: 7, key: 'åtgärder', kind: 'action', title: 'namn' },
  { chapter: 8, key: 'indikatorer', kind: 'indicator', title: 'namn' },
];

const asObj = (v: Json | undefined): JsonObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
const asText = (v: Json | undefined): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : Array.isArray(v) ? v.filter((x) => x !== null).join(', ') : undefined;

/** The goals, strategies, actions and indicators of the folder's last check, with where each is defined. */
export function idDefs(app: AppState | undefined, lang: Lang): IdDef[] {
  const result = app?.result;
  if (!result) return [];
  const w = words[lang];
  const out: IdDef[] = [];
  for (const list of LISTS) {
    const c = result.app.chapter(list.chapter);
    if (!c || c.status !== 'ok') continue;
    const items = c.data[list.key];
    if (!Array.isArray(items)) continue;
    items.forEach((raw, i) => {
      const item = asObj(raw);
      const id = typeof item?.id === 'string' ? item.id.trim() : typeof item?.id === 'number' ? String(item.id) : undefined;
      if (!item || !id) return;
      let detail = '';
      if (list.kind === 'goal') {
        const g = result.facts.goals.find((x) => x.i === i);
        const parts = [typeof item.år === 'number' ? `${w.year} ${item.år}` : '', g?.horizon ? w.horizon[g.horizon]! : ''];
        detail = parts.filter(Boolean).join(', ');
      } else if (list.kind === 'strategy') {
        detail = asText(item.mål) ? `${w.goal}: ${asText(item.mål)}` : '';
      } else if (list.kind === 'action') {
        const period = [asText(item.start), asText(item.slut)].filter(Boolean).join(' – ');
        detail = [period, asText(item.ansvarig)].filter(Boolean).join(', ');
      } else {
        detail = [asText(item.målgrupp), asText(item.enhet)].filter(Boolean).join(', ');
      }
      out.push({
        id,
        kind: list.kind,
        chapter: list.chapter,
        file: c.file,
        pointer: `/${list.key}/${i}/id`,
        item: `/${list.key}/${i}`,
        title: asText(item[list.title]) ?? '',
        detail,
      });
    });
  }
  return out;
}

export function kindWord(kind: IdKind, lang: Lang): string {
  const w = words[lang];
  return { goal: w.goal, strategy: w.strategy, action: w.action, indicator: w.indicator }[kind];
}

export function chapterTitle(n: number, lang: Lang): string {
  return words[lang].chapter(n, CHAPTER_TITLES[n - 1] ?? '');
}

/** The word (an id) under an offset, with its range, if the place asks for ids or defines one. */
export function wordAt(text: string, offset: number): { word: string; start: number; end: number } | undefined {
  let s = offset;
  let e = offset;
  const ok = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_.-]/u.test(c);
  while (s > 0 && ok(text[s - 1])) s--;
  while (e < text.length && ok(text[e])) e++;
  if (s === e) return undefined;
  return { word: text.slice(s, e), start: s, end: e };
}
