/**
 * The schema pass: each file's data against its chapter's JSON Schema (ajv standalone
 * validators, compiled at build time). What the schema can state it states, each requirement
 * tagged with its rule id; src/schema/errors.ts turns ajv's errors into findings.
 */
import type { Application, Finding, JsonObject } from '../model/types.js';
import { schemaFindings, type ValidateFunction } from '../schema/errors.js';
import { ansokanSchema, chapterSchema, type Schema } from '../schema/registry.js';
import * as validators from '../generated/validators.cjs';
import { schemaRulePointers } from '../rules/index.js';
import { parentPointer, removeAt } from '../util/pointer.js';

const chapterValidators: ValidateFunction[] = [
  validators.ch1,
  validators.ch2,
  validators.ch3,
  validators.ch4,
  validators.ch5,
  validators.ch6,
  validators.ch7,
  validators.ch8,
  validators.ch9,
];

/** The schema findings of every file that could be read. */
export function schemaPass(app: Application): Finding[] {
  const out: Finding[] = [];
  if (app.meta.status === 'ok') out.push(...validate(validators.ansokan, ansokanSchema, app.meta.data, app.meta.file, null));
  for (const c of app.chapters) {
    if (c.status === 'ok') out.push(...validate(chapterValidators[c.number - 1]!, chapterSchema(c.number), c.data, c.file, c.number));
  }
  return out;
}

function validate(validator: ValidateFunction, schema: Schema, data: JsonObject, file: string, chapter: number | null): Finding[] {
  if (validator(data)) return [];
  const findings = schemaFindings(validator.errors ?? [], schema, data, file, chapter, schemaRulePointers);
  return emptyAsMissing(validator, schema, data, file, chapter, findings);
}

/**
 * An empty value (`karta: ""`, `mandat: " "`, `av: [""]`) is the requirement not met: where a
 * rule reports the field missing, that rule reports the empty value too, in place of
 * `schema/tomt-varde` (one problem, one diagnostic, and the requirement counts as not met). Found
 * by validating again with the empty values left out.
 */
function emptyAsMissing(
  validator: ValidateFunction,
  schema: Schema,
  data: JsonObject,
  file: string,
  chapter: number | null,
  findings: Finding[],
): Finding[] {
  const empty = findings.filter((f) => f.rule === 'schema/tomt-varde' && typeof f.pointer === 'string' && f.pointer !== '');
  if (empty.length === 0) return findings;
  const without = structuredClone(data);
  // Deepest and last first, so that removing a list item does not move another one still to remove.
  for (const f of [...empty].sort((a, b) => (a.pointer! < b.pointer! ? 1 : -1))) removeAt(without, f.pointer!);
  if (validator(without)) return findings;
  const again = schemaFindings(validator.errors ?? [], schema, without, file, chapter, schemaRulePointers).filter(
    (g) => !g.rule.startsWith('schema/'),
  );
  const have = new Set(findings.map((f) => `${f.rule}|${f.pointer}`));
  const out: Finding[] = [];
  for (const f of findings) {
    if (!empty.includes(f)) {
      out.push(f);
      continue;
    }
    const holder = /\/\d+$/.test(f.pointer!) ? parentPointer(f.pointer!) : undefined;
    const g = again.find((x) => x.pointer === f.pointer) ?? again.find((x) => holder !== undefined && x.pointer === holder);
    if (!g) out.push(f);
    else if (!have.has(`${g.rule}|${g.pointer}`)) {
      have.add(`${g.rule}|${g.pointer}`);
      out.push(g);
    }
  }
  return out;
}
