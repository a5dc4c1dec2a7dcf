/**
 * Rule functions on plain contexts (test/helpers/context.ts): what each rule decides, at its
 * boundaries, apart from how the folder is read. The folder-level tests (test/rules/*.test.ts)
 * assert the same rules through files, with positions.
 */
import { describe, expect, it } from 'vitest';
import { contextOf, pointers, run } from '../../helpers/context.js';
import { startadEfterBildad } from '../../../src/rules/k1-bakgrund.js';
import { budgetar, budgetSumma, financing, sektorMotsagerK3 } from '../../../src/rules/k4-finansiering.js';
import { visionAktuell, visionBorjarSenare, visionCertifieringsperiod, visionTreAr } from '../../../src/rules/k5-vision.js';
import { indikatorOfullstandig, orimligtVarde, treArsResultat } from '../../../src/rules/k8-uppfoljning.js';
import { kanalbredd, underlag } from '../../../src/rules/k9-kommunikation.js';

describe('k1/startad-efter-bildad', () => {
  it('holds for a start in the year of forming, fails for a start after it', () => {
    expect(pointers(startadEfterBildad, contextOf({ 1: { startad: 2016 }, 3: { bildad: '2016-03-01' } }))).toEqual([]);
    expect(pointers(startadEfterBildad, contextOf({ 1: { startad: '2016-03-02' }, 3: { bildad: '2016-03-01' } }))).toEqual(['/startad']);
    expect(pointers(startadEfterBildad, contextOf({ 1: { startad: 2017 }, 3: { bildad: 2016 } }))).toEqual(['/startad']);
  });
});

describe('k4', () => {
  const fin = (...f: [string, number][]) => ({ finansiärer: f.map(([sektor, belopp], i) => ({ namn: `F${i}`, sektor, belopp })) });
  it('the public/private split (a fact the PDF prints) sums each sector; another sector counts in neither', () => {
    const ctx = contextOf({ 4: fin(['offentlig', 1_560_000], ['privat', 900_000], ['privat', 240_000], ['okänd', 5]) });
    expect(financing(ctx)).toEqual({ pub: 1_560_000, priv: 1_140_000, sum: 2_700_000 });
  });
  it('k4/budget-summa: within 1 % of the budget holds, beyond it warns', () => {
    expect(pointers(budgetSumma, contextOf({ 4: { budget: 1000, ...fin(['offentlig', 500], ['privat', 490]) } }))).toEqual([]);
    expect(pointers(budgetSumma, contextOf({ 4: { budget: 1000, ...fin(['offentlig', 500], ['privat', 489]) } }))).toHaveLength(1);
  });
  it('k4/budgetar: the reference year and the next hold', () => {
    expect(pointers(budgetar, contextOf({ 4: { budgetår: 2026 } }))).toEqual([]);
    expect(pointers(budgetar, contextOf({ 4: { budgetår: 2027 } }))).toEqual([]);
    expect(pointers(budgetar, contextOf({ 4: { budgetår: 2028 } }))).toEqual(['/budgetår']);
    expect(pointers(budgetar, contextOf({ 4: { budgetår: 2025 } }))).toEqual(['/budgetår']);
  });
  it('k4/sektor-motsager-k3: the same name, compared case-insensitively and trimmed, with the other sector', () => {
    const ctx = contextOf({
      3: { aktörer: [{ namn: 'Storviks kommun', sektor: 'offentlig' }] },
      4: { finansiärer: [{ namn: ' storviks KOMMUN ', sektor: 'privat', belopp: 1 }] },
    });
    expect(pointers(sektorMotsagerK3, ctx)).toEqual(['/finansiärer/0/sektor']);
  });
});

describe('k5: the vision period against the reference year 2026', () => {
  const at = (från: number, till: number) => contextOf({ 5: { period: { från, till } } });
  it('k5/vision-tre-ar: 2026–2028 is three years, 2026–2027 two', () => {
    expect(pointers(visionTreAr, at(2026, 2028))).toEqual([]);
    expect(pointers(visionTreAr, at(2026, 2027))).toHaveLength(1);
  });
  it('k5/vision-aktuell: ending in the reference year holds, the year before fails', () => {
    expect(pointers(visionAktuell, at(2023, 2026))).toEqual([]);
    expect(pointers(visionAktuell, at(2022, 2025))).toEqual(['/period/till']);
  });
  it('k5/vision-borjar-senare: starting next year holds, the year after warns', () => {
    expect(pointers(visionBorjarSenare, at(2027, 2030))).toEqual([]);
    expect(pointers(visionBorjarSenare, at(2028, 2031))).toEqual(['/period/från']);
  });
  it('k5/vision-certifieringsperiod: till ≥ the reference year + 3', () => {
    expect(pointers(visionCertifieringsperiod, at(2026, 2029))).toEqual([]);
    expect(pointers(visionCertifieringsperiod, at(2026, 2028))).toEqual(['/period/till']);
  });
});

describe('k8: an indicator spans the last three years (reference year 2026)', () => {
  const ind = (värden: Record<string, number>, extra: Record<string, unknown> = {}) =>
    contextOf({ 8: { indikatorer: [{ id: 'I1', namn: 'n', målgrupp: 'invånare', enhet: 'antal', värden, ...extra }] } });
  it('2023 + 2025 spans; 2024 + 2025 does not; a forecast for 2027 does not count', () => {
    expect(pointers(treArsResultat, ind({ 2023: 1, 2025: 2 }))).toEqual([]);
    expect(pointers(treArsResultat, ind({ 2024: 1, 2026: 2 }))).toEqual([]);
    expect(pointers(treArsResultat, ind({ 2024: 1, 2025: 2 }))).toEqual(['/indikatorer']);
    expect(pointers(treArsResultat, ind({ 2025: 1, 2027: 2 }))).toEqual(['/indikatorer']);
    expect(pointers(indikatorOfullstandig, ind({ 2024: 1, 2025: 2 }))).toEqual(['/indikatorer/0/värden']);
  });
  it('k8/orimligt-varde: a negative value, or over 100 in %', () => {
    expect(pointers(orimligtVarde, ind({ 2025: 100 }, { enhet: '%' }))).toEqual([]);
    expect(pointers(orimligtVarde, ind({ 2025: 100.5 }, { enhet: '%' }))).toHaveLength(1);
    expect(pointers(orimligtVarde, ind({ 2025: -1 }))).toHaveLength(1);
    expect(pointers(orimligtVarde, ind({ 2025: 250 }))).toEqual([]);
  });
});

describe('k9', () => {
  const ch = (kanaler: unknown[], bilagor?: string[]) => contextOf({ 9: { kanaler, ...(bilagor ? { bilagor } : {}) } } as never);
  it('k9/underlag: a channel’s attachments count for its target groups; the chapter’s for both', () => {
    const both = { typ: 'nyhetsbrev', namn: 'n', målgrupp: ['intressenter', 'medborgare'], bilagor: ['bilagor/a.pdf'] };
    const one = { typ: 'nyhetsbrev', namn: 'n', målgrupp: ['intressenter'], bilagor: ['bilagor/a.pdf'] };
    expect(pointers(underlag, ch([both]))).toEqual([]);
    expect(run(underlag, ch([one]))).toHaveLength(1);
    expect(pointers(underlag, ch([{ ...one, bilagor: [] }], ['bilagor/b.pdf']))).toEqual([]);
  });
  it('k9/kanalbredd: three kinds of channel hold, two do not', () => {
    const k = (typ: string) => ({ typ, namn: typ, målgrupp: ['medborgare'] });
    expect(pointers(kanalbredd, ch([k('möte'), k('evenemang'), k('nyhetsbrev')]))).toEqual([]);
    expect(pointers(kanalbredd, ch([k('möte'), k('möte'), k('nyhetsbrev')]))).toHaveLength(1);
  });
});
