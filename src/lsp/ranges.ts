/**
 * `qm check` says where a finding starts (line and column); an editor underlines a range. The
 * range ends where the token that starts there ends: a key, a quoted or plain value, a flow
 * collection (`{ fil: …, titel: … }`), a placeholder or word in the prose.
 */
import { matchKey, type Line } from './outline.js';

/** The column (UTF-16) where the token starting at `col` of `line` ends. */
export function tokenEnd(line: string, col: number, yaml: boolean): number {
  const trimmedEnd = line.trimEnd().length;
  if (col >= trimmedEnd) return Math.max(col, trimmedEnd);
  const c = line[col]!;
  if (yaml) {
    if (c === '"' || c === "'") return closeQuote(line, col) ?? contentEnd(line, col);
    if (c === '{' || c === '[') return closeBracket(line, col) ?? contentEnd(line, col);
    const key = matchKey(line.slice(col));
    if (key) return col + key.keyTo + (key.keyFrom > 0 ? 1 : 0);
    if (c === '-' && /\s/.test(line[col + 1] ?? ' ')) return contentEnd(line, col);
    // A plain value: to a comment, or to the end of its item inside a flow collection.
    const flow = insideFlow(line, col);
    let end = col;
    for (let i = col; i < line.length; i++) {
      const ch = line[i]!;
      if (ch === '#' && i > col && /\s/.test(line[i - 1]!)) break;
      if (flow && (ch === ',' || ch === ']' || ch === '}')) break;
      end = i + 1;
    }
    return trimEndAt(line, col, end);
  }
  if (c === '[') {
    const close = line.indexOf(']', col);
    if (close > col) return close + 1;
  }
  const m = /^\S+/.exec(line.slice(col))!;
  let end = col + m[0].length;
  while (end > col + 1 && /[.,;:!?)”"»]/.test(line[end - 1]!)) end--;
  return end;
}

function contentEnd(line: string, col: number): number {
  let end = line.length;
  const hash = line.slice(col).search(/\s#/);
  if (hash >= 0) end = col + hash;
  return trimEndAt(line, col, end);
}

function trimEndAt(line: string, col: number, end: number): number {
  while (end > col + 1 && /\s/.test(line[end - 1]!)) end--;
  return Math.max(end, col + 1);
}

function closeQuote(line: string, col: number): number | undefined {
  const q = line[col]!;
  for (let i = col + 1; i < line.length; i++) {
    if (q === '"' && line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] === q) {
      if (q === "'" && line[i + 1] === "'") {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  return undefined;
}

function closeBracket(line: string, col: number): number | undefined {
  let depth = 0;
  for (let i = col; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"' || ch === "'") {
      const end = closeQuote(line, i);
      if (end === undefined) return undefined;
      i = end - 1;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

function insideFlow(line: string, col: number): boolean {
  let depth = 0;
  for (let i = 0; i < col; i++) {
    const ch = line[i]!;
    if (ch === '{' || ch === '[') depth++;
    else if ((ch === '}' || ch === ']') && depth > 0) depth--;
  }
  return depth > 0;
}

export interface Range0 {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/**
 * The editor's range for a diagnostic at a 1-based line and column (null: the start of the
 * file); `isYaml` tells YAML lines from prose.
 */
export function diagnosticRange(lines: Line[], line: number | null, column: number | null, isYaml: (line: number) => boolean): Range0 {
  if (line === null || lines.length === 0) {
    const first = lines[0]?.text ?? '';
    return { start: { line: 0, character: 0 }, end: { line: 0, character: first.trimEnd().length } };
  }
  const l = Math.min(Math.max(line - 1, 0), lines.length - 1);
  const text = lines[l]!.text;
  const col = Math.min(Math.max((column ?? 1) - 1, 0), text.length);
  return { start: { line: l, character: col }, end: { line: l, character: tokenEnd(text, col, isYaml(l)) } };
}
