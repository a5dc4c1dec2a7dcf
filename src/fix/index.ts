/**
 * The fixes that only change how something is spelled, never what it says (cli.md, `--fix`):
 * - a key written without å ä ö (`schema/ascii-nyckel`) → its Swedish spelling;
 * - a flow mapping split at a decimal comma (`schema/decimalkomma`) → one value per line.
 * Each is an edit of the file's text at the place the diagnostic names, leaving every other
 * character as it was (comments, line endings, a byte-order mark). `qm check --fix` applies them
 * to the files; the language server offers them as code actions.
 *
 * A fix is applied only when the file, read again, holds exactly the data it held before: a fix
 * that would change what qm reads is not a spelling fix, and is left undone.
 */
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Lang } from '../model/types.js';
import { readSourceFile, type FileSpec } from '../load/files.js';
import { escapeControls } from '../load/text.js';
import { check, type CheckOptions } from '../engine/check.js';
import { overlayVfs, diskVfs } from '../load/vfs.js';
import { ansokanSchema, chapterSchema } from '../schema/registry.js';
import { CHAPTER_FILE, META_FILE } from '../load/folder.js';
import { parseSwedishNumber } from '../load/numbers.js';
import { writeFileAtomic } from '../util/atomic.js';
import { matchKey, splitLines, stripComment, type Line } from '../lsp/outline.js';

export interface Pos {
  line: number;
  character: number;
}

export interface Edit {
  start: Pos;
  end: Pos;
  newText: string;
}

export interface SpellingFix {
  rule: 'schema/ascii-nyckel' | 'schema/decimalkomma';
  /** 1-based line and column of the diagnostic, for the list of changes. */
  line: number;
  column: number;
  /** What was written and what it became (one line each), for the list of changes. */
  from: string;
  to: string;
  edit: Edit;
}

type Where = Pick<Diagnostic, 'rule' | 'line' | 'column' | 'args'>;

/** The line break that ends a line of the text (or the file's first one, for the last line). */
export function lineBreak(text: string, lines: Line[], l: number): string {
  const at = lines[l]!.end;
  if (text.startsWith('\r\n', at)) return '\r\n';
  if (text[at] === '\n' || text[at] === '\r') return text[at]!;
  const first = /\r\n|\n|\r/.exec(text);
  return first ? first[0] : '\n';
}

/** A key written without å ä ö at the diagnostic's place → the Swedish key. Also the closest key for an unknown one. */
export function renameKey(lines: Line[], d: Where, to: string): Edit | undefined {
  if (d.line === null || d.column === null) return undefined;
  const l = d.line - 1;
  const line = lines[l];
  const from = String(d.args.key ?? '');
  if (!line || !from || !to) return undefined;
  let col = d.column - 1;
  if ((line.text[col] === '"' || line.text[col] === "'") && line.text.startsWith(from, col + 1)) col++;
  if (!line.text.startsWith(from, col)) return undefined;
  // Only a whole key: what follows is its colon (after spaces, or a closing quote).
  if (!/^["']?[ \t]*:/.test(line.text.slice(col + from.length))) return undefined;
  return { start: { line: l, character: col }, end: { line: l, character: col + from.length }, newText: to };
}

/** Splits a flow collection's inside at its top-level commas (quotes and nested brackets kept whole). */
function splitFlow(inner: string): { text: string; sep: string }[] {
  const parts: { text: string; sep: string }[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      const sepEnd = i + 1 + /^[ \t]*/.exec(inner.slice(i + 1))![0].length;
      parts.push({ text: inner.slice(start, i), sep: inner.slice(i, sepEnd) });
      start = sepEnd;
      i = sepEnd - 1;
    }
  }
  parts.push({ text: inner.slice(start), sep: '' });
  return parts;
}

/**
 * `värden: {2023: 4,52, 2024: 5,1}` → `värden:` and one `2023: 4,52` per line below it, the
 * decimal commas joined back as qm reads them. Only a flow mapping on one line, followed by
 * nothing but a comment.
 */
export function decimalCommaFix(text: string, lines: Line[], d: Where): Edit | undefined {
  if (d.line === null || d.column === null) return undefined;
  const l = d.line - 1;
  const line = lines[l];
  if (!line) return undefined;
  const open = d.column - 1;
  const t = line.text;
  if (t[open] !== '{') return undefined;
  let close = -1;
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < t.length; i++) {
    const c = t[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0) return undefined;
  const after = t.slice(close + 1);
  if (!/^[ \t]*(#.*)?$/.test(after)) return undefined;
  const comment = after.trim();

  // Entries, with the pieces YAML split off at a decimal comma joined back (as qm reads them).
  const entries: { key: string; value: string }[] = [];
  const parts = splitFlow(t.slice(open + 1, close));
  parts.forEach((part, i) => {
    const piece = part.text.trim();
    if (piece === '') return;
    const kv = matchKey(piece);
    const prev = entries[entries.length - 1];
    if (!kv && prev && i > 0 && /^\d/.test(piece)) {
      // What stands between the value before and this piece, as qm's reader compares it.
      const between = /[ \t]*$/.exec(parts[i - 1]!.text)![0] + parts[i - 1]!.sep;
      const intPart = prev.value;
      const decimal =
        /^[+\-−–]?(\d+|\d{1,3}([ \u00a0\u202f]\d{3})+)$/.test(intPart) &&
        (between === ',' || (/^,[ \t]+$/.test(between) && !/^\d{4}$/.test(piece))) &&
        parseSwedishNumber(`${intPart},${piece}`) !== undefined;
      if (decimal) {
        prev.value = `${intPart},${piece}`;
        return;
      }
    }
    if (kv) entries.push({ key: piece.slice(0, kv.after - 1).trimEnd(), value: piece.slice(kv.after).trim() });
    else entries.push({ key: piece, value: '' });
  });
  if (entries.length === 0) return undefined;
  const eol = lineBreak(text, lines, l);
  const before = t.slice(0, open);
  const body = (indent: number) => entries.map((e) => `${' '.repeat(indent)}${e.key}:${e.value ? ` ${e.value}` : ''}`);
  let newText: string;
  let start: number;
  const keyed = /^([ \t]*(?:-[ \t]+)*)(.*\S)[ \t]*$/.exec(before);
  if (keyed && matchKey(keyed[2]!)?.after === keyed[2]!.length) {
    // `key: {…}`: the key stays, the values go below it, indented under it.
    const keyCol = keyed[1]!.length;
    start = before.trimEnd().length;
    newText = `${comment ? ` ${comment}` : ''}${eol}${body(keyCol + 2).join(eol)}`;
  } else if (/^[ \t]*(?:-[ \t]+)+$/.test(before) || /^[ \t]*$/.test(before)) {
    // `- {…}` or a mapping on a line of its own: the first entry where the brace was.
    start = open;
    const lines2 = body(open);
    lines2[0] = lines2[0]!.slice(open);
    newText = `${lines2.join(eol)}${comment ? ` ${comment}` : ''}`;
  } else return undefined;
  return { start: { line: l, character: start }, end: { line: l, character: t.length }, newText };
}

/** The spelling fixes for the diagnostics of one file. */
export function spellingFixes(text: string, diagnostics: Where[]): SpellingFix[] {
  const lines = splitLines(text);
  const out: SpellingFix[] = [];
  for (const d of diagnostics) {
    if (d.line === null || d.column === null) continue;
    if (d.rule === 'schema/ascii-nyckel') {
      const to = String(d.args.suggestion ?? '');
      const edit = renameKey(lines, d, to);
      if (edit) out.push({ rule: d.rule, line: d.line, column: d.column, from: String(d.args.key), to, edit });
    } else if (d.rule === 'schema/decimalkomma') {
      const edit = decimalCommaFix(text, lines, d);
      if (edit) {
        const line = lines[edit.start.line]!.text;
        out.push({
          rule: d.rule,
          line: d.line,
          column: d.column,
          from: stripComment(line.slice(d.column - 1)).trim(),
          to: edit.newText
            .split(/\r\n|\n|\r/)
            .map((s) => s.trim())
            .filter((s) => s !== '' && !s.startsWith('#'))
            .join(' · '),
          edit,
        });
      }
    }
  }
  return withoutOverlaps(out);
}

/** Edits that overlap an earlier one are left out (two diagnostics on one place). */
function withoutOverlaps(fixes: SpellingFix[]): SpellingFix[] {
  const out: SpellingFix[] = [];
  const cmp = (a: Pos, b: Pos) => a.line - b.line || a.character - b.character;
  for (const f of fixes) {
    if (out.some((g) => cmp(f.edit.start, g.edit.end) < 0 && cmp(g.edit.start, f.edit.end) < 0)) continue;
    out.push(f);
  }
  return out;
}

/** The text with the edits applied (edits must not overlap). */
export function applyEdits(text: string, edits: Edit[]): string {
  const lines = splitLines(text);
  const offset = (p: Pos) => lines[p.line]!.start + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.start) - offset(a.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.start)) + e.newText + out.slice(offset(e.end));
  return out;
}

export interface FileFixes {
  /** Relative to the folder, as reports name it. */
  file: string;
  fixes: SpellingFix[];
}

/**
 * `qm check --fix` for one folder: finds the spelling fixes with a check, applies them to the
 * chapter files and ansokan.yaml (every other byte kept, the byte-order mark and line endings
 * too), written atomically with the file's permissions. Returns what it changed.
 */
export async function fixFolder(folder: string, options: CheckOptions = {}): Promise<FileFixes[]> {
  const result = await check(folder, options);
  const { app } = result;
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of result.report.diagnostics) {
    if ((d.rule !== 'schema/ascii-nyckel' && d.rule !== 'schema/decimalkomma') || d.file === null || d.excepted) continue;
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const out: FileFixes[] = [];
  let names: string[] | undefined;
  for (const [file, diagnostics] of byFile) {
    const chapter = CHAPTER_FILE.exec(file);
    if (!chapter && !META_FILE.test(file)) continue;
    names ??= readdirSync(app.root);
    const name = names.find((n) => n.normalize('NFC') === file);
    if (name === undefined) continue;
    const abs = join(app.root, name);
    const raw = readFileSync(abs);
    const bom = raw.length >= 3 && raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf;
    const text = raw.subarray(bom ? 3 : 0).toString('utf8');
    const fixes = spellingFixes(text, diagnostics);
    if (fixes.length === 0) continue;
    const fixed = applyEdits(
      text,
      fixes.map((f) => f.edit),
    );
    const spec = {
      abs,
      file,
      chapter: chapter ? Number(chapter[1]) : null,
      schema: chapter ? chapterSchema(Number(chapter[1])) : ansokanSchema,
      format: (/\.md$/i.test(file) ? 'md' : 'yaml') as 'md' | 'yaml',
    };
    if (!(await sameData(spec, text, fixed))) continue;
    const mode = statSync(abs).mode & 0o7777;
    await writeFileAtomic(abs, Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(fixed, 'utf8')]));
    chmodSync(abs, mode);
    out.push({ file, fixes });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Whether two texts of one file read as the same data (what a spelling fix must keep). */
export async function sameData(spec: Omit<FileSpec, 'fs'>, before: string, after: string): Promise<boolean> {
  const read = async (text: string) => {
    const r = await readSourceFile({ ...spec, fs: overlayVfs(diskVfs, new Map([[spec.abs, text]])) });
    return r.loaded.status === 'ok' ? JSON.stringify(r.loaded.data) : undefined;
  };
  const a = await read(before);
  return a !== undefined && a === (await read(after));
}

const LIST = {
  sv: {
    header: (n: number, files: number) =>
      `qm check --fix ändrade ${n} ${n === 1 ? 'ställe' : 'ställen'} i ${files} ${files === 1 ? 'fil' : 'filer'}:`,
    none: 'qm check --fix: inget att rätta.',
  },
  en: {
    header: (n: number, files: number) =>
      `qm check --fix changed ${n} ${n === 1 ? 'place' : 'places'} in ${files} ${files === 1 ? 'file' : 'files'}:`,
    none: 'qm check --fix: nothing to fix.',
  },
};

/** The list of changes `qm check --fix` prints: one line per change, `file:line:column  from → to`. */
export function describeFixes(
  folders: { folder: string; files: FileFixes[] }[],
  lang: Lang,
  path: (folder: string, file: string) => string,
): string {
  const changes = folders.flatMap((f) => f.files.flatMap((x) => x.fixes.map((fix) => ({ folder: f.folder, file: x.file, fix }))));
  if (changes.length === 0) return `${LIST[lang].none}\n`;
  const fileCount = folders.reduce((n, f) => n + f.files.length, 0);
  const lines = [LIST[lang].header(changes.length, fileCount)];
  for (const c of changes) {
    const from = escapeControls(c.fix.from);
    const to = escapeControls(c.fix.to);
    lines.push(`  ${escapeControls(path(c.folder, c.file))}:${c.fix.line}:${c.fix.column}  ${from} → ${to}`);
  }
  return `${lines.join('\n')}\n`;
}
