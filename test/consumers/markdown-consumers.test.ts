/**
 * `--format markdown` as its readers take it: markdownlint (the linter of the Markdown
 * ecosystem) finds nothing, and a CommonMark/GFM parser (micromark, as GitHub's renderer reads
 * GFM) shows user text as written: no emphasis, link, autolink, strike-through or math from an
 * organisation's name, and no cell cut by a `|`, also after a backslash. cli.md's size limit:
 * 50 draft applications stay within 65,000 characters, with the summary table first and one
 * line that says what was left out and where the whole report is.
 */
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/types.js';
import { formatters } from '../../src/report/index.js';
import { FIXTURES, REF, qm, tempDir } from '../helpers/app.js';
import { shared, type Shared } from '../report/fixture.js';

/** markdownlint's rules, less three that do not fit a report embedded in a page. */
const CONFIG = {
  default: true,
  // A table row is one line, as long as its cells.
  MD013: false,
  // <br> is the only way to break a line inside a table cell.
  MD033: { allowed_elements: ['br'] },
  // The report is part of a page (a pull request, a job summary) that has its own title.
  MD041: false,
};

function markdownlint(md: string): string[] {
  const res = lint({ strings: { md }, config: CONFIG });
  return res.md!.map((e) => `${e.lineNumber}: ${e.ruleNames.join('/')} ${e.errorDetail ?? ''} ${e.errorContext ?? ''}`);
}

const html = (md: string) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });

/** The cells of every body row of every table, as the GFM parser splits them. */
function cells(md: string): string[][] {
  return [...html(md).matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!))
    .filter((row) => row.length > 0);
}

let s: Shared;
beforeAll(async () => {
  s = await shared();
});

describe('markdown, as markdownlint and a GFM parser read it', () => {
  it('markdownlint finds nothing: two applications, one, --quiet, English', () => {
    for (const md of [
      formatters.markdown(s.reports, s.ctx()),
      formatters.markdown([s.reports[0]!], s.ctx()),
      formatters.markdown(s.reports, s.ctx({ quiet: true })),
      formatters.markdown(s.reports, s.ctx({ lang: 'en' })),
    ])
      expect(markdownlint(md)).toEqual([]);
  });

  it('an organisation with emphasis, link, autolink, strike-through, math and HTML reads as written', () => {
    const r: Report = structuredClone(s.reports[0]!);
    const name = '*Förening* _x_ **y** [klicka](https://evil.example) https://evil.example www.evil.example a@b.se ~~z~~ $m$ <b>h</b> & #';
    r.organisation = name;
    const md = formatters.markdown([r, s.reports[1]!], s.ctx());
    expect(markdownlint(md)).toEqual([]);
    const out = html(md);
    // The heading and the summary cell hold the name as text, character for character: no
    // <em>, <strong>, <a>, <del>, <b> or math in them.
    const text = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(out).toContain(`<h3>❌ ${text} · <code>kunder/Älvbacka, 2026: utkast</code></h3>`);
    expect(cells(md)[0]![2]).toBe(text);
  });

  it('a backslash before | in a value, a pipe and a backtick keep every row’s cells', () => {
    const r: Report = structuredClone(s.reports[0]!);
    const plain = cells(formatters.markdown([r], s.ctx())).map((row) => row.length);
    r.diagnostics = r.diagnostics.map((d) => ({ ...d, message: `${d.message} a\\|b \\\\| c | \`d\` \\` }));
    r.organisation = 'Förening\\|Två';
    const md = formatters.markdown([r], s.ctx());
    expect(cells(md).map((row) => row.length)).toEqual(plain);
    expect(html(md)).toContain('a\\|b \\\\| c | <code>'.replace('<code>', '`d`'));
    expect(markdownlint(md)).toEqual([]);
  });
});

describe('markdown size (cli.md)', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await tempDir('qm-md-size-');
    await mkdir(join(cwd, 'kunder'));
    for (let i = 1; i <= 50; i++)
      await cp(join(FIXTURES, 'utkast'), join(cwd, 'kunder', `utkast-${String(i).padStart(2, '0')}`), { recursive: true });
  }, 120_000);

  it('50 draft applications: within 65,000 characters, the summary table whole, details in order, then what was left out', async () => {
    const run = await qm(['check', 'kunder/*', '--format', 'markdown', '--date', REF], { cwd });
    expect(run.code).toBe(1);
    const md = run.stdout;
    expect(md.length).toBeLessThanOrEqual(65_000);
    expect(md).toMatch(/^## Sammanfattning\n/);
    const rows = md.split('\n').filter((l) => l.startsWith('| ❌ | `kunder/utkast-'));
    expect(rows).toHaveLength(50);
    const shown = [...md.matchAll(/^### ❌ Handelsföreningen Älvbacka · `kunder\/utkast-\d\d`$/gm)].length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(50);
    // The last application shown may be shown in part: its points up to the limit.
    const last = md.trimEnd().split('\n').pop()!;
    const m =
      /^\*\*Utelämnat: detaljerna för (\d+) av 50 ansökningar(?: och (\d+) punkter)?\*\* \(rapporten är begränsad till 65 000 tecken, `--markdown-max`\)\. Hela rapporten: `qm check` med `--format pretty`\.$/.exec(
        last,
      );
    expect(m, last).not.toBeNull();
    expect(Number(m![1])).toBe(50 - shown);
    expect(markdownlint(md)).toEqual([]);
    // In GitHub Actions, the line names the run, whose log holds the whole report.
    const gh = await qm(['check', 'kunder/*', '--format', 'pretty', '--format', 'markdown=sammanfattning.md', '--date', REF], {
      cwd,
      env: { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '42' },
    });
    expect(gh.code).toBe(1);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(join(cwd, 'sammanfattning.md'), 'utf8')).toContain(
      'Hela rapporten: `jobbets logg`, <https://github.com/o/r/actions/runs/42>.',
    );
  }, 120_000);

  it('--markdown-max: a larger limit shows everything; a limit under 1000 is refused', async () => {
    const all = await qm(['check', 'kunder/*', '--format', 'markdown', '--date', REF, '--markdown-max', '2000000'], { cwd });
    expect([...all.stdout.matchAll(/^### ❌ /gm)]).toHaveLength(50);
    expect(all.stdout).not.toContain('Utelämnat');
    const one = await qm(['check', 'kunder/utkast-01', '--format', 'markdown', '--date', REF, '--markdown-max', '3000'], { cwd });
    expect(one.stdout.length).toBeLessThanOrEqual(3000);
    expect(one.stdout).toMatch(/\*\*Utelämnat: \d+ punkter\*\*/);
    expect(markdownlint(one.stdout)).toEqual([]);
    const bad = await qm(['check', 'kunder/utkast-01', '--format', 'markdown', '--markdown-max', '999'], { cwd });
    expect([bad.code, bad.stderr]).toEqual([2, 'qm: --markdown-max ska vara ett antal tecken, minst 1000, inte ”999”.\n']);
  }, 120_000);
});
