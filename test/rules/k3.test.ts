/** Chapter 3 (Organisation): single-fault variants of storvik, with the date boundaries of "verksam i minst tre år". */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, one } from '../helpers/app.js';
import { CH, del, faults, put, remove, rows, set, sub, variant, type Edit } from './variant.js';

const bildad = (value: string) => sub(CH[3], 'bildad: 2016-03-01', `bildad: ${value}`);
const actors = (yaml: string) => sub(CH[3], /aktörer:\n[\s\S]*?\npersonal:/, `aktörer:\n${yaml}\npersonal:`);
const chapter3 = (r: Awaited<ReturnType<typeof variant>>['report']) =>
  rows({ ...r, diagnostics: r.diagnostics.filter((d) => d.chapter === 3) });

describe('k3/verksam-tre-ar', () => {
  it('passes when the organisation was formed exactly three years before the reference date', async () => {
    expect(await faults(bildad('2023-11-15'))).toEqual([]);
  });

  it('fails one day later, at the value of `bildad`, saying when the requirement will be met', async () => {
    const { report } = await variant(bildad('2023-11-16'));
    expect(rows(report)).toEqual(['error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad']);
    expect(report.diagnostics[0]!.message).toBe(
      'Organisationen bildades 2023-11-16 och har varit verksam i 2 år och 11 månader. Kravet är minst tre år; det uppfylls 2026-11-16.',
    );
    expect(report.ok).toBe(false);
  });

  it('gives the numbers in English with --lang en', async () => {
    const { report } = await variant(bildad('2024-05-01'), { lang: 'en' });
    expect(report.diagnostics[0]!.message).toContain('2024-05-01');
    expect(report.diagnostics[0]!.message).toContain('2 years and 6 months');
    expect(report.diagnostics[0]!.message).toContain('2027-05-01');
  });

  it('counts three years from 29 February as 28 February (2020-02-29: met on 2023-02-28, not on 2023-02-27)', async () => {
    const met = await variant(bildad('2020-02-29'), { date: '2023-02-28' });
    expect(chapter3(met.report)).toEqual([]);
    const notMet = await variant(bildad('2020-02-29'), { date: '2023-02-27' });
    expect(chapter3(notMet.report)).toEqual(['error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad']);
    expect(one(notMet.report, 'k3/verksam-tre-ar').message).toContain('det uppfylls 2023-02-28');
  });

  it('says when an organisation formed after the reference date will meet the requirement', async () => {
    const { report } = await variant(bildad('2027-01-10'));
    expect(rows(report)).toEqual(['error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad']);
    expect(one(report, 'k3/verksam-tre-ar').message).toContain('2030-01-10');
  });

  it('reads a date in a quoted string the same way', async () => {
    expect(await faults(bildad('"2023-11-16"'))).toEqual(['error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad']);
  });
});

describe('k3/bildad-ofullstandigt-datum', () => {
  it('passes a bare year when three years have passed whatever the day (2022 at 2026-11-15)', async () => {
    expect(await faults(bildad('2022'))).toEqual([]);
  });

  it('fails a bare year as k3/verksam-tre-ar when three years cannot have passed (2024)', async () => {
    const { report } = await variant(bildad('2024'));
    expect(rows(report)).toEqual(['error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad']);
    expect(report.diagnostics[0]!.message).toContain('2027-01-01');
  });

  it('asks for the full date, and gives no k3/verksam-tre-ar, when it depends on the day (2023)', async () => {
    const { report } = await variant(bildad('2023'));
    expect(rows(report)).toEqual(['warning k3/bildad-ofullstandigt-datum 03-organisation.md:2:9 /bildad']);
    expect(report.diagnostics[0]!.message).toContain('2023');
    expect(report.diagnostics[0]!.message).toContain('ÅÅÅÅ-MM-DD');
    expect(report.ok).toBe(true);
  });

  it('is decided by the day of the reference date: 2023 is met from 2026-12-31', async () => {
    const r = await variant(bildad('2023'), { date: '2026-12-31' });
    expect(chapter3(r.report)).toEqual([]);
    const r2 = await variant(bildad('2023'), { date: '2026-12-30' });
    expect(chapter3(r2.report)).toEqual(['warning k3/bildad-ofullstandigt-datum 03-organisation.md:2:9 /bildad']);
    const r3 = await variant(bildad('2023'), { date: '2025-12-31' });
    expect(chapter3(r3.report)).toEqual(['error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad']);
  });
});

/** `åtaganden` after the map in chapter 3, and a signed PDF for each `bilaga` named. */
function commitments(...list: { part: string; sektor: string; till: string; bilaga?: string }[]): Edit {
  return async (dir) => {
    const yaml = list
      .map((c) => `  - part: ${c.part}\n    sektor: ${c.sektor}\n    till: ${c.till}${c.bilaga ? `\n    bilaga: ${c.bilaga}` : ''}`)
      .join('\n');
    await sub(CH[3], 'karta: bilagor/karta-arbetsomrade.png\n', `karta: bilagor/karta-arbetsomrade.png\nåtaganden:\n${yaml}\n`)(dir);
    const pdf = await readFile(join(FIXTURES, 'storvik', 'bilagor/organisationsmatris.pdf'));
    for (const c of list) if (c.bilaga) await put(c.bilaga, pdf)(dir);
  };
}
const kommunen = { part: 'Storviks kommun', sektor: 'offentlig', till: '2029-11-15', bilaga: 'bilagor/atagande-kommunen.pdf' };
const fastighetsagarna = {
  part: 'Fastighetsägarna i Storviks centrum',
  sektor: 'privat',
  till: '2029-12-31',
  bilaga: 'bilagor/atagande-fastighetsagarna.pdf',
};
/** A young organisation: at the reference date 2026-11-15 three years of operation are reached 2028-02-01. */
const young = bildad('2025-02-01');

describe('k3/verksam-tre-ar met by written commitments (`åtaganden`)', () => {
  it('passes a young organisation whose public and private commitments end exactly on the reference date + 3 years', async () => {
    expect(await faults([young, commitments(kommunen, { ...fastighetsagarna, till: '2029-11-15' })])).toEqual([]);
  });

  it('fails one day short, saying which commitment ends too early and until when they must hold', async () => {
    const { report } = await variant([young, commitments(kommunen, { ...fastighetsagarna, till: '2029-11-14' })]);
    expect(rows(report)).toEqual(['error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad']);
    expect(report.diagnostics[0]!.message).toBe(
      'Organisationen bildades 2025-02-01 och har varit verksam i 1 år och 9 månader. Kravet är minst tre år; det uppfylls 2028-02-01. ' +
        'Åtagandena täcker inte heller de tre åren framåt: det krävs minst ett offentligt och ett privat åtagande som gäller till minst ' +
        '2029-11-15, vart och ett med sin undertecknade `bilaga`, men Fastighetsägarna i Storviks centrum (privat) gäller bara till 2029-11-14.',
    );
  });

  it('fails with commitments from only one sector, naming the sector missing', async () => {
    const { report } = await variant([young, commitments(kommunen, { ...fastighetsagarna, part: 'Region Norrmark', sektor: 'offentlig' })]);
    expect(rows(report)).toEqual(['error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad']);
    expect(report.diagnostics[0]!.message).toContain('men inget åtagande är från en privat part.');
  });

  it('fails with a commitment without its document, naming it', async () => {
    const { report } = await variant([young, commitments(kommunen, { ...fastighetsagarna, bilaga: undefined })]);
    expect(rows(report)).toEqual(['error k3/verksam-tre-ar 03-organisation.md:2:9 /bildad']);
    expect(report.diagnostics[0]!.message).toContain('men Fastighetsägarna i Storviks centrum (privat) saknar sin `bilaga`.');
  });

  it('names every reason of a sector not covered, and not those of a sector covered', async () => {
    const early = { ...kommunen, part: 'Region Norrmark', till: '2027-12-31', bilaga: undefined };
    const { report } = await variant([young, commitments(early, kommunen, { ...fastighetsagarna, till: '2028-06-30', bilaga: undefined })]);
    const m = one(report, 'k3/verksam-tre-ar').message;
    expect(m).toContain('men Fastighetsägarna i Storviks centrum (privat) gäller bara till 2028-06-30 och saknar också sin `bilaga`.');
    expect(m).not.toContain('Region Norrmark');
  });

  it('says it in English with --lang en', async () => {
    const { report } = await variant([young, commitments(kommunen, { ...fastighetsagarna, till: '2029-11-14' })], { lang: 'en' });
    expect(report.diagnostics[0]!.message).toContain(
      'Nor do the commitments cover the three years ahead: that takes at least one public and one private commitment valid until at least 2029-11-15',
    );
    expect(report.diagnostics[0]!.message).toContain('Fastighetsägarna i Storviks centrum (privat) is valid only until 2029-11-14.');
  });

  it('silences k3/bildad-ofullstandigt-datum for a bare year when the commitments cover the three years ahead', async () => {
    expect(await faults([bildad('2023'), commitments(kommunen, fastighetsagarna)])).toEqual([]);
    expect(await faults([bildad('2023'), commitments(kommunen, { ...fastighetsagarna, till: '2029-11-14' })])).toEqual([
      'warning k3/bildad-ofullstandigt-datum 03-organisation.md:2:9 /bildad',
    ]);
  });

  it('checks each commitment’s document as an attachment: a missing file is bilaga/saknas, and the requirement is met', async () => {
    const { report } = await variant([young, commitments(kommunen, fastighetsagarna), remove(fastighetsagarna.bilaga)]);
    expect(rows(report)).toEqual(['error bilaga/saknas 03-organisation.md:86:13 /åtaganden/1/bilaga']);
  });

  it('is silent on commitments while a date of theirs cannot be read: schema/fel-format alone', async () => {
    expect(await faults([young, commitments(kommunen, { ...fastighetsagarna, till: '31 december 2029' })])).toEqual([
      'error schema/fel-format 03-organisation.md:85:11 /åtaganden/1/till',
    ]);
  });

  it('does not need commitments when the organisation has three years of operation', async () => {
    expect(await faults(commitments({ ...kommunen, till: '2027-01-01', bilaga: undefined }))).toEqual([]);
  });
});

describe('k3/offentlig-och-privat', () => {
  it('fails at `aktörer` when every actor is public', async () => {
    const { report } = await variant(actors('  - namn: Storviks kommun\n    sektor: offentlig\n    andel: 100 %'));
    expect(rows(report)).toEqual(['error k3/offentlig-och-privat 03-organisation.md:5:3 /aktörer']);
    expect(report.diagnostics[0]!.message).toBe(
      'Den enda aktören är offentlig. Kravet är att både offentlig och privat verksamhet ingår: lägg till en privat aktör.',
    );
  });

  it('fails when every actor is private', async () => {
    const r = await faults(
      actors(
        '  - namn: Fastighetsägarna i Storviks centrum\n    sektor: privat\n    andel: 60 %\n  - namn: Storviks Handelsförening\n    sektor: privat\n    andel: 40 %',
      ),
    );
    expect(r).toEqual(['error k3/offentlig-och-privat 03-organisation.md:5:3 /aktörer']);
  });

  it('fails at the first key when `aktörer` is missing, without schema/saknat-falt', async () => {
    expect(await faults(del(CH[3], ['aktörer']))).toEqual(['error k3/offentlig-och-privat 03-organisation.md:2:1 /aktörer']);
  });

  it('reads the sector regardless of case', async () => {
    expect(await faults(sub(CH[3], 'sektor: offentlig', 'sektor: Offentlig'))).toEqual([]);
  });

  it('leaves an unknown sector to schema/okant-varde (one problem, one diagnostic)', async () => {
    const { report } = await variant(sub(CH[3], 'sektor: offentlig', 'sektor: kommunal'));
    expect(rows(report)).toEqual(['error schema/okant-varde 03-organisation.md:6:13 /aktörer/0/sektor']);
    expect(report.diagnostics[0]!.message).toContain('kommunal');
    expect(report.diagnostics[0]!.message).toContain('offentlig, privat');
  });
});

describe('k3/andelar-summa', () => {
  it('passes at 99.5 and 100.5', async () => {
    expect(await faults(sub(CH[3], 'andel: 25 %', 'andel: 24,5 %'))).toEqual([]);
    expect(await faults(sub(CH[3], 'andel: 25 %', 'andel: 25,5 %'))).toEqual([]);
  });

  it('warns at `aktörer` below 99.5 and above 100.5, with the sum', async () => {
    const low = await variant(sub(CH[3], 'andel: 25 %', 'andel: 24,4 %'));
    expect(rows(low.report)).toEqual(['warning k3/andelar-summa 03-organisation.md:5:3 /aktörer']);
    expect(low.report.diagnostics[0]!.message).toContain('99,4 %');
    expect(await faults(sub(CH[3], 'andel: 25 %', 'andel: 25,6 %'))).toEqual(['warning k3/andelar-summa 03-organisation.md:5:3 /aktörer']);
  });

  it('does not apply when an actor has no share', async () => {
    const { report } = await variant(del(CH[3], ['aktörer', 2, 'andel']));
    expect(report.diagnostics).toEqual([]);
    expect(report.chapters[2]!.total).toBe(6);
  });
});

describe('k3/grupp-beskrivning', () => {
  it('fails at the group when it lacks `mandat`', async () => {
    const { report } = await variant(del(CH[3], ['grupper', 1, 'mandat']));
    expect(rows(report)).toEqual(['error k3/grupp-beskrivning 03-organisation.md:34:5 /grupper/1/mandat']);
    expect(report.diagnostics[0]!.message).toContain('Ledningsgruppen');
    expect(report.diagnostics[0]!.message).toContain('mandat');
  });

  it('fails for `mötesfrekvens` and `beslutsväg` too, one diagnostic per missing field', async () => {
    expect(await faults(del(CH[3], ['grupper', 4, 'beslutsväg']))).toEqual([
      'error k3/grupp-beskrivning 03-organisation.md:58:5 /grupper/4/beslutsväg',
    ]);
    expect(await faults([del(CH[3], ['grupper', 0, 'mötesfrekvens']), del(CH[3], ['grupper', 0, 'beslutsväg'])])).toEqual([
      'error k3/grupp-beskrivning 03-organisation.md:21:5 /grupper/0/mötesfrekvens',
      'error k3/grupp-beskrivning 03-organisation.md:21:5 /grupper/0/beslutsväg',
    ]);
  });

  it('fails for an empty or blank `mandat` as the requirement, at the value (not schema/tomt-varde)', async () => {
    expect(await faults(sub(CH[3], 'mandat: Rådgivande; lämnar synpunkter på mål, planer och åtgärder', 'mandat: ""'))).toEqual([
      'error k3/grupp-beskrivning 03-organisation.md:66:13 /grupper/4/mandat',
    ]);
    expect(await faults(sub(CH[3], 'mandat: Rådgivande; lämnar synpunkter på mål, planer och åtgärder', 'mandat: "  "'))).toEqual([
      'error k3/grupp-beskrivning 03-organisation.md:66:13 /grupper/4/mandat',
    ]);
  });

  it('reproduces cli.md: bildad 2024-05-01 gives chapter 3 at 6/7 and completeness 0.97', async () => {
    const { report } = await variant(sub(CH[3], 'bildad: 2016-03-01', 'bildad: 2024-05-01'));
    expect(report.chapters[2]).toMatchObject({ passed: 6, total: 7, errors: 1 });
    expect(report.summary.completeness).toBe(0.97);
  });

  it('counts a missing map file as an open error: chapter 3 at 7/8, completeness below 1', async () => {
    const { report } = await variant(remove('bilagor/karta-arbetsomrade.png'));
    expect(rows(report)).toEqual(['error bilaga/saknas 03-organisation.md:77:8 /karta']);
    expect(report.chapters[2]).toMatchObject({ passed: 7, total: 8, errors: 1 });
    expect(report.summary.completeness).toBe(0.97);
  });

  it('an empty `karta` is k3/karta, and no attachment is looked for', async () => {
    const { report } = await variant(sub(CH[3], /^karta: .*$/m, 'karta: ""'));
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.pointer}`)).toEqual(['k3/karta /karta']);
    expect(report.chapters[2]).toMatchObject({ passed: 6, total: 7 });
  });
});

describe('k3/grupper-saknas', () => {
  it('fails at the empty list', async () => {
    expect(await faults(set(CH[3], ['grupper'], []))).toEqual(['error k3/grupper-saknas 03-organisation.md:20:10 /grupper']);
  });

  it('fails at the first key when `grupper` is missing', async () => {
    expect(await faults(del(CH[3], ['grupper']))).toEqual(['error k3/grupper-saknas 03-organisation.md:2:1 /grupper']);
  });
});

describe('k3/organisationsmatris and k3/karta', () => {
  it('fails without the organisation matrix', async () => {
    expect(await faults([del(CH[3], ['organisationsmatris']), remove('bilagor/organisationsmatris.pdf')])).toEqual([
      'error k3/organisationsmatris 03-organisation.md:2:1 /organisationsmatris',
    ]);
  });

  it('fails without the map', async () => {
    const { report } = await variant([del(CH[3], ['karta']), remove('bilagor/karta-arbetsomrade.png')]);
    expect(rows(report)).toEqual(['error k3/karta 03-organisation.md:2:1 /karta']);
    expect(report.diagnostics[0]!.message).toContain('karta');
  });

  it('accept an attachment as a path or as {fil, titel}', async () => {
    expect(
      await faults(
        sub(
          CH[3],
          'karta: bilagor/karta-arbetsomrade.png',
          'karta: { fil: bilagor/karta-arbetsomrade.png, titel: Karta över arbetsområdet }',
        ),
      ),
    ).toEqual([]);
  });
});

describe('required fields of chapter 3 that no chapter rule names', () => {
  it('reports a missing `bildad` as schema/saknat-falt at the first key', async () => {
    expect(await faults(del(CH[3], ['bildad']))).toEqual(['error schema/saknat-falt 03-organisation.md:2:1 /bildad']);
  });

  it('reports a `bildad` that is no date as schema/fel-format at the value', async () => {
    expect(await faults(bildad('2016-13-01'))).toEqual(['error schema/fel-format 03-organisation.md:2:9 /bildad']);
    expect(await faults(bildad('våren 2016'))).toEqual(['error schema/fel-format 03-organisation.md:2:9 /bildad']);
  });
});
