/**
 * qm as a library: everything the command line does, as functions.
 *
 *   import { checkApplication } from 'qm';
 *   const report = await checkApplication('ansokan', { date: '2026-11-15' });
 */
export { checkApplication, type CheckOptions } from './engine/check.js';
export type { CompilePdfOptions, CompilePdfResult, PdfProgress } from './pdf/index.js';
/** Compiles the submission PDF; the PDF libraries load only when it is called. */
export const compilePdf: typeof import('./pdf/index.js').compilePdf = async (folder, options) =>
  (await import('./pdf/index.js')).compilePdf(folder, options);
export { allRules as rules } from './rules/index.js';
export { rulesMarkdown } from './rules/doc.js';
export type { RuleDef } from './rules/define.js';
// Every schema file, qm.config.schema.json included: `schemas` is the set `qm schema --out` writes
// (the YAML as written); `dataSchemas` validates the data after qm has read it (Swedish numbers,
// ja/nej and single values normalised).
export { editorSchemaFiles as schemas, allSchemaFiles as dataSchemas } from './schema/all.js';
export type { Schema, SchemaFile } from './schema/registry.js';
export { initApplication, type InitOptions, type ApplicationType } from './init/index.js';
export { formatters } from './report/index.js';
export { UsageError } from './util/errors.js';
export type { Application, ChapterSummary, Diagnostic, Report, Severity, Summary, Lang } from './model/types.js';
