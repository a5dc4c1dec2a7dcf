/**
 * qm as a library: everything the command line does, as functions.
 *
 *   import { checkApplication } from 'qm';
 *   const report = await checkApplication('ansokan', { date: '2026-11-15' });
 */
export { checkApplication, type CheckOptions } from './check.js';
export { allRules as rules } from './rules/index.js';
export { rulesMarkdown } from './rules/doc.js';
export type { RuleDef } from './rules/define.js';
export { schemaFiles as schemas } from './schema/registry.js';
export { formatters } from './report/index.js';
export { UsageError } from './errors.js';
export type { Application, ChapterSummary, Diagnostic, Report, Severity, Summary, Lang } from './model/types.js';
