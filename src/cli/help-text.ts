/**
 * What the help ends with: examples a consultant can copy, and where the documentation is. Plain
 * text in the help's language; commander prints it after the options (addHelpText 'after').
 */
import type { Lang } from '../model/types.js';
import { HOMEPAGE } from '../version.js';

function block(title: string, lines: [string, string][]): string {
  const width = Math.max(...lines.map(([cmd]) => cmd.length));
  return [title, ...lines.map(([cmd, what]) => `  ${cmd.padEnd(width)}  # ${what}`)].join('\n');
}

function docs(lang: Lang): string {
  return lang === 'en'
    ? `Documentation: README.md (installed with qm), and the file format, every rule and CI\nrecipes in docs/format.md, docs/rules.md and docs/ci.md at ${HOMEPAGE}`
    : `Dokumentation: README.md (installeras med qm), och filformatet, alla regler och CI-recept\ni docs/format.md, docs/regler.md och docs/ci.md på ${HOMEPAGE}`;
}

/** After the top-level help. */
export function programFooter(lang: Lang): string {
  const en = lang === 'en';
  return `\n${block(en ? 'Examples:' : 'Exempel:', [
    ['qm init storvik --organisation "Centrumsamverkan Storvik"', en ? 'a new application folder' : 'en ny ansökningsmapp'],
    ['qm check storvik', en ? 'check it' : 'kontrollera den'],
    ['qm explain k3/verksam-tre-ar', en ? 'what a rule asks for' : 'vad en regel kräver'],
    ['qm pdf storvik', en ? 'the PDF to submit' : 'PDF:en att lämna in'],
    ['qm --lang en check storvik', en ? 'in English (or QM_LANG=en)' : 'på engelska (eller QM_LANG=en)'],
  ])}\n\n${en ? 'Each command has its own help: qm help check.' : 'Varje kommando har en egen hjälp: qm help check.'}\n${docs(lang)}\n`;
}

/** After `qm check --help`. */
export function checkFooter(lang: Lang): string {
  const en = lang === 'en';
  return `\n${block(en ? 'Examples:' : 'Exempel:', [
    ['qm check storvik', en ? 'one folder' : 'en mapp'],
    ["qm check 'kunder/*'", en ? 'every application under kunder/' : 'varje ansökan under kunder/'],
    ['qm check storvik --watch', en ? 'again on every save' : 'igen vid varje sparning'],
    ['qm check storvik --fix', en ? 'fix the spelling first' : 'rätta stavningen först'],
    ['qm check storvik --format sarif=qm.sarif', en ? 'a report file for CI' : 'en rapportfil för CI'],
  ])}\n\n${docs(lang)}\n`;
}

/** After `qm pdf --help` and `qm init --help`. */
export function docsFooter(lang: Lang): string {
  return `\n${docs(lang)}\n`;
}
