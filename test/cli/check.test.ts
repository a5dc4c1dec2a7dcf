import { cp, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { copyExample, FIXTURES, qm, replace, tempDir } from '../helpers/app.js';

/** A consultant's folder of clients: two complete applications and a draft. */
async function clients(): Promise<string> {
  const cwd = await tempDir('qm-kunder-');
  await mkdir(join(cwd, 'kunder'));
  await cp(join(FIXTURES, 'storvik'), join(cwd, 'kunder', 'storvik'), { recursive: true });
  await cp(join(FIXTURES, 'storvik'), join(cwd, 'kunder', 'västanå'), { recursive: true });
  await replace(join(cwd, 'kunder', 'västanå'), 'ansokan.yaml', 'Centrumsamverkan Storvik', 'Västanå Centrumförening');
  await cp(join(FIXTURES, 'utkast'), join(cwd, 'kunder', 'älvbacka'), { recursive: true });
  await writeFile(join(cwd, 'kunder', 'LÄSMIG.txt'), 'Kundmappar, en per ansökan.\n');
  return cwd;
}

async function listing(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return (await Promise.all(entries.map(async (e) => `${e} ${(await stat(join(dir, e))).size}`))).sort();
}

describe('qm check on many folders', () => {
  it('expands a glob itself, ends with a summary table and exits with the worst code', async () => {
    const cwd = await clients();
    const res = await qm(['check', 'kunder/*'], { cwd });
    expect(res.code).toBe(1);
    const table = res.stdout.slice(res.stdout.lastIndexOf('Sammanfattning'));
    const rows = table.split('\n').slice(2, 5);
    expect(rows[0]).toMatch(/^kunder\/storvik\s+Centrumsamverkan Storvik\s+0\s+0\s+100 %$/);
    expect(rows[1]).toMatch(/^kunder\/västanå\s+Västanå Centrumförening\s+0\s+0\s+100 %$/);
    expect(rows[2]).toMatch(/^kunder\/älvbacka\s+Handelsföreningen Älvbacka\s+28\s+13\s+36 %$/);
    expect(res.stdout).not.toContain('LÄSMIG');
  });

  it('exits 0 when every folder passes', async () => {
    const cwd = await clients();
    const res = await qm(['check', 'kunder/storvik', 'kunder/v*'], { cwd });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Sammanfattning');
  });

  it('writes one JSON document covering every folder, each with its path', async () => {
    const cwd = await clients();
    const res = await qm(['check', 'kunder/*', '--format', 'json'], { cwd });
    expect(res.code).toBe(1);
    const doc = JSON.parse(res.stdout);
    expect(doc.version).toBe(1);
    expect(doc.applications.map((a: { path: string; ok: boolean }) => [a.path, a.ok])).toEqual([
      ['kunder/storvik', true],
      ['kunder/västanå', true],
      ['kunder/älvbacka', false],
    ]);
  });

  it('says so in one line when a glob matches no folder, or a folder is missing (exit 2)', async () => {
    const cwd = await clients();
    const none = await qm(['check', 'arkiv/*'], { cwd });
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe('qm: Inga mappar matchar arkiv/*.');
    const missing = await qm(['check', 'kunder/storvik', 'kunder/borta'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stdout).toBe('');
  });
});

describe('qm check on a folder that is not an application', () => {
  /** Clients, plus an archive folder with notes but no chapter file and no ansokan.yaml. */
  async function withArchive(): Promise<string> {
    const cwd = await clients();
    await mkdir(join(cwd, 'kunder', 'arkiv'));
    await writeFile(join(cwd, 'kunder', 'arkiv', 'anteckningar.txt'), 'Gamla ansökningar.\n');
    return cwd;
  }

  it('given by name: one line on standard error, exit 2, nothing on standard output', async () => {
    const cwd = await withArchive();
    const res = await qm(['check', 'kunder/arkiv'], { cwd });
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(
      'qm: kunder/arkiv är ingen ansökningsmapp: där finns varken ansokan.yaml eller någon kapitelfil (01-… till 09-…). Ange mappen som håller ansökan, eller skapa en med qm init kunder/arkiv.\n',
    );
    const en = await qm(['check', 'kunder/arkiv', '--lang', 'en'], { cwd });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^qm: kunder\/arkiv is not an application folder: it holds neither ansokan\.yaml nor a chapter file .*\n$/);
    // Beside a real application too: the run stops before checking anything.
    const both = await qm(['check', 'kunder/storvik', 'kunder/arkiv', '--format', 'json'], { cwd });
    expect(both.code).toBe(2);
    expect(both.stdout).toBe('');
    expect(both.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the default folder (.) that is not an application: the same one line', async () => {
    const cwd = await tempDir();
    const res = await qm(['check'], { cwd });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^qm: \. är ingen ansökningsmapp: .*qm init \.\.\n$/);
  });

  it('matched by a glob: skipped with a note on standard error, the others checked', async () => {
    const cwd = await withArchive();
    const res = await qm(['check', 'kunder/*', '--format', 'json'], { cwd });
    expect(res.code).toBe(1);
    expect(res.stderr).toBe('qm: hoppar över kunder/arkiv: ingen ansökningsmapp (varken ansokan.yaml eller någon kapitelfil).\n');
    expect(JSON.parse(res.stdout).applications.map((a: { path: string }) => a.path)).toEqual([
      'kunder/storvik',
      'kunder/västanå',
      'kunder/älvbacka',
    ]);
  });

  it('a glob that matches only such folders: exit 2 with one line', async () => {
    const cwd = await withArchive();
    await mkdir(join(cwd, 'kunder', 'arkiv2'));
    const res = await qm(['check', 'kunder/ark*'], { cwd });
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(
      'qm: Ingen ansökningsmapp matchar kunder/ark*: de 2 mappar som matchar har varken ansokan.yaml eller någon kapitelfil.\n',
    );
  });

  it('a glob matches a link to an application folder, and a link to the same folder is checked once', async () => {
    const cwd = await withArchive();
    await mkdir(join(cwd, 'delat'));
    await cp(join(FIXTURES, 'storvik'), join(cwd, 'delat', 'norrby'), { recursive: true });
    await symlink(join(cwd, 'delat', 'norrby'), join(cwd, 'kunder', 'norrby'), 'dir');
    await symlink(join(cwd, 'kunder', 'storvik'), join(cwd, 'kunder', 'storvik-länk'), 'dir');
    const res = await qm(['check', 'kunder/*', '--format', 'json'], { cwd });
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout).applications.map((a: { path: string }) => a.path)).toEqual([
      'kunder/norrby',
      'kunder/storvik',
      'kunder/västanå',
      'kunder/älvbacka',
    ]);
  });

  it('qm pdf on such a folder: one line, exit 2, no PDF', async () => {
    const cwd = await withArchive();
    const res = await qm(['pdf', 'kunder/arkiv'], { cwd });
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^qm: kunder\/arkiv är ingen ansökningsmapp: .*\n$/);
    expect(await readdir(cwd)).not.toContain('arkiv.pdf');
  });
});

describe('qm check with several formats in one run', () => {
  it('writes each report file and still prints the pretty report', async () => {
    const cwd = await clients();
    const before = await listing(join(cwd, 'kunder'));
    const res = await qm(
      [
        'check',
        'kunder/*',
        '--format',
        'pretty',
        '--format',
        'sarif=ut/qm.sarif',
        '--format',
        'junit=ut/junit.xml',
        '--format',
        'markdown=ut/sammanfattning.md',
      ],
      {
        cwd: await mkdir(join(cwd, 'ut')).then(() => cwd),
      },
    );
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('Handelsföreningen Älvbacka');
    expect(res.stdout).toContain('Sammanfattning');
    const sarif = JSON.parse(await readFile(join(cwd, 'ut/qm.sarif'), 'utf8'));
    expect(sarif.runs[0].results.length).toBe(28 + 13 + 4);
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(
      await readFile(join(cwd, 'ut/junit.xml'), 'utf8'),
    );
    expect(junit.testsuites.testsuite).toHaveLength(3);
    expect(await readFile(join(cwd, 'ut/sammanfattning.md'), 'utf8')).toContain('| ❌ | `kunder/älvbacka` |');
    // No temporary files are left, and the application folders are untouched.
    expect((await readdir(join(cwd, 'ut'))).sort()).toEqual(['junit.xml', 'qm.sarif', 'sammanfattning.md']);
    expect(await listing(join(cwd, 'kunder'))).toEqual(before);
  });

  it('prints one summary line on standard error, and nothing on standard output, when every report goes to a file', async () => {
    const cwd = await clients();
    const res = await qm(['check', 'kunder/*', '--format', 'json=alla.json', '--format', 'github=annotations.txt'], { cwd });
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe('3 ansökningar, 1 underkända: 28 fel, 13 varningar, 4 info · fullständighet 78 % av kraven\n');
    expect(JSON.parse(await readFile(join(cwd, 'alla.json'), 'utf8')).applications).toHaveLength(3);
    expect((await readFile(join(cwd, 'annotations.txt'), 'utf8')).split('\n')[0]).toMatch(/^::(error|warning|notice) /);
  });

  it('sends the report to --output instead of standard output', async () => {
    const dir = await copyExample('storvik');
    const res = await qm(['check', dir, '--format', 'json', '--output', join(dir, '..', 'rapport.json')]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe('Centrumsamverkan Storvik: 0 fel, 0 varningar, 0 info · fullständighet 100 % av kraven\n');
    expect(JSON.parse(await readFile(join(dir, '..', 'rapport.json'), 'utf8')).applications[0].ok).toBe(true);
  });

  it.each([
    ['over a chapter', '03-organisation.md'],
    ['over ansokan.yaml', 'ansokan.yaml'],
    ['as a new qm.config.yaml', 'qm.config.yaml'],
    ['as a new chapter file', '09-kommunikation.yaml'],
    ['under bilagor/', 'bilagor/rapport.xml'],
  ])('refuses a report written into the application %s (exit 2, the folder unchanged)', async (_where, name) => {
    const dir = await copyExample('storvik');
    const before = await listing(dir);
    const res = await qm(['check', dir, '--format', 'junit', '--output', join(dir, name)]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('en av ansökans egna filer');
    expect(await listing(dir)).toEqual(before);
  });

  it('writes a report beside the chapters when it is not one of them, and refuses two reports to one file', async () => {
    const dir = await copyExample('storvik');
    expect((await qm(['check', dir, '--format', 'json', '--output', join(dir, 'rapport.json')])).code).toBe(0);
    const twice = await qm([
      'check',
      dir,
      '--format',
      `json=${join(dir, '..', 'x.out')}`,
      '--format',
      `sarif=${join(dir, '..', '.', 'x.out')}`,
    ]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('den ena skulle skriva över den andra');
  });

  it('checks a folder named twice once', async () => {
    const dir = await copyExample('storvik');
    const res = await qm(['check', dir, `${dir}/`, '--format', 'json']);
    expect(JSON.parse(res.stdout).applications).toHaveLength(1);
  });

  it('refuses two documents on standard output, and an unwritable file, with exit 2 and no partial file', async () => {
    const dir = await copyExample('storvik');
    const both = await qm(['check', dir, '--format', 'json', '--format', 'sarif']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(
      'qm: json och sarif kan inte båda skrivas till terminalen. Skicka en av dem till en fil: --format json=FIL.\n',
    );
    const out = join(dir, '..', 'finns-inte', 'qm.sarif');
    const bad = await qm(['check', dir, '--format', `sarif=${out}`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^qm: Kan inte skriva .*qm\.sarif \(mappen finns inte, ENOENT\)\.\n$/);
    const unknown = await qm(['check', dir, '--format', 'xml']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Okänt format ”xml”');
  });

  it('pretty and github share the terminal in a workflow', async () => {
    const res = await qm(['check', 'examples/utkast', '--format', 'pretty', '--format', 'github']);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('Handelsföreningen Älvbacka');
    expect(res.stdout).toContain('::error file=examples/utkast/03-organisation.md,line=2,col=9,title=k3/verksam-tre-ar::');
  });
});

describe('qm check --quiet and --strict', () => {
  it('--quiet prints errors only', async () => {
    const res = await qm(['check', 'examples/utkast', '--quiet']);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('k3/verksam-tre-ar');
    expect(res.stdout).not.toMatch(/ varning /);
    expect(res.stdout).not.toContain('k3/andelar-summa');
  });

  it('--strict fails on a warning alone', async () => {
    const dir = await copyExample('storvik');
    await replace(dir, '01-bakgrund.md', /^startad:.*\n/m, '');
    expect((await qm(['check', dir])).code).toBe(0);
    const strict = await qm(['check', dir, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('k1/startad');
  });
});
