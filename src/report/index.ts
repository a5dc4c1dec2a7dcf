/** The report formats of `qm check`, each a pure function of the reports. */
import type { Lang, Report } from '../model/types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatPretty, formatSummaryTable } from './pretty.js';
import { formatSarif } from './sarif.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  width: number;
  quiet: boolean;
  /** The working directory, for paths relative to it (github, sarif, junit). */
  cwd: string;
  /** --strict: warnings fail too (junit shows them as failures). */
  strict?: boolean;
}

export type Formatter = (reports: Report[], ctx: FormatContext) => string;

export const formatters: Record<string, Formatter> = {
  pretty: (reports, ctx) => {
    const o = { color: ctx.color, width: ctx.width, quiet: ctx.quiet, lang: ctx.lang };
    const parts = reports.map((r) => formatPretty(r, o));
    if (reports.length > 1) parts.push(formatSummaryTable(reports, o));
    return parts.join('\n');
  },
  json: (reports) => formatJson(reports),
  junit: formatJunit,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
};

export const FORMAT_NAMES = ['pretty', 'json', 'junit', 'sarif', 'github', 'markdown'];

/** Formats that are one document: only one of them, and nothing else, may go to standard output. */
export const DOCUMENT_FORMATS = ['json', 'junit', 'sarif', 'markdown'];
