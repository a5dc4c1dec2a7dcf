/** The application as a whole: ansokan.yaml, its rules, the reference date, and exceptions in qm.config.yaml. */
import { describe, expect, it } from 'vitest';
import { checkApplication } from '../../src/engine/check.js';
import { fmt, today } from '../../src/util/dates.js';
import { CH, del, faults, put, remove, rename, rows, sub, variant } from './variant.js';
import { copyExample } from '../helpers/app.js';

const renewal = (rest: string) => sub('ansokan.yaml', 'typ: ny', `typ: förnyelse\n${rest}`);

describe('ansokan/saknas', () => {
  it('fails without ansokan.yaml, and nothing else is reported', async () => {
    const { report } = await variant(remove('ansokan.yaml'));
    expect(rows(report)).toEqual(['error ansokan/saknas ansokan.yaml:-:- -']);
    expect(report.diagnostics[0]!.chapter).toBeNull();
    expect(report.organisation).toBeNull();
  });

  it('accepts `ansokan.yml`', async () => {
    expect(await faults(rename('ansokan.yaml', 'ansokan.yml'))).toEqual([]);
  });
});

describe('ansokan/organisationsnummer', () => {
  it('passes a valid number with and without the dash, kept as text', async () => {
    expect(await faults(sub('ansokan.yaml', '802439-4630', '8024394630'))).toEqual([]);
    expect(await faults(del('ansokan.yaml', ['organisationsnummer']))).toEqual([]);
  });

  it('fails at the value when the check digit is wrong', async () => {
    const { report } = await variant(sub('ansokan.yaml', '802439-4630', '802439-4631'));
    expect(rows(report)).toEqual(['error ansokan/organisationsnummer ansokan.yaml:2:22 /organisationsnummer']);
    expect(report.diagnostics[0]!.message).toContain('802439-4631');
    expect(report.diagnostics[0]!.message).toContain('kontrollsiffra');
  });

  it('fails at the value when it is malformed, naming it', async () => {
    const { report } = await variant(sub('ansokan.yaml', '802439-4630', '80243-94630'));
    expect(rows(report)).toEqual(['error ansokan/organisationsnummer ansokan.yaml:2:22 /organisationsnummer']);
    expect(report.diagnostics[0]!.message).toBe('Organisationsnumret ”80243-94630” har fel form. Skriv det som NNNNNN-NNNN.');
  });
});

describe('ansokan/fornyelse-datum', () => {
  it('fails for a renewal without `tidigare_certifiering`', async () => {
    const { report } = await variant(renewal(''));
    expect(rows(report)).toEqual(['error ansokan/fornyelse-datum ansokan.yaml:1:1 /tidigare_certifiering']);
    expect(report.typ).toBe('förnyelse');
  });

  it('passes a renewal with the date, and says until when the certification is valid', async () => {
    const { report } = await variant(renewal('tidigare_certifiering: 2024-01-10'));
    expect(rows(report)).toEqual([]);
    expect(report.certificationValidUntil).toBe('2027-01-10');
  });
});

describe('ansokan/synpunkt-utan-atgard', () => {
  const remarks = (second: string) =>
    renewal(
      `tidigare_certifiering:\n  datum: 2024-01-10\n  synpunkter:\n    - synpunkt: Otydlig uppföljning av budgeten\n      åtgärd: Månadsvis avstämning sedan 2024\n    - synpunkt: Saknar medborgardialog${second}`,
    );

  it('passes when every remark has a measure', async () => {
    expect(await faults(remarks('\n      åtgärd: Årlig medborgardialog om Stortorget sedan 2025'))).toEqual([]);
  });

  it('warns at the remark without a measure, and only that', async () => {
    const { report } = await variant(remarks(''));
    expect(rows(report)).toEqual(['warning ansokan/synpunkt-utan-atgard ansokan.yaml:16:7 /tidigare_certifiering/synpunkter/1/åtgärd']);
    expect(report.ok).toBe(true);
  });
});

describe('ansokan/certifiering-utgangen', () => {
  it('passes a renewal on the day the certification expires (granted exactly three years before)', async () => {
    expect(await faults(renewal('tidigare_certifiering: 2023-11-15'))).toEqual([]);
  });

  it('warns the day after, at `tidigare_certifiering`', async () => {
    const { report } = await variant(renewal('tidigare_certifiering: 2023-11-14'));
    expect(rows(report)).toEqual(['warning ansokan/certifiering-utgangen ansokan.yaml:11:24 /tidigare_certifiering']);
    expect(report.diagnostics[0]!.message).toContain('2026-11-14');
    expect(report.diagnostics[0]!.message).not.toContain('typ: ny');
  });

  it('says a new application is expected when it lapsed more than a year ago', async () => {
    const exactlyAYear = await variant(renewal('tidigare_certifiering: 2022-11-15'));
    expect(exactlyAYear.report.diagnostics[0]!.message).not.toContain('typ: ny');
    const { report } = await variant(renewal('tidigare_certifiering:\n  datum: 2022-11-14'));
    expect(rows(report)).toEqual(['warning ansokan/certifiering-utgangen ansokan.yaml:12:10 /tidigare_certifiering/datum']);
    expect(report.diagnostics[0]!.message).toContain('typ: ny');
  });
});

describe('the reference date', () => {
  it('is --date when given', async () => {
    const { report } = await variant([], { date: '2026-06-30' });
    expect(report.referenceDate).toBe('2026-06-30');
    expect(report.referenceDateSource).toBe('option');
  });

  it('is `ansökningsdatum` without --date', async () => {
    const dir = await copyExample('storvik');
    const report = await checkApplication(dir);
    expect(report.referenceDate).toBe('2026-11-15');
    expect(report.referenceDateSource).toBe('ansökningsdatum');
    expect(report.diagnostics).toEqual([]);
  });

  it('is today without either, and the rules use it', async () => {
    const dir = await copyExample('storvik');
    await del('ansokan.yaml', ['ansökningsdatum'])(dir);
    await sub(CH[3], 'bildad: 2016-03-01', `bildad: ${fmt(today())}`)(dir);
    const report = await checkApplication(dir);
    expect(report.referenceDateSource).toBe('today');
    expect(report.referenceDate).toBe(fmt(today()));
    expect(report.diagnostics.filter((d) => d.rule === 'k3/verksam-tre-ar')).toHaveLength(1);
  });

  it('rejects a --date that is no date', async () => {
    const dir = await copyExample('storvik');
    await expect(checkApplication(dir, { date: '2026-02-30' })).rejects.toMatchObject({ key: 'bad-date' });
  });
});

describe('config/oanvant-undantag', () => {
  it('warns at an exception that matches no diagnostic', async () => {
    const config =
      'undantag:\n  - regel: k3/verksam-tre-ar\n    motivering: Föreningen bildades 2024 men ägarna har åtagit sig finansieringen till 2029.\n';
    const { report } = await variant(put('qm.config.yaml', config));
    expect(rows(report)).toEqual(['warning config/oanvant-undantag qm.config.yaml:2:5 /undantag/0']);
    expect(report.diagnostics[0]!.chapter).toBeNull();
    expect(report.diagnostics[0]!.message).toContain('k3/verksam-tre-ar');
  });

  it('lets a matching exception carry the error without failing the check', async () => {
    const config =
      'undantag:\n  - regel: k3/verksam-tre-ar\n    motivering: Föreningen bildades 2024 men ägarna har åtagit sig finansieringen till 2029.\n';
    const { report } = await variant([put('qm.config.yaml', config), sub(CH[3], 'bildad: 2016-03-01', 'bildad: 2024-05-01')]);
    expect(rows(report)).toEqual(['error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad']);
    expect(report.diagnostics[0]!.excepted?.reason).toContain('2029');
    expect(report.ok).toBe(true);
    expect(report.summary).toMatchObject({ errors: 0, excepted: 1 });
    expect(report.summary.completeness).toBeLessThan(1);
  });
});
