/**
 * The schemas as an editor gets them (`qm schema`). qm validates the data after reading it the
 * way consultants write (format.md, "Written as people write"); an editor validates the YAML
 * as it stands. So the exported schemas say, of every field, what `qm check` accepts there:
 * - a number may also be written as text the Swedish way (`3 900 000 kr`, `4,52`, `40 %`,
 *   `1.310.000`, in an amount `350.000 kr`; not `1.310` elsewhere, which qm calls ambiguous);
 * - a boolean may also be `ja`/`nej` (any case);
 * - a text field (not a date) may also hold what YAML reads as a number or a boolean
 *   (`telefon: 0611345200`);
 * - a list may also be a single value (`målgrupp: medborgare`);
 * - a key may also be written without å ä ö (`affarside`), marked deprecated in favour of the
 *   Swedish spelling (qm's info `schema/ascii-nyckel`).
 * Everything else, the requirements tagged `x-qm-regel` included, is the schema qm itself uses,
 * derived here rather than written twice.
 */
import { stripMarks } from '../load/text.js';
import type { SchemaFile } from './registry.js';

type Obj = Record<string, unknown>;

/** `kr` → `[kK][rR]`: JSON Schema patterns have no flags. */
function anyCase(word: string): string {
  return [...word]
    .map((c) =>
      c.toLowerCase() === c.toUpperCase() ? c.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&') : `[${c.toLowerCase()}${c.toUpperCase()}]`,
    )
    .join('');
}

const SPACE = '[ \\u00a0\\u202f\\u2009\\u2007\\u2008]';
const UNITS = ['mkr', 'msek', 'tkr', 'ksek', 'kronor', 'kr', 'sek', 'procent']
  .map(anyCase)
  .concat(['%', ':-', `${anyCase('miljoner')}${SPACE}+${anyCase('kr')}(?:${anyCase('onor')})?`]);
const DIGITS = `(?:\\d{1,3}(?:${SPACE}\\d{3})+|\\d+)`;
const UNIT = `(?:${SPACE}*(?:${UNITS.join('|')})\\.?)?`;
/** `1.310.000`, `1.310,5`: dots between groups of three digits, which are thousands everywhere. */
const DOT_GROUPS = `[1-9]\\d{0,2}(?:(?:\\.\\d{3}){2,}(?:,\\d+)?|\\.\\d{3},\\d+)`;
/** `1.310`: a single dot before three digits, thousands in an amount, ambiguous elsewhere. */
const DOT_ONE = `[1-9]\\d{0,2}\\.\\d{3}`;
/** A decimal dot (`4.52`, `1 310.5`), but not `1.310` (no lookbehind needed: it is anchored). */
const DECIMAL_DOT = `(?!${DOT_ONE}(?!\\d))${DIGITS}\\.\\d+`;
/** What parseSwedishNumber reads (numbers.ts) outside an amount, as a pattern. */
export const NUMBER_TEXT = `^\\s*[+\\-−–]?(?:${DOT_GROUPS}|${DIGITS}(?:,\\d+)?|${DECIMAL_DOT}|[.,]\\d+)${UNIT}\\s*$`;
/** In an amount in SEK (`x-qm-belopp`) also `350.000 kr`. */
export const AMOUNT_TEXT = `^\\s*[+\\-−–]?(?:${DOT_GROUPS}|${DOT_ONE}|${DIGITS}(?:,\\d+)?|${DECIMAL_DOT}|[.,]\\d+)${UNIT}\\s*$`;
export const INTEGER_TEXT = `^\\s*[+\\-−–]?(?:[1-9]\\d{0,2}(?:\\.\\d{3}){2,}|${DIGITS})${UNIT}\\s*$`;
/** What parseSwedishBoolean reads. */
export const BOOLEAN_TEXT = `^\\s*(?:${['ja', 'nej', 'true', 'false', 'yes', 'no'].map(anyCase).join('|')})\\s*$`;

/** Annotations that describe a field and stay on it when its type is widened. */
const ANNOTATIONS = ['title', 'description', 'default', 'examples', 'deprecated', 'x-qm-regel', 'x-qm-kontroll', 'x-qm-bilaga'];

function widenType(s: Obj): Obj {
  const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? (s.type as string[]) : undefined;
  if (!types) return s;
  const out: Obj = { ...s };
  const add = new Set(types);
  if (types.includes('string')) {
    // A date stays a date: `datum: 2025` is not one, to qm either.
    if (!('format' in s)) {
      add.add('number');
      add.add('boolean');
    }
  } else if (types.includes('number') || types.includes('integer')) {
    add.add('string');
    if (!('pattern' in s)) out.pattern = s['x-qm-belopp'] ? AMOUNT_TEXT : types.includes('number') ? NUMBER_TEXT : INTEGER_TEXT;
  } else if (types.includes('boolean')) {
    add.add('string');
    out.pattern = BOOLEAN_TEXT;
  }
  out.type = add.size === 1 ? types[0] : [...add];
  return out;
}

function aliasKeys(s: Obj): Obj {
  const out: Obj = { ...s };
  if (s.properties && typeof s.properties === 'object') {
    const props: Obj = { ...(s.properties as Obj) };
    for (const [k, v] of Object.entries(s.properties as Obj)) {
      const a = stripMarks(k);
      if (a === k || a in props) continue;
      const base = v as Obj;
      props[a] = {
        ...base,
        deprecated: true,
        description: `Skriv ”${k}”${typeof base.description === 'string' ? `. ${base.description}` : ''}`,
      };
    }
    out.properties = props;
  }
  if (Array.isArray(s.required)) {
    const plain = (s.required as string[]).filter((k) => stripMarks(k) === k);
    const swedish = (s.required as string[]).filter((k) => stripMarks(k) !== k);
    if (swedish.length > 0) {
      if (plain.length > 0) out.required = plain;
      else delete out.required;
      const either = swedish.map((k) => ({ anyOf: [{ required: [k] }, { required: [stripMarks(k)] }] }));
      out.allOf = [...((s.allOf as unknown[]) ?? []), ...either];
    }
  }
  return out;
}

function transform(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(transform);
  if (!node || typeof node !== 'object') return node;
  const s: Obj = {};
  for (const [k, v] of Object.entries(node as Obj)) {
    // `properties` maps names to schemas; `enum`/`const` are values, not schemas.
    if (k === 'enum' || k === 'const' || k === 'required' || k.startsWith('x-qm')) s[k] = v;
    else if (k === 'properties' || k === '$defs')
      s[k] = Object.fromEntries(Object.entries(v as Obj).map(([name, sub]) => [name, transform(sub)]));
    else s[k] = transform(v);
  }
  const widened = aliasKeys(widenType(s));
  if (widened.type === 'array' && (widened.items !== undefined || widened.contains !== undefined)) {
    // A single value where a list is expected: the list, or one value that would do as its item
    // (and, where the list must contain something, as that).
    const { items, contains } = widened;
    const single = items !== undefined && contains !== undefined ? { allOf: [items, contains] } : (items ?? contains);
    const outer: Obj = {};
    const inner: Obj = { ...widened };
    for (const a of ANNOTATIONS) {
      if (a in widened) {
        outer[a] = widened[a];
        delete inner[a];
      }
    }
    return { ...outer, anyOf: [inner, single] };
  }
  return widened;
}

/** A schema widened to what qm reads (the transformation above), for qm.config's editor schema too. */
export function widened(schema: SchemaFile['schema']): SchemaFile['schema'] {
  return transform(schema) as SchemaFile['schema'];
}

/** `av|fel` → a pattern for those words in any case, with the spaces qm trims. */
export function anyCaseWords(words: string[]): string {
  return `^\\s*(?:${words.map(anyCase).join('|')})\\s*$`;
}

/** The editor variant of the application's schema files (qm.config.yaml's: config-editor.ts). */
export function editorSchema(file: SchemaFile): SchemaFile {
  return { file: file.file, schema: widened(file.schema) };
}
