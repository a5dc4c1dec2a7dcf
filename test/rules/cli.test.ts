/**
 * Through the built binary: the JSON report has exactly the shape of cli.md, `check` never
 * writes into the application folder, and broken input never gives a stack trace or an exit
 * code other than 0, 1 or 2.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { qm, tempDir } from '../helpers/app.js';
import { CH, put, remove, sub, variant, type Edit } from './variant.js';

/** Every path under a folder with the hash of its content (or its kind), so that any write shows. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of (await readdir(dir, { recursive: true })).sort()) {
    const abs = join(dir, rel);
    const st = await stat(abs).catch(() => undefined);
    if (!st) out[rel] = 'dangling';
    else if (st.isDirectory()) out[rel] = 'dir';
    else if (st.isFile())
      out[rel] = `${st.mtimeMs}:${createHash('sha256')
        .update(await readFile(abs))
        .digest('hex')}`;
    else out[rel] = 'special';
  }
  return out;
}

const STACK = /\n\s+at .+[:(]/;

describe('qm check --format json', () => {
  const faultsOfEveryKind: Edit[] = [
    sub(CH[3], 'bildad: 2016-03-01', 'bildad: 2024-05-01'),
    sub('ansokan.yaml', '802439-4630', '802439-4631'),
    put('bilagor/logotyp-gammal.png', 'x'),
    sub(CH[1], 'startad: 2012', 'startad: 2012\nmål/år: 2030'),
    put(
      'qm.config.yaml',
      'undantag:\n  - regel: k5/dokument\n    motivering: Visionen antogs muntligen vid årsmötet och protokollet justeras i december.\n',
    ),
  ];

  it('prints exactly the shape of cli.md', async () => {
    const { dir } = await variant(faultsOfEveryKind);
    const res = await qm(['check', dir, '--format', 'json', '--date', '2026-11-15']);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('');
    const json = JSON.parse(res.stdout);
    expect(Object.keys(json)).toEqual(['version', 'applications']);
    expect(json.version).toBe(1);
    expect(json.applications).toHaveLength(1);
    const app = json.applications[0];
    expect(Object.keys(app)).toEqual([
      'path',
      'organisation',
      'referenceDate',
      'referenceDateSource',
      'ok',
      'summary',
      'chapters',
      'diagnostics',
    ]);
    expect(app).toMatchObject({
      path: dir,
      organisation: 'Centrumsamverkan Storvik',
      referenceDate: '2026-11-15',
      referenceDateSource: 'option',
      ok: false,
    });
    expect(Object.keys(app.summary)).toEqual(['errors', 'warnings', 'infos', 'excepted', 'completeness']);
    expect(app.summary).toMatchObject({ errors: 2, warnings: 3, infos: 0, excepted: 0 });
    expect(app.summary.completeness).toBeGreaterThan(0);
    expect(app.summary.completeness).toBeLessThan(1);
    expect(String(app.summary.completeness)).toMatch(/^0\.\d{1,2}$/);

    expect(app.chapters.map((c: { number: number }) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const c of app.chapters) {
      expect(Object.keys(c)).toEqual(['number', 'title', 'file', 'passed', 'total', 'errors', 'warnings', 'infos', 'excepted']);
      for (const k of ['passed', 'total', 'errors', 'warnings', 'infos', 'excepted']) expect(typeof c[k]).toBe('number');
    }
    expect(app.chapters[2]).toMatchObject({ title: 'Organisation', file: '03-organisation.md', errors: 1, passed: 6, total: 7 });
    expect(app.chapters[8]).toMatchObject({ title: 'Kommunikation och dialog', file: '09-kommunikation.md', errors: 0 });

    const byRule = Object.fromEntries(app.diagnostics.map((d: { rule: string }) => [d.rule, d]));
    for (const d of app.diagnostics)
      expect(Object.keys(d)).toEqual(['rule', 'severity', 'chapter', 'file', 'line', 'column', 'pointer', 'message']);
    expect(byRule['k3/verksam-tre-ar']).toEqual({
      rule: 'k3/verksam-tre-ar',
      severity: 'error',
      chapter: 3,
      file: '03-organisation.md',
      line: 2,
      column: 9,
      pointer: '/bildad',
      message:
        'Organisationen bildades 2024-05-01 och har varit verksam i 2 år och 6 månader. Kravet är minst tre år; det uppfylls 2027-05-01.',
    });
    expect(byRule['ansokan/organisationsnummer']).toMatchObject({ chapter: null, file: 'ansokan.yaml', line: 2, column: 22 });
    expect(byRule['bilaga/oanvand']).toMatchObject({
      chapter: null,
      file: 'bilagor/logotyp-gammal.png',
      line: null,
      column: null,
      pointer: null,
    });
    // A key holding `/` is escaped in the pointer.
    expect(byRule['schema/okant-falt']).toMatchObject({ chapter: 1, pointer: '/mål~1år', line: 3, column: 1 });
    expect(byRule['config/oanvant-undantag']).toMatchObject({
      severity: 'warning',
      chapter: null,
      file: 'qm.config.yaml',
      line: 2,
      column: 5,
    });
  });

  it('adds `excepted` with the reason to an excepted error, counts it apart, and keeps ok true', async () => {
    const config =
      'undantag:\n  - regel: k3/verksam-tre-ar\n    motivering: Föreningen bildades 2024 men ägarna har åtagit sig finansieringen till 2029.\n';
    const { dir } = await variant([sub(CH[3], 'bildad: 2016-03-01', 'bildad: 2024-05-01'), put('qm.config.yaml', config)]);
    const res = await qm(['check', dir, '--format', 'json']);
    expect(res.code).toBe(0);
    const app = JSON.parse(res.stdout).applications[0];
    expect(app.referenceDateSource).toBe('ansökningsdatum');
    expect(app.ok).toBe(true);
    expect(app.summary).toMatchObject({ errors: 0, excepted: 1 });
    expect(app.chapters[2]).toMatchObject({ errors: 0, excepted: 1 });
    expect(Object.keys(app.diagnostics[0])).toEqual([
      'rule',
      'severity',
      'chapter',
      'file',
      'line',
      'column',
      'pointer',
      'message',
      'excepted',
    ]);
    expect(app.diagnostics[0].excepted).toEqual({ reason: 'Föreningen bildades 2024 men ägarna har åtagit sig finansieringen till 2029.' });
  });

  it('reports several folders, each with its own reference date and source', async () => {
    const a = (await variant([])).dir;
    const b = (await variant(sub('ansokan.yaml', 'ansökningsdatum: 2026-11-15', 'ansökningsdatum: 2026-06-01'))).dir;
    const res = await qm(['check', a, b, '--format', 'json']);
    const apps = JSON.parse(res.stdout).applications;
    expect(apps.map((x: { referenceDate: string; referenceDateSource: string }) => [x.referenceDate, x.referenceDateSource])).toEqual([
      ['2026-11-15', 'ansökningsdatum'],
      ['2026-06-01', 'ansökningsdatum'],
    ]);
  });

  it('writes the messages in English with --lang en', async () => {
    const { dir } = await variant(sub(CH[3], 'bildad: 2016-03-01', 'bildad: 2024-05-01'));
    const res = await qm(['check', dir, '--format', 'json', '--lang', 'en']);
    expect(JSON.parse(res.stdout).applications[0].diagnostics[0].message).toContain('2 years and 6 months');
  });
});

describe('the reference date in the pretty report', () => {
  it('says where it came from: --date, ansökningsdatum or today', async () => {
    const { dir } = await variant([]);
    expect((await qm(['check', dir, '--date', '2026-06-30'])).stdout).toContain('Referensdatum 2026-06-30 (från --date)');
    expect((await qm(['check', dir])).stdout).toContain('Referensdatum 2026-11-15 (ansökningsdatum)');
    const noDate = (await variant(sub('ansokan.yaml', 'ansökningsdatum: 2026-11-15\n', ''))).dir;
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect((await qm(['check', noDate])).stdout).toContain(`Referensdatum ${iso} (dagens datum)`);
    expect((await qm(['check', noDate, '--lang', 'en'])).stdout).toContain(`Reference date ${iso} (today)`);
  });
});

describe('qm check never writes into the application folder', () => {
  it('leaves every file and folder as it was, in every format and after errors', async () => {
    const { dir } = await variant([
      sub(CH[3], 'bildad: 2016-03-01', 'bildad: 2024-05-01'),
      put('bilagor/logotyp-gammal.png', 'x'),
      sub(CH[4], 'budgetår: 2026', 'budgetår: [2026'),
    ]);
    const before = await fingerprint(dir);
    for (const format of ['pretty', 'json', 'junit', 'sarif', 'github', 'markdown']) {
      const res = await qm(['check', dir, '--format', format], { cwd: dir });
      expect([0, 1], `${format}: ${res.stderr}`).toContain(res.code);
    }
    expect(await fingerprint(dir)).toEqual(before);
  });
});

describe('broken input', () => {
  const broken: [string, Edit][] = [
    ['binary noise as a chapter', put(CH[3], Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))],
    ['an empty chapter', put(CH[4], '')],
    ['only ---', put(CH[5], '---\n')],
    ['front matter that is a number', put(CH[5], '---\n42\n---\n# Vision\n')],
    ['a NUL byte in the text', put(CH[6], '---\nförankring: "a\u0000b"\n---\n# Mål\n')],
    ['10 000 nested lists', put(CH[7], `---\nåtgärder: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n`)],
    ['a key that is a list', put(CH[8], '---\n[a, b]: 1\n---\n# Uppföljning\n')],
    [
      'ansokan.yaml as a folder',
      async (d) => {
        await remove('ansokan.yaml')(d);
        await mkdir(join(d, 'ansokan.yaml'));
      },
    ],
    ['ansokan.yaml that is a list', put('ansokan.yaml', '- organisation\n- kommun\n')],
    [
      'a link that points at itself',
      async (d) => {
        await remove('bilagor/karta-arbetsomrade.png')(d);
        await symlink('karta-arbetsomrade.png', join(d, 'bilagor/karta-arbetsomrade.png'));
      },
    ],
    ['an attachment path with a NUL byte', sub(CH[3], 'karta: bilagor/karta-arbetsomrade.png', 'karta: "bilagor/karta\\0.png"')],
    ['a date of year 0000 and month 13', sub(CH[3], 'bildad: 2016-03-01', 'bildad: 0000-13-45')],
    ['a huge number', sub(CH[4], 'budget: 3 900 000 kr', `budget: ${'9'.repeat(400)}`)],
    ['a value that is a mapping where text is wanted', sub(CH[5], /^vision: .*$/m, 'vision: {a: 1}')],
  ];

  it.each(broken)('%s: a diagnostic or a one-line message, exit 0, 1 or 2, no stack trace', async (_name, edit) => {
    const { dir } = await variant(edit);
    const res = await qm(['check', dir]);
    expect([0, 1, 2]).toContain(res.code);
    expect(res.stdout + res.stderr).not.toMatch(STACK);
    if (res.code === 2) expect(res.stderr.trim().split('\n')).toHaveLength(1);
    else expect(res.stderr).toBe('');
  });

  it('a folder that does not exist: exit 2, one line', async () => {
    const res = await qm(['check', join(await tempDir(), 'finns-inte')]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('finns inte');
  });

  it.each([
    [['check', '--bogus'], 'qm: okänd flagga --bogus\n'],
    [['check', '--dat', '2026-11-15'], 'qm: okänd flagga --dat (menade du --date?)\n'],
    [['check', '.', '--date'], 'qm: flaggan --date <datum> saknar sitt värde\n'],
    [['explain'], 'qm: argumentet regel (t.ex. k3/verksam-tre-ar) saknas\n'],
    [['init', 'a', 'b'], 'qm: för många argument till qm init: högst 1, fick 2\n'],
    [['chek'], 'qm: okänt kommando chek; se qm --help (menade du check?)\n'],
    [['check', '--bogus', '--lang', 'en'], "qm: unknown option '--bogus'\n"],
  ])('a bad command line %j: exit 2, one line, in Swedish by default', async (args, stderr) => {
    const res = await qm(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(stderr);
    expect(res.stdout).toBe('');
  });

  it('no command at all: the help on stderr and exit 2 (a pipeline must not take it for success)', async () => {
    const res = await qm([]);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^Användning: qm \[flaggor\] \[kommando\]/);
    expect((await qm(['help'])).code).toBe(0);
  });

  it('helps in Swedish', async () => {
    const res = await qm(['check', '--help']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Användning: qm check \[flaggor\] \[mappar\.\.\.\]\n/);
    expect(res.stdout).toContain('\nFlaggor:\n');
    expect(res.stdout).toContain('visa bara fel');
    expect(res.stdout).not.toMatch(/Usage|Options|default:/);
  });

  it('a bad --date: exit 2, one line', async () => {
    const { dir } = await variant([]);
    const res = await qm(['check', dir, '--date', '15/11/2026']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^qm: .*ÅÅÅÅ-MM-DD.*\n$/);
  });

  it('a folder with neither chapters nor ansokan.yaml is no application: one line, exit 2', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'anteckningar.txt'), 'x');
    const res = await qm(['check', dir, '--format', 'json', '--date', '2026-11-15']);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^qm: .* är ingen ansökningsmapp: där finns varken ansokan\.yaml eller någon kapitelfil.*\n$/);
  });

  it('a folder with ansokan.yaml alone: every chapter missing, exit 1', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ansokan.yaml'), 'organisation: Handelsföreningen Älvbacka\n');
    const res = await qm(['check', dir, '--format', 'json', '--date', '2026-11-15']);
    expect(res.code).toBe(1);
    const app = JSON.parse(res.stdout).applications[0];
    const missing = app.diagnostics.filter((d: { rule: string }) => d.rule === 'kapitel/saknas');
    expect(missing.map((d: { chapter: number }) => d.chapter)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(missing[8]).toMatchObject({ file: null, line: null, column: null, pointer: null });
    expect(app.summary.completeness).toBe(0);
  });
});
