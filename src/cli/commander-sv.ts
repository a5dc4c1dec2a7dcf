/**
 * Commander speaks English. qm speaks Swedish by default (cli.md: "everything it says to a
 * person is Swedish by default"), so its help headings, option notes and parse errors are
 * translated here; the error comes out as qm's other usage errors do, on one line: `qm: …`.
 */
import type { Command, Help, Option } from 'commander';
import type { Lang } from '../model/types.js';

const TITLES: Record<string, string> = {
  'Usage:': 'Användning:',
  'Options:': 'Flaggor:',
  'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:',
  'Global Options:': 'Allmänna flaggor:',
};

/** Commander's parse errors, without their `error: ` prefix, in Swedish. */
const ERRORS: [RegExp, (...m: string[]) => string][] = [
  [/^unknown option '([^']*)'/, (o) => `okänd flagga ${o}`],
  [/^unknown command '([^']*)'/, (c) => `okänt kommando ${c}; se qm --help`],
  [/^missing required argument '([^']*)'/, (a) => `argumentet ${a === 'regel' ? 'regel (t.ex. k3/verksam-tre-ar)' : a} saknas`],
  [/^option '([^']*)' argument missing/, (o) => `flaggan ${o} saknar sitt värde`],
  [/^option '([^']*)' argument '([^']*)' is invalid\./, (o, v) => `ogiltigt värde ${v} för ${o}`],
  [/^required option '([^']*)' not specified/, (o) => `flaggan ${o} måste anges`],
  [
    /^too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./,
    (c, e, g) => `för många argument till qm ${c}: högst ${e}, fick ${g}`,
  ],
  [/^too many arguments\. Expected (\d+) arguments? but got (\d+)\./, (e, g) => `för många argument: högst ${e}, fick ${g}`],
];

const DID_YOU_MEAN: [RegExp, (s: string) => string][] = [
  [/\(Did you mean one of ([^)]*)\?\)/, (s) => `(menade du någon av ${s}?)`],
  [/\(Did you mean ([^)]*)\?\)/, (s) => `(menade du ${s}?)`],
];

export function commanderError(text: string, lang: Lang): string {
  const body = text.replace(/^error: /, '').trim();
  if (lang === 'en') return `qm: ${body.replace(/\s*\n\s*/g, ' ')}`;
  const [first = '', ...rest] = body.split('\n');
  let out = first;
  for (const [re, f] of ERRORS) {
    const m = re.exec(first);
    if (m) {
      out = f(...m.slice(1));
      break;
    }
  }
  let hint = rest.join(' ').trim();
  for (const [re, f] of DID_YOU_MEAN) {
    const m = re.exec(hint);
    if (m) {
      hint = f(m[1]!);
      break;
    }
  }
  return `qm: ${out}${hint ? ` ${hint}` : ''}`;
}

function words(usage: string): string {
  return usage.replace('[options]', '[flaggor]').replace('[command]', '[kommando]');
}

/** Swedish help: headings, the (default …) and (choices …) notes. */
export function swedishHelp(program: Command, lang: Lang): void {
  if (lang === 'en') return;
  program.configureHelp({
    styleTitle: (s: string) => TITLES[s] ?? s,
    commandUsage(this: Help, cmd: Command): string {
      return words(Object.getPrototypeOf(this).commandUsage.call(this, cmd) as string);
    },
    subcommandTerm(this: Help, cmd: Command): string {
      return words(Object.getPrototypeOf(this).subcommandTerm.call(this, cmd) as string);
    },
    optionDescription(this: Help, option: Option): string {
      const base = Object.getPrototypeOf(this).optionDescription.call(this, option) as string;
      return base.replace(/\(default: /, '(standard: ').replace(/choices: /, 'val: ');
    },
  } as Partial<Help>);
}
