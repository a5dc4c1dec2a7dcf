/**
 * `--format pretty`: the report a consultant reads in a terminal. Per chapter a status mark and
 * passed/total, then each diagnostic as `file:line:column  severity  message  rule-id`.
 * Lines are wrapped to the terminal's width (or $COLUMNS); piped output keeps one line per
 * diagnostic so that grep and editors can use it.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Diagnostic, Lang, Report } from '../model/types.js';
import { ui } from '../i18n/index.js';
import { escapeControls } from '../util/text.js';
import { oneLine } from './paths.js';

export interface PrettyOptions {
  color: boolean;
  /** Wrap to this many columns; 0 = do not wrap. */
  width: number;
  quiet?: boolean;
  lang: Lang;
}

/** A number stays whole where a line is wrapped: `2 600 000 kr`, `25 %` (no-break spaces). */
const NUMBER_SPACE = /(\d) (?=\d{3}(?!\d)|(?:%|kr|mkr|tkr)(?![\p{L}\d]))/gu;

function wrap(text: string, width: number, indent: string, firstUsed: number): string[] {
  if (width <= 0) return [text];
  const words = text.replace(NUMBER_SPACE, '$1\u00a0').split(' ');
  const lines: string[] = [];
  let line = '';
  let room = width - firstUsed;
  let fresh = true;
  for (const w of words) {
    // An empty word is a double space (before the rule id): kept inside a line, dropped at a break.
    if (w === '' && fresh) continue;
    if (!fresh && stringWidth(line) + 1 + stringWidth(w) > room) {
      lines.push(line.trimEnd());
      line = w;
      fresh = w === '';
      if (fresh) line = '';
      room = width - indent.length;
    } else {
      line = fresh ? w : `${line} ${w}`;
      fresh = false;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l));
}

/** `s` padded to `width` terminal columns (a wide character takes two, a combining mark none). */
function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(s))) + s;
}

export function location(d: Diagnostic, prefix = ''): string {
  // A file name may hold a line break or an escape sequence; shown escaped, it cannot break the
  // line or drive the terminal (messages are escaped the same way by the check).
  const file = d.file === null ? '' : escapeControls(`${prefix}${d.file}`);
  if (d.line === null) return file;
  return `${file}:${d.line}:${d.column ?? 1}`;
}

export function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}

function mark(c: ChalkInstance, errors: number, warnings: number): string {
  if (errors > 0) return c.red('✖');
  if (warnings > 0) return c.yellow('⚠');
  return c.green('✔');
}

function diagnosticLines(d: Diagnostic, c: ChalkInstance, o: PrettyOptions, indent: string): string[] {
  const t = ui[o.lang];
  const sev = d.excepted
    ? c.cyan(t.exception)
    : d.severity === 'error'
      ? c.red(t.severity.error)
      : d.severity === 'warning'
        ? c.yellow(t.severity.warning)
        : c.blue(t.severity.info);
  const loc = location(d);
  const head = `${indent}${loc ? `${c.bold(loc)}  ` : ''}${sev}  `;
  const body = `${d.message}  ${c.dim(d.rule)}`;
  const lines = wrap(body, o.width, `${indent}    `, stringWidth(head));
  lines[0] = head + lines[0];
  if (d.excepted)
    lines.push(
      ...wrap(`${t.exception}: ${oneLine(d.excepted.reason)}`, o.width, `${indent}    `, indent.length + 4).map((l, i) =>
        i === 0 ? `${indent}    ${c.cyan(l)}` : c.cyan(l),
      ),
    );
  return lines;
}

export function formatPretty(report: Report, o: PrettyOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const t = ui[o.lang];
  const out: string[] = [];
  const title = report.organisation ?? report.path;
  out.push(`${c.bold(title)}${report.organisation ? c.dim(`  ${report.path}`) : ''}`);
  const kind = report.typ === 'förnyelse' ? t.renewal(report.certificationValidUntil) : report.typ === 'ny' ? t.newApplication : '';
  out.push(`${t.referenceDate} ${report.referenceDate} (${t.refSource[report.referenceDateSource]})${kind ? ` · ${kind}` : ''}`);
  out.push('');
  const shown = (d: Diagnostic) => !o.quiet || (d.severity === 'error' && !d.excepted);
  const general = report.diagnostics.filter((d) => d.chapter === null && shown(d));
  if (general.length > 0) {
    const e = general.filter((d) => d.severity === 'error' && !d.excepted).length;
    const w = general.filter((d) => d.severity === 'warning' && !d.excepted).length;
    out.push(`  ${mark(c, e, w)} ${o.lang === 'en' ? 'Application' : 'Ansökan'}`);
    for (const d of general) out.push(...diagnosticLines(d, c, o, '      '));
  }
  for (const ch of report.chapters) {
    const label = `${ch.number} ${ch.title}`;
    const score = `${ch.passed}/${ch.total}`;
    const pad = Math.max(1, (o.width > 0 ? Math.min(o.width, 80) : 80) - 4 - stringWidth(label) - stringWidth(score) - 2);
    out.push(`  ${mark(c, ch.errors, ch.warnings)} ${label}${' '.repeat(pad)}${c.dim(score)}`);
    for (const d of report.diagnostics.filter((x) => x.chapter === ch.number && shown(x))) out.push(...diagnosticLines(d, c, o, '      '));
  }
  out.push('');
  const s = report.summary;
  const parts = [t.severityPlural.error(s.errors), t.severityPlural.warning(s.warnings), t.severityPlural.info(s.infos)];
  if (s.excepted > 0) parts.push(t.excepted(s.excepted));
  const counts = parts.join(', ');
  const line = `${counts} · ${t.completenessLine(percent(s.completeness))}`;
  out.push(s.errors > 0 ? c.red(line) : s.warnings > 0 ? c.yellow(line) : c.green(line));
  return `${out.join('\n')}\n`;
}

/** The table that ends a check of several folders. */
export function formatSummaryTable(reports: Report[], o: PrettyOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const t = ui[o.lang];
  const head = [t.folder, t.organisation, t.severity.error, t.severity.warning, t.completeness];
  const rows = reports.map((r) => [
    r.path,
    r.organisation ?? '–',
    String(r.summary.errors),
    String(r.summary.warnings),
    percent(r.summary.completeness),
  ]);
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i]!))));
  const fmtRow = (cells: string[]) => cells.map((cell, i) => (i >= 2 ? padStart(cell, widths[i]!) : padEnd(cell, widths[i]!))).join('  ');
  const lines = [
    c.bold(t.summaryTitle),
    c.dim(fmtRow(head)),
    ...rows.map((r, i) => (reports[i]!.summary.errors > 0 ? c.red(fmtRow(r)) : fmtRow(r))),
  ];
  return `${lines.join('\n')}\n`;
}
