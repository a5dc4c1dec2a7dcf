/** `--format json`: the stable, versioned shape of cli.md. */
import type { Report } from '../model/types.js';

export const JSON_VERSION = 1;

export function toJson(reports: Report[]): object {
  return {
    version: JSON_VERSION,
    applications: reports.map((r) => ({
      path: r.path,
      organisation: r.organisation,
      referenceDate: r.referenceDate,
      referenceDateSource: r.referenceDateSource,
      ok: r.ok,
      summary: r.summary,
      chapters: r.chapters.map((c) => ({
        number: c.number,
        title: c.title,
        file: c.file,
        passed: c.passed,
        total: c.total,
        errors: c.errors,
        warnings: c.warnings,
        infos: c.infos,
        excepted: c.excepted,
      })),
      diagnostics: r.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        chapter: d.chapter,
        file: d.file,
        line: d.line,
        column: d.column,
        pointer: d.pointer,
        message: d.message,
        ...(d.excepted ? { excepted: d.excepted } : {}),
      })),
    })),
  };
}

export function formatJson(reports: Report[]): string {
  return `${JSON.stringify(toJson(reports), null, 2)}\n`;
}
