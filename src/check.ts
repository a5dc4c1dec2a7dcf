/**
 * The check: read the folder, validate each file against its schema, run the rules, resolve
 * the attachments, and turn every finding into a diagnostic with a severity, a position and a
 * message. No printing; the result is a Report.
 */
import type { Application, ChapterSummary, Diagnostic, Finding, JsonObject, Lang, RefSource, Report, Severity } from './model/types.js';
import { loadApplication } from './load/folder.js';
import { checkAttachments, proseImages } from './load/attachments.js';
import { parentPointer } from './load/normalize.js';
import { escapeControls } from './load/text.js';
import { schemaFindings, type ValidateFunction } from './schema/errors.js';
import { ansokanSchema, chapterSchema, type Schema } from './schema/registry.js';
import * as validators from './generated/validators.cjs';
import { allRules, ruleById, schemaRulePointers } from './rules/index.js';
import type { RuleContext, RuleDef } from './rules/define.js';
import { grantedDate } from './rules/general.js';
import { addYears, fmt, parseDate, today, type YMD } from './dates.js';
import { CHAPTER_TITLES, message } from './i18n/index.js';
import { loadConfig, type Config } from './config.js';
import { UsageError } from './errors.js';

export interface CheckOptions {
  /** Reference date YYYY-MM-DD (the `--date` option). */
  date?: string;
  lang?: Lang;
  /** A qm.config.yaml to use instead of the folder's own. */
  config?: string;
  /** Fail on warnings too (affects `ok`). */
  strict?: boolean;
}

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

export const knownSeverities = new Map<string, Severity>(allRules.map((r) => [r.id, r.severity]));

function referenceDate(option: string | undefined, meta: JsonObject): { date: YMD; source: RefSource } {
  if (option !== undefined) {
    const d = parseDate(option);
    if (!d || d.y < 1900 || d.y > 2200) throw new UsageError('bad-date', { value: option });
    return { date: d, source: 'option' };
  }
  const fromMeta = parseDate(meta.ansökningsdatum);
  if (fromMeta) return { date: fromMeta, source: 'ansökningsdatum' };
  return { date: today(), source: 'today' };
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

function removeAt(data: JsonObject, pointer: string): void {
  const toks = pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let cur: unknown = data;
  for (const t of toks.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return;
    cur = Array.isArray(cur) ? cur[Number(t)] : (cur as Record<string, unknown>)[t];
  }
  const last = toks.at(-1)!;
  if (Array.isArray(cur)) cur.splice(Number(last), 1);
  else if (cur !== null && typeof cur === 'object') delete (cur as Record<string, unknown>)[last];
}

/** A pointer and every pointer that holds it: '/a/b', '/a', ''. */
function* selfAndHolders(pointer: string): Generator<string> {
  yield pointer;
  for (let i = pointer.lastIndexOf('/'); i >= 0; i = i === 0 ? -1 : pointer.lastIndexOf('/', i - 1)) yield pointer.slice(0, i);
}

export async function checkApplication(folder: string, options: CheckOptions = {}): Promise<Report> {
  const cfg: Config = await loadConfig(folder, options.config, knownSeverities);
  return runCheck(folder, options, cfg);
}

async function runCheck(folder: string, options: CheckOptions, cfg: Config): Promise<Report> {
  const lang: Lang = options.lang ?? cfg.lang ?? 'sv';
  const { app, findings } = await loadApplication(folder);
  const ref = referenceDate(options.date, app.meta.data);
  const refIso = fmt(ref.date);

  // Schemas. A value qm could not read as written (an ambiguous `1.310`) has its one diagnostic
  // from the loader; the schema's type error at the same place would repeat it.
  const unreadable = new Set(findings.filter((f) => f.rule === 'schema/tvetydigt-tal').map((f) => `${f.file}|${f.pointer}`));
  const schemaPass = (found: Finding[]) => found.filter((f) => !unreadable.has(`${f.file}|${f.pointer}`));
  if (app.meta.status === 'ok')
    findings.push(...schemaPass(validate(validators.ansokan, ansokanSchema, app.meta.data, app.meta.file, null)));
  for (const c of app.chapters) {
    if (c.status === 'ok')
      findings.push(...schemaPass(validate(chapterValidators[c.number - 1]!, chapterSchema(c.number), c.data, c.file, c.number)));
  }

  const ctx: RuleContext = {
    app,
    ref: { date: ref.date, iso: refIso, year: ref.date.y, source: ref.source },
    limits: cfg.limits,
    data: (n) => {
      const c = app.chapter(n);
      return c && c.status === 'ok' ? c.data : undefined;
    },
    file: (n) => {
      const c = app.chapter(n);
      return c && c.status === 'ok' ? c : undefined;
    },
    meta: () => (app.meta.status === 'ok' ? app.meta.data : undefined),
  };

  // Code rules
  const runnable = (r: RuleDef) =>
    (r.chapter === null || ctx.data(r.chapter) !== undefined) && (r.needs ?? []).every((n) => ctx.data(n) !== undefined);
  for (const rule of allRules) {
    if (!rule.check || !runnable(rule)) continue;
    rule.check(ctx, (r) => {
      const chapter = r.chapter === undefined ? rule.chapter : r.chapter;
      const file = r.file === undefined ? (chapter !== null ? (ctx.file(chapter)?.file ?? null) : app.meta.file) : r.file;
      findings.push({ rule: rule.id, file, chapter, pointer: r.pointer ?? null, position: r.position, args: r.args, involves: r.involves });
    });
  }

  // Attachments
  app.attachments.push(...proseImages(app));
  // What a missing or unreadable chapter references is unknown, so no file can be called unreferenced.
  const unread = app.chapters.length < 9 || app.chapters.some((c) => c.status !== 'ok');
  findings.push(...(await checkAttachments(app, cfg.limits)).filter((f) => !(unread && f.rule === 'bilaga/oanvand')));

  return buildReport(app, findings, ctx, cfg, lang, options, refIso, ref.source);
}

/**
 * Where a file's placeholders are, to find in constant time whether a finding is at one, inside
 * one, or holds one (comparing every finding with every placeholder took minutes for 20,000 each).
 */
interface PlaceholderIndex {
  at: Set<string>;
  /** Every non-root pointer that holds a placeholder. */
  holding: Set<string>;
}

function placeholderIndex(app: Application): (file: string | null) => PlaceholderIndex | undefined {
  const cache = new Map<string, PlaceholderIndex>();
  return (file) => {
    if (file === null) return undefined;
    const lf = file === app.meta.file ? app.meta : app.chapters.find((c) => c.file === file);
    if (!lf || lf.placeholders.length === 0) return undefined;
    let index = cache.get(file);
    if (!index) {
      index = { at: new Set(lf.placeholders.map((p) => p.pointer)), holding: new Set() };
      for (const q of index.at) for (const h of selfAndHolders(q)) if (h !== q && h !== '') index.holding.add(h);
      cache.set(file, index);
    }
    return index;
  };
}

function placeholderSilenced(placeholders: ReturnType<typeof placeholderIndex>, f: Finding): boolean {
  if (f.rule === 'text/platshallare') return false;
  const hit = (file: string | null, pointer: string | null | undefined) => {
    if (pointer === null || pointer === undefined) return false;
    const index = placeholders(file);
    if (!index) return false;
    if (index.at.has(pointer) || (pointer !== '' && index.holding.has(pointer))) return true;
    for (const h of selfAndHolders(pointer)) if (h !== pointer && h !== '' && index.at.has(h)) return true;
    return false;
  };
  if (hit(f.file, f.pointer)) return true;
  return (f.involves ?? []).some((i) => hit(i.file, i.pointer));
}

/** Schema findings that a value is invalid: what a rule would say about that value is not said. */
const INVALID_VALUE = new Set([
  'schema/fel-typ',
  'schema/okant-varde',
  'schema/fel-format',
  'schema/tomt-varde',
  'schema/utanfor-intervall',
  'schema/ogiltigt-varde',
  'schema/decimalkomma',
  'schema/tvetydigt-tal',
]);

function invalidSilenced(f: Finding, invalid: Map<string | null, Set<string>>): boolean {
  // A placeholder is reported whatever stands in its place (a list keeps it as null).
  if (f.rule.startsWith('schema/') || f.rule === 'text/platshallare') return false;
  const at = (file: string | null, pointer: string | null | undefined) => {
    const here = invalid.get(file);
    if (!here || pointer === null || pointer === undefined) return false;
    for (const h of selfAndHolders(pointer)) if (here.has(h)) return true;
    return false;
  };
  return at(f.file, f.pointer) || (f.involves ?? []).some((i) => at(i.file, i.pointer));
}

function effectiveSeverity(rule: RuleDef | undefined, id: string, cfg: Config): Severity | 'off' {
  const base: Severity = rule?.severity ?? 'error';
  const set = cfg.severities.get(id);
  return set ?? base;
}

function buildReport(
  app: Application,
  raw: Finding[],
  ctx: RuleContext,
  cfg: Config,
  lang: Lang,
  options: CheckOptions,
  refIso: string,
  refSource: RefSource,
): Report {
  // Placeholders silence what they stand for, but still count as unmet requirements.
  const failing = new Map<string, number>();
  const kept: Finding[] = [];
  const invalid = new Map<string | null, Set<string>>();
  for (const f of raw) {
    if (!INVALID_VALUE.has(f.rule) || f.pointer === null || f.pointer === undefined) continue;
    if (!invalid.has(f.file)) invalid.set(f.file, new Set());
    invalid.get(f.file)!.add(f.pointer);
  }
  // An empty item of a list that a rule already reports as empty (`hot: [""]`, k2/swot-tom-del).
  const ruled = new Set(raw.filter((f) => !f.rule.startsWith('schema/') && f.pointer).map((f) => `${f.file}|${f.pointer}`));
  const emptyItemRuled = (f: Finding) =>
    f.rule === 'schema/tomt-varde' &&
    typeof f.pointer === 'string' &&
    /\/\d+$/.test(f.pointer) &&
    ruled.has(`${f.file}|${parentPointer(f.pointer)}`);
  const placeholders = placeholderIndex(app);
  for (const f of raw) {
    if (emptyItemRuled(f)) continue;
    const key = `${f.rule}|${f.chapter ?? ''}`;
    failing.set(key, (failing.get(key) ?? 0) + 1);
    if (!placeholderSilenced(placeholders, f) && !invalidSilenced(f, invalid)) kept.push(f);
  }

  const diagnostics: Diagnostic[] = [];
  const usedExceptions = new Set<number>();
  for (const f of kept) {
    const rule = ruleById.get(f.rule);
    const severity = effectiveSeverity(rule, f.rule, cfg);
    if (severity === 'off') continue;
    let args: Record<string, string | number> = { ...(f.args ?? {}) };
    if (rule?.describe) args = { ...args, ...rule.describe(ctx, f) };
    const d: Diagnostic = {
      rule: f.rule,
      severity,
      chapter: f.chapter,
      file: f.file,
      line: null,
      column: null,
      pointer: f.pointer ?? null,
      message: printable(message(f.rule, args, lang)),
      args,
    };
    const pos =
      f.position !== undefined ? f.position : f.pointer !== null && f.pointer !== undefined ? locate(app, f.file, f.pointer) : undefined;
    if (pos) {
      d.line = pos.line;
      d.column = pos.column;
    }
    const ex = cfg.exceptions.findIndex((e) => e.rule === f.rule);
    if (ex >= 0) {
      usedExceptions.add(ex);
      d.excepted = { reason: cfg.exceptions[ex]!.reason };
    }
    diagnostics.push(d);
  }
  cfg.exceptions.forEach((e, i) => {
    if (usedExceptions.has(i)) return;
    const severity = effectiveSeverity(ruleById.get('config/oanvant-undantag'), 'config/oanvant-undantag', cfg);
    if (severity === 'off') return;
    const args = { rule: e.rule };
    diagnostics.push({
      rule: 'config/oanvant-undantag',
      severity,
      chapter: null,
      file: cfg.file,
      line: e.position?.line ?? null,
      column: e.position?.column ?? null,
      pointer: `/undantag/${i}`,
      message: message('config/oanvant-undantag', args, lang),
      args,
    });
  });
  diagnostics.sort(compareDiagnostics);

  const chapters = summarizeChapters(app, diagnostics, failing, ctx, cfg);
  const count = (s: Severity, ch?: number) =>
    diagnostics.filter((d) => d.severity === s && !d.excepted && (ch === undefined || d.chapter === ch)).length;
  const errors = count('error');
  const warnings = count('warning');
  const strict = options.strict ?? cfg.strict ?? false;

  let passed = 0;
  let total = 0;
  for (const rule of allRules) {
    if (rule.chapter === null) continue;
    const s = ruleStatus(rule, app, failing, ctx, cfg);
    if (s === 'n/a' || effectiveSeverity(rule, rule.id, cfg) !== 'error') continue;
    total++;
    if (s === 'pass') passed++;
  }
  // A rule of the whole folder (bilaga/saknas, schema/fel-typ, text/platshallare, ansokan/…) that
  // reports an error is an applicable error rule that does not hold: once for each chapter it
  // reports in, and once for the application itself. So completeness is 1 exactly when no
  // requirement is open, as rules.md's "a folder with no errors is 1" reads.
  const generalErrors = new Set(
    diagnostics.filter((d) => d.severity === 'error' && !ruleById.get(d.rule)?.chapter).map((d) => `${d.rule}|${d.chapter ?? ''}`),
  );
  total += generalErrors.size;
  const meta = ctx.meta();
  const granted = parseDate(grantedDate(meta));
  const typ = meta?.typ === 'ny' || meta?.typ === 'förnyelse' ? meta.typ : null;
  return {
    path: app.folder,
    organisation: typeof meta?.organisation === 'string' ? meta.organisation : null,
    kommun: typeof meta?.kommun === 'string' ? meta.kommun : null,
    typ,
    certificationValidUntil: typ === 'förnyelse' && granted ? fmt(addYears(granted, 3)) : null,
    referenceDate: refIso,
    referenceDateSource: refSource,
    ok: errors === 0 && (!strict || warnings === 0),
    summary: {
      errors,
      warnings,
      infos: count('info'),
      excepted: diagnostics.filter((d) => d.excepted).length,
      completeness: total === 0 ? 1 : Math.floor((passed / total) * 100 + 1e-9) / 100,
    },
    chapters,
    diagnostics,
    lang,
  };
}

/**
 * Messages quote what the files say, and a value may hold a line break or an escape sequence
 * (ESC [31m): shown escaped, a message stays on one line and cannot drive the terminal.
 */
function printable(text: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return escapeControls(text.replace(/[\n\r\t]/g, (c) => named[c]!));
}

function locate(app: Application, file: string | null, pointer: string) {
  if (file === null) return undefined;
  const lf = file === app.meta.file ? app.meta : app.chapters.find((c) => c.file === file);
  if (!lf || lf.status !== 'ok') return undefined;
  return lf.map.locate(pointer) ?? lf.map.locate(parentPointer(pointer));
}

type Status = 'pass' | 'fail' | 'n/a';

function ruleStatus(rule: RuleDef, app: Application, failing: Map<string, number>, ctx: RuleContext, cfg: Config): Status {
  const n = rule.chapter!;
  if (effectiveSeverity(rule, rule.id, cfg) === 'off') return 'n/a';
  if (!ctx.data(n)) return 'fail';
  if ((rule.needs ?? []).some((m) => !ctx.data(m))) return 'n/a';
  if ((failing.get(`${rule.id}|${n}`) ?? 0) > 0) return 'fail';
  if (rule.applies && !rule.applies(ctx)) return 'n/a';
  return 'pass';
}

function summarizeChapters(
  app: Application,
  diagnostics: Diagnostic[],
  failing: Map<string, number>,
  ctx: RuleContext,
  cfg: Config,
): ChapterSummary[] {
  const out: ChapterSummary[] = [];
  for (let n = 1; n <= 9; n++) {
    let passed = 0;
    let total = 0;
    const rules: ChapterSummary['rules'] = [];
    for (const rule of allRules) {
      if (rule.chapter !== n) continue;
      const s = ruleStatus(rule, app, failing, ctx, cfg);
      if (s === 'n/a') continue;
      total++;
      if (s === 'pass') passed++;
      rules.push({ id: rule.id, met: s === 'pass' });
    }
    const mine = diagnostics.filter((d) => d.chapter === n);
    // Rules of the whole folder that report in this chapter (a missing attachment, a placeholder,
    // no prose) are its rules too, not met: a chapter with a finding never shows full marks.
    for (const id of new Set(mine.filter((d) => !ruleById.get(d.rule)?.chapter).map((d) => d.rule))) {
      total++;
      rules.push({ id, met: false });
    }
    const c = app.chapter(n);
    out.push({
      number: n,
      title: CHAPTER_TITLES[n - 1]!,
      file: c?.file ?? null,
      passed,
      total,
      errors: mine.filter((d) => d.severity === 'error' && !d.excepted).length,
      warnings: mine.filter((d) => d.severity === 'warning' && !d.excepted).length,
      infos: mine.filter((d) => d.severity === 'info' && !d.excepted).length,
      excepted: mine.filter((d) => d.excepted).length,
      rules,
    });
  }
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const ca = a.chapter ?? 0;
  const cb = b.chapter ?? 0;
  if (ca !== cb) return ca - cb;
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.line ?? Number.MAX_SAFE_INTEGER;
  const lb = b.line ?? Number.MAX_SAFE_INTEGER;
  if (la !== lb) return la - lb;
  const cola = a.column ?? 0;
  const colb = b.column ?? 0;
  if (cola !== colb) return cola - colb;
  if (a.severity !== b.severity) return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;
}
