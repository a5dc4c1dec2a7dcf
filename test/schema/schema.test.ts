/**
 * `qm schema`: the JSON Schemas as an editor gets them. The files `qm schema --out` writes are
 * compiled by an ajv of this test's own (not qm's generated validators), with nothing but the
 * folder to resolve `$ref`s from, and every file of examples/storvik validates against them.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it, beforeAll } from 'vitest';
import { parse } from 'yaml';
import { loadApplication } from '../../src/load/folder.js';
import { initApplication } from '../../src/init/index.js';
import { FIXTURES, qm, tempDir } from '../helpers/app.js';
import { fillFromStorvik } from '../helpers/fill.js';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
type Validator = ReturnType<InstanceType<typeof Ajv2020>['compile']>;

const FILES = [
  'ansokan.schema.json',
  '01-bakgrund.schema.json',
  '02-nulage.schema.json',
  '03-organisation.schema.json',
  '04-finansiering.schema.json',
  '05-vision.schema.json',
  '06-mal-och-strategi.schema.json',
  '07-verksamhetsplan.schema.json',
  '08-uppfoljning.schema.json',
  '09-kommunikation.schema.json',
  'common.schema.json',
  'qm.config.schema.json',
];

let dir: string;
let stdout: string;
const validators = new Map<string, Validator>();

/** The validator for a file of the application folder, by its name. */
function validatorFor(file: string): Validator {
  const name =
    file === 'ansokan.yaml'
      ? 'ansokan.schema.json'
      : file === 'qm.config.yaml'
        ? 'qm.config.schema.json'
        : FILES.find((f) => f.slice(0, 3) === file.slice(0, 3))!;
  return validators.get(name)!;
}

beforeAll(async () => {
  dir = join(await tempDir(), 'qm-scheman');
  const res = await qm(['schema', '--out', dir]);
  expect(res.code).toBe(0);
  stdout = res.stdout;
  // Strict, as an editor's validator would be; qm's annotations are declared as a vocabulary.
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(['x-qm-regel', 'x-qm-kontroll', 'x-qm-bilaga', 'x-qm-belopp']);
  for (const f of await readdir(dir)) ajv.addSchema(JSON.parse(await readFile(join(dir, f), 'utf8')));
  for (const f of FILES) {
    const { $id } = JSON.parse(await readFile(join(dir, f), 'utf8')) as { $id: string };
    if (f !== 'common.schema.json') validators.set(f, ajv.getSchema($id) as Validator);
  }
});

describe('qm schema --out', () => {
  it('writes every schema file, the shared definitions and qm.config included, and names them', async () => {
    expect((await readdir(dir)).sort()).toEqual([...FILES].sort());
    expect(stdout.trim().split('\n')).toEqual(FILES.map((f) => join(dir, f)));
  });

  it('writes draft 2020-12 schemas, each with its own $id, whose $refs resolve inside the folder', async () => {
    const ids = new Set<string>();
    for (const f of FILES) {
      const s = JSON.parse(await readFile(join(dir, f), 'utf8'));
      expect(s.$schema, f).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(s.$id, f).toMatch(new RegExp(`/${f.replace(/\./g, '\\.')}$`));
      ids.add(s.$id);
      // Every reference to another file names a file that was written beside it.
      for (const ref of JSON.stringify(s).matchAll(/"\$ref":"([^"#]+)#/g)) expect(FILES, `${f} → ${ref[1]}`).toContain(ref[1]);
    }
    expect(ids.size).toBe(FILES.length);
    // ajv compiled each one from the folder alone (beforeAll): nothing was missing.
    expect(validators.size).toBe(FILES.length - 1);
  });

  it('prints the same schemas, keyed by file name, without --out', async () => {
    const res = await qm(['schema']);
    expect(res.code).toBe(0);
    const all = JSON.parse(res.stdout) as Record<string, unknown>;
    expect(Object.keys(all)).toEqual(FILES);
    for (const f of FILES) expect(all[f], f).toEqual(JSON.parse(await readFile(join(dir, f), 'utf8')));
  });

  it('says in one line when --out is a file', async () => {
    const file = join(await tempDir(), 'scheman.json');
    await writeFile(file, '{}');
    const res = await qm(['schema', '--out', file]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`qm: ${file} är inte en mapp.\n`);
  });
});

describe('examples/storvik against the written schemas', () => {
  it('validates every file as qm reads it (Swedish numbers, ja/nej and single values normalised)', async () => {
    const { app } = await loadApplication(join(FIXTURES, 'storvik'));
    const files = [app.meta, ...app.chapters];
    expect(files.map((f) => f.file)).toEqual([
      'ansokan.yaml',
      ...(await readdir(join(FIXTURES, 'storvik'))).filter((f) => /^0\d-/.test(f)).sort(),
    ]);
    for (const f of files) {
      const validate = validatorFor(f.file);
      expect(validate(f.data), `${f.file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('validates the YAML chapters, prose under `text`, of a template filled with storvik', async () => {
    const filled = await tempDir();
    await initApplication(filled, { yaml: true });
    await fillFromStorvik(filled);
    const { app } = await loadApplication(filled);
    expect(app.chapters.map((c) => c.file)).toEqual(
      (await readdir(filled)).filter((f) => f.endsWith('.yaml') && f !== 'ansokan.yaml').sort(),
    );
    for (const c of app.chapters) {
      // qm keeps the prose apart from the facts; the file an editor validates holds both.
      const file = { ...c.data, text: c.prose!.text };
      expect(file.text, c.file).toMatch(/^# /);
      const validate = validatorFor(c.file);
      expect(validate(file), `${c.file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('finds a requirement left out: chapter 3 without its map', async () => {
    const { app } = await loadApplication(join(FIXTURES, 'storvik'));
    const { karta: _karta, ...data } = app.chapter(3)!.data;
    const validate = validatorFor('03-organisation.md');
    expect(validate(data)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'required', params: { missingProperty: 'karta' } }));
  });

  it('validates the qm.config.yaml of cli.md', async () => {
    const config = parse(`språk: sv
strikt: false
gränser:
  text_min_ord: 50
  k8_max_ord: 1200
  bilaga_max_mb: 20
  bilagor_max_mb: 200
regler:
  k6/hallbarhetsmal: av
  k8/koncis: varning
undantag:
  - regel: k3/verksam-tre-ar
    motivering: >
      Föreningen bildades 2024 men ägarna har skriftligen åtagit sig att
      finansiera samverkan till och med 2029, se bilagor/åtaganden.pdf.
`);
    const validate = validatorFor('qm.config.yaml');
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, strikt: 'kanske' })).toBe(false);
  });

  it('accepts every file of storvik as an editor reads it: plain YAML, 3 900 000 kr as text and 0611345200 as a number', async () => {
    const dirOf = join(FIXTURES, 'storvik');
    for (const f of (await readdir(dirOf)).filter((n) => n === 'ansokan.yaml' || /^0\d-/.test(n))) {
      const text = await readFile(join(dirOf, f), 'utf8');
      const yamlText = f.endsWith('.md') ? text.split('\n---\n')[0]!.replace(/^---\n/, '') : text;
      const validate = validatorFor(f);
      expect(validate(parse(yamlText)), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('accepts what qm accepts as written: Swedish numbers, ja/nej, a single value for a list, a key without å ä ö', () => {
    const v6 = validatorFor('06-mal-och-strategi.md');
    const goals = parse(`mål:
  - {id: M1, text: Fler besökare, år: 2028, hållbarhet: Ja, utgångsvärde: "4,52", målvärde: 40 %}
  - {id: M2, text: Färre vakanser, år: 2032, hallbarhet: NEJ}
strategier:
  - {id: S1, text: Evenemang, mål: M1}
  - {id: S2, text: Fastighetsägarna, mål: [M2]}
forankring: Antagen av styrelsen 2025-11-20.
översiktsplan: bilagor/oversiktsplan.pdf
dokument: bilagor/mal.pdf
`);
    expect(v6(goals), JSON.stringify(v6.errors)).toBe(true);
    const v4 = validatorFor('04-finansiering.md');
    const money = parse(`budgetår: 2026
budget: 3 900 000 kr
finansiärer:
  - {namn: Storviks kommun, sektor: offentlig, belopp: 1 560 000 kr}
  - {namn: Fastighetsägarna, sektor: privat, belopp: "2\u00a0340\u00a0000 SEK"}
budgetbeslut: {datum: 2025-11-20, organ: Årsmötet}
uppföljning: {frekvens: kvartalsvis, beskrivning: Styrelsen följer upp budgeten.}
bilagor: bilagor/avtal.pdf
`);
    expect(v4(money), JSON.stringify(v4.errors)).toBe(true);
  });

  it('accepts numbers with dots as qm reads them: 1.310.000 everywhere, 350.000 kr in an amount, and not an ambiguous 62.500 elsewhere', () => {
    const v4 = validatorFor('04-finansiering.md');
    const base = {
      budgetår: 2026,
      finansiärer: [
        { namn: 'Kommunen', sektor: 'offentlig', belopp: '1.560.000' },
        { namn: 'Fastighetsägarna', sektor: 'privat', belopp: '350.000 kr' },
      ],
      budgetbeslut: { datum: '2025-11-20', organ: 'Årsmötet' },
      uppföljning: { frekvens: 'årligen', beskrivning: 'Styrelsen.' },
      bilagor: ['a.pdf'],
    };
    for (const budget of ['3.900.000 kr', '2.500', '1.5 mkr', '2,6 Mkr', '4.52', '1.310.000,50 SEK'])
      expect(v4({ ...base, budget }), `${budget}: ${JSON.stringify(v4.errors)}`).toBe(true);
    expect(v4({ ...base, budget: '1.31.000' })).toBe(false);
    const v8 = validatorFor('08-uppfoljning.md');
    const indicator = (värde: string) => ({
      metod: 'Enkät.',
      indikatorer: ['besökare', 'invånare', 'företag'].map((målgrupp, i) => ({
        id: `I${i + 1}`,
        namn: målgrupp,
        målgrupp,
        enhet: 'st',
        mål: ['M1'],
        värden: { 2025: värde },
      })),
      bilagor: ['a.pdf'],
    });
    for (const ok of ['1.310.000', '4.52', '62 500', '62,5', '1.310,5'])
      expect(v8(indicator(ok)), `${ok}: ${JSON.stringify(v8.errors)}`).toBe(true);
    expect(v8(indicator('62.500'))).toBe(false);
    expect(v8.errors).toContainEqual(expect.objectContaining({ instancePath: '/indikatorer/0/v\u00e4rden/2025', keyword: 'pattern' }));
  });

  it('still finds what qm refuses: a word for an amount, kanske for a boolean, a year for a date, a channel list without citizens', () => {
    const v4 = validatorFor('04-finansiering.md');
    const base = {
      budgetår: 2026,
      finansiärer: [],
      budgetbeslut: { datum: '2025-11-20', organ: 'Årsmötet' },
      uppföljning: { frekvens: 'årligen', beskrivning: 'Styrelsen.' },
      bilagor: ['a.pdf'],
    };
    expect(v4({ ...base, budget: 'mycket' })).toBe(false);
    expect(v4.errors).toContainEqual(expect.objectContaining({ instancePath: '/budget', keyword: 'pattern' }));
    expect(v4({ ...base, budget: 100, budgetbeslut: { datum: 2025, organ: 'Årsmötet' } })).toBe(false);
    expect(v4.errors).toContainEqual(expect.objectContaining({ instancePath: '/budgetbeslut/datum', keyword: 'type' }));
    const v6 = validatorFor('06-mal-och-strategi.md');
    expect(v6({ mål: [{ id: 'M1', text: 'x', år: 2028, hållbarhet: 'kanske' }] })).toBe(false);
    expect(v6.errors).toContainEqual(expect.objectContaining({ instancePath: '/m\u00e5l/0/h\u00e5llbarhet', keyword: 'pattern' }));
    const v9 = validatorFor('09-kommunikation.md');
    const channel = { typ: 'möte', namn: 'Medlemsmöten', målgrupp: 'intressenter', bilagor: ['a.pdf'] };
    expect(v9({ kanaler: [channel] })).toBe(false);
    expect(v9({ kanaler: [channel, { ...channel, målgrupp: 'medborgare' }] }), JSON.stringify(v9.errors)).toBe(true);
  });
});
