/**
 * A rule's function on a plain context: chapter data as plain objects, no files, no YAML, no
 * positions. What a rule decides is then tested apart from how the folder is read.
 */
import type { Application, ChapterFile, JsonObject, LoadedFile } from '../../src/model/types.js';
import type { Report, RuleContext, RuleDef } from '../../src/rules/define.js';
import { DEFAULT_LIMITS } from '../../src/rules/define.js';
import { PositionMap } from '../../src/load/normalize.js';
import { parseDate } from '../../src/util/dates.js';

function loaded(file: string, data: JsonObject): LoadedFile {
  return {
    file,
    status: 'ok',
    data,
    map: new PositionMap(undefined),
    placeholders: [],
    prose: { text: '', position: () => ({ line: 1, column: 1 }) },
  };
}

/** A context with these chapters (by number) and metadata, at this reference date. */
export function contextOf(chapters: Record<number, JsonObject>, options: { date?: string; meta?: JsonObject } = {}): RuleContext {
  const date = parseDate(options.date ?? '2026-11-15');
  if (!date) throw new Error(`bad date ${options.date}`);
  const files: ChapterFile[] = Object.entries(chapters).map(([n, data]) => ({ ...loaded(`0${n}-kapitel.md`, data), number: Number(n) }));
  const app: Application = {
    folder: 'ansokan',
    root: '/ansokan',
    meta: loaded('ansokan.yaml', options.meta ?? {}),
    chapters: files,
    chapter: (n) => files.find((c) => c.number === n),
    attachments: [],
    bilagorFiles: [],
  };
  return {
    app,
    ref: { date, iso: options.date ?? '2026-11-15', year: date.y, source: 'option' },
    limits: DEFAULT_LIMITS,
    data: (n) => app.chapter(n)?.data,
    file: (n) => app.chapter(n),
    meta: () => app.meta.data,
  };
}

/** What the rule reports on that context: each report's pointer and arguments. */
export function run(rule: RuleDef, ctx: RuleContext): Report[] {
  if (!rule.check) throw new Error(`${rule.id} has no check: it is found by the schema`);
  const out: Report[] = [];
  rule.check(ctx, (r) => out.push(r));
  return out;
}

/** The pointers a rule reports, in order. */
export function pointers(rule: RuleDef, ctx: RuleContext): (string | null | undefined)[] {
  return run(rule, ctx).map((r) => r.pointer);
}
