/**
 * The JSON Schemas of schemas/, the single source of truth for fields and types, and the
 * little that qm needs to walk them: follow a $ref, find a subschema by a schema path, and
 * describe what a subschema expects (for reading leniently).
 */
import common from '../../schemas/common.schema.json' with { type: 'json' };
import ansokan from '../../schemas/ansokan.schema.json' with { type: 'json' };
import ch1 from '../../schemas/01-bakgrund.schema.json' with { type: 'json' };
import ch2 from '../../schemas/02-nulage.schema.json' with { type: 'json' };
import ch3 from '../../schemas/03-organisation.schema.json' with { type: 'json' };
import ch4 from '../../schemas/04-finansiering.schema.json' with { type: 'json' };
import ch5 from '../../schemas/05-vision.schema.json' with { type: 'json' };
import ch6 from '../../schemas/06-mal-och-strategi.schema.json' with { type: 'json' };
import ch7 from '../../schemas/07-verksamhetsplan.schema.json' with { type: 'json' };
import ch8 from '../../schemas/08-uppfoljning.schema.json' with { type: 'json' };
import ch9 from '../../schemas/09-kommunikation.schema.json' with { type: 'json' };
import { unescapeFragmentToken } from '../util/pointer.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Schema = { [key: string]: any };

export interface SchemaFile {
  /** File name in schemas/ (and in `qm schema --out`). */
  file: string;
  schema: Schema;
}

/** Every schema, in the order `qm schema` prints them. */
export const schemaFiles: SchemaFile[] = [
  { file: 'ansokan.schema.json', schema: ansokan },
  { file: '01-bakgrund.schema.json', schema: ch1 },
  { file: '02-nulage.schema.json', schema: ch2 },
  { file: '03-organisation.schema.json', schema: ch3 },
  { file: '04-finansiering.schema.json', schema: ch4 },
  { file: '05-vision.schema.json', schema: ch5 },
  { file: '06-mal-och-strategi.schema.json', schema: ch6 },
  { file: '07-verksamhetsplan.schema.json', schema: ch7 },
  { file: '08-uppfoljning.schema.json', schema: ch8 },
  { file: '09-kommunikation.schema.json', schema: ch9 },
  { file: 'common.schema.json', schema: common },
];

const chapterSchemas: Schema[] = [ch1, ch2, ch3, ch4, ch5, ch6, ch7, ch8, ch9];

export function chapterSchema(n: number): Schema {
  return chapterSchemas[n - 1]!;
}

export const ansokanSchema: Schema = ansokan;

const byId = new Map<string, Schema>(schemaFiles.map((f) => [f.schema.$id as string, f.schema]));

/** Follows a JSON pointer fragment inside a schema document. */
export function atPointer(doc: Schema, fragment: string): Schema | undefined {
  let cur: unknown = doc;
  for (const raw of fragment.split('/').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[unescapeFragmentToken(raw)];
  }
  return cur && typeof cur === 'object' ? (cur as Schema) : undefined;
}

/** Resolves a $ref relative to the document it appears in. */
export function resolveRef(ref: string, doc: Schema): { schema: Schema; doc: Schema } | undefined {
  const [base, frag = ''] = ref.split('#');
  let target = doc;
  if (base) {
    const abs = new URL(base, doc.$id as string).href;
    const found = byId.get(abs);
    if (!found) return undefined;
    target = found;
  }
  const schema = atPointer(target, frag);
  return schema ? { schema, doc: target } : undefined;
}

export type Kind = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** What a subschema expects of a value: enough to read a value written by a person. */
export interface Shape {
  kinds: Set<Kind>;
  /** A string branch with a format or pattern (so a bare number is not read as that string). */
  formattedString: boolean;
  properties: Map<string, { schema: Schema; doc: Schema }>;
  /** Schema for keys not in `properties` (e.g. years in `värden`), or null when they are unknown keys. */
  additional: { schema: Schema; doc: Schema } | null;
  items: { schema: Schema; doc: Schema } | null;
  attachment: boolean;
  enumValues: string[];
}

const shapes = new WeakMap<Schema, Shape>();

export function shapeOf(schema: Schema, doc: Schema): Shape {
  const cached = shapes.get(schema);
  if (cached) return cached;
  const shape: Shape = {
    kinds: new Set(),
    formattedString: false,
    properties: new Map(),
    additional: null,
    items: null,
    attachment: false,
    enumValues: [],
  };
  shapes.set(schema, shape);
  collect(schema, doc, shape, 0);
  return shape;
}

function collect(schema: Schema, doc: Schema, shape: Shape, depth: number): void {
  if (depth > 16) return;
  if (schema['x-qm-bilaga']) shape.attachment = true;
  if (typeof schema.$ref === 'string') {
    const r = resolveRef(schema.$ref, doc);
    if (r) collect(r.schema, r.doc, shape, depth + 1);
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const t of types) shape.kinds.add(t as Kind);
  if (types.includes('string') && (schema.format || schema.pattern)) shape.formattedString = true;
  if (Array.isArray(schema.enum)) {
    for (const v of schema.enum) {
      shape.enumValues.push(String(v));
      shape.kinds.add(typeof v === 'number' ? 'number' : 'string');
    }
  }
  if (schema.const !== undefined) shape.kinds.add(typeof schema.const === 'number' ? 'number' : 'string');
  if (schema.properties && typeof schema.properties === 'object') {
    for (const [k, v] of Object.entries(schema.properties as Record<string, Schema>)) {
      if (!shape.properties.has(k)) shape.properties.set(k, { schema: v, doc });
    }
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    shape.additional = { schema: schema.additionalProperties, doc };
  }
  if (schema.items && typeof schema.items === 'object') shape.items = { schema: schema.items, doc };
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) for (const sub of schema[key] as Schema[]) collect(sub, doc, shape, depth + 1);
  }
}
