/** The help and `qm explain` as a person reads them, in Swedish and in English. */
import { describe, expect, it } from 'vitest';
import { copyExample, qm } from '../helpers/app.js';
import { HOMEPAGE } from '../../src/version.js';

const COMMANDS = ['', 'check', 'init', 'pdf', 'rules', 'explain', 'lsp', 'schema'];

async function help(command: string, lang?: 'en'): Promise<string> {
  const res = await qm([...(command ? [command] : []), '--help', ...(lang ? ['--lang', lang] : [])]);
  expect(res.code).toBe(0);
  return res.stdout;
}

describe('the Swedish help', () => {
  it('uses Swedish placeholders and words in every command, and no English heading', async () => {
    for (const c of COMMANDS) {
      const text = await help(c);
      expect(text, c).not.toMatch(/<(file|date|dir|lang|name|type|chars)>|\[(options|command|folders?)\]/);
      expect(text, c).not.toMatch(/standard (ut|in|output)|Usage|Options:|Commands:|default:/);
    }
    const check = await help('check');
    expect(check).toContain('-o, --output <fil>');
    // The help wraps to the terminal: compare with the line breaks as spaces.
    expect(check.replace(/\s+/g, ' ')).toContain('skriv rapporten till en fil i stället för till terminalen');
    expect(check).toContain('--date <datum>');
    expect(check).toContain('--config <fil>');
    expect(check).toContain('--lang <språk>');
    expect(await help('schema')).toContain('--out <mapp>');
    expect(await help('init')).toContain('--organisation <namn>');
  });

  it('shows --lang at the top, and ends with examples and where the documentation is', async () => {
    const top = await help('');
    expect(top).toMatch(/\n {2}--lang <språk> +sv \| en: språket qm skriver på/);
    expect(top).toContain('\nExempel:\n  qm init storvik --organisation "Centrumsamverkan Storvik"');
    expect(top).toMatch(/\n {2}qm check storvik +# kontrollera den\n/);
    expect(top).toContain('Varje kommando har en egen hjälp: qm help check.');
    expect(top).toMatch(/Dokumentation: README\.md .*\n.*docs\/regler\.md.*/);
    expect(top).toContain(HOMEPAGE);
    const check = await help('check');
    expect(check).toMatch(/\nExempel:\n(.*\n)* {2}qm check 'kunder\/\*' +# varje ansökan under kunder\//);
    expect(check).toContain('qm check storvik --watch');
    expect(check.trimEnd().endsWith(HOMEPAGE)).toBe(true);
  });
});

describe('the English help', () => {
  it('has no Swedish line: only Swedish names (Svenska Stadskärnor), values (förnyelse) and letters (å ä ö)', async () => {
    for (const c of COMMANDS) {
      const text = await help(c, 'en');
      const swedish = text
        .split('\n')
        .filter((l) => /[åäöÅÄÖ]|\b(och|eller|mapp|fil|kommando|flaggor|visa|Användning)\b/.test(l))
        .filter((l) => !/Svenska Stadskärnor|ny \(new\) \| förnyelse \(renewal\)|without å ä ö/.test(l));
      expect(swedish, c).toEqual([]);
    }
    const top = await help('', 'en');
    expect(top).toContain('help [command]');
    expect(top).toMatch(/\n {2}--lang <lang> +sv \| en: the language qm writes in/);
    expect(top).toContain('\nExamples:\n');
    expect(top).toMatch(/Documentation: README\.md .*\n.*docs\/rules\.md.*/);
  });
});

describe('--lang before or after the command', () => {
  it('gives the same English report either way', async () => {
    const dir = await copyExample('storvik');
    const before = await qm(['--lang', 'en', 'check', dir]);
    const after = await qm(['check', dir, '--lang', 'en']);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('0 errors, 0 warnings, 0 info · 100 % of requirements met');
    expect(after.stdout).toBe(before.stdout);
    const bad = await qm(['--lang', 'fi', 'check', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('qm: Okänt språk ”fi”. Välj sv eller en.\n');
  });
});

describe('qm explain', () => {
  it('introduces the rule with what it reports, not as the check itself', async () => {
    const res = await qm(['explain', 'k3/karta']);
    expect(res.stdout).toContain('\nAnmärker när: karta över arbetsområdet saknas.\nUppfylls när: ');
    expect(res.stdout).not.toContain('Vad den kontrollerar');
    const en = await qm(['explain', 'schema/decimalkomma', '--lang', 'en']);
    expect(en.stdout).toContain('\nReported when: a decimal comma in a flow mapping');
  });

  it('calls schema/decimalkomma a matter of spelling that --fix rewrites, not a requirement to waive', async () => {
    const res = await qm(['explain', 'schema/decimalkomma']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('`qm check --fix` skriver om det');
    expect(res.stdout).toContain('Inget krav, så inget undantag behövs.');
    expect(res.stdout).not.toMatch(/Ett krav|undantag` med motivering/);
    // A real requirement still says how an exception is recorded.
    expect((await qm(['explain', 'k3/karta'])).stdout).toContain('Ett krav: kan inte stängas av, men ett `undantag` med motivering');
  });

  it('keeps the Swedish example of k7/budget-overstiger in Swedish', async () => {
    const res = await qm(['explain', 'k7/budget-overstiger']);
    const example = res.stdout.slice(res.stdout.indexOf('Exempel:'));
    const comments = example.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments.length).toBeGreaterThan(0);
    for (const l of comments) expect(l).not.toMatch(/\b(the|is|days|counts|of|against)\b/);
    expect(example).toContain('varav 365 under 2026');
  });
});
