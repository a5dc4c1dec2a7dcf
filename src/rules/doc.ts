/**
 * The rule catalogue as Markdown (docs/rules.md in English, docs/regler.md in Swedish),
 * generated from the rule definitions so that the documentation cannot drift from the code.
 */
import type { Lang } from '../model/types.js';
import { CHAPTER_TITLES } from '../i18n/index.js';
import { allRules } from './index.js';
import type { RuleDef } from './define.js';
import { seedQuote } from './seed.js';

const SEVERITY: Record<Lang, Record<string, string>> = {
  sv: { error: 'fel', warning: 'varning', info: 'info' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/** The anchor of a rule's row in docs/rules.md and docs/regler.md (`k3/verksam-tre-ar` → `k3-verksam-tre-ar`). */
export function ruleAnchor(id: string): string {
  return id.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function section(lang: Lang, title: string, rules: RuleDef[]): string[] {
  const sv = lang === 'sv';
  const out = [
    `## ${title}`,
    '',
    sv ? '| regel | allvar | kontrollerar | uppfylls när |' : '| rule | severity | checks | satisfied when |',
    '|---|---|---|---|',
  ];
  for (const r of rules)
    out.push(
      `| <a id="${ruleAnchor(r.id)}"></a>\`${r.id}\` | ${SEVERITY[lang][r.severity]} | ${cell(r.title[lang])} | ${cell(r.fix[lang])} |`,
    );
  const quoted = rules.filter((r) => r.seed && seedQuote(r.seed));
  if (quoted.length > 0) {
    out.push('', sv ? 'Svenska Stadskärnors egna ord:' : 'The certifier’s own words (Swedish):', '');
    for (const r of quoted) out.push(`- \`${r.id}\`: ”${seedQuote(r.seed!)}”`);
  }
  out.push('');
  return out;
}

export function rulesMarkdown(lang: Lang): string {
  const sv = lang === 'sv';
  const lines = [
    sv ? '# Reglerna i qm' : '# The rules of qm',
    '',
    sv
      ? '*Genererad från regeldefinitionerna i `src/rules/` (`npm run docs`). Ändra inte för hand.*'
      : '*Generated from the rule definitions in `src/rules/` (`npm run docs`). Do not edit by hand.*',
    '',
    sv
      ? 'Allvar: **fel** – ett krav i Svenska Stadskärnors text är inte uppfyllt (kan inte stängas av, men ett `undantag` med motivering kan anges); **varning** – bedömaren efterfrågar det eller kapitlen motsäger varandra; **info** – ett förslag. Varningar och info kan graderas om under `regler` i `qm.config.yaml`. `qm explain REGEL` visar ett exempel.'
      : 'Severity: **error** – a requirement of the certifier’s text is not met (cannot be turned off, but an `undantag` with a justification can be recorded); **warning** – the assessor asks for it or the chapters contradict each other; **info** – a suggestion. Warnings and infos can be re-graded under `regler` in `qm.config.yaml`. `qm explain RULE` shows an example.',
    '',
  ];
  const groups: [string, (r: RuleDef) => boolean][] = [
    [
      sv ? 'Filer och struktur' : 'Files and structure',
      (r) => /^(ansokan\/saknas|kapitel\/|fil\/|schema\/|id\/|text\/|config\/|pdf\/)/.test(r.id),
    ],
    [sv ? 'Bilagor' : 'Attachments', (r) => r.id.startsWith('bilaga/')],
    [sv ? 'Ansökan' : 'Application', (r) => r.id.startsWith('ansokan/') && r.id !== 'ansokan/saknas'],
  ];
  for (const [title, pick] of groups) lines.push(...section(lang, title, allRules.filter(pick)));
  for (let n = 1; n <= 9; n++) {
    lines.push(
      ...section(
        lang,
        `${sv ? 'Kapitel' : 'Chapter'} ${n} ${CHAPTER_TITLES[n - 1]}`,
        allRules.filter((r) => r.chapter === n),
      ),
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
