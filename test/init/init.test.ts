/**
 * `qm init`: the folder it writes, that it never overwrites (unless --force) and never leaves
 * half a template, and that a fresh folder checks with only the placeholders and the missing
 * attachments reported – until storvik's content is filled in, when it passes.
 */
import { copyFile, mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { initApplication } from '../../src/init/index.js';
import { chapterSeed } from '../../src/rules/seed.js';
import { chapterSchema, ansokanSchema, type Schema } from '../../src/schema/registry.js';
import { loadApplication } from '../../src/load/folder.js';
import { FIXTURES, check, ids, only, qm, tempDir } from '../helpers/app.js';
import { fillFromStorvik } from '../helpers/fill.js';

const MD = [
  '01-bakgrund.md',
  '02-nulage.md',
  '03-organisation.md',
  '04-finansiering.md',
  '05-vision.md',
  '06-mal-och-strategi.md',
  '07-verksamhetsplan.md',
  '08-uppfoljning.md',
  '09-kommunikation.md',
];
const YAML = MD.map((f) => f.replace(/\.md$/, '.yaml'));

/** What a fresh folder must report: the placeholders and the attachments not yet added. */
const FRESH = ['bilaga/saknas', 'text/platshallare'];

/** The attachments the template asks for, by chapter file number. */
const SUGGESTED = [
  'bilagor/organisationsmatris.pdf',
  'bilagor/karta.pdf',
  'bilagor/avtal-offentlig-finansiar.pdf',
  'bilagor/protokoll-budgetbeslut.pdf',
  'bilagor/vision.pdf',
  'bilagor/oversiktsplan.pdf',
  'bilagor/mal-och-strategier.pdf',
  'bilagor/verksamhetsplan-flerarig.pdf',
  'bilagor/verksamhetsplan-foregaende-ar.pdf',
  'bilagor/verksamhetsplan-innevarande-ar.pdf',
  'bilagor/resultatuppfoljning.pdf',
  'bilagor/nyhetsbrev.pdf',
  'bilagor/medborgardialog.pdf',
].sort();

async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map((f) => f.split('\\').join('/')).sort();
}

/** The comment lines at the top of a template, without `#`, as one line of text. */
function leadingComment(text: string): string {
  const lines = text.replace(/^---\n/, '').split('\n');
  const out: string[] = [];
  for (const l of lines) {
    if (!l.startsWith('#')) break;
    out.push(l.replace(/^#\s?/, ''));
  }
  return out.join(' ').replace(/\s+/g, ' ');
}

/** Every key a schema defines, at any depth inside the file (not following $refs to other files). */
function schemaKeys(schema: Schema): Set<string> {
  const keys = new Set<string>();
  const walk = (s: unknown): void => {
    if (!s || typeof s !== 'object') return;
    if (Array.isArray(s)) return s.forEach(walk);
    const o = s as Record<string, unknown>;
    if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) keys.add(k);
    for (const v of Object.values(o)) walk(v);
  };
  walk(schema.properties);
  keys.delete('text');
  return keys;
}

describe('qm init into an empty folder', () => {
  it('writes ansokan.yaml, the nine chapters as Markdown and bilagor/, and lists them', async () => {
    const dir = join(await tempDir(), 'kunder', 'storvik');
    const res = await qm(['init', dir, '--organisation', 'Centrumsamverkan Storvik', '--kommun', 'Storviks kommun']);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    expect(await listing(dir)).toEqual(
      [
        '01-bakgrund.md',
        '02-nulage.md',
        '03-organisation.md',
        '04-finansiering.md',
        '05-vision.md',
        '06-mal-och-strategi.md',
        '07-verksamhetsplan.md',
        '08-uppfoljning.md',
        '09-kommunikation.md',
        'ansokan.yaml',
        'bilagor',
      ].sort(),
    );
    expect((await stat(join(dir, 'bilagor'))).isDirectory()).toBe(true);
    expect(res.stdout).toContain(`Ansökningsmappen ${dir} är skapad`);
    for (const f of ['ansokan.yaml', ...MD]) expect(res.stdout).toContain(join(dir, f));
    expect(res.stdout).toContain(`qm check ${dir}`);
    // Nothing of the staging folder is left beside it.
    expect(await readdir(join(dir, '..'))).toEqual(['storvik']);
  });

  it('returns the files written from the library, into an existing empty folder', async () => {
    const dir = await tempDir();
    const written = await initApplication(dir, { yaml: true });
    // With --yaml, the schemas the files' schema lines name (.qm-schemas/, as qm schema --out writes them).
    expect(written).toEqual(['ansokan.yaml', ...YAML, '.qm-schemas/', 'bilagor/']);
    expect((await listing(dir)).filter((f) => !f.startsWith('.qm-schemas/'))).toEqual(
      [...YAML, '.qm-schemas', 'ansokan.yaml', 'bilagor'].sort(),
    );
    expect((await listing(dir)).filter((f) => f.startsWith('.qm-schemas/'))).toHaveLength(12);
  });

  it('starts each chapter with the certifier’s requirement, quoted from the seed', async () => {
    for (const yaml of [false, true]) {
      const dir = await tempDir();
      await initApplication(dir, { yaml });
      for (let n = 1; n <= 9; n++) {
        const text = await readFile(join(dir, (yaml ? YAML : MD)[n - 1]!), 'utf8');
        expect(text.startsWith(yaml ? '# yaml-language-server: $schema=' : '---\n# Kapitel'), `${n}`).toBe(true);
        expect(leadingComment(text), `chapter ${n}`).toContain(`”${chapterSeed(n)}”`);
      }
    }
  });

  it('lists every field of format.md, with a comment above it', async () => {
    const dir = await tempDir();
    await initApplication(dir, { typ: 'förnyelse' });
    const files: [string, Schema][] = [['ansokan.yaml', ansokanSchema], ...MD.map((f, i) => [f, chapterSchema(i + 1)] as [string, Schema])];
    for (const [file, schema] of files) {
      const text = await readFile(join(dir, file), 'utf8');
      for (const key of schemaKeys(schema)) {
        // Written as a field (`key:`) or as an optional, commented-out one (`# key:`).
        expect(text, `${file}: ${key}`).toMatch(new RegExp(`^\\s*(#\\s*)?(- )?${key}:`, 'm'));
        // The top-level fields each have their guidance comment on the line(s) above.
        if (schema.properties[key])
          expect(text, `${file}: guidance for ${key}`).toMatch(new RegExp(`^# ${key}[ :(].*\\n(#.*\\n)*(# )?${key}:`, 'm'));
      }
    }
  });

  it('writes the placeholders quoted, the way format.md says', async () => {
    const dir = await tempDir();
    await initApplication(dir);
    for (const file of ['ansokan.yaml', ...MD]) {
      const text = await readFile(join(dir, file), 'utf8');
      const fm = file.endsWith('.md') ? text.split('\n---\n')[0]! : text;
      for (const line of fm.split('\n').filter((l) => l.includes('[FYLL I') && !l.trimStart().startsWith('#'))) {
        expect(line, file).toMatch(/: "\[FYLL I: [^"\]]+\]"$|^\s*- "\[FYLL I: [^"\]]+\]"$/);
      }
    }
  });
});

describe('the templates read well', () => {
  it('keep every line within 100 characters, and say how to fill in once, in ansokan.yaml', async () => {
    for (const opts of [{}, { yaml: true }, { typ: 'förnyelse' as const }]) {
      const dir = await tempDir();
      const written = (await initApplication(dir, opts)).filter((f) => !f.endsWith('/'));
      for (const f of written) {
        const text = await readFile(join(dir, f), 'utf8');
        for (const line of text.split('\n')) expect(line.length, `${f}: ${line}`).toBeLessThanOrEqual(100);
        const how = (text.match(/Så fyller du i/g) ?? []).length;
        expect(how, f).toBe(1);
        if (f === 'ansokan.yaml') expect(leadingComment(text)).toContain('ersätt varje "[FYLL I: …]"');
        else expect(text).toContain('# Så fyller du i: se kommentaren överst i ansokan.yaml.');
      }
    }
  });

  it('give every attachment they ask for a titel, the name the assessor sees in the PDF', async () => {
    const dir = await tempDir();
    await initApplication(dir);
    const r = await check(dir);
    const { app } = await loadApplication(dir);
    const required = app.attachments.filter((a) => !a.inline);
    expect(required.map((a) => a.path).sort()).toEqual(SUGGESTED);
    for (const a of required) expect(a.title, a.path).toMatch(/^[A-ZÅÄÖ]/);
    expect(ids(r)).toEqual(FRESH);
  });

  it('document the ways to write an amount, 2,6 Mkr included', async () => {
    const dir = await tempDir();
    await initApplication(dir);
    const text = await readFile(join(dir, '04-finansiering.md'), 'utf8');
    expect(text).toContain('# budget: total budget i kronor; får skrivas 3 900 000 kr, 3.900.000 kr eller 3,9 Mkr.');
  });

  it('show åtaganden in chapter 3 and logotyp in ansokan.yaml commented out, with guidance', async () => {
    const dir = await tempDir();
    await initApplication(dir);
    const ch3 = await readFile(join(dir, '03-organisation.md'), 'utf8');
    expect(ch3).toMatch(
      /^# åtaganden \(valfritt\): .*\n(#.*\n)*# åtaganden:\n# {3}- part: .*\n# {5}sektor: offentlig\n# {5}till: .*\n# {5}bilaga: /m,
    );
    expect(ch3).toContain('referensdatumet plus tre år');
    const meta = await readFile(join(dir, 'ansokan.yaml'), 'utf8');
    expect(meta).toMatch(/^# logotyp \(valfritt\): .*PNG eller JPEG.*\n# logotyp: bilagor\/logotyp\.png$/m);
  });
});

describe('qm init never overwrites', () => {
  it('refuses a folder that holds one of the chapters: exit 2, names the file, writes nothing', async () => {
    const dir = await tempDir();
    const mine = '---\nbildad: 2016-03-01\n---\n# Organisation\n\nVår egen text, som inte får skrivas över.\n';
    await writeFile(join(dir, '03-organisation.md'), mine);
    const res = await qm(['init', dir]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain(join(dir, '03-organisation.md'));
    expect(res.stderr).toContain('finns redan');
    expect(res.stderr).toContain('--force');
    expect(res.stdout).toBe('');
    expect(await listing(dir)).toEqual(['03-organisation.md']);
    expect(await readFile(join(dir, '03-organisation.md'), 'utf8')).toBe(mine);
  });

  it('says so in English with --lang en', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ansokan.yaml'), 'organisation: Centrumsamverkan Storvik\n');
    const res = await qm(['init', dir, '--lang', 'en']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`${join(dir, 'ansokan.yaml')} already exists; nothing was written`);
  });

  it('refuses a chapter that exists under another name, even with --force', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '03_var-organisation.md'), '---\nbildad: 2016-03-01\n---\n# Organisation\n');
    for (const args of [[], ['--force'], ['--yaml']]) {
      const res = await qm(['init', dir, ...args]);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toContain(join(dir, '03_var-organisation.md'));
      expect(res.stderr).toContain('kapitel 3');
    }
    expect(await listing(dir)).toEqual(['03_var-organisation.md']);
  });

  it('with --force writes the template over the existing files, and keeps other files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '03-organisation.md'), '---\nbildad: 2016-03-01\n---\n# Organisation\n');
    await mkdir(join(dir, 'bilagor'));
    await copyFile(join(FIXTURES, 'storvik', 'bilagor', 'karta-arbetsomrade.png'), join(dir, 'bilagor', 'karta-arbetsomrade.png'));
    const res = await qm(['init', dir, '--force']);
    expect(res.code).toBe(0);
    expect(await readFile(join(dir, '03-organisation.md'), 'utf8')).toContain(
      'bildad: "[FYLL I: datum då organisationen bildades, ÅÅÅÅ-MM-DD]"',
    );
    expect(await listing(dir)).toEqual([...MD, 'ansokan.yaml', 'bilagor', 'bilagor/karta-arbetsomrade.png'].sort());
    // bilagor/ was there already: it is not reported as written.
    expect(res.stdout).not.toContain(`${join(dir, 'bilagor')}/\n`);
  });

  it('takes a bilagor/ that links to a folder elsewhere as it is, and refuses a bilagor that is a file', async () => {
    const shared = await tempDir();
    const dir = await tempDir();
    await symlink(shared, join(dir, 'bilagor'), 'dir');
    expect(await initApplication(dir)).toEqual(['ansokan.yaml', ...MD]);
    expect(await readdir(shared)).toEqual([]);
    const other = await tempDir();
    await writeFile(join(other, 'bilagor'), 'en fil');
    const res = await qm(['init', other]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`qm: ${join(other, 'bilagor')} är inte en mapp.\n`);
    expect(await listing(other)).toEqual(['bilagor']);
  });

  it('leaves nothing half-done when writing fails half-way: what --force replaced is put back', async () => {
    const dir = await tempDir();
    const before = 'organisation: Centrumsamverkan Storvik\nkommun: Storviks kommun\n';
    await writeFile(join(dir, 'ansokan.yaml'), before);
    // A folder where chapter 5 goes: the move of 05-vision.md fails after 01–04 are in place.
    await mkdir(join(dir, '05-vision.md'));
    await writeFile(join(dir, '05-vision.md', 'anteckning.txt'), 'inte en fil att skriva över');
    const res = await qm(['init', dir, '--force']);
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain(join(dir, '05-vision.md'));
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(await listing(dir)).toEqual(['05-vision.md', '05-vision.md/anteckning.txt', 'ansokan.yaml']);
    expect(await readFile(join(dir, 'ansokan.yaml'), 'utf8')).toBe(before);
  });

  it('says in one line when the folder cannot be created', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'kunder'), 'en fil, inte en mapp');
    const res = await qm(['init', join(dir, 'kunder', 'storvik')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`qm: ${join(dir, 'kunder')} är inte en mapp.\n`);
    expect(await listing(dir)).toEqual(['kunder']);
  });

  it('rejects an unknown --typ', async () => {
    const dir = join(await tempDir(), 'ny');
    const res = await qm(['init', dir, '--typ', 'fortsättning']);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('qm: --typ ska vara ny eller förnyelse, inte ”fortsättning”.\n');
    await expect(stat(dir)).rejects.toThrow();
  });
});

describe('a fresh folder checks with only the placeholders and the missing attachments', () => {
  const variants: [string, string[]][] = [
    ['Markdown', []],
    ['YAML', ['--yaml']],
    ['renewal', ['--typ', 'förnyelse']],
    ['renewal as YAML', ['--typ', 'fornyelse', '--yaml']],
  ];
  for (const [name, args] of variants) {
    it(`${name}: text/platshallare and bilaga/saknas, nothing else`, async () => {
      const dir = join(await tempDir(), 'ansokan');
      expect((await qm(['init', dir, ...args])).code).toBe(0);
      const r = await check(dir);
      expect(ids(r)).toEqual(FRESH);
      expect(
        only(r, 'bilaga/saknas')
          .map((d) => d.args.path)
          .sort(),
      ).toEqual(SUGGESTED);
      for (const d of r.diagnostics) {
        expect(d.line, `${d.rule} ${d.file}`).not.toBeNull();
        expect(d.column).not.toBeNull();
      }
      // Every chapter's prose and every required field of ansokan.yaml is a placeholder.
      for (let n = 1; n <= 9; n++)
        expect(
          only(r, 'text/platshallare').some((d) => d.chapter === n && d.pointer === null),
          `prose of ${n}`,
        ).toBe(true);
      expect(
        only(r, 'text/platshallare')
          .filter((d) => d.file === 'ansokan.yaml')
          .map((d) => d.pointer),
      ).toEqual(
        expect.arrayContaining([
          '/organisation',
          '/kommun',
          '/kontakt/namn',
          '/kontakt/epost',
          ...(args.some((a) => a.includes('rnyelse')) ? ['/tidigare_certifiering/datum'] : []),
        ]),
      );
      // Without --date the reference date is today; the template does not depend on it.
      expect(ids(await check(dir, { date: undefined }))).toEqual(FRESH);
      const res = await qm(['check', dir]);
      expect(res.code).toBe(1);
      expect(res.stdout).toContain('text/platshallare');
    });
  }

  it('once the attachments are in bilagor/, only the placeholders are left', async () => {
    const dir = await tempDir();
    await initApplication(dir);
    for (const p of SUGGESTED) await copyFile(join(FIXTURES, 'storvik', 'bilagor', 'organisationsmatris.pdf'), join(dir, p));
    expect(ids(await check(dir))).toEqual(['text/platshallare']);
  });

  it('--organisation and --kommun fill their fields', async () => {
    const dir = await tempDir();
    await initApplication(dir, { organisation: 'Centrum "Väst": ekonomisk förening', kommun: 'Älvbacka kommun' });
    const r = await check(dir);
    expect(r.organisation).toBe('Centrum "Väst": ekonomisk förening');
    expect(r.kommun).toBe('Älvbacka kommun');
    expect(only(r, 'text/platshallare').map((d) => d.pointer)).not.toContain('/organisation');
    expect(ids(r)).toEqual(FRESH);
  });

  it('a renewal asks for the previous certification and its remarks', async () => {
    const dir = await tempDir();
    await initApplication(dir, { typ: 'förnyelse' });
    const doc = parseDocument(await readFile(join(dir, 'ansokan.yaml'), 'utf8')).toJS();
    expect(doc.typ).toBe('förnyelse');
    expect(Object.keys(doc.tidigare_certifiering)).toEqual(['datum', 'synpunkter']);
    expect(Object.keys(doc.tidigare_certifiering.synpunkter[0])).toEqual(['synpunkt', 'åtgärd']);
    const r = await check(dir);
    expect(r.typ).toBe('förnyelse');
    expect(ids(r)).toEqual(FRESH);
  });
});

describe('a fresh folder filled with the content of examples/storvik', () => {
  for (const yaml of [false, true]) {
    it(`passes every rule (${yaml ? 'YAML' : 'Markdown'} chapters)`, async () => {
      const dir = join(await tempDir(), 'storvik');
      const written = await initApplication(dir, { yaml });
      const templates = new Map(
        await Promise.all(written.filter((f) => !f.endsWith('/')).map(async (f) => [f, await readFile(join(dir, f), 'utf8')] as const)),
      );
      const fill = await fillFromStorvik(dir);
      // storvik's optional fields are those the template lists as commented-out lines.
      for (const [file, keys] of Object.entries(fill.added)) {
        for (const key of keys) expect(templates.get(file), `${file}: ${key}`).toMatch(new RegExp(`^# ${key}:`, 'm'));
      }
      expect(fill.filled['ansokan.yaml']).toEqual(['organisation', 'kommun', 'kontakt', 'ansökningsdatum', 'typ']);
      expect(fill.filled[yaml ? '03-organisation.yaml' : '03-organisation.md']).toEqual([
        'bildad',
        'organisationsform',
        'aktörer',
        'grupper',
        'organisationsmatris',
        'karta',
      ]);
      const r = await check(dir, { date: undefined });
      expect(r.diagnostics).toEqual([]);
      expect(r.referenceDate).toBe('2026-11-15');
      expect(r.summary.completeness).toBe(1);
      const res = await qm(['check', dir]);
      expect(res.code).toBe(0);
      expect(res.stdout).toContain('fullständighet 100 % av kraven');
    });
  }
});
