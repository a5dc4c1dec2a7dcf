/**
 * `--format github`: GitHub Actions workflow commands, one line per diagnostic, which the runner
 * turns into annotations on the files of the pull request:
 *   ::error file=kunder/storvik/03-organisation.md,line=2,col=9,title=k3/verksam-tre-ar::…
 * Warnings become ::warning, infos ::notice; an excepted error is a ::notice that quotes its
 * justification. Paths are relative to the working directory (the checkout, in a workflow).
 */
import type { Diagnostic, Report } from '../model/types.js';
import { ui } from '../i18n/index.js';
import type { FormatContext } from './types.js';
import { escapeControls } from '../util/text.js';
import { pathFromCwd } from './paths.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** The message after `::`, escaped as the runner unescapes it. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, and `:` and `,`, which would end the value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function line(r: Report, d: Diagnostic, ctx: FormatContext): string {
  const props: string[] = [];
  if (d.file !== null) {
    props.push(`file=${escapeProperty(escapeControls(pathFromCwd(r, d.file, ctx.cwd), '\r\n'))}`);
    if (d.line !== null) props.push(`line=${d.line}`);
    if (d.line !== null && d.column !== null) props.push(`col=${d.column}`);
  }
  props.push(`title=${escapeProperty(d.rule)}`);
  // Without a file the annotation shows no path, so the message names the folder.
  let text = d.file === null ? `${pathFromCwd(r, null, ctx.cwd)}: ${d.message}` : d.message;
  if (d.excepted) text += `\n${ui[ctx.lang].exception} – ${ui[ctx.lang].ci.justification}: ${escapeControls(d.excepted.reason, '\r\n')}`;
  const command = d.excepted ? 'notice' : COMMAND[d.severity];
  return `::${command} ${props.join(',')}::${escapeData(text)}`;
}

export function formatGithub(reports: Report[], ctx: FormatContext): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (ctx.quiet && (d.severity !== 'error' || d.excepted)) continue;
      lines.push(line(r, d, ctx));
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
