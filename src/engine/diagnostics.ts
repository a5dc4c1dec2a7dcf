/**
 * Findings become diagnostics: the severity (the rule's, or as qm.config.yaml re-grades it), the
 * message in the reader's language, the line and column from the pointer, and the exception
 * (`undantag`) that covers it. Exceptions that cover nothing are reported as stale.
 */
import type { Application, Diagnostic, Finding, Lang, Severity } from '../model/types.js';
import type { Config } from '../load/config.js';
import { escapeControls } from '../load/text.js';
import { message } from '../i18n/index.js';
import { ruleById } from '../rules/index.js';
import type { RuleContext, RuleDef } from '../rules/define.js';
import { parentPointer } from '../util/pointer.js';

/** A rule's severity as the configuration sets it, or 'off'. */
export function effectiveSeverity(rule: RuleDef, cfg: Config): Severity | 'off' {
  return cfg.severities.get(rule.id) ?? rule.severity;
}

function ruleOf(id: string): RuleDef {
  const rule = ruleById.get(id);
  // Every id a finding carries is a declared rule; one that is not is a defect of qm, not of the application.
  if (!rule) throw new Error(`qm: finding of an undeclared rule ${JSON.stringify(id)}`);
  return rule;
}

/** The findings that survived "one problem, one diagnostic" as diagnostics, and the stale exceptions. */
export function toDiagnostics(app: Application, kept: Finding[], ctx: RuleContext, cfg: Config, lang: Lang): Diagnostic[] {
  const usedExceptions = new Set<number>();
  const diagnostics = diagnose(app, kept, ctx, cfg, lang, usedExceptions);
  diagnostics.push(...staleExceptions(cfg, usedExceptions, lang));
  return diagnostics.sort(compareDiagnostics);
}

/** Findings as diagnostics: severity, message, position, exception; rules switched off are dropped. */
export function diagnose(
  app: Application,
  kept: Finding[],
  ctx: RuleContext,
  cfg: Config,
  lang: Lang,
  usedExceptions = new Set<number>(),
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const f of kept) {
    const rule = ruleOf(f.rule);
    const severity = effectiveSeverity(rule, cfg);
    if (severity === 'off') continue;
    let args: Record<string, string | number> = { ...(f.args ?? {}) };
    if (rule.describe) args = { ...args, ...rule.describe(ctx, f) };
    const pos =
      f.position !== undefined ? f.position : f.pointer !== null && f.pointer !== undefined ? locate(app, f.file, f.pointer) : undefined;
    const d: Diagnostic = {
      rule: f.rule,
      severity,
      chapter: f.chapter,
      file: f.file,
      line: pos?.line ?? null,
      column: pos?.column ?? null,
      pointer: f.pointer ?? null,
      message: printable(message(f.rule, args, lang)),
      args,
    };
    const ex = cfg.exceptions.findIndex((e) => e.rule === f.rule);
    if (ex >= 0) {
      usedExceptions.add(ex);
      d.excepted = { reason: cfg.exceptions[ex]!.reason };
    }
    diagnostics.push(d);
  }
  return diagnostics;
}

/** An exception (`undantag`) that covers no diagnostic: config/oanvant-undantag. */
function staleExceptions(cfg: Config, used: Set<number>, lang: Lang): Diagnostic[] {
  const stale = ruleOf('config/oanvant-undantag');
  const severity = effectiveSeverity(stale, cfg);
  const out: Diagnostic[] = [];
  cfg.exceptions.forEach((e, i) => {
    if (used.has(i) || severity === 'off') return;
    const args = { rule: e.rule };
    out.push({
      rule: stale.id,
      severity,
      chapter: null,
      file: cfg.file,
      line: e.position?.line ?? null,
      column: e.position?.column ?? null,
      pointer: `/undantag/${i}`,
      message: message(stale.id, args, lang),
      args,
    });
  });
  return out;
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

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Chapter, file, line, column, severity, rule: the order of every report. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
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
