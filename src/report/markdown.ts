/**
 * `--format markdown`: the completeness checklist as GitHub-flavoured Markdown, for a pull
 * request comment or a CI job summary ($GITHUB_STEP_SUMMARY, GitLab's MR note). Per application
 * a table of the chapters: status, passed/total, and the open points with file:line:column.
 * Several folders start with a summary table.
 *
 * Size (cli.md, "markdown size"): a pull-request comment holds 65,536 characters, so the report
 * stays within `markdownMax` (default 65,000): the summary table first, then each application's
 * details in order while they fit, then one line that says how many were left out and where the
 * whole report is. An application too large on its own shows its points until the limit.
 *
 * Text the user wrote (an organisation, a value quoted in a message, a file name, a
 * justification) is escaped so that it reads as written: it cannot end a table cell (a `|`, also
 * after a backslash), and it cannot turn into emphasis, a link, an image, HTML, a heading's end or
 * an autolink.
 */
import type { Diagnostic, Report } from '../model/types.js';
import { ui } from '../i18n/index.js';
import { escapeControls } from '../util/text.js';
import { pathFromCwd } from './paths.js';
import { location, percent } from './pretty.js';
import type { FormatContext } from './types.js';

export const MARKDOWN_MAX_DEFAULT = 65_000;

/**
 * Text for a table cell or a heading: reads as written, whatever it holds. HTML's three
 * characters become entities; every character that starts inline Markdown (a backslash, code,
 * emphasis, strike-through, links, math, a heading's closing `#`, a cell's `|`) is escaped with a
 * backslash; `://`, `www.` and `@` are broken so that no autolink is made; line breaks are `<br>`.
 */
export function cell(s: string): string {
  return escapeControls(
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]~|$#@]/g, (c) => `\\${c}`)
      .replace(/:(?=\/\/)/g, '\\:')
      .replace(/\b(www)\./gi, '$1\\.')
      .replace(/\r\n?|\n/g, '<br>'),
  );
}

/** A path in a code span when nothing in it needs escaping (a code span cannot escape), else as text. */
function path(s: string): string {
  return /^[^`\\|#\s\u0000-\u001f\u007f-\u009f](?:[^`\\|#\u0000-\u001f\u007f-\u009f]*[^`\\|#\s\u0000-\u001f\u007f-\u009f])?$/u.test(s)
    ? `\`${s}\``
    : cell(s);
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

interface Row {
  /** The cells before the open points. */
  lead: string;
  points: string[];
}

function rows(r: Report, ctx: FormatContext): Row[] {
  const t = ui[ctx.lang];
  const shown = (d: Diagnostic) => !ctx.quiet || (d.severity === 'error' && !d.excepted);
  const out: Row[] = [];
  const general = r.diagnostics.filter((d) => d.chapter === null);
  if (general.some(shown)) {
    const e = general.filter((d) => d.severity === 'error' && !d.excepted).length;
    const w = general.filter((d) => d.severity === 'warning' && !d.excepted).length;
    out.push({ lead: `| ${t.ci.application} | ${status(ctx, e, w)} | – |`, points: general.filter(shown).map((d) => point(d, ctx)) });
  }
  for (const ch of r.chapters) {
    out.push({
      lead: `| ${ch.number} ${cell(ch.title)} | ${status(ctx, ch.errors, ch.warnings)} | ${ch.passed}/${ch.total} |`,
      points: r.diagnostics.filter((d) => d.chapter === ch.number && shown(d)).map((d) => point(d, ctx)),
    });
  }
  return out;
}

function head(r: Report, ctx: FormatContext, level: string): string {
  const t = ui[ctx.lang];
  const s = r.summary;
  const where = pathFromCwd(r, null, ctx.cwd);
  const kind = r.typ === 'förnyelse' ? t.renewal(r.certificationValidUntil) : r.typ === 'ny' ? t.newApplication : '';
  const counts = [t.severityPlural.error(s.errors), t.severityPlural.warning(s.warnings), t.severityPlural.info(s.infos)];
  if (s.excepted > 0) counts.push(t.excepted(s.excepted));
  return [
    // Among several applications the heading names the folder too: two folders of one
    // organisation must not give two equal headings (their anchors would clash).
    `${level} ${mark(s.errors, s.warnings)} ${r.organisation === null ? path(where) : `${cell(r.organisation)}${level === '###' ? ` · ${path(where)}` : ''}`}`,
    '',
    `${path(where)} · ${t.referenceDate} ${r.referenceDate} (${t.refSource[r.referenceDateSource]})${kind ? ` · ${kind}` : ''}`,
    '',
    // Bold the verdict, not the whole line (a paragraph all in bold reads as a heading: MD036).
    `**${counts[0]}**, ${counts.slice(1).join(', ')} · ${t.completeness} ${percent(s.completeness)}`,
    '',
    `| ${t.ci.chapter} | ${t.ci.status} | ${t.ci.passed} | ${t.ci.openPoints} |`,
    '| --- | :-: | :-: | --- |',
  ].join('\n');
}

function row(x: Row, points: string[], more: number, ctx: FormatContext): string {
  const list = [...points];
  if (more > 0) list.push(`*${ctx.lang === 'en' ? `… and ${more} more` : `… och ${more} till`}*`);
  return `${x.lead} ${list.length ? list.join('<br>') : '–'} |`;
}

function application(r: Report, ctx: FormatContext, level: string): string {
  return [head(r, ctx, level), ...rows(r, ctx).map((x) => row(x, x.points, 0, ctx))].join('\n');
}

/**
 * An application within `room` characters: its heading and table, each row's points while they
 * fit (the rest counted). Undefined when not even the heading and the rows' first cells fit.
 */
function applicationWithin(r: Report, ctx: FormatContext, level: string, room: number): { text: string; omitted: number } | undefined {
  const all = rows(r, ctx);
  const top = head(r, ctx, level);
  // What every row needs without its points, and the note a cut row ends with.
  const note = row({ lead: '', points: [] }, [], 999_999, ctx).length;
  let used = top.length + all.reduce((n, x) => n + 1 + row(x, [], 0, ctx).length + note, 0);
  if (used > room) return undefined;
  let omitted = 0;
  const lines = [top];
  for (const x of all) {
    const kept: string[] = [];
    for (const p of x.points) {
      if (omitted === 0 && used + p.length + 4 <= room) {
        kept.push(p);
        used += p.length + 4;
      } else omitted++;
    }
    lines.push(row(x, kept, x.points.length - kept.length, ctx));
  }
  return { text: lines.join('\n'), omitted };
}

function summaryTable(reports: Report[], ctx: FormatContext): { head: string; rows: string[] } {
  const t = ui[ctx.lang];
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const head = [
    `## ${t.summaryTitle}`,
    '',
    `| | ${t.folder} | ${t.organisation} | ${cap(t.severityPlural.error(2).replace(/^2 /, ''))} | ${cap(t.severityPlural.warning(2).replace(/^2 /, ''))} | ${cap(t.completeness)} |`,
    '| :-: | --- | --- | --: | --: | --: |',
  ].join('\n');
  const rows = reports.map((r) => {
    const s = r.summary;
    return `| ${mark(s.errors, s.warnings)} | ${path(pathFromCwd(r, null, ctx.cwd))} | ${cell(r.organisation ?? '–')} | ${s.errors} | ${s.warnings} | ${percent(s.completeness)} |`;
  });
  return { head, rows };
}

/** The closing line when something was left out. */
function leftOut(ctx: FormatContext, apps: number, total: number, points: number, rowsCut: number, max: number): string {
  const en = ctx.lang === 'en';
  const limit = max.toLocaleString(en ? 'en-GB' : 'sv-SE').replace(/\u00a0/g, ' ');
  const what: string[] = [];
  if (rowsCut > 0) what.push(en ? `${rowsCut} of ${total} rows of the summary` : `${rowsCut} av ${total} rader i sammanfattningen`);
  if (apps > 0)
    what.push(
      en
        ? `the details of ${apps} of ${total} ${total === 1 ? 'application' : 'applications'}`
        : `detaljerna för ${apps} av ${total} ${total === 1 ? 'ansökan' : 'ansökningar'}`,
    );
  if (points > 0) what.push(en ? `${points} ${points === 1 ? 'point' : 'points'}` : `${points} ${points === 1 ? 'punkt' : 'punkter'}`);
  const list = what.length > 1 ? `${what.slice(0, -1).join(', ')} ${en ? 'and' : 'och'} ${what[what.length - 1]}` : what[0];
  const where = ctx.fullReport?.length
    ? ctx.fullReport.map((p) => (/^https?:\/\/[^\s<>]+$/.test(p) ? `<${p}>` : path(p))).join(', ')
    : en
      ? '`qm check` with `--format pretty`'
      : '`qm check` med `--format pretty`';
  return en
    ? `**Left out: ${list}** (the report is limited to ${limit} characters, \`--markdown-max\`). The whole report: ${where}.`
    : `**Utelämnat: ${list}** (rapporten är begränsad till ${limit} tecken, \`--markdown-max\`). Hela rapporten: ${where}.`;
}

export function formatMarkdown(reports: Report[], ctx: FormatContext): string {
  const max = ctx.markdownMax ?? MARKDOWN_MAX_DEFAULT;
  // Room kept for the closing line (its longest form), so that the whole stays within max.
  const reserve = leftOut(ctx, 99_999, 99_999, 9_999_999, 99_999, max).length + 2;
  const parts: string[] = [];
  let used = 0;
  const add = (s: string) => {
    parts.push(s);
    used += s.length + 2;
  };
  let rowsCut = 0;
  if (reports.length > 1) {
    const { head, rows } = summaryTable(reports, ctx);
    let kept = rows.length;
    while (kept > 0 && head.length + rows.slice(0, kept).join('\n').length + 2 > max - reserve) kept--;
    rowsCut = rows.length - kept;
    add([head, ...rows.slice(0, kept)].join('\n'));
  }
  const level = reports.length > 1 ? '###' : '##';
  let shown = 0;
  let points = 0;
  for (const r of reports) {
    if (rowsCut > 0) break;
    const full = application(r, ctx, level);
    if (used + full.length + 2 <= max - reserve) {
      add(full);
      shown++;
      continue;
    }
    const cut = applicationWithin(r, ctx, level, max - reserve - used - 2);
    if (cut && cut.omitted > 0 && cut.text.length > 0) {
      add(cut.text);
      points = cut.omitted;
      shown++;
    }
    break;
  }
  const apps = reports.length - shown;
  if (apps > 0 || points > 0 || rowsCut > 0) {
    // An application shown with some of its points is shown, not left out.
    parts.push(leftOut(ctx, apps, reports.length, points, rowsCut, max));
  }
  return `${parts.join('\n\n')}\n`;
}
