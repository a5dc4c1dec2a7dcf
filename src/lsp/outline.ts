/**
 * A line-by-line reading of block YAML that never fails: where each key and list item stands and
 * under which keys and items it is. The editor's features (completion, hover, definition,
 * symbols, quick fixes) need that on every keystroke, when the text is often not valid YAML yet
 * (`  - na`, `sektor:` without a value, an unclosed quote two lines up). The check itself reads
 * the files with the real YAML parser; this only finds places.
 *
 * Offsets are offsets in the document's text as the editor holds it (CRLF and all); lines are
 * split at CRLF, LF and CR, as the Language Server Protocol counts them.
 */

export type Seg = string | number;

export interface Line {
  /** Offset of the first character of the line, and of its end (before the line break). */
  start: number;
  end: number;
  text: string;
}

export interface KeyToken {
  /** The keys and item indices that hold this key, as written. */
  parent: Seg[];
  key: string;
  line: number;
  /** Column (UTF-16) of the key, and offsets of the key's text (inside quotes, if quoted). */
  col: number;
  keyStart: number;
  keyEnd: number;
  /** The inline value after `key:` (comment left out), with its offsets; empty when none. */
  value: string;
  valueStart: number;
  valueEnd: number;
  /** The last line of the key's block (its value, nested keys and items, continuation lines). */
  endLine: number;
  /** The value is a block scalar (`|`, `>`). */
  block: boolean;
}

export interface ItemToken {
  parent: Seg[];
  index: number;
  line: number;
  /** Column of the dash. */
  col: number;
  /** The scalar written after the dash (not a `key:`), with its offsets. */
  value: string;
  valueStart: number;
  valueEnd: number;
  endLine: number;
}

export interface Outline {
  lines: Line[];
  /** The lines that hold YAML: all of a YAML file, the front matter of a Markdown file. */
  first: number;
  /** One past the last YAML line. */
  last: number;
  /** The line of the closing `---` of a Markdown file's front matter, if any. */
  closing?: number;
  keys: KeyToken[];
  items: ItemToken[];
}

export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}

/** The YAML lines of a document: the front matter of Markdown (between the `---` lines), or all of YAML. */
export function yamlRange(lines: Line[], markdown: boolean): { first: number; last: number; closing?: number } {
  if (!markdown) return { first: 0, last: lines.length };
  let i = 0;
  while (i < lines.length && lines[i]!.text.trim() === '') i++;
  if (i >= lines.length || !/^---[ \t]*$/.test(lines[i]!.text.replace(/^\uFEFF/, ''))) return { first: 0, last: 0 };
  const first = i + 1;
  for (let j = first; j < lines.length; j++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(lines[j]!.text)) return { first, last: j, closing: j };
  }
  return { first, last: lines.length };
}

interface Frame {
  col: number;
  seg: Seg;
  kind: 'key' | 'item';
  /** Items seen so far under a key frame. */
  items: number;
  token?: KeyToken | ItemToken;
}

/** `key:` at the start of `s`: the key's text (unquoted) and where it and the colon end. */
export function matchKey(s: string): { key: string; keyFrom: number; keyTo: number; after: number } | undefined {
  let m = /^"((?:[^"\\]|\\.)*)"[ \t]*:(?=[ \t]|$)/.exec(s);
  if (m) return { key: m[1]!, keyFrom: 1, keyTo: 1 + m[1]!.length, after: m[0].length };
  m = /^'((?:[^']|'')*)'[ \t]*:(?=[ \t]|$)/.exec(s);
  if (m) return { key: m[1]!.replace(/''/g, "'"), keyFrom: 1, keyTo: 1 + m[1]!.length, after: m[0].length };
  m = /^([^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?=[ \t]|$)/.exec(s);
  if (m && !/:[ \t]/.test(m[1]!)) return { key: m[1]!, keyFrom: 0, keyTo: m[1]!.length, after: m[0].length };
  return undefined;
}

/** The value part of a line after its key or dash: the text without a trailing comment. */
export function stripComment(s: string): string {
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(s[i - 1]!))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]!))) return s.slice(0, i).trimEnd();
  }
  return s.trimEnd();
}

/** What a line starts with: its dashes (columns), then a key or a scalar. */
export interface LineTokens {
  indent: number;
  dashes: number[];
  /** Column where the key or value begins (after the dashes). */
  at: number;
  key?: { key: string; from: number; to: number; after: number };
  /** Text after the key's colon, or after the dashes when there is no key (comment left out). */
  rest: string;
  restAt: number;
}

export function tokenize(text: string): LineTokens | undefined {
  const indent = /^[ \t]*/.exec(text)![0].length;
  if (indent === text.length || text[indent] === '#') return undefined;
  const dashes: number[] = [];
  let at = indent;
  for (;;) {
    const m = /^-(?:[ \t]+|$)/.exec(text.slice(at));
    if (!m || text.slice(at).startsWith('---')) break;
    dashes.push(at);
    at += m[0].length;
    if (at >= text.length) break;
  }
  const s = text.slice(at);
  const key = matchKey(s);
  if (key) {
    const raw = text.slice(at + key.after);
    const lead = /^[ \t]*/.exec(raw)![0].length;
    return {
      indent,
      dashes,
      at,
      key: { key: key.key, from: at + key.keyFrom, to: at + key.keyTo, after: at + key.after },
      rest: stripComment(raw.slice(lead)),
      restAt: at + key.after + lead,
    };
  }
  return { indent, dashes, at, rest: stripComment(s), restAt: at };
}

const BLOCK_SCALAR = /^[|>][0-9+-]*$/;

/** Reads the YAML lines of a document into keys and items with their places. */
export function outline(text: string, markdown: boolean): Outline {
  const lines = splitLines(text);
  const { first, last, closing } = yamlRange(lines, markdown);
  const keys: KeyToken[] = [];
  const items: ItemToken[] = [];
  const stack: Frame[] = [];
  /** Lines more indented than this belong to the value above (block scalar, continuation). */
  let skipAbove = -1;
  const open: (KeyToken | ItemToken)[] = [];

  const close = (col: number, line: number, dash = false) => {
    // Tokens whose block ends before a line starting at `col` (a dash under a key at the key's own
    // indentation is still the key's list).
    for (let i = open.length - 1; i >= 0; i--) {
      const t = open[i]!;
      if (dash && t.col === col && 'key' in t && t.value === '') continue;
      if (t.col >= col) {
        t.endLine = lastContent(lines, t.line, line);
        open.splice(i, 1);
      }
    }
  };

  for (let n = first; n < last; n++) {
    const line = lines[n]!;
    const tok = tokenize(line.text);
    if (!tok) continue;
    if (skipAbove >= 0 && tok.indent > skipAbove) continue;
    skipAbove = -1;
    if (/^(---|\.\.\.)[ \t]*$/.test(line.text)) continue;
    const firstCol = tok.dashes.length > 0 ? tok.dashes[0]! : tok.at;
    close(firstCol, n, tok.dashes.length > 0);
    if (tok.dashes.length > 0) popFor(stack, firstCol, 'item');
    else popFor(stack, firstCol, 'key');
    tok.dashes.forEach((d, i) => {
      if (i > 0) popFor(stack, d, 'item');
      const holder = stack[stack.length - 1];
      const index = holder ? holder.items++ : 0;
      const isLast = i === tok.dashes.length - 1;
      const scalar = isLast && !tok.key ? tok.rest : '';
      const item: ItemToken = {
        parent: stack.map((f) => f.seg),
        index,
        line: n,
        col: d,
        value: scalar,
        valueStart: line.start + tok.restAt,
        valueEnd: line.start + tok.restAt + scalar.length,
        endLine: n,
      };
      items.push(item);
      open.push(item);
      stack.push({ col: d, seg: index, kind: 'item', items: 0, token: item });
    });
    if (tok.key) {
      popFor(stack, tok.at, 'key');
      const k: KeyToken = {
        parent: stack.map((f) => f.seg),
        key: tok.key.key,
        line: n,
        col: tok.at,
        keyStart: line.start + tok.key.from,
        keyEnd: line.start + tok.key.to,
        value: tok.rest,
        valueStart: line.start + tok.restAt,
        valueEnd: line.start + tok.restAt + tok.rest.length,
        endLine: n,
        block: BLOCK_SCALAR.test(tok.rest),
      };
      keys.push(k);
      open.push(k);
      stack.push({ col: tok.at, seg: k.key, kind: 'key', items: 0, token: k });
      // A value on the line (or a block scalar) owns the more indented lines that follow.
      if (tok.rest !== '') skipAbove = tok.at;
    } else if (tok.dashes.length > 0 && tok.rest !== '') {
      skipAbove = tok.dashes[tok.dashes.length - 1]!;
    } else if (tok.dashes.length === 0 && stack.length > 0) {
      // A scalar on a line of its own: the continuation of a value above.
      skipAbove = tok.indent - 1;
    }
  }
  close(-1, last);
  return { lines, first, last, closing, keys, items };
}

function lastContent(lines: Line[], from: number, before: number): number {
  let l = before - 1;
  while (l > from && (lines[l]!.text.trim() === '' || /^\s*#/.test(lines[l]!.text))) l--;
  return Math.max(from, l);
}

/**
 * Leaves on the stack what holds a token starting at `col`: a key holds what is more indented,
 * and also a list written at the key's own indentation (`aktörer:` then `- namn:` below it).
 */
function popFor(stack: Frame[], col: number, kind: 'key' | 'item'): void {
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.col < col) return;
    if (kind === 'item' && top.col === col && top.kind === 'key' && (top.token as KeyToken).value === '') return;
    stack.pop();
  }
}

/** The frames that hold a position: where a key typed at `col` on line `line` would stand. */
export function context(
  o: Outline,
  line: number,
  prefix: string,
): {
  parent: Seg[];
  /** What the line holds up to the cursor. */
  tok: LineTokens | undefined;
  /** The key whose value the cursor is in (on this line), if any. */
  key?: string;
  /** The item index the cursor's dash opens, if the line starts with one. */
  inItem: boolean;
} {
  const stack: Frame[] = [];
  let skipAbove = -1;
  for (let n = o.first; n < Math.min(line, o.last); n++) {
    const tok = tokenize(o.lines[n]!.text);
    if (!tok) continue;
    if (skipAbove >= 0 && tok.indent > skipAbove) continue;
    skipAbove = -1;
    if (/^(---|\.\.\.)[ \t]*$/.test(o.lines[n]!.text)) continue;
    const firstCol = tok.dashes.length > 0 ? tok.dashes[0]! : tok.at;
    popFor(stack, firstCol, tok.dashes.length > 0 ? 'item' : 'key');
    tok.dashes.forEach((d, i) => {
      if (i > 0) popFor(stack, d, 'item');
      const holder = stack[stack.length - 1];
      const index = holder ? holder.items++ : 0;
      stack.push({ col: d, seg: index, kind: 'item', items: 0 });
    });
    if (tok.key) {
      popFor(stack, tok.at, 'key');
      stack.push({
        col: tok.at,
        seg: tok.key.key,
        kind: 'key',
        items: 0,
        token: { value: tok.rest } as KeyToken,
      });
      if (tok.rest !== '') skipAbove = tok.at;
    } else if (tok.dashes.length > 0 && tok.rest !== '') skipAbove = tok.dashes[tok.dashes.length - 1]!;
    else if (tok.dashes.length === 0 && stack.length > 0) skipAbove = tok.indent - 1;
  }
  // The line up to the cursor.
  const indent = /^[ \t]*/.exec(prefix)![0].length;
  const tok = prefix.trim() === '' ? undefined : tokenize(prefix);
  const firstCol = tok ? (tok.dashes.length > 0 ? tok.dashes[0]! : tok.at) : indent;
  popFor(stack, firstCol, tok && tok.dashes.length > 0 ? 'item' : 'key');
  let inItem = false;
  for (const [i, d] of (tok?.dashes ?? []).entries()) {
    if (i > 0) popFor(stack, d, 'item');
    const holder = stack[stack.length - 1];
    const index = holder ? holder.items++ : 0;
    stack.push({ col: d, seg: index, kind: 'item', items: 0 });
    inItem = true;
  }
  if (tok?.key) return { parent: stack.map((f) => f.seg), tok, key: tok.key.key, inItem };
  return { parent: stack.map((f) => f.seg), tok, inItem };
}
