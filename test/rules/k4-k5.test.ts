/** Chapter 4 (Finansiering) and chapter 5 (Vision och affärsidé): single-fault variants of storvik. */
import { describe, expect, it } from 'vitest';
import { one } from '../helpers/app.js';
import { CH, del, faults, remove, rows, set, sub, variant } from './variant.js';

const belopp = (from: string, to: string) => sub(CH[4], `belopp: ${from}`, `belopp: ${to}`);
const period = (from: number, to: number) => [set(CH[5], ['period', 'från'], from), set(CH[5], ['period', 'till'], to)];

describe('k4/offentlig-och-privat', () => {
  it('fails at `finansiärer` when only public financiers contribute, naming the share', async () => {
    const { report } = await variant([belopp('1 560 000 kr', '3 510 000 kr'), belopp('1 365 000 kr', '0 kr'), belopp('585 000', '0')]);
    expect(rows(report)).toEqual(['error k4/offentlig-och-privat 04-finansiering.md:5:3 /finansiärer']);
    expect(report.diagnostics[0]!.message).toBe(
      'Finansieringen är 100 % offentlig (3 900 000 kr). Kravet är att både offentliga och privata aktörer bidrar.',
    );
  });

  it('fails when only private financiers contribute', async () => {
    const { report } = await variant([belopp('1 560 000 kr', '0'), belopp('390 000', '0'), belopp('1 365 000 kr', '3 315 000 kr')]);
    expect(rows(report)).toEqual(['error k4/offentlig-och-privat 04-finansiering.md:5:3 /finansiärer']);
    expect(report.diagnostics[0]!.message).toContain('100 % privat');
  });

  it('fails at the first key when `finansiärer` is missing', async () => {
    const edits = [
      del(CH[4], ['finansiärer']),
      remove('bilagor/avtal-storviks-kommun.pdf'),
      remove('bilagor/avtal-centrumavgift-fastighetsagarna.pdf'),
    ];
    expect(await faults(edits)).toEqual(['error k4/offentlig-och-privat 04-finansiering.md:2:1 /finansiärer']);
  });

  it('leaves an unknown sector to schema/okant-varde, without a budget cascade', async () => {
    const r = await faults([sub(CH[4], /sektor: offentlig\n {4}belopp: 390 000/, 'sektor: regional\n    belopp: 390 000')]);
    expect(r).toEqual(['error schema/okant-varde 04-finansiering.md:22:13 /finansiärer/3/sektor']);
  });

  it('leaves an amount that is not a number to schema/fel-typ', async () => {
    const { report } = await variant(belopp('390 000', 'ungefär en halv miljon'));
    expect(rows(report)).toEqual(['error schema/fel-typ 04-finansiering.md:23:13 /finansiärer/3/belopp']);
    expect(report.diagnostics[0]!.message).toContain('ungefär en halv miljon');
  });

  it('leaves a negative amount to schema/utanfor-intervall', async () => {
    expect(await faults(belopp('585 000', '-585 000'))).toEqual([
      'error schema/utanfor-intervall 04-finansiering.md:19:13 /finansiärer/2/belopp',
    ]);
  });
});

describe('k4/budget-summa', () => {
  it('passes when the financiers differ from `budget` by exactly 1 %, up or down', async () => {
    expect(await faults(belopp('390 000', '429 000'))).toEqual([]);
    expect(await faults(belopp('390 000', '351 000'))).toEqual([]);
  });

  it('warns at `budget` one krona beyond 1 %, with both sums and the public/private split', async () => {
    const { report } = await variant(belopp('390 000', '429 001'));
    expect(rows(report)).toEqual(['warning k4/budget-summa 04-finansiering.md:3:9 /budget']);
    expect(report.diagnostics[0]!.message).toBe(
      'Finansiärernas belopp summerar till 3 939 001 kr (offentligt 1 989 001 kr, 50 %; privat 1 950 000 kr, 50 %), men `budget` är 3 900 000 kr. Skillnaden är mer än 1 %; stäm av beloppen.',
    );
    expect(await faults(belopp('390 000', '350 999'))).toEqual(['warning k4/budget-summa 04-finansiering.md:3:9 /budget']);
  });

  it('reads amounts written with no-break spaces and `SEK`', async () => {
    expect(await faults(sub(CH[4], 'budget: 3 900 000 kr', 'budget: 3\u00a0900\u00a0000 SEK'))).toEqual([]);
  });
});

describe('k4/budget-beslutad', () => {
  it('fails at the first key when `budgetbeslut` is missing', async () => {
    const { report } = await variant([del(CH[4], ['budgetbeslut']), remove('bilagor/protokoll-styrelsemote-2025-12-04.pdf')]);
    expect(rows(report)).toEqual(['error k4/budget-beslutad 04-finansiering.md:2:1 /budgetbeslut']);
    expect(report.diagnostics[0]!.message).toContain('budgetbeslut');
  });

  it('passes when the budget was approved on the reference date', async () => {
    expect(await faults(sub(CH[4], 'datum: 2025-12-04', 'datum: 2026-11-15'))).toEqual([]);
  });

  it('fails at the decision’s date when it is a day after the reference date', async () => {
    const { report } = await variant(sub(CH[4], 'datum: 2025-12-04', 'datum: 2026-11-16'));
    expect(rows(report)).toEqual(['error k4/budget-beslutad 04-finansiering.md:26:10 /budgetbeslut/datum']);
    expect(report.diagnostics[0]!.message).toContain('2026-11-16');
    expect(report.diagnostics[0]!.message).toContain('2026-11-15');
  });

  it('reports a decision without `organ` as schema/saknat-falt at `budgetbeslut`', async () => {
    expect(await faults(del(CH[4], ['budgetbeslut', 'organ']))).toEqual([
      'error schema/saknat-falt 04-finansiering.md:25:1 /budgetbeslut/organ',
    ]);
  });
});

describe('k4/budget-uppfoljning', () => {
  it('fails at the first key when `uppföljning` is missing', async () => {
    expect(await faults(del(CH[4], ['uppföljning']))).toEqual(['error k4/budget-uppfoljning 04-finansiering.md:2:1 /uppföljning']);
  });
});

describe('k4/avtal', () => {
  const noAgreements = [
    del(CH[4], ['finansiärer', 0, 'avtal']),
    del(CH[4], ['finansiärer', 1, 'avtal']),
    del(CH[4], ['budgetbeslut', 'protokoll']),
    remove('bilagor/avtal-storviks-kommun.pdf'),
    remove('bilagor/avtal-centrumavgift-fastighetsagarna.pdf'),
    remove('bilagor/protokoll-styrelsemote-2025-12-04.pdf'),
  ];

  it('fails when chapter 4 has no attachment at all', async () => {
    expect(await faults(noAgreements)).toEqual(['error k4/avtal 04-finansiering.md:2:1 /bilagor']);
  });

  it('passes with only the chapter’s `bilagor`', async () => {
    expect(await faults([...noAgreements, set(CH[4], ['bilagor'], ['bilagor/verksamhetsplan-2026.pdf'])])).toEqual([]);
  });

  it('passes with only a financier’s `avtal`, or only the decision’s `protokoll`', async () => {
    expect(await faults(noAgreements.filter((_, i) => i !== 0 && i !== 3))).toEqual([]);
    expect(await faults(noAgreements.filter((_, i) => i !== 2 && i !== 5))).toEqual([]);
  });
});

describe('k4/budgetar', () => {
  it('passes for the reference year and the next', async () => {
    expect(await faults(sub(CH[4], 'budgetår: 2026', 'budgetår: 2027'))).toEqual([]);
  });

  it('warns at `budgetår` for the year before and two years ahead', async () => {
    expect(await faults(sub(CH[4], 'budgetår: 2026', 'budgetår: 2025'))).toEqual(['warning k4/budgetar 04-finansiering.md:2:11 /budgetår']);
    expect(await faults(sub(CH[4], 'budgetår: 2026', 'budgetår: 2028'))).toEqual(['warning k4/budgetar 04-finansiering.md:2:11 /budgetår']);
  });
});

describe('k4/sektor-motsager-k3', () => {
  const handelPublic = (name: string) =>
    sub(CH[4], /namn: Storviks Handelsförening\n {4}sektor: privat/, `namn: ${name}\n    sektor: offentlig`);

  it('warns at the financier’s sector when chapter 3 gives the actor of that name the other sector', async () => {
    const { report } = await variant(handelPublic('Storviks Handelsförening'));
    expect(rows(report)).toEqual(['warning k4/sektor-motsager-k3 04-finansiering.md:18:13 /finansiärer/2/sektor']);
    expect(report.diagnostics[0]!.message).toContain('Storviks Handelsförening');
  });

  it('compares names case-insensitively, trimmed and in NFC', async () => {
    expect(await faults(handelPublic('"  storviks HANDELSFÖRENING "'))).toEqual([
      'warning k4/sektor-motsager-k3 04-finansiering.md:18:13 /finansiärer/2/sektor',
    ]);
    expect(await faults(handelPublic('Storviks Handelsförening'.normalize('NFD')))).toEqual([
      'warning k4/sektor-motsager-k3 04-finansiering.md:18:13 /finansiärer/2/sektor',
    ]);
  });

  it('passes a financier that is no actor in chapter 3 (Region Norrmark)', async () => {
    expect(await faults([])).toEqual([]);
  });

  it('is skipped when chapter 3 is missing', async () => {
    const r = await faults([handelPublic('Storviks Handelsförening'), remove(CH[3])]);
    expect(r).toEqual(['error kapitel/saknas -:-:- -']);
  });
});

describe('k5/vision and k5/affarside', () => {
  it('fail at the first key when missing', async () => {
    expect(await faults(del(CH[5], ['vision']))).toEqual(['error k5/vision 05-vision.md:2:1 /vision']);
    expect(await faults(del(CH[5], ['affärsidé']))).toEqual(['error k5/affarside 05-vision.md:2:1 /affärsidé']);
  });

  it('fail at the key when the value is left empty, and at the value when it is blank', async () => {
    expect(await faults(set(CH[5], ['vision'], ''))).toEqual(['error k5/vision 05-vision.md:2:1 /vision']);
    expect(await faults(sub(CH[5], /^vision: .*$/m, 'vision: ""'))).toEqual(['error k5/vision 05-vision.md:2:9 /vision']);
    expect(await faults(sub(CH[5], /^vision: .*$/m, 'vision: "   "'))).toEqual(['error k5/vision 05-vision.md:2:9 /vision']);
    expect(await faults(sub(CH[5], /^affärsidé: .*$/m, 'affärsidé: ""'))).toEqual(['error k5/affarside 05-vision.md:3:12 /affärsidé']);
  });

  it('are silenced by a template placeholder, which text/platshallare reports', async () => {
    expect(await faults(sub(CH[5], /^affärsidé: .*$/m, 'affärsidé: "[FYLL I: organisationens affärsidé]"'))).toEqual([
      'error text/platshallare 05-vision.md:3:12 /affärsidé',
    ]);
  });
});

describe('k5/vision-tre-ar', () => {
  it('passes 2026–2028 (three calendar years)', async () => {
    expect(await faults(period(2026, 2028))).toEqual(['info k5/vision-certifieringsperiod 05-vision.md:6:9 /period/till']);
  });

  it('fails 2026–2027 at `period`, saying how far to extend it', async () => {
    const { report } = await variant(period(2026, 2027));
    expect(rows(report)).toEqual([
      'error k5/vision-tre-ar 05-vision.md:5:3 /period',
      'info k5/vision-certifieringsperiod 05-vision.md:6:9 /period/till',
    ]);
    expect(one(report, 'k5/vision-tre-ar').message).toContain('2026–2027');
    expect(one(report, 'k5/vision-tre-ar').message).toContain('2028');
  });

  it('reports a period without `till` as schema/saknat-falt', async () => {
    expect(await faults(del(CH[5], ['period', 'till']))).toEqual(['error schema/saknat-falt 05-vision.md:4:1 /period/till']);
  });
});

describe('k5/vision-aktuell', () => {
  it('fails when the period ended before the reference year', async () => {
    const { report } = await variant(period(2022, 2025));
    expect(rows(report)).toEqual([
      'error k5/vision-aktuell 05-vision.md:6:9 /period/till',
      'info k5/vision-certifieringsperiod 05-vision.md:6:9 /period/till',
    ]);
    expect(one(report, 'k5/vision-aktuell').message).toContain('2025');
  });

  it('passes a period that ends in the reference year (only the certification-period info)', async () => {
    expect(await faults(period(2024, 2026))).toEqual(['info k5/vision-certifieringsperiod 05-vision.md:6:9 /period/till']);
  });
});

describe('k5/vision-borjar-senare', () => {
  it('passes a vision that starts next year', async () => {
    expect(await faults(period(2027, 2030))).toEqual([]);
  });

  it('warns at `från` for a vision that starts two years after the reference year', async () => {
    expect(await faults(period(2028, 2031))).toEqual(['warning k5/vision-borjar-senare 05-vision.md:5:9 /period/från']);
  });
});

describe('k5/vision-certifieringsperiod', () => {
  it('passes when `till` is the reference year + 3 (storvik: 2029)', async () => {
    expect(await faults([])).toEqual([]);
  });

  it('is an info at `till` when the vision ends before a certification granted now', async () => {
    const { report } = await variant(period(2025, 2028));
    expect(rows(report)).toEqual(['info k5/vision-certifieringsperiod 05-vision.md:6:9 /period/till']);
    expect(report.ok).toBe(true);
    expect(report.diagnostics[0]!.message).toContain('2029');
  });
});

describe('k5/dokument and k5/samsyn', () => {
  it('fails without the vision document', async () => {
    expect(await faults([del(CH[5], ['dokument']), remove('bilagor/vision-och-affarside-2026-2029.pdf')])).toEqual([
      'error k5/dokument 05-vision.md:2:1 /dokument',
    ]);
  });

  it('fails without `beslutad`, at the first key', async () => {
    expect(await faults(del(CH[5], ['beslutad']))).toEqual(['error k5/samsyn 05-vision.md:2:1 /beslutad']);
  });

  it('fails at `av` when nobody stands behind the vision', async () => {
    expect(await faults(set(CH[5], ['beslutad', 'av'], []))).toEqual(['error k5/samsyn 05-vision.md:9:7 /beslutad/av']);
  });

  it('fails at `beslutad` when `av` is left out', async () => {
    expect(await faults(del(CH[5], ['beslutad', 'av']))).toEqual(['error k5/samsyn 05-vision.md:7:1 /beslutad/av']);
  });

  it('accepts a single name for `av`', async () => {
    expect(await faults(sub(CH[5], / {2}av:\n( {4}- .*\n)+/, '  av: Styrelsen för Centrumsamverkan Storvik\n'))).toEqual([]);
  });
});
