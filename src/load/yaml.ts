/**
 * YAML to a small tree that keeps where every key and value stands. Everything is read as text
 * (the failsafe schema): the JSON Schema, not YAML's guesses, decides what is a number, so
 * `telefon: 0611345200` stays as written and `3 900 000 kr` can become a number.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';

export type SrcNode = SrcMap | SrcSeq | SrcScalar;

export interface SrcMap {
  kind: 'map';
  start: number;
  end: number;
  flow: boolean;
  entries: SrcEntry[];
}

export interface SrcEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** null where the key has no value at all (`52` in `{2023: 4,52}`). */
  value: SrcNode | null;
}

export interface SrcSeq {
  kind: 'seq';
  start: number;
  end: number;
  flow: boolean;
  items: SrcNode[];
}

export interface SrcScalar {
  kind: 'scalar';
  start: number;
  end: number;
  text: string;
  /** Quoted or block scalars are text by intent; plain ones may be numbers, booleans or null. */
  style: 'plain' | 'quoted' | 'block';
}

export interface YamlError {
  message: string;
  offset: number;
  code?: string;
}

export const LIMITS = {
  /** Nodes materialised from one file, aliases expanded: an alias bomb stops here. */
  maxNodes: 100_000,
  /** Alias references followed in one file. */
  maxAliases: 1_000,
  /** Nesting depth of collections. */
  maxDepth: 64,
};

class LimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses YAML text; offsets in the result are offsets in `text` plus `base`. */
export function parseYaml(text: string, base = 0): { root: SrcNode | null; error?: YamlError } {
  let doc: Document.Parsed;
  try {
    // Keys are checked for uniqueness in convert(): the parser's own check compares every key with
    // every other one, which took minutes on a file of 100,000 keys.
    // resolveKnownTags: false: a tag (`!!binary 2012`, `!!timestamp 2016-03-01`) does not turn a
    // value into bytes or a time of day; the value is read as written, like any other.
    doc = parseDocument(text, {
      schema: 'failsafe',
      uniqueKeys: false,
      resolveKnownTags: false,
      prettyErrors: false,
      strict: true,
      keepSourceTokens: false,
    });
  } catch (e) {
    return {
      root: null,
      error: { message: e instanceof RangeError ? 'nesting' : String((e as Error).message), offset: base, code: 'NESTING' },
    };
  }
  const first = doc.errors[0];
  // The parser reports its own stack overflow (thousands of nested brackets) as a syntax error.
  if (first && /call stack/i.test(first.message))
    return { root: null, error: { message: 'nesting', offset: base + (first.pos?.[0] ?? 0), code: 'NESTING' } };
  if (first) return { root: null, error: { message: first.message, offset: base + (first.pos?.[0] ?? 0), code: first.code } };
  if (doc.contents === null || doc.contents === undefined) return { root: null };
  const state = { nodes: 0, aliases: 0 };
  try {
    return { root: convert(doc, doc.contents as YamlNode, base, 0, state) };
  } catch (e) {
    if (e instanceof LimitError) return { root: null, error: { message: e.message, offset: e.offset, code: 'LIMIT' } };
    if (e instanceof RangeError) return { root: null, error: { message: 'nesting', offset: base, code: 'NESTING' } };
    throw e;
  }
}

function convert(doc: Document.Parsed, node: YamlNode, base: number, depth: number, state: { nodes: number; aliases: number }): SrcNode {
  if (++state.nodes > LIMITS.maxNodes) throw new LimitError('too-many-nodes', base + (node.range?.[0] ?? 0));
  if (depth > LIMITS.maxDepth) throw new LimitError('nesting', base + (node.range?.[0] ?? 0));
  if (isAlias(node)) {
    if (++state.aliases > LIMITS.maxAliases) throw new LimitError('too-many-aliases', base + (node.range?.[0] ?? 0));
    const target = node.resolve(doc);
    if (!target) throw new LimitError('unresolved-alias', base + (node.range?.[0] ?? 0));
    const copy = convert(doc, target as YamlNode, base, depth + 1, state);
    // An alias stands where it is written, and so does everything it brings: a diagnostic about a
    // goal reused with `*m1` points at `*m1`, not at the goal it copies.
    return placedAt(copy, base + (node.range?.[0] ?? 0), base + (node.range?.[1] ?? 0));
  }
  const [s, e] = node.range ?? [0, 0, 0];
  if (isMap(node)) {
    const entries: SrcEntry[] = [];
    const keys = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YamlNode | null;
      const keyText = k && isScalar(k) ? String(k.value ?? '') : k ? keyToText(k) : '';
      const kr = k?.range ?? [s, s, s];
      // `{2023: 11,5, 2024: 10,5}`: YAML reads two keys `5` without values. That is a decimal
      // comma split by the flow mapping (schema/decimalkomma), not a repeated key.
      const splitDecimal = node.flow && (pair.value === null || pair.value === undefined) && /^\d+(\s*\S{1,7})?$/.test(keyText.trim());
      if (k && isScalar(k) && !splitDecimal) {
        if (keys.has(keyText)) throw new LimitError('duplicate-key', base + kr[0]);
        keys.add(keyText);
      }
      const v = pair.value as YamlNode | null;
      entries.push({
        key: keyText,
        keyStart: base + kr[0],
        keyEnd: base + kr[1],
        value: v ? convert(doc, v, base, depth + 1, state) : null,
      });
    }
    return { kind: 'map', start: base + s, end: base + e, flow: Boolean(node.flow), entries };
  }
  if (isSeq(node)) {
    const items: SrcNode[] = [];
    for (const item of node.items) {
      if (item === null || item === undefined) continue;
      items.push(convert(doc, item as YamlNode, base, depth + 1, state));
    }
    return { kind: 'seq', start: base + s, end: base + e, flow: Boolean(node.flow), items };
  }
  if (isScalar(node)) {
    const type = node.type;
    const style =
      type === 'PLAIN' || type === undefined ? 'plain' : type === 'BLOCK_FOLDED' || type === 'BLOCK_LITERAL' ? 'block' : 'quoted';
    return { kind: 'scalar', start: base + s, end: base + e, text: String(node.value ?? ''), style };
  }
  return { kind: 'scalar', start: base + s, end: base + e, text: '', style: 'plain' };
}

function placedAt(n: SrcNode, start: number, end: number): SrcNode {
  if (n.kind === 'map')
    return {
      ...n,
      start,
      end,
      entries: n.entries.map((e) => ({ ...e, keyStart: start, keyEnd: start, value: e.value ? placedAt(e.value, start, end) : null })),
    };
  if (n.kind === 'seq') return { ...n, start, end, items: n.items.map((i) => placedAt(i, start, end)) };
  return { ...n, start, end };
}

function keyToText(k: YamlNode): string {
  if (isSeq(k) || isMap(k)) return JSON.stringify((k as { toJSON(): unknown }).toJSON());
  return '';
}

/** Plain scalars that YAML reads as null. */
export function isNullText(s: SrcScalar): boolean {
  return s.style === 'plain' && /^(|~|null|Null|NULL)$/.test(s.text.trim());
}
