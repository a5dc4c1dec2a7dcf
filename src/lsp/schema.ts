/**
 * What the schemas say about a place in a file, for the editor: which keys may stand there, what
 * a field is (its description, its type in words, whether it is required and by which rule), its
 * allowed values, and whether it asks for an attachment or for goal or strategy ids.
 */
import configSchema from '../../schemas/qm.config.schema.json' with { type: 'json' };
import { ansokanSchema, chapterSchema, resolveRef, shapeOf, type Schema, type Shape } from '../schema/registry.js';
import { stripMarks } from '../load/text.js';
import type { Lang } from '../model/types.js';
import type { Seg } from './outline.js';

export type FileKind = { kind: 'chapter'; chapter: number; markdown: boolean } | { kind: 'meta' } | { kind: 'config' };

export interface Node {
  schema: Schema;
  doc: Schema;
  shape: Shape;
  /** The schemas that hold this one (the parent object's, for `required` and rules). */
  parent?: Node;
  /** The canonical key this node is under, or the item index. */
  seg?: Seg;
}

export function rootSchema(kind: FileKind): Schema {
  if (kind.kind === 'chapter') return chapterSchema(kind.chapter);
  if (kind.kind === 'meta') return ansokanSchema;
  return configSchema as Schema;
}

export function rootNode(kind: FileKind): Node {
  const s = rootSchema(kind);
  return { schema: s, doc: s, shape: shapeOf(s, s) };
}

/** The canonical key for a key as written (exact, or without å ä ö), or undefined. */
export function canonicalKey(key: string, shape: Shape): string | undefined {
  const k = key.trim();
  if (shape.properties.has(k)) return k;
  if (!/^[\x20-\x7e]*$/.test(k)) return undefined;
  for (const name of shape.properties.keys()) if (stripMarks(name) === k) return name;
  return undefined;
}

/** The schema at a path of keys (as written) and item indices, or undefined where none is known. */
export function nodeAt(kind: FileKind, path: Seg[]): Node | undefined {
  let node: Node | undefined = rootNode(kind);
  for (const seg of path) {
    if (!node) return undefined;
    node = child(node, seg);
  }
  return node;
}

export function child(node: Node, seg: Seg): Node | undefined {
  const { shape } = node;
  if (typeof seg === 'number') {
    if (!shape.items) return shape.kinds.has('array') ? undefined : node;
    return { ...shape.items, shape: shapeOf(shape.items.schema, shape.items.doc), parent: node, seg };
  }
  // A list written as a single value: the key holds the list's item.
  const target = shape.items && !shape.properties.size ? { ...node, shape: shapeOf(shape.items.schema, shape.items.doc) } : node;
  const key = canonicalKey(seg, target.shape);
  if (key !== undefined) {
    const p = target.shape.properties.get(key)!;
    return { ...p, shape: shapeOf(p.schema, p.doc), parent: target, seg: key };
  }
  if (target.shape.additional)
    return { ...target.shape.additional, shape: shapeOf(target.shape.additional.schema, target.shape.additional.doc), parent: target, seg };
  return undefined;
}

/** Follows $ref and collects a subschema and everything it refers to (for descriptions and refs). */
function chain(schema: Schema, doc: Schema, depth = 0): { schema: Schema; doc: Schema }[] {
  const out = [{ schema, doc }];
  if (depth < 8 && typeof schema.$ref === 'string') {
    const r = resolveRef(schema.$ref, doc);
    if (r) out.push(...chain(r.schema, r.doc, depth + 1));
  }
  return out;
}

export function description(node: Node): string | undefined {
  for (const c of chain(node.schema, node.doc)) if (typeof c.schema.description === 'string') return c.schema.description;
  return undefined;
}

function refs(node: Node): string[] {
  return chain(node.schema, node.doc)
    .map((c) => (typeof c.schema.$ref === 'string' ? c.schema.$ref : ''))
    .filter(Boolean);
}

/** Which ids a field asks for: goals (`mål` of a strategy, action or indicator) or strategies. */
export function idKind(node: Node): 'goal' | 'strategy' | undefined {
  const list = refs(node).some((r) => r.endsWith('#/$defs/id-lista')) || refs(node).some((r) => r.endsWith('#/$defs/id'));
  if (!list) return undefined;
  if (node.seg === 'mål') return 'goal';
  if (node.seg === 'strategi') return 'strategy';
  // An item of such a list.
  if (typeof node.seg === 'number' && node.parent) return idKind(node.parent);
  return undefined;
}

/** Whether the field is an attachment (a path under bilagor/, or {fil, titel}). */
export function isAttachment(node: Node): boolean {
  return node.shape.attachment;
}

function isDate(node: Node): 'date' | 'date-or-year' | undefined {
  const r = refs(node);
  if (r.some((x) => x.endsWith('#/$defs/datum-eller-ar'))) return 'date-or-year';
  if (r.some((x) => x.endsWith('#/$defs/datum'))) return 'date';
  return undefined;
}

const WORDS = {
  sv: {
    text: 'text',
    number: 'tal',
    integer: 'heltal',
    boolean: 'ja eller nej',
    date: 'datum ÅÅÅÅ-MM-DD',
    dateOrYear: 'datum ÅÅÅÅ-MM-DD eller årtal',
    year: 'årtal',
    amount: 'belopp i kronor',
    list: 'lista',
    listOf: (x: string) => `lista (${x})`,
    object: (keys: string) => `objekt med ${keys}`,
    yearMap: 'år → tal, ett per rad',
    oneOf: (v: string) => `ett av: ${v}`,
    attachment: 'bilaga: en sökväg under bilagor/ eller { fil, titel }; PDF, JPEG eller PNG',
    ids: { goal: 'mål-id (t.ex. M1)', strategy: 'strategi-id (t.ex. S1)' },
  },
  en: {
    text: 'text',
    number: 'number',
    integer: 'integer',
    boolean: 'yes or no (ja/nej)',
    date: 'date YYYY-MM-DD',
    dateOrYear: 'date YYYY-MM-DD or year',
    year: 'year',
    amount: 'amount in SEK',
    list: 'list',
    listOf: (x: string) => `list (${x})`,
    object: (keys: string) => `object with ${keys}`,
    yearMap: 'year → number, one per line',
    oneOf: (v: string) => `one of: ${v}`,
    attachment: 'attachment: a path under bilagor/ or { fil, titel }; PDF, JPEG or PNG',
    ids: { goal: 'goal ids (e.g. M1)', strategy: 'strategy ids (e.g. S1)' },
  },
};

/** The field's type in words. */
export function typeText(node: Node, lang: Lang, depth = 0): string {
  const w = WORDS[lang];
  const { shape } = node;
  if (shape.attachment) return w.attachment;
  const ids = idKind(node);
  if (ids) return w.ids[ids];
  const date = isDate(node);
  if (date) return date === 'date' ? w.date : w.dateOrYear;
  if (refs(node).some((r) => r.endsWith('#/$defs/ar'))) return w.year;
  if (refs(node).some((r) => r.endsWith('#/$defs/belopp'))) return w.amount;
  if (shape.enumValues.length > 0) return w.oneOf(shape.enumValues.join(', '));
  if (shape.kinds.has('array') && shape.items) {
    const item = child(node, 0);
    return depth < 2 && item ? w.listOf(typeText(item, lang, depth + 1)) : w.list;
  }
  if (shape.kinds.has('object') || shape.properties.size > 0) {
    if (shape.properties.size === 0 && shape.additional) return w.yearMap;
    return w.object([...shape.properties.keys()].filter((k) => k !== 'text').join(', '));
  }
  const kinds = [...shape.kinds];
  if (kinds.includes('integer')) return w.integer;
  if (kinds.includes('number')) return kinds.includes('string') ? `${w.text} / ${w.number}` : w.number;
  if (kinds.includes('boolean')) return w.boolean;
  return w.text;
}

/** Whether the field must be there, and the rule that says so (`schema/saknat-falt` for the schema's own `required`). */
export function requirement(node: Node): { required: boolean; rules: string[] } {
  const parent = node.parent;
  const key = typeof node.seg === 'string' ? node.seg : undefined;
  const rules: string[] = [];
  let required = false;
  const own = (s: Schema) => {
    if (typeof s['x-qm-regel'] === 'string') rules.push(s['x-qm-regel']);
    if (Array.isArray(s['x-qm-kontroll'])) rules.push(...(s['x-qm-kontroll'] as string[]));
  };
  for (const c of chain(node.schema, node.doc)) own(c.schema);
  if (parent && key !== undefined) {
    for (const c of chain(parent.schema, parent.doc)) {
      const s = c.schema;
      if (Array.isArray(s.required) && s.required.includes(key)) {
        required = true;
        rules.push('schema/saknat-falt');
      }
      for (const sub of (Array.isArray(s.allOf) ? s.allOf : []) as Schema[]) {
        const tag = typeof sub['x-qm-regel'] === 'string' ? (sub['x-qm-regel'] as string) : undefined;
        if (!tag) continue;
        if (Array.isArray(sub.required) && sub.required.includes(key)) {
          required = true;
          rules.push(tag);
        } else if (sub.properties && key in sub.properties) rules.push(tag);
      }
    }
  }
  return { required, rules: [...new Set(rules)] };
}

/** The keys that may stand in the object at this node, in the schema's order. */
export function allowedKeys(node: Node): string[] {
  const target = node.shape.items && node.shape.properties.size === 0 ? child(node, 0) : node;
  return target ? [...target.shape.properties.keys()] : [];
}
