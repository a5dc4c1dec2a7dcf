/** `qm rules` and `qm explain RULE`. */
import { closest } from '../util/text.js';
import type { Lang } from '../model/types.js';
import { allRules, ruleById } from '../rules/index.js';
import { seedQuote } from '../rules/seed.js';
import { CHAPTER_TITLES, ui } from '../i18n/index.js';
import { UsageError } from '../util/errors.js';
import type { Io } from './io.js';

export function runRules(opts: { format?: string; lang?: string }, io: Io, lang: Lang): number {
  if (opts.format === 'json') {
    const list = allRules.map((r) => ({ id: r.id, severity: r.severity, chapter: r.chapter, title: r.title[lang] }));
    io.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return 0;
  }
  const t = ui[lang];
  const idWidth = Math.max(...allRules.map((r) => r.id.length));
  const sevWidth = Math.max(...Object.values(t.severity).map((s) => s.length));
  for (const r of allRules) {
    const chapter = r.chapter === null ? '–' : String(r.chapter);
    io.stdout.write(
      `${r.id.padEnd(idWidth)}  ${t.severity[r.severity].padEnd(sevWidth)}  ${chapter.padStart(2)}  ${r.title[lang].replace(/`/g, '')}\n`,
    );
  }
  return 0;
}

/** The rules `qm check --fix` applies (src/fix): spelling, never content. */
const SPELLING = new Set(['schema/ascii-nyckel', 'schema/decimalkomma']);

/** ”Karta saknas” → ”karta saknas” after a colon, but not an id or a key (`bildad`, k3/…). */
function lowerFirst(text: string): string {
  const first = text.split(/\s/)[0] ?? '';
  return /^[A-ZÅÄÖ]([a-zåäöé’]*[a-zåäö])?$/.test(first.replace(/[,:]$/, '')) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

export function explainText(id: string, lang: Lang): string {
  const rule = ruleById.get(id);
  if (!rule) throw new UsageError('unknown-rule', { rule: id, suggestion: closest(id, ruleById.keys()) ?? '' });
  const sv = lang === 'sv';
  const lines: string[] = [];
  const where =
    rule.chapter === null
      ? sv
        ? 'filer, bilagor och ansökan'
        : 'files, attachments and the application'
      : `${sv ? 'kapitel' : 'chapter'} ${rule.chapter} ${CHAPTER_TITLES[rule.chapter - 1]}`;
  lines.push(`${rule.id} (${ui[lang].severity[rule.severity]}, ${where})`);
  lines.push('');
  // A rule's title names what it reports (”Karta över arbetsområdet saknas”), so it is introduced as that.
  lines.push(`${sv ? 'Anmärker när' : 'Reported when'}: ${lowerFirst(rule.title[lang])}.`);
  lines.push(`${sv ? 'Uppfylls när' : 'Satisfied when'}: ${rule.fix[lang]}`);
  if (SPELLING.has(rule.id))
    lines.push(
      sv
        ? 'Gäller bara hur värdet är skrivet, inte vad ansökan säger: `qm check --fix` skriver om det (eller gör det för hand). Inget krav, så inget undantag behövs.'
        : 'Only about how the value is written, not what the application says: `qm check --fix` rewrites it (or do it by hand). Not a requirement, so no exception is needed.',
    );
  else if (rule.severity !== 'error')
    lines.push(
      sv
        ? 'Kan graderas om eller stängas av under `regler` i qm.config.yaml.'
        : 'Can be re-graded or turned off under `regler` in qm.config.yaml.',
    );
  else
    lines.push(
      sv
        ? 'Ett krav: kan inte stängas av, men ett `undantag` med motivering kan anges i qm.config.yaml.'
        : 'A requirement: it cannot be turned off, but an `undantag` with a justification can be recorded in qm.config.yaml.',
    );
  if (rule.example) {
    lines.push('');
    lines.push(sv ? 'Exempel:' : 'Example:');
    for (const l of rule.example.split('\n')) lines.push(`    ${l}`);
  }
  const quote = rule.seed ? seedQuote(rule.seed) : undefined;
  if (quote) {
    lines.push('');
    lines.push(sv ? 'Svenska Stadskärnors text:' : 'The certifier’s words (Swedish):');
    lines.push(`    ”${quote}”`);
  }
  return `${lines.join('\n')}\n`;
}

export function runExplain(id: string, io: Io, lang: Lang): number {
  io.stdout.write(explainText(id, lang));
  return 0;
}
