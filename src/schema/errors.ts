/**
 * From ajv's errors to findings: an error inside a subschema tagged `x-qm-regel` is reported as
 * that rule (one finding per requirement, not per ajv error); every other error becomes a
 * `schema/*` finding, with anyOf/oneOf failures reduced to the single most useful one.
 */
import type { Finding, Json } from '../model/types.js';
import { escapeToken } from '../util/pointer.js';
import { isRuleId, type RuleId } from '../rules/ids.js';
import type { Schema } from './registry.js';
import { suggestDate, suggestNumber } from '../load/suggest.js';

/** The fields that take a date or a bare year (format.md): their messages say so. */
const DATE_OR_YEAR = new Set(['bildad', 'startad']);

/** The amounts in SEK (format.md): their messages show the forms of an amount. */
const AMOUNTS = new Set(['budget', 'belopp', 'utfall_föregående_år']);

/** What the message shows as a form qm accepts: the value rewritten, where it says clearly what it means. */
function accepted(field: string, value: Json | undefined, expected: string): Record<string, string | number> {
  const amount = AMOUNTS.has(field) && expected === 'number';
  const out: Record<string, string | number> = amount ? { amount: 1 } : {};
  if (typeof value !== 'string') return out;
  const fixed =
    expected === 'number' || expected === 'integer' ? suggestNumber(value, amount) : expected === 'date' ? suggestDate(value) : undefined;
  return fixed ? { ...out, accepted: fixed } : out;
}
import { fieldName, getAt, tokens, unescapeFragmentToken } from '../util/pointer.js';

export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

/** Keywords whose subschemas apply to other values (list items, map entries): a tag above them does not cover them. */
const BOUNDARY = new Set([
  'items',
  'prefixItems',
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
]);
const NAMED = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
const INDEXED = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const MOVES_DATA = new Set(['properties', 'patternProperties', 'additionalProperties', 'items', 'prefixItems', 'contains']);

interface Step {
  keyword: string;
  node: Schema;
}

/** Walks a schema path from the root; returns the schemas passed (root first). */
function walk(root: Schema, schemaPath: string): Step[] | undefined {
  if (!schemaPath.startsWith('#/') || schemaPath.startsWith('#/$defs')) return undefined;
  const segs = schemaPath.slice(2).split('/').map(unescapeFragmentToken);
  segs.pop(); // the failing keyword itself
  const steps: Step[] = [{ keyword: '', node: root }];
  let node: unknown = root;
  for (let i = 0; i < segs.length; i++) {
    const kw = segs[i]!;
    if (node === null || typeof node !== 'object') return undefined;
    let next = (node as Schema)[kw];
    if (NAMED.has(kw) || INDEXED.has(kw)) {
      const name = segs[++i];
      if (name === undefined || next === null || typeof next !== 'object') return undefined;
      next = (next as Schema)[name];
    }
    if (next === null || typeof next !== 'object') return undefined;
    steps.push({ keyword: kw, node: next as Schema });
    node = next;
  }
  return steps;
}

interface Tagged {
  rule: RuleId;
  /** Index of the tagged schema in the steps. */
  at: number;
  steps: Step[];
}

/** A schema's `x-qm-regel` tag: the schemas ship with qm, so a tag that is no rule is a programming error. */
function schemaRuleId(tag: string): RuleId {
  if (!isRuleId(tag)) throw new Error(`x-qm-regel: ${tag} is not a rule (src/rules/ids.ts)`);
  return tag;
}

function findTag(root: Schema, schemaPath: string): Tagged | undefined {
  const steps = walk(root, schemaPath);
  if (!steps) return undefined;
  for (let i = steps.length - 1; i >= 0; i--) {
    const tag = steps[i]!.node['x-qm-regel'];
    if (typeof tag === 'string') return { rule: schemaRuleId(tag), at: i, steps };
    if (BOUNDARY.has(steps[i]!.keyword)) return undefined;
  }
  return undefined;
}

export { fieldName, getAt };

function lastToken(pointer: string): string {
  return tokens(pointer).pop() ?? '';
}

export function shortValue(v: Json | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v.length > 40 ? `${v.slice(0, 40)}…` : v;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'en lista';
  if (typeof v === 'object') return 'en mappning';
  return String(v);
}

function requiredPointer(e: AjvError): string {
  return `${e.instancePath}/${escapeToken(String(e.params.missingProperty))}`;
}

export function schemaFindings(
  errors: AjvError[],
  root: Schema,
  data: Json,
  file: string,
  chapter: number | null,
  rulePointers: Record<string, string>,
): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, { rule: RuleId; errors: AjvError[]; tagPath: string; tagged: Tagged }>();
  const generic: AjvError[] = [];
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    const tagged = findTag(root, e.schemaPath);
    if (!tagged) {
      generic.push(e);
      continue;
    }
    let depth = 0;
    for (let i = 1; i <= tagged.at; i++) if (MOVES_DATA.has(tagged.steps[i]!.keyword)) depth++;
    const tagPath = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/').slice(0, depth);
    const tagPointer = tagPath.length ? `/${tagPath.join('/')}` : '';
    const schemaKey = `${tagged.rule}|${schemaPrefix(e.schemaPath, tagged)}|${tagPointer}`;
    const g = groups.get(schemaKey) ?? { rule: tagged.rule, errors: [], tagPath: tagPointer, tagged };
    g.errors.push(e);
    groups.set(schemaKey, g);
  }
  for (const g of groups.values()) {
    const node = g.tagged.steps[g.tagged.at]!.node;
    const direct = g.errors.every((e) => e.keyword === 'required' && walk(root, e.schemaPath)?.at(-1)?.node === node);
    if (direct) {
      for (const e of g.errors)
        out.push({ rule: g.rule, file, chapter, pointer: requiredPointer(e), args: { field: String(e.params.missingProperty) } });
      continue;
    }
    let pointer: string;
    if (g.errors.length === 1) {
      const e = g.errors[0]!;
      pointer = e.keyword === 'required' ? requiredPointer(e) : e.instancePath;
    } else if (rulePointers[g.rule] !== undefined) {
      pointer = g.tagPath + rulePointers[g.rule];
    } else {
      const props = node.properties && typeof node.properties === 'object' ? Object.keys(node.properties) : [];
      pointer = props.length === 1 ? `${g.tagPath}/${escapeToken(props[0]!)}` : g.tagPath;
    }
    if (judgedByInvalid(pointer, node, generic)) continue;
    out.push({ rule: g.rule, file, chapter, pointer, args: { field: fieldName(pointer) } });
  }
  out.push(...genericFindings(generic, data, file, chapter, root));
  return out;
}

/**
 * A requirement about the items of a list (`contains`: "an actor with `sektor: offentlig`") is
 * not reported when an item's field it looks at is itself invalid (`sektor: kommunal`): that
 * value has its own diagnostic, and the requirement cannot be judged until it is corrected.
 */
function judgedByInvalid(pointer: string, tagged: Schema, generic: AjvError[]): boolean {
  const looked = new Set<string>();
  const collect = (n: unknown): void => {
    if (n === null || typeof n !== 'object') return;
    const o = n as Schema;
    if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) looked.add(k);
    if (Array.isArray(o.required)) for (const k of o.required) looked.add(String(k));
    for (const v of Object.values(o)) collect(v);
  };
  collect(tagged);
  return generic.some((e) => {
    const p = e.keyword === 'required' ? requiredPointer(e) : e.instancePath;
    if (!p.startsWith(`${pointer}/`)) return false;
    const rest = tokens(p.slice(pointer.length));
    return rest.length === 1 || looked.has(rest[1]!);
  });
}

/** The schema path up to and including the tagged schema: one requirement, one group. */
function schemaPrefix(schemaPath: string, tagged: Tagged): string {
  const segs = schemaPath.slice(2).split('/');
  let count = 0;
  let i = 0;
  for (; i < segs.length && count < tagged.at; i++) {
    const kw = unescapeFragmentToken(segs[i]!);
    if (NAMED.has(kw) || INDEXED.has(kw)) i++;
    count++;
  }
  return segs.slice(0, i).join('/');
}

function genericFindings(errors: AjvError[], data: Json, file: string, chapter: number | null, root: Schema): Finding[] {
  // anyOf/oneOf: keep the errors of the branch that speaks to the value, or one type error.
  const drop = new Set<AjvError>();
  const replace = new Map<AjvError, Finding>();
  errors.forEach((e, j) => {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') return;
    drop.add(e);
    const p = e.instancePath;
    const branch: AjvError[] = [];
    for (let i = j - 1; i >= 0; i--) {
      const b = errors[i]!;
      if (b.instancePath === p || b.instancePath.startsWith(`${p}/`)) branch.unshift(b);
      else break;
    }
    const useful = branch.filter((b) => !(b.keyword === 'type' && b.instancePath === p) && !drop.has(b));
    if (useful.length > 0) {
      for (const b of branch) if (!useful.includes(b)) drop.add(b);
      return;
    }
    for (const b of branch) drop.add(b);
    const types = [...new Set(branch.filter((b) => b.keyword === 'type').map((b) => String(b.params.type)))];
    replace.set(e, {
      rule: 'schema/fel-typ',
      file,
      chapter,
      pointer: p,
      args: { field: fieldName(p), value: shortValue(getAt(data, p)), expected: types.join('|') },
    });
  });
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const r = replace.get(e);
    if (r) {
      out.push(r);
      continue;
    }
    // The inner error of `propertyNames` points at the object; its `propertyNames` error names the key.
    if (drop.has(e) || e.schemaPath.includes('/propertyNames/')) continue;
    const f = genericFinding(e, data, file, chapter, root);
    const key = `${f.rule}|${f.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function genericFinding(e: AjvError, data: Json, file: string, chapter: number | null, root: Schema): Finding {
  const p = e.instancePath;
  const value = getAt(data, p);
  const base = { file, chapter };
  switch (e.keyword) {
    case 'required': {
      const pointer = requiredPointer(e);
      return { ...base, rule: 'schema/saknat-falt', pointer, args: { field: String(e.params.missingProperty), parent: fieldName(p) } };
    }
    case 'type': {
      // "a number between 0 and 100", when the field has both bounds (andel).
      const node = walk(root, e.schemaPath)?.at(-1)?.node;
      const range: Record<string, number> =
        node && typeof node.minimum === 'number' && typeof node.maximum === 'number' ? { min: node.minimum, max: node.maximum } : {};
      return {
        ...base,
        rule: 'schema/fel-typ',
        pointer: p,
        args: {
          field: fieldName(p),
          value: shortValue(value),
          expected: String(e.params.type),
          ...range,
          ...accepted(fieldName(p), value, String(e.params.type)),
        },
      };
    }
    case 'enum':
    case 'const': {
      const allowed = (e.params.allowedValues as unknown[] | undefined) ?? [e.params.allowedValue];
      return {
        ...base,
        rule: 'schema/okant-varde',
        pointer: p,
        args: { field: fieldName(p), value: shortValue(value), allowed: allowed.map(String).join(', ') },
      };
    }
    case 'format':
      return {
        ...base,
        rule: 'schema/fel-format',
        pointer: p,
        args: {
          field: fieldName(p),
          value: shortValue(value),
          format: String(e.params.format),
          ...(e.params.format === 'date' ? accepted(fieldName(p), value, 'date') : {}),
          ...(e.params.format === 'date' && DATE_OR_YEAR.has(fieldName(p)) ? { orYear: 1 } : {}),
        },
      };
    case 'pattern':
      if (e.params.pattern === '\\S') return { ...base, rule: 'schema/tomt-varde', pointer: p, args: { field: fieldName(p) } };
      return {
        ...base,
        rule: 'schema/fel-format',
        pointer: p,
        args: { field: fieldName(p), value: shortValue(value), format: String(e.params.pattern) },
      };
    case 'propertyNames': {
      const name = String(e.params.propertyName ?? '');
      const pointer = `${p}/${escapeToken(name)}`;
      return { ...base, rule: 'schema/fel-format', pointer, args: { field: fieldName(p), value: name, format: 'year-key' } };
    }
    case 'minLength':
      return { ...base, rule: 'schema/tomt-varde', pointer: p, args: { field: fieldName(p) } };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        ...base,
        rule: 'schema/utanfor-intervall',
        pointer: p,
        args: { field: fieldName(p), value: shortValue(value), comparison: String(e.params.comparison), limit: Number(e.params.limit) },
      };
    case 'minItems':
      return { ...base, rule: 'schema/tom-lista', pointer: p, args: { field: fieldName(p) } };
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      return { ...base, rule: 'schema/okant-falt', pointer: `${p}/${escapeToken(name)}`, args: { key: name } };
    }
    default:
      return {
        ...base,
        rule: 'schema/ogiltigt-varde',
        pointer: p,
        args: { field: fieldName(p) || lastToken(p), value: shortValue(value) },
      };
  }
}
