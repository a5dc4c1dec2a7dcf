/**
 * Single-fault variants of examples/storvik: copy the complete application, make one edit,
 * check it, and describe every diagnostic as one line a reader can compare at a glance:
 * `severity rule file:line:column pointer`. Asserting the whole list (not only that one rule is
 * present) catches cascades that would break "one problem, one diagnostic".
 */
import { mkdir, readFile, rename as mv, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { CheckOptions } from '../../src/engine/check.js';
import type { Report } from '../../src/model/types.js';
import { check, copyExample, replace } from '../helpers/app.js';

export type Edit = (dir: string) => Promise<void>;

/** The chapter files of storvik, by number. */
export const CH = {
  1: '01-bakgrund.md',
  2: '02-nulage.md',
  3: '03-organisation.md',
  4: '04-finansiering.md',
  5: '05-vision.md',
  6: '06-mal-och-strategi.md',
  7: '07-verksamhetsplan.md',
  8: '08-uppfoljning.md',
  9: '09-kommunikation.md',
} as const;

/** A copy of storvik with the edits applied, checked at the examples' reference date (unless options say otherwise). */
export async function variant(edit: Edit | Edit[], options: CheckOptions = {}): Promise<{ dir: string; report: Report }> {
  const dir = await copyExample('storvik');
  for (const e of Array.isArray(edit) ? edit : [edit]) await e(dir);
  return { dir, report: await check(dir, options) };
}

/** Every diagnostic as `severity rule file:line:column pointer`, in the report's order. */
export function rows(report: Report): string[] {
  return report.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.file ?? '-'}:${d.line ?? '-'}:${d.column ?? '-'} ${d.pointer ?? '-'}`);
}

/** Checks a variant and returns its rows. */
export async function faults(edit: Edit | Edit[], options: CheckOptions = {}): Promise<string[]> {
  return rows((await variant(edit, options)).report);
}

const FRONT = /^---\n([\s\S]*?\n)---\n/;

/**
 * Sets (or, with undefined, deletes) a value in the front matter or YAML file, keeping every
 * other line as it is: the failsafe schema keeps `0611345200` and `2023:` as written, and no
 * line folding moves the lines below the edit.
 */
export function set(file: string, path: (string | number)[], value: unknown): Edit {
  return async (dir) => {
    const text = await readFile(join(dir, file), 'utf8');
    const m = FRONT.exec(text);
    const doc = parseDocument(m ? m[1]! : text, { schema: 'failsafe' });
    if (value === undefined) {
      if (!doc.hasIn(path)) throw new Error(`${file}: no ${path.join('/')}`);
      doc.deleteIn(path);
    } else doc.setIn(path, asText(value));
    const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
    await writeFile(join(dir, file), m ? `---\n${out}---\n${text.slice(m[0].length)}` : out);
  };
}

/** The failsafe schema holds only text: numbers and booleans are written as they would be typed. */
function asText(v: unknown): unknown {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(asText);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, asText(x)]));
  return v;
}

export const del = (file: string, path: (string | number)[]): Edit => set(file, path, undefined);

/** Replaces text in a file (fails when the text is not there). */
export const sub =
  (file: string, from: string | RegExp, to: string): Edit =>
  (dir) =>
    replace(dir, file, from, to);

/** Replaces the prose of a Markdown chapter (everything after the front matter). */
export function prose(file: string, body: string): Edit {
  return async (dir) => {
    const text = await readFile(join(dir, file), 'utf8');
    const m = FRONT.exec(text);
    if (!m) throw new Error(`${file}: no front matter`);
    await writeFile(join(dir, file), m[0] + body);
  };
}

/** Adds text after the first paragraph of a chapter's prose (after its heading). */
export function addParagraph(file: string, paragraph: string): Edit {
  return async (dir) => {
    const text = await readFile(join(dir, file), 'utf8');
    const m = FRONT.exec(text);
    if (!m) throw new Error(`${file}: no front matter`);
    const body = text.slice(m[0].length);
    const nl = body.indexOf('\n');
    await writeFile(join(dir, file), `${m[0]}${body.slice(0, nl + 1)}\n${paragraph}\n${body.slice(nl + 1)}`);
  };
}

export const remove =
  (rel: string): Edit =>
  (dir) =>
    rm(join(dir, rel), { recursive: true });

export const rename =
  (from: string, to: string): Edit =>
  (dir) =>
    mv(join(dir, from), join(dir, to));

export function put(rel: string, content: string | Buffer): Edit {
  return async (dir) => {
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await writeFile(join(dir, rel), content);
  };
}

/** `n` words of ordinary Swedish prose. */
export function words(n: number): string {
  const pool =
    'Centrumsamverkan arbetar tillsammans med fastighetsägare handlare och kommunen för ett levande och tryggt centrum där invånare och besökare trivs'.split(
      ' ',
    );
  return Array.from({ length: n }, (_, i) => pool[i % pool.length]).join(' ');
}
