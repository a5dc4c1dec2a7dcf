/**
 * Reads the YAML tree the way the schema expects it, and the way consultants write:
 * Swedish numbers, ja/nej, a single value for a list, keys without å ä ö, placeholders.
 * Produces plain data for ajv, a map from JSON pointers to positions, and findings.
 */
import type { Finding, Json, JsonObject, Placeholder, Position, SourceMap } from '../model/types.js';
import { shapeOf, type Schema } from '../schema/registry.js';
import { parseSwedishBoolean, parseSwedishNumber, readSwedishNumber } from './numbers.js';
import { clip, closest, foldAscii, stripMarks, type SourceText } from './text.js';
import { isNullText, type SrcMap, type SrcNode, type SrcScalar, type SrcSeq } from './yaml.js';
import { escapeToken, parentPointer } from '../util/pointer.js';

export interface AttachmentValue {
  pointer: string;
  path: string;
  title?: string;
}

interface Loc {
  value: number;
  key?: number;
  end: number;
}

export const PLACEHOLDER = /\[\s*fyll\s+i\b/i;

/** Characters that take no space on screen: a value or key holding them looks like one without. */
const INVISIBLE_CHARS = '\\u200B-\\u200D\\u2060\\uFEFF\\u00AD';
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');
const INVISIBLE_EDGES = new RegExp(`^[${INVISIBLE_CHARS}]+|[${INVISIBLE_CHARS}]+$`, 'g');

export { escapeToken, parentPointer };

export class PositionMap implements SourceMap {
  readonly locs = new Map<string, Loc>();
  constructor(private readonly src: SourceText | undefined) {}

  set(pointer: string, loc: Loc): void {
    if (!this.locs.has(pointer)) this.locs.set(pointer, loc);
  }

  private pos(offset: number | undefined): Position | undefined {
    return offset === undefined || !this.src ? undefined : this.src.position(offset);
  }

  value(pointer: string): Position | undefined {
    return this.pos(this.locs.get(pointer)?.value);
  }

  key(pointer: string): Position | undefined {
    return this.pos(this.locs.get(pointer)?.key);
  }

  locate(pointer: string): Position | undefined {
    const here = this.locs.get(pointer);
    if (here) return this.pos(here.value);
    let p = pointer;
    while (p !== '') {
      p = parentPointer(p);
      const loc = this.locs.get(p);
      if (loc) return this.pos(loc.key ?? loc.value);
    }
    return this.src ? { line: 1, column: 1 } : undefined;
  }

  inside(pointer: string, needle: string, nth = 0): Position | undefined {
    const loc = this.locs.get(pointer);
    if (!loc || !this.src) return undefined;
    let from = loc.value;
    for (let i = 0; ; i++) {
      const at = this.src.text.indexOf(needle, from);
      if (at < 0 || at > loc.end) return undefined;
      if (i === nth) return this.pos(at);
      from = at + needle.length;
    }
  }
}

export interface NormalizeResult {
  data: JsonObject;
  map: PositionMap;
  findings: Finding[];
  placeholders: Placeholder[];
  attachments: AttachmentValue[];
}

interface Ctx {
  file: string;
  chapter: number | null;
  src: SourceText;
  map: PositionMap;
  findings: Finding[];
  placeholders: Placeholder[];
  attachments: AttachmentValue[];
  /** The key that holds the prose in a YAML chapter; its placeholders are found in the prose. */
  proseKey: boolean;
}

/** The year of a value in a map of years (`värden: {2024: …}`), for a message. */
function yearKey(pointer: string): Record<string, string> {
  const m = /\/(\d{4})$/.exec(pointer);
  return m && !/\/\d+\/\d{4}$/.test(pointer) ? { year: m[1]! } : {};
}

/** The field a pointer names, for a message: the last key that is not a list index. */
function fieldOf(pointer: string): string {
  const toks = pointer.split('/').slice(1);
  for (let i = toks.length - 1; i >= 0; i--) if (!/^\d+$/.test(toks[i]!)) return toks[i]!.replace(/~1/g, '/').replace(/~0/g, '~');
  return '';
}

/** Normalises the root mapping of a file against its schema. */
export function normalizeDocument(
  root: SrcMap | null,
  schema: Schema,
  src: SourceText,
  file: string,
  chapter: number | null,
  proseKey: boolean,
): NormalizeResult {
  const ctx: Ctx = {
    file,
    chapter,
    src,
    map: new PositionMap(src),
    findings: [],
    placeholders: [],
    attachments: [],
    proseKey,
  };
  let data: JsonObject = {};
  if (root) {
    ctx.map.set('', { value: root.start, end: root.end });
    data = normalizeMap(root, schema, schema, '', ctx) as JsonObject;
  }
  return { data, map: ctx.map, findings: ctx.findings, placeholders: ctx.placeholders, attachments: ctx.attachments };
}

function placeholderText(node: SrcNode, ctx: Ctx): string | undefined {
  if (node.kind === 'scalar') return PLACEHOLDER.test(node.text) ? node.text : undefined;
  // `[FYLL I: …]` unquoted is a flow list holding a one-key mapping (or a single word).
  // A comma in the guidance (`[FYLL I: år, t.ex. 2012]`) splits it into more items: the first decides.
  if (node.kind === 'seq' && node.flow && node.items.length >= 1) {
    const first = node.items[0]!;
    const raw = ctx.src.text.slice(node.start, node.end);
    if (first.kind === 'scalar' && /^fyll\s+i\b/i.test(first.text)) return raw;
    if (first.kind === 'map' && first.entries.length === 1 && /^fyll\s+i$/i.test(first.entries[0]!.key.trim())) return raw;
  }
  return undefined;
}

function normalize(node: SrcNode, schema: Schema, doc: Schema, pointer: string, ctx: Ctx, keyStart?: number): Json | undefined {
  // An empty value (`key:`) counts as absent, so what is said about it points at its key.
  const empty = node.kind === 'scalar' && isNullText(node);
  ctx.map.set(pointer, { value: empty && keyStart !== undefined ? keyStart : node.start, key: keyStart, end: node.end });
  if (empty) return undefined;
  const ph = pointer === '/text' && ctx.proseKey ? undefined : placeholderText(node, ctx);
  if (ph !== undefined) {
    ctx.placeholders.push({ pointer, text: ph, position: ctx.src.position(node.start) });
    ctx.findings.push({ rule: 'text/platshallare', file: ctx.file, chapter: ctx.chapter, pointer, args: { text: clip(ph) } });
    return undefined;
  }
  const shape = shapeOf(schema, doc);
  let result: Json | undefined;
  if (shape.kinds.has('array') && node.kind !== 'seq' && !(shape.attachment && node.kind === 'map')) {
    // A list field also accepts a single value.
    result = normalizeSeq({ kind: 'seq', start: node.start, end: node.end, flow: false, items: [node] }, schema, doc, pointer, ctx);
  } else if (node.kind === 'seq') {
    result = normalizeSeq(node, schema, doc, pointer, ctx);
  } else if (node.kind === 'map') {
    result = normalizeMap(node, schema, doc, pointer, ctx);
  } else {
    result = coerceScalar(node, schema, doc, pointer, ctx);
  }
  if (shape.attachment && result !== undefined) {
    // An empty path is an empty value (schema/tomt-varde or the chapter's rule), not a file to look for.
    if (typeof result === 'string') {
      if (result.trim() !== '') ctx.attachments.push({ pointer, path: result });
    } else if (
      result &&
      typeof result === 'object' &&
      !Array.isArray(result) &&
      typeof result.fil === 'string' &&
      result.fil.trim() !== ''
    ) {
      ctx.attachments.push({ pointer, path: result.fil, title: typeof result.titel === 'string' ? result.titel : undefined });
    }
  }
  return result;
}

function normalizeSeq(node: SrcSeq, schema: Schema, doc: Schema, pointer: string, ctx: Ctx): Json | undefined {
  const shape = shapeOf(schema, doc);
  const items = shape.items ?? { schema: {}, doc };
  const out: Json[] = [];
  let placeholders = 0;
  for (const item of node.items) {
    const p = `${pointer}/${out.length}`;
    if (item.kind === 'scalar' && isNullText(item)) {
      ctx.map.set(p, { value: item.start, end: item.end });
      out.push(null);
      continue;
    }
    const placeholdersBefore = ctx.placeholders.length;
    const v = normalize(item, items.schema, items.doc, p, ctx);
    if (v === undefined) {
      // A placeholder among real items holds its place (null, which its placeholder silences), so
      // that the real items after it are still read: an attachment after "[FYLL I: …]" is
      // looked for, and its file is not unreferenced.
      if (ctx.placeholders.length > placeholdersBefore) {
        out.push(null);
        placeholders++;
        continue;
      }
      return undefined;
    }
    out.push(v);
  }
  // A list of nothing but placeholders stands for the whole list: it is not filled in yet.
  if (placeholders > 0 && placeholders === out.length) return undefined;
  return out;
}

/** What the message about an unknown key says: what YAML split off, the likely field, or the fields. */
function unknownKeyArgs(node: SrcMap, i: number, keyText: string, shape: ReturnType<typeof shapeOf>, ctx: Ctx): Record<string, string> {
  // `{fil: a.pdf, titel: Nulägesanalys, maj 2026}`: YAML ends the title at the comma and reads
  // `maj 2026` as a key without a value. Say so, rather than suggest a field.
  const entry = node.entries[i]!;
  const prev = i > 0 ? node.entries[i - 1]! : undefined;
  if (
    node.flow &&
    entry.value === null &&
    prev?.value?.kind === 'scalar' &&
    prev.value.style === 'plain' &&
    /^,\s*$/.test(ctx.src.text.slice(prev.value.end, entry.keyStart))
  ) {
    return { key: keyText, splitFrom: prev.key.trim(), written: `${prev.value.text.trim()}, ${keyText}` };
  }
  const suggestion = closest(keyText, shape.properties.keys());
  if (suggestion) return { key: keyText, suggestion };
  // Nothing close: the keys that may stand here, so that the closest one can be seen.
  const known = [...shape.properties.keys()].filter((k) => k !== 'text').join(', ');
  return known ? { key: keyText, known } : { key: keyText };
}

/**
 * The file an unknown key's value names (`kartta: bilagor/karta.png`, or `{fil: …}`): when the
 * key is a misspelt attachment field, that file is not "unreferenced" as well.
 */
function referredFile(value: SrcNode | null): Record<string, string> {
  if (value?.kind === 'scalar' && /\.[a-z0-9]{2,4}$/i.test(value.text.trim())) return { refers: value.text.trim() };
  if (value?.kind === 'map') {
    const fil = value.entries.find((e) => e.key.trim() === 'fil')?.value;
    if (fil?.kind === 'scalar' && fil.text.trim() !== '') return { refers: fil.text.trim() };
  }
  return {};
}

/**
 * A known key, or one written without å ä ö (`affarside` for `affärsidé`): format.md reads only
 * that as the Swedish key. Another case (`Budget`) or other marks (`kartä`) are unknown keys.
 */
function resolveKey(key: string, shape: ReturnType<typeof shapeOf>): { canonical: string; ascii: boolean } | undefined {
  if (shape.properties.has(key)) return { canonical: key, ascii: false };
  if (!/^[\x20-\x7e]*$/.test(key)) return undefined;
  for (const name of shape.properties.keys()) {
    if (name !== key && stripMarks(name) === key) return { canonical: name, ascii: true };
  }
  return undefined;
}

function normalizeMap(node: SrcMap, schema: Schema, doc: Schema, pointer: string, ctx: Ctx): Json | undefined {
  const shape = shapeOf(schema, doc);
  const open = shape.properties.size === 0 && !shape.kinds.has('object');
  const out: JsonObject = {};
  const entries = node.entries;
  const splits: string[] = [];
  /** Each field's key as first written (`affarside`), for a message about it written again. */
  const firstKey = new Map<string, string>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const keyText = entry.key.replace(INVISIBLE, '').trim();
    // `{2023: 4,52}`: YAML splits at the decimal comma into `2023: 4` and a key `52` without a value.
    // So too `{2023: 48 200,5}`, `{2023: 11,4 %}` and `{2023: 11, 4}` (but not `{2023: 11, 2024}`,
    // a year without its value).
    if (node.flow && entry.value === null && /^\d/.test(keyText) && i > 0) {
      const prev = entries[i - 1]!;
      const between = ctx.src.text.slice(prev.value?.end ?? prev.keyEnd, entry.keyStart);
      const intPart = prev.value?.kind === 'scalar' && prev.value.style === 'plain' ? prev.value.text.trim() : '';
      const decimal =
        /^[+\-−–]?(\d+|\d{1,3}([ \u00a0\u202f]\d{3})+)$/.test(intPart) &&
        (between === ',' || (/^,[ \t]+$/.test(between) && !/^\d{4}$/.test(keyText))) &&
        parseSwedishNumber(`${intPart},${keyText}`) !== undefined;
      if (decimal) {
        const prevKey = resolveKey(prev.key.trim(), shape)?.canonical ?? prev.key.trim();
        const written = `${intPart},${keyText}`;
        splits.push(`${prevKey}: ${written}`);
        const fixed = parseSwedishNumber(written);
        if (fixed !== undefined && prevKey in out) out[prevKey] = fixed;
        continue;
      }
    }
    let canonical = keyText;
    let childSchema: Schema = {};
    let childDoc = doc;
    const resolved = resolveKey(keyText, shape);
    if (resolved) {
      canonical = resolved.canonical;
      const prop = shape.properties.get(canonical)!;
      childSchema = prop.schema;
      childDoc = prop.doc;
      // A key that repeats a field already given is schema/dubbel-nyckel alone.
      const repeated = Object.prototype.hasOwnProperty.call(out, canonical) || ctx.map.locs.has(`${pointer}/${escapeToken(canonical)}`);
      if (resolved.ascii && !repeated) {
        ctx.findings.push({
          rule: 'schema/ascii-nyckel',
          file: ctx.file,
          chapter: ctx.chapter,
          pointer: `${pointer}/${escapeToken(canonical)}`,
          position: ctx.src.position(entry.keyStart),
          args: { key: keyText, suggestion: canonical },
        });
      }
    } else if (shape.additional) {
      childSchema = shape.additional.schema;
      childDoc = shape.additional.doc;
    } else if (!open) {
      ctx.findings.push({
        rule: 'schema/okant-falt',
        file: ctx.file,
        chapter: ctx.chapter,
        pointer: `${pointer}/${escapeToken(keyText)}`,
        position: ctx.src.position(entry.keyStart),
        args: { ...unknownKeyArgs(node, i, keyText, shape, ctx), ...referredFile(entry.value) },
      });
      continue;
    }
    const p = `${pointer}/${escapeToken(canonical)}`;
    if (Object.prototype.hasOwnProperty.call(out, canonical) || ctx.map.locs.has(p)) {
      ctx.findings.push({
        rule: 'schema/dubbel-nyckel',
        file: ctx.file,
        chapter: ctx.chapter,
        pointer: p,
        position: ctx.src.position(entry.keyStart),
        args: { key: keyText, canonical, first: firstKey.get(canonical) ?? canonical },
      });
      continue;
    }
    firstKey.set(canonical, keyText);
    if (entry.value === null) {
      ctx.map.set(p, { value: entry.keyStart, key: entry.keyStart, end: entry.keyEnd });
      continue;
    }
    const v = normalize(entry.value, childSchema, childDoc, p, ctx, entry.keyStart);
    // A key `__proto__` is data, not the object's prototype (defineProperty); every other key is
    // assigned, which keeps the object fast for ajv and the rules.
    if (v !== undefined) {
      if (canonical === '__proto__')
        Object.defineProperty(out, canonical, { value: v, enumerable: true, writable: true, configurable: true });
      else out[canonical] = v;
    }
  }
  if (splits.length > 0) {
    const [key, written] = splits[0]!.split(': ');
    ctx.findings.push({
      rule: 'schema/decimalkomma',
      file: ctx.file,
      chapter: ctx.chapter,
      pointer,
      args: { key: key!, written: written!, count: splits.length, all: splits.join(', ') },
    });
  }
  return out;
}

function coerceScalar(node: SrcScalar, schema: Schema, doc: Schema, pointer: string, ctx: Ctx): Json {
  const shape = shapeOf(schema, doc);
  // `offentlig\u200b` is `offentlig`, and a value of nothing but invisible characters is empty.
  const text = node.text.replace(INVISIBLE_EDGES, '');
  if (text.replace(INVISIBLE, '').trim() === '' && node.text !== '') return '';
  if (node.style === 'block') return text;
  const k = shape.kinds;
  if (k.has('boolean')) {
    const b = parseSwedishBoolean(text);
    if (b !== undefined) return b;
  }
  if (k.has('number') || k.has('integer')) {
    const stringOk = k.has('string') && !shape.formattedString;
    if (!stringOk) {
      const r = readSwedishNumber(text, shape.amount);
      if (r?.kind === 'number') return r.value;
      if (r?.kind === 'ambiguous') {
        // `1.310` where a dot may be either: say both readings, and keep the text, so that no rule
        // computes with a number the writer may not have meant (the check drops the schema's
        // type error at the same place: one problem, one diagnostic).
        ctx.findings.push({
          rule: 'schema/tvetydigt-tal',
          file: ctx.file,
          chapter: ctx.chapter,
          pointer,
          args: { field: fieldOf(pointer), value: text.trim(), thousands: r.thousands, decimal: r.decimal, ...yearKey(pointer) },
        });
        return text.trim();
      }
    }
  }
  if (shape.enumValues.length > 0) {
    const t = text.trim();
    const hit =
      shape.enumValues.find((v) => v === t) ??
      shape.enumValues.find((v) => v.toLowerCase() === t.toLowerCase()) ??
      shape.enumValues.find((v) => foldAscii(v) === foldAscii(t));
    if (hit !== undefined) return hit;
  }
  if (k.size === 0 && node.style === 'plain') {
    // No schema here (an unknown place): read it as YAML would, for the message.
    const n = parseSwedishNumber(text);
    if (n !== undefined && /^-?\d/.test(text.trim())) return n;
  }
  return node.style === 'plain' ? text.trim() : text;
}
