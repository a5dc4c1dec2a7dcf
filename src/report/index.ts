/**
 * The report formats of `qm check`: each name of `names.ts` joined to its formatter. Each
 * formatter's text goes through the guard of its own syntax (`util/ci-log.ts`), so application
 * text never becomes a command that a CI runner obeys; `github` alone writes commands, qm's own,
 * with the text escaped inside them.
 */
import type { Report } from '../model/types.js';
import { defuseCommands, entityEscape, jsonEscape, textEscape, type CommandEscape } from '../util/ci-log.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit, junitFailure } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { FORMAT_INFO, type FormatName } from './names.js';
import { formatPretty, formatSummaryTable } from './pretty.js';
import { formatSarif, sarifFailure } from './sarif.js';
import type { FormatContext, FormatFn, FormatterDef } from './types.js';

export type { FormatContext, FormatFn, FormatterDef } from './types.js';
export { DOCUMENT_FORMATS, FORMAT_NAMES, isFormatName, type FormatName } from './names.js';

function pretty(reports: Report[], ctx: FormatContext): string {
  const o = { color: ctx.color, width: ctx.width, quiet: ctx.quiet, lang: ctx.lang };
  const parts = reports.map((r) => formatPretty(r, o));
  if (reports.length > 1) parts.push(formatSummaryTable(reports, o));
  return parts.join('\n');
}

interface Impl {
  format: FormatFn;
  failure?: (message: string, ctx: FormatContext) => string;
  /** How the format's syntax writes `:` and `#` (null: the format writes commands itself). */
  escape: CommandEscape | null;
}

const IMPL: Record<FormatName, Impl> = {
  pretty: { format: pretty, escape: textEscape },
  json: { format: formatJson, escape: jsonEscape },
  junit: { format: formatJunit, failure: junitFailure, escape: entityEscape },
  sarif: { format: formatSarif, failure: sarifFailure, escape: jsonEscape },
  github: { format: formatGithub, escape: null },
  gitlab: { format: formatGitlab, escape: jsonEscape },
  markdown: { format: formatMarkdown, escape: entityEscape },
};

function guarded<A extends unknown[]>(f: (...a: A) => string, escape: CommandEscape | null): (...a: A) => string {
  return escape ? (...a: A) => defuseCommands(f(...a), escape) : f;
}

/** Every format, in the order the help lists them. */
export const FORMATS: readonly FormatterDef[] = FORMAT_INFO.map((info) => {
  const impl = IMPL[info.name];
  return {
    ...info,
    format: guarded(impl.format, impl.escape),
    ...(impl.failure ? { failure: guarded(impl.failure, impl.escape) } : {}),
  };
});

export const formatters: Record<FormatName, FormatFn> = Object.fromEntries(FORMATS.map((f) => [f.name, f.format])) as Record<
  FormatName,
  FormatFn
>;

export function formatterByName(name: string): FormatterDef | undefined {
  return FORMATS.find((f) => f.name === name);
}
