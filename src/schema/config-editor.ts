/**
 * qm.config.schema.json as an editor gets it: it marks exactly what qm refuses in
 * qm.config.yaml (load/config.ts), no more and no less.
 * - Values are read as qm reads them (`strikt: ja`, `text_min_ord: "60"`, `Varning`): the
 *   widening of editor.ts, and setting words in any case.
 * - Under `regler`, only known rule ids; an error rule (a Quality Mark requirement) only as
 *   `fel`, since qm refuses to turn one off or down-grade it; a warning or info rule as any of
 *   the four settings.
 * - Under `undantag`, `regel` is a known rule id.
 */
import { allRules } from '../rules/index.js';
import { anyCaseWords, widened } from './editor.js';
import type { SchemaFile } from './registry.js';

type Obj = Record<string, unknown>;

const SETTINGS = ['av', 'info', 'varning', 'fel'];

function setting(words: string[], description: string): Obj {
  return { description, anyOf: [{ enum: words }, { type: 'string', pattern: anyCaseWords(words) }] };
}

export function configEditorSchema(file: SchemaFile): SchemaFile {
  const schema = structuredClone(widened(file.schema)) as Obj;
  const props = schema.properties as Obj;
  const regler = props.regler as Obj;
  props.regler = {
    type: 'object',
    description: regler.description,
    properties: Object.fromEntries(
      allRules.map((r) => [
        r.id,
        r.severity === 'error'
          ? setting(
              ['fel'],
              `${r.title.sv}. Ett Quality Mark-krav (fel): kan inte stängas av eller nedgraderas. Har organisationen skäl att inte uppfylla det, skriv ett undantag med motivering under \`undantag\`.`,
            )
          : setting(SETTINGS, `${r.title.sv}. ${r.severity === 'warning' ? 'Varning' : 'Info'}; av, info, varning eller fel.`),
      ]),
    ),
    additionalProperties: false,
  };
  // `undantag` is widened to a list or a single exception: name the rule ids wherever `regel` stands.
  const ids = allRules.map((r) => r.id);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Obj;
    const p = o.properties as Obj | undefined;
    if (p?.regel && p.motivering)
      p.regel = { ...(p.regel as Obj), enum: ids, description: 'Regelns id, t.ex. k6/oversiktsplan (se qm rules).' };
    for (const v of Object.values(o)) visit(v);
  };
  visit(props.undantag);
  return { file: file.file, schema: schema as SchemaFile['schema'] };
}
