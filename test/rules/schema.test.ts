/** schema/* diagnostics: what the JSON Schemas find that no chapter rule names, in plain Swedish, at the value. */
import { describe, expect, it } from 'vitest';
import { schemaFindings } from '../../src/schema/errors.js';
import { chapterSchema } from '../../src/schema/registry.js';
import { message } from '../../src/i18n/index.js';
import { CH, del, faults, rows, sub, variant } from './variant.js';

describe('schema/saknat-falt', () => {
  it('points at the parent key for a missing field of an object (ansokan.yaml, no chapter)', async () => {
    const { report } = await variant(del('ansokan.yaml', ['kontakt', 'namn']));
    expect(rows(report)).toEqual(['error schema/saknat-falt ansokan.yaml:5:1 /kontakt/namn']);
    expect(report.diagnostics[0]!.chapter).toBeNull();
    expect(report.diagnostics[0]!.message).toBe('Fältet `namn` saknas i `kontakt`. Lägg till det.');
  });
});

describe('schema/fel-typ', () => {
  it('says what the field should be, with its range, and what it is', async () => {
    const { report } = await variant(sub(CH[3], 'andel: 40 %', 'andel: fyrtio'));
    expect(rows(report)).toEqual(['error schema/fel-typ 03-organisation.md:7:12 /aktörer/0/andel']);
    expect(report.diagnostics[0]!.message).toBe('`andel` ska vara ett tal mellan 0 och 100, t.ex. 40 eller 12,5, men är ”fyrtio”.');
  });

  it('says yes or no for a boolean', async () => {
    const { report } = await variant(sub(CH[6], 'hållbarhet: ja', 'hållbarhet: kanske'));
    expect(rows(report)).toEqual(['error schema/fel-typ 06-mal-och-strategi.md:23:17 /mål/3/hållbarhet']);
    expect(report.diagnostics[0]!.message).toContain('ja eller nej');
  });

  it('is in English with --lang en', async () => {
    const { report } = await variant(sub(CH[3], 'andel: 40 %', 'andel: fyrtio'), { lang: 'en' });
    expect(report.diagnostics[0]!.message).toBe('`andel` must be a number between 0 and 100, e.g. 40 or 12,5, but is “fyrtio”.');
  });
});

describe('schema/okant-varde', () => {
  it('lists the allowed values', async () => {
    const { report } = await variant(sub('ansokan.yaml', 'typ: ny', 'typ: nyansökan'));
    expect(rows(report)).toEqual(['error schema/okant-varde ansokan.yaml:10:6 /typ']);
    expect(report.diagnostics[0]!.message).toBe('`typ` kan inte vara ”nyansökan”. Tillåtna värden: ny, förnyelse.');
  });
});

describe('schema/fel-format', () => {
  it('flags an e-mail address without @ and a date that is no date', async () => {
    expect(await faults(sub('ansokan.yaml', 'karin.lindqvist@storvikscentrum.se', 'karin.lindqvist'))).toEqual([
      'error schema/fel-format ansokan.yaml:7:10 /kontakt/epost',
    ]);
    expect(await faults(sub(CH[1], 'startad: 2012', 'startad: 2012-02-30'))).toEqual([
      'error schema/fel-format 01-bakgrund.md:2:10 /startad',
    ]);
  });

  it('flags a year key of `värden` that is not a year, once, at that line', async () => {
    const { report } = await variant(sub(CH[8], '      2024: 10,1', '      år 2024: 10,1'));
    expect(rows(report)).toEqual(['error schema/fel-format 08-uppfoljning.md:11:16 /indikatorer/0/värden/år 2024']);
    expect(report.diagnostics[0]!.message).toContain('år 2024');
  });

  it('flags an id with a space', async () => {
    const { report } = await variant(sub(CH[7], 'id: A5', 'id: A 5'));
    expect(rows(report)).toContain('error schema/fel-format 07-verksamhetsplan.md:39:9 /åtgärder/4/id');
  });
});

describe('schema/tomt-varde, schema/utanfor-intervall, schema/tom-lista', () => {
  it('flags an empty text once', async () => {
    expect(await faults(sub(CH[3], 'organisationsform: ideell förening', 'organisationsform: ""'))).toEqual([
      'error schema/tomt-varde 03-organisation.md:3:20 /organisationsform',
    ]);
  });

  it('flags a share over 100', async () => {
    const { report } = await variant(sub(CH[3], 'andel: 40 %', 'andel: 140 %'));
    expect(rows(report)).toEqual(['error schema/utanfor-intervall 03-organisation.md:7:12 /aktörer/0/andel']);
    expect(report.diagnostics[0]!.message).toBe('`andel` ska vara högst 100, men är 140.');
  });

  it('flags an empty list of target groups', async () => {
    expect(await faults(sub(CH[9], 'målgrupp: intressenter', 'målgrupp: []'))).toEqual([
      'error schema/tom-lista 09-kommunikation.md:5:15 /kanaler/0/målgrupp',
    ]);
  });
});

describe('schema/ogiltigt-varde', () => {
  it('is what an ajv keyword without a message of its own becomes', () => {
    const schema = chapterSchema(3);
    const data = { aktörer: [{ namn: 'Storviks kommun', sektor: 'offentlig' }] };
    const findings = schemaFindings(
      [{ instancePath: '/aktörer', schemaPath: '#/properties/aktörer/uniqueItems', keyword: 'uniqueItems', params: { i: 1, j: 0 } }],
      schema,
      data,
      '03-organisation.md',
      3,
      {},
    );
    expect(findings).toEqual([
      {
        rule: 'schema/ogiltigt-varde',
        file: '03-organisation.md',
        chapter: 3,
        pointer: '/aktörer',
        args: { field: 'aktörer', value: 'en lista' },
      },
    ]);
    expect(message('schema/ogiltigt-varde', findings[0]!.args!, 'sv')).toBe('`aktörer` har ett värde som inte följer schemat: ”en lista”.');
  });
});

describe('schema/okant-falt', () => {
  it('a misspelt required key: one diagnostic, the missing field’s rule, at the typo, naming the field it stands for', async () => {
    const { report } = await variant(sub(CH[7], '    ansvarig: Kommunikatören', '    ansvarg: Kommunikatören'));
    expect(rows(report)).toEqual(['error k7/ansvarig 07-verksamhetsplan.md:53:5 /åtgärder/5/ansvarig']);
    expect(report.diagnostics[0]!.message).toBe(
      'Åtgärden A6 saknar ansvarig. Planen ska ha ansvarsfördelning: ange `ansvarig`. Här står `ansvarg`, troligen en felstavning: skriv `ansvarig`.',
    );
  });

  it('a misspelt key of schema/saknat-falt: one error at the typo (organisatonsform)', async () => {
    const { report } = await variant(sub(CH[3], /^organisationsform:/m, 'organisatonsform:'));
    expect(rows(report)).toEqual(['error schema/saknat-falt 03-organisation.md:3:1 /organisationsform']);
    expect(report.diagnostics[0]!.message).toBe(
      'Fältet `organisationsform` saknas: här står `organisatonsform`, troligen en felstavning. Skriv `organisationsform`.',
    );
    const en = await variant(sub(CH[3], /^organisationsform:/m, 'organisatonsform:'), { lang: 'en' });
    expect(en.report.diagnostics[0]!.message).toBe(
      'The field `organisationsform` is missing: `organisatonsform` stands here, probably misspelt. Write `organisationsform`.',
    );
  });

  it('says so without a suggestion when no key is close', async () => {
    const { report } = await variant(sub(CH[1], 'startad: 2012', 'startad: 2012\nkommentar: Skrivet av Karin'));
    expect(rows(report)).toEqual(['warning schema/okant-falt 01-bakgrund.md:3:1 /kommentar']);
    expect(report.diagnostics[0]!.message).not.toContain('menade du');
  });
});

describe('schema/dubbel-nyckel', () => {
  it('fails at the second spelling of a field given twice, with no ascii-nyckel info besides', async () => {
    const { report } = await variant(
      sub(
        CH[8],
        '    målgrupp: företag\n    enhet: "%"\n    mål: [M1]',
        '    målgrupp: företag\n    malgrupp: företag\n    enhet: "%"\n    mål: [M1]',
      ),
    );
    expect(rows(report)).toEqual(['error schema/dubbel-nyckel 08-uppfoljning.md:7:5 /indikatorer/0/målgrupp']);
    expect(report.diagnostics[0]!.message).toContain('malgrupp');
  });
});

describe('an invalid value is reported once, by the schema', () => {
  it('no rule judges a value the schema has refused', async () => {
    expect(await faults(sub(CH[4], 'budget: 3 900 000 kr', 'budget: -3 900 000 kr'))).toEqual([
      'error schema/utanfor-intervall 04-finansiering.md:3:9 /budget',
    ]);
    expect(await faults(sub(CH[4], 'budgetår: 2026', 'budgetår: 26'))).toEqual([
      'error schema/utanfor-intervall 04-finansiering.md:2:11 /budgetår',
    ]);
    expect(await faults(sub(CH[5], 'till: 2029', 'till: 29'))).toEqual(['error schema/utanfor-intervall 05-vision.md:6:9 /period/till']);
    expect(await faults(sub(CH[6], '    år: 2028\n    horisont: kort', '    år: 28\n    horisont: kort'))).toEqual([
      'error schema/utanfor-intervall 06-mal-och-strategi.md:5:9 /mål/0/år',
    ]);
    expect(await faults(sub(CH[3], 'bildad: 2016-03-01', 'bildad: 16'))).toEqual([
      'error schema/utanfor-intervall 03-organisation.md:2:9 /bildad',
    ]);
  });
});
