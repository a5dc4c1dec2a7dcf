/**
 * `--format gitlab`: GitLab's Code Quality report, which merge requests show beside the diff and
 * in their Code Quality widget (docs.gitlab.com, "Code Quality report format"): a JSON list of
 * issues, each with `description`, `check_name`, `fingerprint`, `severity` and `location.path`
 * with `location.lines.begin`.
 *
 * - `location.path` is relative to the working directory (the repository root in a pipeline).
 *   A finding about the application as a whole (a missing chapter) stands on its
 *   `ansokan.yaml`, line 1, so that the merge request links to the application.
 * - `severity`: an error is `major`, a warning `minor`, an info `info` (as ESLint's and other
 *   tools' GitLab reports grade them). An excepted error is `info`, its justification in the
 *   description: GitLab has no suppressions, and a recorded exception is not an open problem.
 * - `fingerprint`: GitLab compares the fingerprints of the merge request's report with the target
 *   branch's to tell new findings from resolved ones, so it names what the finding is about (the
 *   application, the rule, the file and the field), never its line: a finding does not become
 *   "new" because a line was added above it. Findings that would share one get 2, 3, … in order.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, Report, Severity } from '../model/types.js';
import { ui } from '../i18n/index.js';
import { oneLine, pathFromCwd } from './paths.js';
import type { FormatContext } from './types.js';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';
const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'major', warning: 'minor', info: 'info' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

/** The file a finding stands on: its own, or the application's ansokan.yaml. */
export function anchorFile(d: Diagnostic): string {
  return d.file ?? 'ansokan.yaml';
}

/** What a finding is about, whatever line it is on (the base of the gitlab and sarif fingerprints). */
export function findingKey(r: Report, d: Diagnostic, cwd: string): string {
  return [pathFromCwd(r, null, cwd), d.rule, d.file ?? '', d.pointer ?? '', d.pointer === null ? d.message : ''].join('\0');
}

export function toGitlab(reports: Report[], ctx: FormatContext): CodeQualityIssue[] {
  const t = ui[ctx.lang];
  const seen = new Map<string, number>();
  const issues: CodeQualityIssue[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (ctx.quiet && (d.severity !== 'error' || d.excepted)) continue;
      const key = findingKey(r, d, ctx.cwd);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const fingerprint = createHash('sha256')
        .update(n === 1 ? key : `${key}\0${n}`)
        .digest('hex');
      const where = d.file === null ? `${pathFromCwd(r, null, ctx.cwd)}: ` : '';
      const description = d.excepted
        ? `${where}${d.message} (${t.exception} – ${t.ci.justification}: ${oneLine(d.excepted.reason)})`
        : `${where}${d.message}`;
      issues.push({
        description,
        check_name: d.rule,
        fingerprint,
        severity: d.excepted ? 'info' : SEVERITY[d.severity],
        location: { path: pathFromCwd(r, anchorFile(d), ctx.cwd), lines: { begin: d.line ?? 1 } },
      });
    }
  }
  return issues;
}

export function formatGitlab(reports: Report[], ctx: FormatContext): string {
  return `${JSON.stringify(toGitlab(reports, ctx), null, 2)}\n`;
}
