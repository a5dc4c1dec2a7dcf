/** One line for the terminal when every report went to a file. */
import { Chalk } from 'chalk';
import type { Lang, Report } from '../model/types.js';
import { ui } from '../i18n/index.js';
import { percent } from './pretty.js';

export function oneLineSummary(reports: Report[], lang: Lang, o: { color?: boolean } = {}): string {
  const t = ui[lang];
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const sum = (k: 'errors' | 'warnings' | 'infos' | 'excepted') => reports.reduce((s, r) => s + r.summary[k], 0);
  // The mean of the folders' completeness: each application counts once, whatever its size.
  const completeness = reports.length
    ? Math.floor((reports.reduce((s, r) => s + r.summary.completeness, 0) / reports.length) * 100 + 1e-9) / 100
    : 1;
  const failed = reports.filter((r) => !r.ok).length;
  const what =
    reports.length === 1
      ? (reports[0]!.organisation ?? reports[0]!.path)
      : lang === 'en'
        ? `${reports.length} applications, ${failed} failing`
        : `${reports.length} ansökningar, ${failed} underkända`;
  const counts = [t.severityPlural.error(sum('errors')), t.severityPlural.warning(sum('warnings')), t.severityPlural.info(sum('infos'))];
  if (sum('excepted') > 0) counts.push(t.excepted(sum('excepted')));
  const line = `${what}: ${counts.join(', ')} · ${t.completenessLine(percent(completeness))}`;
  return `${failed > 0 ? c.red(line) : sum('warnings') > 0 ? c.yellow(line) : c.green(line)}\n`;
}
