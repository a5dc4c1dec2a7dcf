/**
 * Completeness (rules.md): each chapter's `passed/total` over its own rules that apply, plus the
 * folder's rules that report in it; the application's share of applicable error rules that hold.
 */
import type { Application, ChapterSummary, Diagnostic } from '../model/types.js';
import type { Config } from '../load/config.js';
import { CHAPTER_TITLES } from '../i18n/index.js';
import { allRules, ruleById } from '../rules/index.js';
import type { RuleContext, RuleDef } from '../rules/define.js';
import { effectiveSeverity } from './diagnostics.js';

type Status = 'pass' | 'fail' | 'n/a';

export interface Completeness {
  chapters: ChapterSummary[];
  /** passed/total over the applicable error rules, rounded down to two decimals. */
  completeness: number;
}

export function completeness(
  app: Application,
  diagnostics: Diagnostic[],
  failing: Map<string, number>,
  ctx: RuleContext,
  cfg: Config,
): Completeness {
  const status = (rule: RuleDef) => ruleStatus(rule, failing, ctx, cfg);
  let passed = 0;
  let total = 0;
  for (const rule of allRules) {
    if (rule.chapter === null) continue;
    const s = status(rule);
    if (s === 'n/a' || effectiveSeverity(rule, cfg) !== 'error') continue;
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
  return {
    chapters: summarizeChapters(app, diagnostics, status),
    completeness: total === 0 ? 1 : Math.floor((passed / total) * 100 + 1e-9) / 100,
  };
}

function ruleStatus(rule: RuleDef, failing: Map<string, number>, ctx: RuleContext, cfg: Config): Status {
  const n = rule.chapter!;
  if (effectiveSeverity(rule, cfg) === 'off') return 'n/a';
  if (!ctx.data(n)) return 'fail';
  if ((rule.needs ?? []).some((m) => !ctx.data(m))) return 'n/a';
  if ((failing.get(`${rule.id}|${n}`) ?? 0) > 0) return 'fail';
  if (rule.applies && !rule.applies(ctx)) return 'n/a';
  return 'pass';
}

function summarizeChapters(app: Application, diagnostics: Diagnostic[], status: (rule: RuleDef) => Status): ChapterSummary[] {
  const out: ChapterSummary[] = [];
  for (let n = 1; n <= 9; n++) {
    let passed = 0;
    let total = 0;
    const rules: ChapterSummary['rules'] = [];
    for (const rule of allRules) {
      if (rule.chapter !== n) continue;
      const s = status(rule);
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
    const open = (severity: Diagnostic['severity']) => mine.filter((d) => d.severity === severity && !d.excepted).length;
    out.push({
      number: n,
      title: CHAPTER_TITLES[n - 1]!,
      file: app.chapter(n)?.file ?? null,
      passed,
      total,
      errors: open('error'),
      warnings: open('warning'),
      infos: open('info'),
      excepted: mine.filter((d) => d.excepted).length,
      rules,
    });
  }
  return out;
}
