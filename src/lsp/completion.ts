/**
 * Completion in the YAML of a file (a Markdown chapter's front matter, a YAML chapter,
 * ansokan.yaml, qm.config.yaml):
 * - where a key may stand: the keys the schema allows there, spelled with å ä ö, not those already
 *   present, required ones first;
 * - where a value stands: the allowed values, ja/nej, goal or strategy ids where ids are asked
 *   for, the files under bilagor/ where an attachment is asked for, rule ids in qm.config.yaml;
 * - in the lists of goals, strategies, actions and indicators: a whole new item, with the next
 *   free id.
 * Multi-line insertions carry their own indentation (insertTextMode asIs).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionItemKind, CompletionList, Position } from 'vscode-languageserver';
import { stripMarks } from '../load/text.js';
import { allRules } from '../rules/index.js';
import { LIST_LIMITS } from '../load/folder.js';
import { canonicalPath, docInfo, idDefs, kindWord, type DocInfo } from './analysis.js';
import { context, type Seg } from './outline.js';
import { allowedKeys, child, description, idKind, nodeAt, requirement, typeText, type Node } from './schema.js';
import type { ClientFeatures } from './client.js';
import type { Workspace } from './workspace.js';
import { words } from './words.js';

const KIND = { property: 10, value: 12, enumMember: 20, file: 17, snippet: 15, reference: 18, constant: 21 } as const;
const AS_IS = 1;
const PLAIN = 1;
const SNIPPET = 2;

export function completion(ws: Workspace, client: ClientFeatures, doc: TextDocument, pos: Position): CompletionList | null {
  const info = docInfo(ws, doc);
  if (!info) return null;
  const o = info.outline;
  if (pos.line < o.first || pos.line >= o.last) return null;
  const lineText = o.lines[pos.line]!.text;
  const prefix = lineText.slice(0, Math.min(pos.character, lineText.length));
  // Inside a block scalar (`text: |`): prose, nothing to complete.
  if (o.keys.some((k) => k.block && pos.line > k.line && pos.line <= k.endLine)) return null;
  if (/(^|\s)#/.test(prefix.replace(/"[^"]*"|'[^']*'/g, ''))) return null;
  const ctx = context(o, pos.line, prefix);
  const parent = canonicalPath(info.kind, ctx.parent);
  const items: CompletionItem[] = [];
  const at = (character: number) => ({ line: pos.line, character });

  if (ctx.key !== undefined && ctx.tok?.key) {
    // After `key:`: a value.
    const path = canonicalPath(info.kind, [...ctx.parent, ctx.key]);
    const node = nodeAt(info.kind, path);
    if (!node) return null;
    const rest = prefix.slice(ctx.tok.restAt);
    values(info, node, path, rest, ctx.tok.restAt, pos, items);
  } else if (ctx.inItem && ctx.tok && !isKeyLike(info, parent)) {
    // `- ` and a value being typed, in a list of values.
    const node = nodeAt(info.kind, parent);
    if (node) values(info, node, parent, prefix.slice(ctx.tok.restAt), ctx.tok.restAt, pos, items);
  } else {
    const start = ctx.tok ? ctx.tok.at : prefix.length;
    const typed = prefix.slice(start);
    if (/[:\s]/.test(typed.trim())) return null;
    const node = nodeAt(info.kind, parent);
    if (!node) return null;
    if (!ctx.inItem && node.shape.kinds.has('array') && node.shape.items && !node.shape.properties.size) {
      // At the dash column of a list: a new item.
      const itemSnippet = newItem(info, client, parent, start, '- ');
      if (itemSnippet)
        items.push({ ...itemSnippet, textEdit: { range: { start: at(start), end: pos }, newText: itemSnippet.insertText! } });
    } else {
      keys(info, client, node, parent, start, pos, items);
      if (ctx.inItem && ctx.tok && ctx.tok.rest === '') {
        const dash = ctx.tok.dashes[ctx.tok.dashes.length - 1]!;
        const itemSnippet = newItem(info, client, parent.slice(0, -1), dash, '- ');
        if (itemSnippet)
          items.push({ ...itemSnippet, textEdit: { range: { start: at(dash), end: pos }, newText: itemSnippet.insertText! } });
      }
    }
  }
  return { isIncomplete: false, items };
}

/** Whether the items at this path are mappings (keys are typed after the dash), not values. */
function isKeyLike(info: DocInfo, path: Seg[]): boolean {
  const node = nodeAt(info.kind, path);
  return !!node && node.shape.properties.size > 0 && !node.shape.attachment;
}

function keys(
  info: DocInfo,
  client: ClientFeatures,
  node: Node,
  parent: Seg[],
  start: number,
  pos: Position,
  items: CompletionItem[],
): void {
  const present = new Set(
    info.outline.keys
      .filter((k) => k.line !== pos.line && sameSegs(canonicalPath(info.kind, k.parent), parent))
      .map((k) => canonicalPath(info.kind, [...k.parent, k.key]).pop()),
  );
  const lang = info.lang;
  const indent = start;
  let order = 0;
  if (info.kind.kind === 'config' && sameSegs(parent, ['regler'])) {
    // qm.config.yaml `regler:`: the warning and info rules, which may be re-graded.
    for (const r of allRules) {
      if (r.severity === 'error' || present.has(r.id)) continue;
      items.push({
        label: r.id,
        kind: KIND.reference,
        detail: r.title[lang],
        sortText: String(order++).padStart(4, '0'),
        textEdit: { range: { start: { line: pos.line, character: start }, end: pos }, newText: `${r.id}: ` },
      });
    }
    return;
  }
  for (const key of allowedKeys(node)) {
    if (present.has(key) || (key === 'text' && info.kind.kind === 'chapter' && info.kind.markdown)) continue;
    const childNode = child(node.shape.items && !node.shape.properties.size ? child(node, 0)! : node, key);
    if (!childNode) continue;
    const req = requirement(childNode);
    const body = valueTemplate(childNode, indent, client.snippets);
    const newText = `${key}:${body}`;
    const desc = description(childNode);
    items.push({
      label: key,
      kind: KIND.property,
      detail: typeText(childNode, lang),
      documentation: desc ? { kind: client.markdown ? 'markdown' : 'plaintext', value: desc } : undefined,
      filterText: `${stripMarks(key)} ${key}`,
      sortText: `${req.required ? 0 : 1}${String(order++).padStart(3, '0')}`,
      insertTextFormat: client.snippets ? SNIPPET : PLAIN,
      insertTextMode: AS_IS,
      textEdit: { range: { start: { line: pos.line, character: start }, end: pos }, newText },
    });
  }
}

/** What follows `key:` when a key is completed: a space for a value, or the start of its block. */
function valueTemplate(node: Node, indent: number, snippets: boolean): string {
  const pad = ' '.repeat(indent + 2);
  const s = node.shape;
  if (s.attachment) return snippets ? ' ${1:bilagor/}' : ' ';
  if (s.enumValues.length > 0 && snippets) return ` \${1|${s.enumValues.map((v) => v.replace(/[|,$}\\]/g, '\\$&')).join(',')}|}`;
  if (s.kinds.has('array') && s.items) return `\n${pad}- ${snippets ? '$0' : ''}`;
  if (s.properties.size > 0 || (s.kinds.has('object') && s.additional)) return `\n${pad}${snippets ? '$0' : ''}`;
  return snippets ? ' $0' : ' ';
}

function sameSegs(a: Seg[], b: Seg[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function values(info: DocInfo, node: Node, path: Seg[], rest: string, restAt: number, pos: Position, items: CompletionItem[]): void {
  const lang = info.lang;
  let target = node;
  let from = restAt;
  // Inside a flow list (`mål: [M1, M`): the item being typed.
  const flow = /^\[([^\]]*)$/.exec(rest);
  if (flow) {
    target = child(node, 0) ?? node;
    const lastSep = Math.max(rest.lastIndexOf('['), rest.lastIndexOf(','));
    from = restAt + lastSep + 1 + /^\s*/.exec(rest.slice(lastSep + 1))![0].length;
  } else if (/^\{/.test(rest)) {
    // `{ fil: bil`: the file of an attachment.
    const m = /(?:^\{|,)\s*fil\s*:\s*([^,}]*)$/.exec(rest);
    if (!m || !node.shape.attachment) return;
    from = restAt + rest.length - m[1]!.length;
  } else if (rest.startsWith('"') || rest.startsWith("'")) {
    from = restAt + 1;
  }
  const range = { start: { line: pos.line, character: from }, end: pos };
  const push = (label: string, kind: CompletionItemKind, detail?: string, sort?: string) =>
    items.push({ label, kind, detail, sortText: sort, filterText: `${stripMarks(label)} ${label}`, textEdit: { range, newText: label } });

  const ids = idKind(target) ?? idKind(node);
  if (ids) {
    const defs = idDefs(info.app, lang).filter((d) => d.kind === ids);
    for (const d of defs) push(d.id, KIND.reference, `${kindWord(d.kind, lang)}: ${d.title}${d.detail ? ` (${d.detail})` : ''}`);
    return;
  }
  // `fil:` of an attachment written as a block mapping (`karta:` / `  fil: bil`).
  const filOf = path[path.length - 1] === 'fil' ? nodeAt(info.kind, path.slice(0, -1)) : undefined;
  if (node.shape.attachment || target.shape.attachment || filOf?.shape.attachment) {
    const referenced = new Set((info.app?.result?.app.attachments ?? []).map((a) => a.path.trim().normalize('NFC')));
    for (const f of bilagor(info.folder)) push(f, KIND.file, words[lang].attachmentFile, `${referenced.has(f) ? 1 : 0}${f}`);
    return;
  }
  if (info.kind.kind === 'config' && path.length === 3 && path[0] === 'undantag' && path[2] === 'regel') {
    for (const r of allRules) if (r.severity === 'error') push(r.id, KIND.reference, r.title[lang]);
    return;
  }
  const enums = target.shape.enumValues.length ? target.shape.enumValues : node.shape.enumValues;
  enums.forEach((v, i) => push(v, KIND.enumMember, typeText(target, lang), String(i).padStart(3, '0')));
  if (enums.length === 0 && (target.shape.kinds.has('boolean') || node.shape.kinds.has('boolean'))) {
    push('ja', KIND.constant);
    push('nej', KIND.constant);
  }
}

/** The files under bilagor/ (relative to the folder, NFC), as the check lists them. */
function bilagor(folder: string): string[] {
  const out: string[] = [];
  const walk = (rel: string, depth: number) => {
    if (depth > LIST_LIMITS.maxDepth || out.length >= 2000) return;
    let entries;
    try {
      entries = readdirSync(join(folder, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const name = e.name.normalize('NFC');
      if (name.startsWith('.') || name.endsWith('~')) continue;
      if (e.isDirectory()) walk(`${rel}/${e.name}`, depth + 1);
      else out.push(`${rel}/${name}`.normalize('NFC'));
    }
  };
  walk('bilagor', 0);
  return out;
}

interface ItemKind {
  letter: string;
  label: (lang: 'sv' | 'en') => string;
  fields: (ctx: { n: number; year: number; goals: string[]; strategies: string[] }) => [string, string][];
}

const ITEMS: Record<string, ItemKind> = {
  '6/mål': {
    letter: 'M',
    label: (l) => words[l].newGoal,
    fields: ({ year }) => [
      ['text', ''],
      ['år', String(year + 2)],
    ],
  },
  '6/strategier': {
    letter: 'S',
    label: (l) => words[l].newStrategy,
    fields: ({ goals }) => [
      ['text', ''],
      ['mål', `[${goals[0] ?? 'M1'}]`],
    ],
  },
  '7/åtgärder': {
    letter: 'A',
    label: (l) => words[l].newAction,
    fields: ({ year, goals, strategies }) => [
      ['namn', ''],
      ['syfte', ''],
      ['mål', `[${goals[0] ?? 'M1'}]`],
      ['strategi', `[${strategies[0] ?? 'S1'}]`],
      ['ansvarig', ''],
      ['start', `${year}-01-01`],
      ['slut', `${year}-12-31`],
      ['budget', ''],
    ],
  },
  '8/indikatorer': {
    letter: 'I',
    label: (l) => words[l].newIndicator,
    fields: ({ goals }) => [
      ['namn', ''],
      ['målgrupp', 'invånare'],
      ['enhet', ''],
      ['mål', `[${goals[0] ?? 'M1'}]`],
    ],
  },
};

/** A whole new item of a list of goals, strategies, actions or indicators, with the next free id. */
function newItem(info: DocInfo, client: ClientFeatures, listPath: Seg[], dashCol: number, dash: string): CompletionItem | undefined {
  if (info.kind.kind !== 'chapter' || listPath.length !== 1) return undefined;
  const spec = ITEMS[`${info.kind.chapter}/${String(listPath[0])}`];
  if (!spec) return undefined;
  const defs = idDefs(info.app, info.lang);
  const written = info.outline.keys.filter((k) => k.key === 'id').map((k) => k.value.replace(/^["']|["']$/g, ''));
  const used = new Set([...defs.map((d) => d.id), ...written]);
  let n = 1;
  for (const id of used) {
    const m = new RegExp(`^${spec.letter}(\\d+)$`, 'i').exec(id);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  while (used.has(`${spec.letter}${n}`)) n++;
  const year = info.app?.result?.facts.referenceYear ?? new Date().getFullYear();
  const fields = spec.fields({
    n,
    year,
    goals: defs.filter((d) => d.kind === 'goal').map((d) => d.id),
    strategies: defs.filter((d) => d.kind === 'strategy').map((d) => d.id),
  });
  const pad = ' '.repeat(dashCol + 2);
  let tab = 1;
  const esc = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  const value = (v: string) => (client.snippets ? `\${${tab++}${v ? `:${esc(v)}` : ''}}` : v);
  const lines = [`${dash}id: ${spec.letter}${n}`, ...fields.map(([k, v]) => `${pad}${k}: ${value(v)}`.trimEnd())];
  if (spec.letter === 'I') {
    lines.push(`${pad}värden:`);
    for (let y = year - 2; y <= year; y++) lines.push(`${pad}  ${y}: ${value('')}`.trimEnd());
  }
  const text = lines.join('\n') + (client.snippets ? '$0' : '');
  return {
    label: `${spec.label(info.lang)} (${spec.letter}${n})`,
    kind: KIND.snippet,
    detail: lines.map((l) => l.replace(/\$\{\d+:?([^}]*)\}/g, '$1')).join(' '),
    filterText: `- ${dash}${spec.letter}${n} ${stripMarks(spec.label(info.lang))}`,
    sortText: 'zz',
    insertTextFormat: client.snippets ? SNIPPET : PLAIN,
    insertTextMode: AS_IS,
    insertText: text,
  };
}
