/**
 * The report formats by name: the one table the command line's help, its check of `--format`
 * and its message for an unknown format are made from (src/report/index.ts joins each name to its
 * formatter). It imports nothing, so `qm --help` does not load the formatters.
 */
import type { Lang } from '../model/types.js';

export interface FormatInfo {
  name: string;
  /** One document (JSON, XML, Markdown): it must be alone on standard output. */
  document: boolean;
  /** What the format is for, in the help of `qm check`. */
  description: Record<Lang, string>;
}

export const FORMAT_INFO = [
  { name: 'pretty', document: false, description: { sv: 'för människor (standard)', en: 'for people (default)' } },
  { name: 'json', document: true, description: { sv: 'stabil JSON för program', en: 'stable JSON for programs' } },
  { name: 'junit', document: true, description: { sv: 'JUnit XML: GitLab, Jenkins, Azure', en: 'JUnit XML: GitLab, Jenkins, Azure' } },
  { name: 'sarif', document: true, description: { sv: 'SARIF 2.1.0: GitHub code scanning', en: 'SARIF 2.1.0: GitHub code scanning' } },
  { name: 'github', document: false, description: { sv: 'GitHub Actions-annoteringar', en: 'GitHub Actions annotations' } },
  { name: 'gitlab', document: true, description: { sv: 'GitLab Code Quality', en: 'GitLab Code Quality' } },
  {
    name: 'markdown',
    document: true,
    description: { sv: 'för en pull request eller jobbsammanfattning', en: 'for a pull request or a job summary' },
  },
] as const satisfies readonly FormatInfo[];

export type FormatName = (typeof FORMAT_INFO)[number]['name'];

export const FORMAT_NAMES: readonly FormatName[] = FORMAT_INFO.map((f) => f.name);

/** Formats that are one document: only one of them, and nothing else, may go to standard output. */
export const DOCUMENT_FORMATS: readonly FormatName[] = FORMAT_INFO.filter((f) => f.document).map((f) => f.name);

export function isFormatName(s: string): s is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(s);
}
