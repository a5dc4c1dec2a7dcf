/** The report formats of `qm check`, each a pure function of the reports. */
import type { Lang, Report } from '../model/types.js';
import { formatJson } from './json.js';
import { formatPretty, formatSummaryTable } from './pretty.js';

export interface FormatContext {
  lang: Lang;
  color: boolean;
  width: number;
  quiet: boolean;
  /** The working directory, for paths relative to it (github, sarif). */
  cwd: string;
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
};

export const FORMAT_NAMES = ['pretty', 'json', 'junit', 'sarif', 'github', 'markdown'];
