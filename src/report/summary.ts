import type { Lang, Report } from '../model/types.js';
import { ui } from '../i18n/index.js';
import { percent } from './pretty.js';

/** One line for the terminal when the reports went to files. */
export function oneLineSummary(reports: Report[], lang: Lang): string {
  const t = ui[lang];
  const sum = (k: 'errors' | 'warnings' | 'infos') => reports.reduce((s, r) => s + r.summary[k], 0);
  const completeness = reports.length ? reports.reduce((s, r) => s + r.summary.completeness, 0) / reports.length : 1;
  const what = reports.length === 1 ? (reports[0]!.organisation ?? reports[0]!.path) : `${reports.length} ${lang === 'en' ? 'applications' : 'ansökningar'}`;
  return `${what}: ${t.severityPlural.error(sum('errors'))}, ${t.severityPlural.warning(sum('warnings'))}, ${t.severityPlural.info(sum('infos'))} · ${t.completeness} ${percent(completeness)}\n`;
}
