/**
 * The contract of a report format: a pure function of the checked applications and a context.
 * A formatter reads nothing and writes nothing; the command line decides where its text goes.
 */
import type { Lang, Report } from '../model/types.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  /** Wrap to this many columns; 0 = do not wrap. */
  width: number;
  quiet: boolean;
  /** The working directory, for paths relative to it (github, gitlab, sarif, junit, markdown). */
  cwd: string;
  /** --strict: warnings fail too (junit shows them as failures). */
  strict?: boolean;
  /** markdown: the most characters the report may have (default 65,000, cli.md "markdown size"). */
  markdownMax?: number;
  /** markdown: where the whole report is (files, the log, a URL), named in the line that says what was left out. */
  fullReport?: string[];
  /**
   * The text of a file of an application (absolute path), when the caller has read it: SARIF
   * then gives a whole-file result its real extent and a result its end column. Without it
   * those regions are the first line.
   */
  source?: (absolutePath: string) => string | undefined;
}

export type FormatFn = (reports: Report[], ctx: FormatContext) => string;

export interface FormatterDef {
  /** What `--format` takes (names.ts). */
  name: string;
  /** One document (JSON, XML, Markdown): it must be alone on standard output. */
  document: boolean;
  /** What the format is for, in the help of `qm check`. */
  description: Record<Lang, string>;
  format: FormatFn;
  /**
   * The document written to a file when qm could not do its job (exit 2), so that a CI step that
   * reads the file anyway (`if: always()`) finds one that says what went wrong. Formats without
   * it write no file then.
   */
  failure?: (message: string, ctx: FormatContext) => string;
}
