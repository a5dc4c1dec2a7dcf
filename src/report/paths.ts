/** Paths as CI systems want them: relative to the working directory, with forward slashes. */
import { relative, resolve, sep } from 'node:path';
import type { Report } from '../model/types.js';
import { escapeControls } from '../util/text.js';

/** A file of an application (relative to its folder), or the folder itself, relative to `cwd`. */
export function pathFromCwd(report: Report, file: string | null, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, report.path, file ?? '.'));
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/** A short name for an application: its folder as given, or the folder's own name for `.`. */
export function appName(report: Report, cwd: string): string {
  const p = pathFromCwd(report, null, cwd);
  return p === '.' || p.startsWith('..') ? (resolve(cwd, report.path).split(sep).pop() ?? p) : p;
}

/** A text the user wrote (an exception's justification) on one line, for a report line. */
export function oneLine(s: string): string {
  return escapeControls(
    s
      .replace(/[ \t]*(?:\r\n?|\n)[ \t]*/g, ' ')
      .replace(/\t/g, ' ')
      .trim(),
  );
}
