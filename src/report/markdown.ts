/**
 * `--format markdown`: the completeness checklist as GitHub-flavoured Markdown, for a pull
 * request comment or a CI job summary ($GITHUB_STEP_SUMMARY, GitLab's MR note). Per application
 * a table of the chapters: status, passed/total, and the open points with file:line:column.
 * Several folders start with a summary table.
 */
import type { Diagnostic, Report } from '../model/types.js';
import { ui } from '../i18n/index.js';
import type { FormatContext } from './index.js';
import { escapeControls } from '../load/text.js';
import { pathFromCwd } from './paths.js';
import { location, percent } from './pretty.js';

/**
 * Text for a table cell: no pipe, no line break, no HTML, no code span (a backtick in a value
 * the user wrote would pair with the next one; entities are not decoded inside code spans).
 */
function cell(s: string): string {
  return escapeControls(
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|')
      .replace(/`/g, '\\`')
      .replace(/\r\n?|\n/g, '<br>'),
  );
}

function code(s: string): string {
  return `\`${s.replace(/\|/g, '\\|')}\``;
}

function mark(errors: number, warnings: number): string {
  return errors > 0 ? '❌' : warnings > 0 ? '⚠️' : '✅';
}

function status(ctx: FormatContext, errors: number, warnings: number): string {
  const t = ui[ctx.lang];
  return `${mark(errors, warnings)} ${errors > 0 ? t.severity.error : warnings > 0 ? t.severity.warning : t.ci.done}`;
}

function point(d: Diagnostic, ctx: FormatContext): string {
  const t = ui[ctx.lang];
  const icon = d.excepted ? '☑️' : d.severity === 'error' ? '❌' : d.severity === 'warning' ? '⚠️' : 'ℹ️';
  const loc = location(d);
  const head = `${icon} ${d.excepted ? `**${t.exception}**` : t.severity[d.severity]} \`${d.rule}\`${loc ? ` ${cell(loc)}` : ''}`;
  const why = d.excepted ? ` — *${t.ci.justification}:* ${cell(d.excepted.reason)}` : '';
  return `${head}: ${cell(d.message)}${why}`;
}

function application(r: Report, ctx: FormatContext, level: string): string {
  const t = ui[ctx.lang];
  const shown = (d: Diagnostic) => !ctx.quiet || (d.severity === 'error' && !d.excepted);
  const s = r.summary;
  const out: string[] = [];
  const path = pathFromCwd(r, null, ctx.cwd);
  out.push(`${level} ${mark(s.errors, s.warnings)} ${cell(r.organisation ?? path)}`);
  out.push('');
  const kind = r.typ === 'förnyelse' ? t.renewal(r.certificationValidUntil) : r.typ === 'ny' ? t.newApplication : '';
  out.push(`${code(path)} · ${t.referenceDate} ${r.referenceDate} (${t.refSource[r.referenceDateSource]})${kind ? ` · ${kind}` : ''}`);
  out.push('');
  const counts = [t.severityPlural.error(s.errors), t.severityPlural.warning(s.warnings), t.severityPlural.info(s.infos)];
  if (s.excepted > 0) counts.push(t.excepted(s.excepted));
  out.push(`**${counts.join(', ')} · ${t.completeness} ${percent(s.completeness)}**`);
  out.push('');
  out.push(`| ${t.ci.chapter} | ${t.ci.status} | ${t.ci.passed} | ${t.ci.openPoints} |`);
  out.push('|---|:-:|:-:|---|');
  const general = r.diagnostics.filter((d) => d.chapter === null);
  if (general.some(shown)) {
    const e = general.filter((d) => d.severity === 'error' && !d.excepted).length;
    const w = general.filter((d) => d.severity === 'warning' && !d.excepted).length;
    out.push(
      `| ${t.ci.application} | ${status(ctx, e, w)} | – | ${general
        .filter(shown)
        .map((d) => point(d, ctx))
        .join('<br>')} |`,
    );
  }
  for (const ch of r.chapters) {
    const points = r.diagnostics.filter((d) => d.chapter === ch.number && shown(d)).map((d) => point(d, ctx));
    out.push(
      `| ${ch.number} ${cell(ch.title)} | ${status(ctx, ch.errors, ch.warnings)} | ${ch.passed}/${ch.total} | ${points.length ? points.join('<br>') : '–'} |`,
    );
  }
  return out.join('\n');
}

export function formatMarkdown(reports: Report[], ctx: FormatContext): string {
  const t = ui[ctx.lang];
  const parts: string[] = [];
  if (reports.length > 1) {
    parts.push(`## ${t.summaryTitle}`);
    parts.push('');
    const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
    parts.push(
      `| | ${t.folder} | ${t.organisation} | ${cap(t.severityPlural.error(2).replace(/^2 /, ''))} | ${cap(t.severityPlural.warning(2).replace(/^2 /, ''))} | ${cap(t.completeness)} |`,
    );
    parts.push('|:-:|---|---|--:|--:|--:|');
    for (const r of reports) {
      const s = r.summary;
      parts.push(
        `| ${mark(s.errors, s.warnings)} | ${code(pathFromCwd(r, null, ctx.cwd))} | ${cell(r.organisation ?? '–')} | ${s.errors} | ${s.warnings} | ${percent(s.completeness)} |`,
      );
    }
    parts.push('');
  }
  const level = reports.length > 1 ? '###' : '##';
  parts.push(reports.map((r) => application(r, ctx, level)).join('\n\n'));
  return `${parts.join('\n')}\n`;
}
