/**
 * Code actions for the diagnostics at a place:
 * - the fixes of `qm check --fix` (a key without å ä ö → its Swedish spelling; a flow mapping
 *   split at a decimal comma → one value per line), also all at once as `source.fixAll`;
 * - the closest known key for an unknown one;
 * - a missing field added where it belongs, with `[FYLL I: …]` for what must be written.
 * The actions are edits the editor applies; the server never writes a file.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionParams, Range, TextEdit } from 'vscode-languageserver';
import { decimalCommaFix, lineBreak, renameKey, spellingFixes } from '../fix/index.js';
import { tokens } from '../util/pointer.js';
import { ruleById } from '../rules/index.js';
import { canonicalPath, docInfo, type DocInfo } from './analysis.js';
import type { Seg } from './outline.js';
import { child, nodeAt, requirement, typeText, type Node } from './schema.js';
import type { LspDiagnostic } from './workspace.js';
import type { Workspace } from './workspace.js';
import { words } from './words.js';

const QUICK_FIX = 'quickfix';
const FIX_ALL = 'source.fixAll';

function overlaps(a: Range, b: Range): boolean {
  const le = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(a.start, b.end) && le(b.start, a.end);
}

export function codeActions(ws: Workspace, doc: TextDocument, params: CodeActionParams): CodeAction[] | null {
  const info = docInfo(ws, doc);
  if (!info) return null;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const published = info.app?.published.get(doc.uri) ?? [];
  const out: CodeAction[] = [];
  const lines = info.outline.lines;
  const edit = (edits: TextEdit[]) => ({ changes: { [doc.uri]: edits } });
  const w = words[info.lang];

  if (wants(QUICK_FIX)) {
    // The server's own diagnostics at the range (a client need not send back their data).
    const here = published.filter((x) => overlaps(x.range, params.range));
    // A field that an unknown key here probably is (`metdo` for `metod`) is renamed, not added again.
    const renamedTo = new Set(
      here.flatMap((d) => (d.data?.rule === 'schema/okant-falt' && d.data.args.suggestion ? [String(d.data.args.suggestion)] : [])),
    );
    for (const d of here) {
      const data = d.data;
      if (!data) continue;
      const where = { rule: data.rule, line: data.line, column: data.column, args: data.args };
      if (data.rule === 'schema/ascii-nyckel' || (data.rule === 'schema/okant-falt' && data.args.suggestion && !data.args.splitFrom)) {
        const to = String(data.args.suggestion ?? '');
        const e = renameKey(lines, where, to);
        if (e)
          out.push({
            title: data.rule === 'schema/ascii-nyckel' ? w.fixAscii(String(data.args.key), to) : w.fixUnknown(String(data.args.key), to),
            kind: QUICK_FIX,
            diagnostics: [d],
            isPreferred: true,
            edit: edit([{ range: { start: e.start, end: e.end }, newText: e.newText }]),
          });
      } else if (typeof data.args.typo === 'string' && typeof data.args.typoFor === 'string' && data.args.typo) {
        // A missing field whose misspelling stands here (engine/one-problem.ts): the typo is renamed.
        const from = data.args.typo;
        const to = data.args.typoFor;
        const e = renameKey(lines, { ...where, args: { key: from } }, to);
        if (e)
          out.push({
            title: w.fixUnknown(from, to),
            kind: QUICK_FIX,
            diagnostics: [d],
            isPreferred: true,
            edit: edit([{ range: { start: e.start, end: e.end }, newText: e.newText }]),
          });
      } else if (data.rule === 'schema/decimalkomma') {
        const e = decimalCommaFix(info.text, lines, where);
        if (e)
          out.push({
            title: w.fixDecimal,
            kind: QUICK_FIX,
            diagnostics: [d],
            isPreferred: true,
            edit: edit([{ range: { start: e.start, end: e.end }, newText: e.newText }]),
          });
      } else {
        const add = addField(info, d);
        if (add && !renamedTo.has(add.key))
          out.push({ title: w.fixAdd(add.key), kind: QUICK_FIX, diagnostics: [d], isPreferred: true, edit: edit([add.edit]) });
      }
    }
  }
  if (wants(FIX_ALL)) {
    const fixable = published.flatMap((d) =>
      d.data && (d.data.rule === 'schema/ascii-nyckel' || d.data.rule === 'schema/decimalkomma') ? [d.data] : [],
    );
    const fixes = spellingFixes(info.text, fixable);
    if (fixes.length > 0)
      out.push({
        title: w.fixAll,
        kind: FIX_ALL,
        edit: edit(fixes.map((f) => ({ range: { start: f.edit.start, end: f.edit.end }, newText: f.edit.newText }))),
      });
  }
  return out;
}

/**
 * A field that a diagnostic says is missing (`schema/saknat-falt`, or a chapter rule that names the
 * field, like `k3/karta`), added at the end of the mapping that should hold it.
 */
function addField(info: DocInfo, d: LspDiagnostic): { key: string; edit: TextEdit } | undefined {
  const data = d.data!;
  if (data.pointer === null || data.rule.startsWith('bilaga/') || data.rule.startsWith('text/')) return undefined;
  const rule = ruleById.get(data.rule);
  if (!rule) return undefined;
  let segs: Seg[] = tokens(data.pointer).map((t) => (/^\d+$/.test(t) ? Number(t) : t));
  if (data.rule === 'schema/saknat-falt' && typeof data.args.field === 'string' && segs[segs.length - 1] !== data.args.field)
    segs = [...segs, data.args.field];
  const key = segs[segs.length - 1];
  if (typeof key !== 'string') return undefined;
  const parent = segs.slice(0, -1);
  const holder = nodeAt(info.kind, parent);
  const node = holder ? child(holder, key) : undefined;
  if (!holder || !node || node.seg !== key) return undefined;
  // Only a field the rule is about being absent: required by the schema or by this rule.
  const req = requirement(node);
  if (!req.required || !(req.rules.includes(data.rule) || data.rule === 'schema/saknat-falt')) return undefined;
  const o = info.outline;
  const present = o.keys.some((k) => sameSegs(canonicalPath(info.kind, [...k.parent, k.key]), segs));
  if (present) return undefined;

  // Where the holding mapping ends, and how its keys are indented.
  let after: number;
  let indent: number;
  const siblings = o.keys.filter((k) => sameSegs(canonicalPath(info.kind, k.parent), parent));
  if (parent.length === 0) {
    const last = [...siblings].reverse().find((k) => k.key !== 'text');
    const text = siblings.find((k) => k.key === 'text' && k.block);
    if (text && (!last || text.line > last.line)) after = text.line - 1;
    else after = last ? last.endLine : o.first - 1;
    indent = 0;
  } else {
    const last = parent[parent.length - 1];
    const holderToken =
      typeof last === 'number'
        ? o.items.find((i) => sameSegs(canonicalPath(info.kind, [...i.parent, i.index]), parent))
        : o.keys.find((k) => sameSegs(canonicalPath(info.kind, [...k.parent, k.key]), parent));
    if (!holderToken) return undefined;
    if ('key' in holderToken && holderToken.value !== '') return undefined;
    after = holderToken.endLine;
    indent = siblings[0]?.col ?? holderToken.col + 2;
  }
  if (after < o.first - 1 || after >= o.lines.length) return undefined;
  const eol = lineBreak(info.text, o.lines, Math.max(after, 0));
  const value = fieldValue(node, indent, eol, info.lang);
  const text = `${' '.repeat(indent)}${key}:${value}`;
  if (after + 1 < o.lines.length) {
    return {
      key,
      edit: { range: { start: { line: after + 1, character: 0 }, end: { line: after + 1, character: 0 } }, newText: `${text}${eol}` },
    };
  }
  const end = { line: after, character: o.lines[after]!.text.length };
  return { key, edit: { range: { start: end, end }, newText: `${eol}${text}` } };
}

/** The value written for an added field: a placeholder, or the required fields of an object or list item. */
function fieldValue(node: Node, indent: number, eol: string, lang: 'sv' | 'en', depth = 0): string {
  const w = words[lang];
  const fill = (n: Node) => ` "${w.fill(typeText(n, lang).replace(/"/g, "'"))}"`;
  if (depth > 2 || node.shape.attachment) return fill(node);
  const pad = ' '.repeat(indent + 2);
  const required = (holder: Node) =>
    [...holder.shape.properties.keys()].filter((k) => {
      const c = child(holder, k);
      return c && requirement(c).required;
    });
  if (node.shape.properties.size > 0) {
    const keys = required(node);
    if (keys.length === 0) return fill(node);
    return keys.map((k) => `${eol}${pad}${k}:${fieldValue(child(node, k)!, indent + 2, eol, lang, depth + 1)}`).join('');
  }
  if (node.shape.kinds.has('array') && node.shape.items) {
    const item = child(node, 0)!;
    if (item.shape.properties.size === 0 || item.shape.attachment) return `${eol}${pad}-${fill(item)}`;
    const keys = required(item);
    if (keys.length === 0) return fill(node);
    return keys
      .map((k, i) => `${eol}${pad}${i === 0 ? '- ' : '  '}${k}:${fieldValue(child(item, k)!, indent + 4, eol, lang, depth + 1)}`)
      .join('');
  }
  return fill(node);
}

function sameSegs(a: Seg[], b: Seg[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
