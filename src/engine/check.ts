/**
 * The check, from a folder to a report and the facts its rules decided:
 *
 *   load (through the file-system seam) ─▶ schema pass ─▶ code rules ─▶ attachments
 *     ─▶ one problem, one diagnostic ─▶ diagnostics ─▶ completeness ─▶ Report + Facts
 *
 * No printing, no writing: the CLI, the PDF and the language server read the result.
 */
import type { Application, Diagnostic, Finding, JsonObject, Lang, RefSource, Report } from '../model/types.js';
import { loadApplication } from '../load/folder.js';
import { checkAttachments, proseImages } from '../load/attachments.js';
import { loadConfig, type Config } from '../load/config.js';
import { diskVfs, type Vfs } from '../load/vfs.js';
import { allRules } from '../rules/index.js';
import type { RuleContext, RuleDef } from '../rules/define.js';
import { certification } from '../rules/general.js';
import { fmt, parseDate, today, type YMD } from '../util/dates.js';
import { UsageError } from '../util/errors.js';
import { schemaPass } from './schema-pass.js';
import { sift } from './one-problem.js';
import { compareDiagnostics, diagnose, toDiagnostics } from './diagnostics.js';
import { completeness } from './completeness.js';
import { collectFacts, type Facts } from './facts.js';

export interface CheckOptions {
  /** Reference date YYYY-MM-DD (the `--date` option). */
  date?: string;
  lang?: Lang;
  /** A qm.config.yaml to use instead of the folder's own. */
  config?: string;
  /** Fail on warnings too (affects `ok`). */
  strict?: boolean;
  /** Where the folder's text files are read: the disk, or an editor's unsaved buffers over it (`overlayVfs`). */
  fs?: Vfs;
}

export interface CheckResult {
  report: Report;
  /** What the rules decided, for the PDF and the editor. */
  facts: Facts;
  /** The application as read. */
  app: Application;
  config: Config;
  /**
   * Findings made after the check (the PDF's typesetting: `pdf/tecken-saknas`) as diagnostics,
   * with the same severities, messages, exceptions and order as the report's.
   */
  diagnose(findings: Finding[]): Diagnostic[];
}

/** Every rule id and its severity: what qm.config.yaml may name. */
export const knownSeverities = new Map(allRules.map((r) => [r.id, r.severity]));

/** Checks an application folder: the report (what `qm check` prints) only. */
export async function checkApplication(folder: string, options: CheckOptions = {}): Promise<Report> {
  return (await check(folder, options)).report;
}

/** Checks an application folder: the report, the facts the rules decided, and what was read. */
export async function check(folder: string, options: CheckOptions = {}): Promise<CheckResult> {
  const fs = options.fs ?? diskVfs;
  const cfg = await loadConfig(folder, options.config, knownSeverities, fs);
  const lang: Lang = options.lang ?? cfg.lang ?? 'sv';
  const { app, findings } = await loadApplication(folder, fs);
  const ref = referenceDate(options.date, app.meta.data);
  const ctx = ruleContext(app, ref, cfg);

  findings.push(...schemaPass(app, findings));
  findings.push(...runRules(ctx));
  app.attachments.push(...proseImages(app));
  // What a missing or unreadable chapter references is unknown, so no file can be called unreferenced.
  const unread = app.chapters.length < 9 || app.chapters.some((c) => c.status !== 'ok');
  findings.push(...(await checkAttachments(app, cfg.limits)).filter((f) => !(unread && f.rule === 'bilaga/oanvand')));

  const report = buildReport(app, findings, ctx, cfg, lang, options.strict ?? cfg.strict ?? false);
  return {
    report,
    facts: collectFacts(app, ctx),
    app,
    config: cfg,
    diagnose: (more) => diagnose(app, more, ctx, cfg, lang).sort(compareDiagnostics),
  };
}

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

function ruleContext(app: Application, ref: { date: YMD; source: RefSource }, cfg: Config): RuleContext {
  return {
    app,
    ref: { date: ref.date, iso: fmt(ref.date), year: ref.date.y, source: ref.source },
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
}

/** The rules with a `check`, each skipped when a chapter it needs could not be read. */
function runRules(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const runnable = (r: RuleDef) =>
    (r.chapter === null || ctx.data(r.chapter) !== undefined) && (r.needs ?? []).every((n) => ctx.data(n) !== undefined);
  for (const rule of allRules) {
    if (!rule.check || !runnable(rule)) continue;
    rule.check(ctx, (r) => {
      const chapter = r.chapter === undefined ? rule.chapter : r.chapter;
      const file = r.file === undefined ? (chapter !== null ? (ctx.file(chapter)?.file ?? null) : ctx.app.meta.file) : r.file;
      // Report args are typed per rule; a finding keeps them as the plain record of the report formats.
      const args = r.args as Finding['args'];
      findings.push({ rule: rule.id, file, chapter, pointer: r.pointer ?? null, position: r.position, args, involves: r.involves });
    });
  }
  return findings;
}

function buildReport(app: Application, raw: Finding[], ctx: RuleContext, cfg: Config, lang: Lang, strict: boolean): Report {
  // Placeholders silence what they stand for, but still count as unmet requirements.
  const { kept, failing } = sift(app, raw);
  const diagnostics = toDiagnostics(app, kept, ctx, cfg, lang);
  const { chapters, completeness: share } = completeness(app, diagnostics, failing, ctx, cfg);
  const open = (s: string) => diagnostics.filter((d) => d.severity === s && !d.excepted).length;
  const errors = open('error');
  const warnings = open('warning');
  const meta = ctx.meta();
  const validUntil = certification(ctx)?.validUntil;
  const typ = meta?.typ === 'ny' || meta?.typ === 'förnyelse' ? meta.typ : null;
  return {
    path: app.folder,
    organisation: typeof meta?.organisation === 'string' ? meta.organisation : null,
    kommun: typeof meta?.kommun === 'string' ? meta.kommun : null,
    typ,
    certificationValidUntil: validUntil ? fmt(validUntil) : null,
    referenceDate: ctx.ref.iso,
    referenceDateSource: ctx.ref.source,
    ok: errors === 0 && (!strict || warnings === 0),
    summary: {
      errors,
      warnings,
      infos: open('info'),
      excepted: diagnostics.filter((d) => d.excepted).length,
      completeness: share,
    },
    chapters,
    diagnostics,
    lang,
  };
}
