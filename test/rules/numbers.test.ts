/**
 * Numbers as a Swedish writer means them (format.md, "Written as people write"): a dot between
 * groups of three digits separates thousands; in an amount in SEK so does a single one; elsewhere
 * `1.310` is ambiguous (schema/tvetydigt-tal); any other dot is a decimal point. Never a number
 * silently read as a thousandth of what was written.
 */
import { describe, expect, it } from 'vitest';
import { parseSwedishNumber, readSwedishNumber } from '../../src/load/numbers.js';
import { CH, faults, rows, sub, variant } from './variant.js';

describe('readSwedishNumber', () => {
  it('reads a dot between groups of three digits as a thousands separator, everywhere', () => {
    expect(parseSwedishNumber('1.310.000')).toBe(1310000);
    expect(parseSwedishNumber('1.310.000', true)).toBe(1310000);
    expect(parseSwedishNumber('1.310.000 kr')).toBe(1310000);
    expect(parseSwedishNumber('-12.500.000')).toBe(-12500000);
    // A decimal comma after the groups leaves the dots only one reading.
    expect(parseSwedishNumber('1.310,5')).toBe(1310.5);
    expect(parseSwedishNumber('1.310.000,75 kr')).toBe(1310000.75);
  });

  it('reads a single dot before exactly three digits as thousands in an amount in kronor', () => {
    expect(parseSwedishNumber('350.000 kr', true)).toBe(350000);
    expect(parseSwedishNumber('2.500', true)).toBe(2500);
    expect(parseSwedishNumber('2.500 SEK', true)).toBe(2500);
  });

  it('calls a single dot before exactly three digits ambiguous outside an amount, with both readings', () => {
    expect(readSwedishNumber('1.310')).toEqual({ kind: 'ambiguous', thousands: 1310, decimal: 1.31, digits: '1.310' });
    expect(readSwedishNumber('62.500 %')).toEqual({ kind: 'ambiguous', thousands: 62500, decimal: 62.5, digits: '62.500' });
    expect(parseSwedishNumber('1.310')).toBeUndefined();
  });

  it('keeps a dot before three digits ambiguous in millions or thousands of kronor, where three decimals are plausible', () => {
    expect(readSwedishNumber('2.125 mkr', true)).toEqual({ kind: 'ambiguous', thousands: 2125000000, decimal: 2125000, digits: '2.125' });
    expect(readSwedishNumber('1.500 tkr', true)?.kind).toBe('ambiguous');
  });

  it('reads any other dot as a decimal point', () => {
    expect(parseSwedishNumber('4.52')).toBe(4.52);
    expect(parseSwedishNumber('4.52', true)).toBe(4.52);
    expect(parseSwedishNumber('1.5 mkr', true)).toBe(1500000);
    expect(parseSwedishNumber('0.500')).toBe(0.5);
    expect(parseSwedishNumber('1234.567')).toBe(1234.567);
    expect(parseSwedishNumber('1.3100')).toBe(1.31);
    expect(parseSwedishNumber('2 600.5')).toBe(2600.5);
  });

  it('reads the forms qm always read', () => {
    expect(parseSwedishNumber('3 900 000 kr')).toBe(3900000);
    expect(parseSwedishNumber('4,52')).toBe(4.52);
    expect(parseSwedishNumber('40 %')).toBe(40);
    expect(parseSwedishNumber('2,6 Mkr')).toBe(2600000);
    expect(parseSwedishNumber('2,6 miljoner kronor')).toBe(2600000);
    expect(parseSwedishNumber('−12')).toBe(-12);
  });

  it('reads nothing from dots that are neither', () => {
    expect(parseSwedishNumber('1.310.00')).toBeUndefined();
    expect(parseSwedishNumber('1.31.000')).toBeUndefined();
    expect(parseSwedishNumber('1..310')).toBeUndefined();
  });
});

describe('amounts with dots, through the check', () => {
  it('reads `350.000 kr`, `2.500` and `1.310.000` in amounts as what was meant: k4/budget-summa compares the right sums', async () => {
    // 3 900 000 written with dots, the financiers' amounts too: nothing to report.
    const { report } = await variant([
      sub(CH[4], 'budget: 3 900 000 kr', 'budget: 3.900.000 kr'),
      sub(CH[4], 'belopp: 1 560 000 kr', 'belopp: 1.560.000'),
      sub(CH[4], 'belopp: 585 000', 'belopp: 585.000 kr'),
      sub(CH[4], 'belopp: 390 000', 'belopp: 390.000'),
      sub(CH[4], 'utfall_föregående_år: 3 712 000 kr', 'utfall_föregående_år: 3.712.000'),
    ]);
    expect(rows(report)).toEqual([]);
  });

  it('an action budget `2.500` is 2 500 kr, not 2,5 kr', async () => {
    const { report } = await variant(sub(CH[7], 'budget: 780 000', 'budget: 2.500'));
    expect(rows(report)).toEqual([]);
  });
});

describe('schema/tvetydigt-tal', () => {
  it('reports `1.310` outside an amount once, at the value, with both readings, and nothing else', async () => {
    const { report } = await variant(sub(CH[8], '      2024: 10,1', '      2024: 1.310'));
    expect(rows(report)).toEqual(['error schema/tvetydigt-tal 08-uppfoljning.md:11:13 /indikatorer/0/värden/2024']);
    const m = report.diagnostics[0]!.message;
    expect(m).toBe(
      '`värden` för 2024 är ”1.310”: punkten kan skilja tusental (1 310) eller decimaler (1,31). Skriv 1 310 med mellanslag eller 1,31 med komma.',
    );
  });

  it('says it in English with --lang en', async () => {
    const { report } = await variant(sub(CH[8], '      2024: 10,1', '      2024: 1.310'), { lang: 'en' });
    expect(report.diagnostics[0]!.message).toBe(
      '`värden` for 2024 is “1.310”: the dot may separate thousands (1 310) or decimals (1,31). Write 1 310 with a space or 1,31 with a comma.',
    );
  });

  it('reports a share `62.500 %`, and no type or range error beside it', async () => {
    expect(await faults(sub(CH[3], 'andel: 40 %', 'andel: 62.500 %'))).toEqual([
      'error schema/tvetydigt-tal 03-organisation.md:7:12 /aktörer/0/andel',
    ]);
  });

  it('leaves `4.52` a decimal and `1.310.000` thousands outside an amount', async () => {
    expect(await faults(sub(CH[8], '      2024: 10,1', '      2024: 4.52'))).toEqual([]);
    const { report } = await variant(sub(CH[3], 'andel: 40 %', 'andel: 1.310.000'));
    expect(rows(report)).toEqual(['error schema/utanfor-intervall 03-organisation.md:7:12 /aktörer/0/andel']);
    expect(report.diagnostics[0]!.message).toContain('1310000');
  });
});
