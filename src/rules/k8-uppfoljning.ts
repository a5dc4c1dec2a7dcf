import { asObject, defineRule, perCheck, str, type RuleContext, type NoArgs } from './define.js';
import { goals, idList } from './k6-mal-och-strategi.js';
import { idOf, items, references } from './util.js';
import { countWords } from './text.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

export interface Indicator {
  i: number;
  id: string;
  group?: string;
  unit?: string;
  goals: string[];
  /** Years with a value, ascending. */
  years: number[];
  values: { year: string; value: number }[];
  /** Whether `värden` is given at all (possibly empty). */
  hasValues: boolean;
}

export const indicators = perCheck(computeIndicators);

function computeIndicators(ctx: RuleContext): Indicator[] {
  return items(ctx.data(8)?.indikatorer).map(({ i, item }) => {
    const v = asObject(item.värden) ?? {};
    const values = Object.entries(v).flatMap(([year, value]) =>
      typeof value === 'number' && /^\d{4}$/.test(year) ? [{ year, value }] : [],
    );
    return {
      i,
      id: idOf(item) ?? '',
      group: str(item.målgrupp),
      unit: str(item.enhet),
      goals: idList(item.mål).map((x) => x.id),
      years: values.map((x) => Number(x.year)).sort((a, b) => a - b),
      values,
      hasValues: item.värden !== undefined,
    };
  });
}

/**
 * Whether an indicator spans the last three years: forecasts (after the reference year) are
 * ignored; the latest value is from the reference year or the year before, and there is a value
 * from at least two years before that latest one.
 */
export function spans(ind: Indicator, refYear: number): { ok: boolean; latest?: number; earliest?: number } {
  const ys = ind.years.filter((y) => y <= refYear);
  if (ys.length === 0) return { ok: false };
  const latest = ys[ys.length - 1]!;
  const earliest = ys[0]!;
  return { ok: latest >= refYear - 1 && earliest <= latest - 2, latest, earliest };
}

export const metod = defineRule<NoArgs>({
  id: 'k8/metod',
  chapter: 8,
  severity: 'error',
  message: {
    sv: () => 'Metoden för uppföljning saknas. Det viktiga är att bedömaren ser att ni har en metod: beskriv den i `metod`.',
    en: () => 'The follow-up method is missing. What matters is that the assessor sees that you have a method: describe it in `metod`.',
  },
  schema: true,
  seed: 'Det viktiga är att vi ser att ni har en metod för att följa upp ert arbete.',
  title: { sv: 'Metoden för uppföljning (`metod`) saknas', en: 'The follow-up method (`metod`) is missing' },
  fix: {
    sv: 'Beskriv i `metod` hur ni följer upp arbetet (mätningar, enkäter, intervall).',
    en: 'Describe in `metod` how you follow up the work (measurements, surveys, intervals).',
  },
  example: 'metod: Årlig trygghets- och nöjdhetsenkät, kvartalsvisa besöksräkningar och vakansinventering varje höst.',
});

export const treArsResultat = defineRule<{
  count: number;
  earliest: number;
  latest: number;
  ref: number;
}>({
  id: 'k8/tre-ars-resultat',
  chapter: 8,
  severity: 'error',
  message: {
    sv: (a) =>
      sv.n(a, 'count') === 0
        ? `Inga indikatorer anges. Kravet är att visa de senaste tre årens utveckling: ge indikatorer med värden ${a.earliest}–${a.latest} (eller ${a.ref}).`
        : `${sv.n(a, 'count') === 1 ? 'Indikatorn visar inte' : `Ingen av de ${a.count} indikatorerna visar`} de senaste tre årens utveckling. Minst en behöver ett värde från ${a.latest} eller ${a.ref} och ett från minst två år tidigare.`,
    en: (a) =>
      en.n(a, 'count') === 0
        ? `No indicators are given. The requirement is to show the development of the last three years: give indicators with values ${a.earliest}–${a.latest} (or ${a.ref}).`
        : `${en.n(a, 'count') === 1 ? 'The indicator does not show' : `None of the ${a.count} indicators shows`} the development of the last three years. At least one needs a value from ${a.latest} or ${a.ref} and one from at least two years earlier.`,
  },
  seed: 'Beskriv de senaste tre årens utveckling och uppnådda resultat.',
  title: { sv: 'Ingen indikator visar de senaste tre årens utveckling', en: 'No indicator shows the development of the last three years' },
  fix: {
    sv: 'Ge minst en indikator värden där det senaste är från referensåret eller året före, och ett värde minst två år före det (t.ex. 2023 och 2025).',
    en: 'Give at least one indicator values whose latest is from the reference year or the year before, and one at least two years before that (e.g. 2023 and 2025).',
  },
  example: 'värden:\n  2023: 62\n  2024: 64\n  2025: 67',
  check(ctx, report) {
    const list = indicators(ctx);
    if (!list.some((ind) => spans(ind, ctx.ref.year).ok)) {
      report({
        pointer: '/indikatorer',
        args: { count: list.length, ref: ctx.ref.year, latest: ctx.ref.year - 1, earliest: ctx.ref.year - 3 },
      });
    }
  },
});

export const indikatorOfullstandig = defineRule<{
  earliest: number;
  id: string;
  latest: number;
  ref: number;
  years: string;
}>({
  id: 'k8/indikator-ofullstandig',
  chapter: 8,
  severity: 'warning',
  message: {
    sv: (a) =>
      a.years
        ? `Indikatorn ${a.id} har värden för ${a.years} och täcker inte de senaste tre åren (referensår ${a.ref}). Komplettera med ${sv.n(a, 'latest') < sv.n(a, 'ref') - 1 ? `värden för ${sv.n(a, 'ref') - 1} eller ${a.ref}` : `ett värde från ${sv.n(a, 'latest') - 2} eller tidigare`}.`
        : `Indikatorn ${a.id} har inga värden. Ange värden för de senaste tre åren.`,
    en: (a) =>
      a.years
        ? `The indicator ${a.id} has values for ${a.years} and does not span the last three years (reference year ${a.ref}). Add ${en.n(a, 'latest') < en.n(a, 'ref') - 1 ? `values for ${en.n(a, 'ref') - 1} or ${a.ref}` : `a value from ${en.n(a, 'latest') - 2} or earlier`}.`
        : `The indicator ${a.id} has no values. Give values for the last three years.`,
  },
  title: { sv: 'En indikator täcker inte de senaste tre åren', en: 'An indicator does not span the last three years' },
  fix: {
    sv: 'Komplettera indikatorns `värden` så att de täcker de senaste tre åren.',
    en: 'Complete the indicator’s `värden` so that they span the last three years.',
  },
  example: 'värden:\n  2023: 4,1\n  2025: 4,5',
  applies: (ctx) => indicators(ctx).length > 0,
  check(ctx, report) {
    for (const ind of indicators(ctx)) {
      const s = spans(ind, ctx.ref.year);
      // Values left out altogether are schema/saknat-falt's to report.
      if (!s.ok && ind.hasValues) {
        report({
          pointer: `/indikatorer/${ind.i}/värden`,
          args: { id: ind.id, years: ind.years.join(', '), latest: s.latest ?? 0, earliest: s.earliest ?? 0, ref: ctx.ref.year },
        });
      }
    }
  },
});

const GROUPS = ['invånare', 'företag', 'besökare'];

export const malgrupper = defineRule<{ missing?: string | number }>({
  id: 'k8/malgrupper',
  chapter: 8,
  severity: 'warning',
  message: {
    sv: (a) => `Det saknas indikatorer för ${a.missing}. Bedömaren ser gärna mätetal för såväl invånare och företag som besökare.`,
    en: (a) => `There are no indicators for ${a.missing}. The assessor would like measures for residents, businesses and visitors alike.`,
  },
  schema: true,
  seed: 'Vi ser gärna mätetal för såväl invånare och företag som besökare.',
  title: {
    sv: 'Indikatorer saknas för invånare, företag eller besökare',
    en: 'Indicators are missing for residents, businesses or visitors',
  },
  fix: {
    sv: 'Ha minst en indikator med `målgrupp` invånare, en med företag och en med besökare.',
    en: 'Have at least one indicator with `målgrupp` invånare, one with företag and one with besökare.',
  },
  example:
    'indikatorer:\n  - {id: I1, namn: Nöjdhet, målgrupp: invånare, enhet: "%", värden: …}\n  - {id: I2, namn: Vakanser, målgrupp: företag, enhet: antal, värden: …}\n  - {id: I3, namn: Besök, målgrupp: besökare, enhet: antal, värden: …}',
  describe(ctx) {
    const present = new Set(indicators(ctx).map((i) => i.group));
    return { missing: GROUPS.filter((g) => !present.has(g)).join(', ') };
  },
});

export const malUppfoljning = defineRule<{ goal: string }>({
  id: 'k8/mal-uppfoljning',
  chapter: 8,
  severity: 'warning',
  message: {
    sv: (a) => `Målet ${a.goal} följs inte upp av någon indikator. Ange ${a.goal} i \`mål\` hos en indikator.`,
    en: (a) => `The goal ${a.goal} is followed up by no indicator. Name ${a.goal} in \`mål\` of an indicator.`,
  },
  needs: [6],
  seed: 'dokument som visar måluppföljning',
  title: { sv: 'Ett mål som ingen indikator följer upp', en: 'A goal that no indicator follows up' },
  fix: { sv: 'Ange målets id i `mål` hos minst en indikator.', en: 'Name the goal’s id in `mål` of at least one indicator.' },
  example: '- id: I1\n  mål: [M1]',
  check(ctx, report) {
    const list = indicators(ctx);
    // No indicators at all is reported once (k8/tre-ars-resultat, k8/ingen-maluppfoljning), not per goal.
    if (list.length === 0) return;
    const followed = new Set(list.flatMap((i) => i.goals));
    const refs = references(ctx.file(8)?.file ?? null, ctx.data(8)?.indikatorer, 'indikatorer', 'mål');
    for (const g of goals(ctx)) {
      if (g.id && !followed.has(g.id))
        report({
          pointer: '/indikatorer',
          args: { goal: g.id },
          involves: [{ file: ctx.file(6)?.file ?? null, pointer: `/mål/${g.i}` }, ...refs],
        });
    }
  },
});

export const ingenMaluppfoljning = defineRule<{ goals: number }>({
  id: 'k8/ingen-maluppfoljning',
  chapter: 8,
  severity: 'error',
  message: {
    sv: () => 'Inget mål följs upp av någon indikator. Kravet är att visa måluppföljning: koppla indikatorerna till målen med `mål`.',
    en: () =>
      'No goal is followed up by any indicator. The requirement is to show goal follow-up: link the indicators to the goals with `mål`.',
  },
  needs: [6],
  seed: 'Kravet är att det finns dokument som visar måluppföljning',
  title: { sv: 'Inget mål följs upp av någon indikator', en: 'No goal at all is followed up by an indicator' },
  fix: { sv: 'Koppla indikatorerna till målen med `mål: [M1, …]`.', en: 'Link the indicators to the goals with `mål: [M1, …]`.' },
  example: 'indikatorer:\n  - id: I1\n    mål: [M1, M2]',
  applies: (ctx) => goals(ctx).some((g) => g.id),
  check(ctx, report) {
    const ids = goals(ctx).flatMap((g) => (g.id ? [g.id] : []));
    if (ids.length === 0) return;
    const followed = new Set(indicators(ctx).flatMap((i) => i.goals));
    if (!ids.some((id) => followed.has(id)))
      report({ pointer: '/indikatorer', args: { goals: ids.length }, involves: [{ file: ctx.file(6)?.file ?? null, pointer: '/mål' }] });
  },
});

export const orimligtVarde = defineRule<{
  id: string;
  negative: number;
  unit: string;
  value: number;
  year: string;
}>({
  id: 'k8/orimligt-varde',
  chapter: 8,
  severity: 'warning',
  message: {
    sv: (a) =>
      a.negative
        ? `Indikatorn ${a.id} har ett negativt värde (${sv.nr(sv.n(a, 'value'))}) för ${a.year}. Kontrollera värdet.`
        : `Indikatorn ${a.id} har ${sv.nr(sv.n(a, 'value'))} ${String(a.unit).trim()} för ${a.year}; en andel kan inte vara över 100 %. Kontrollera värdet.`,
    en: (a) =>
      a.negative
        ? `The indicator ${a.id} has a negative value (${a.value}) for ${a.year}. Check the value.`
        : `The indicator ${a.id} has ${a.value} ${String(a.unit).trim()} for ${a.year}; a percentage cannot exceed 100. Check the value.`,
  },
  title: {
    sv: 'Ett indikatorvärde är negativt, eller över 100 för en procentsats',
    en: 'An indicator value is negative, or over 100 for a percentage',
  },
  fix: {
    sv: 'Kontrollera värdet: procent ligger mellan 0 och 100, antal är aldrig negativa.',
    en: 'Check the value: percentages lie between 0 and 100, counts are never negative.',
  },
  example: 'enhet: "%"\nvärden:\n  2025: 67',
  check(ctx, report) {
    for (const ind of indicators(ctx)) {
      const percentUnit = /^(%|procent)$/i.test((ind.unit ?? '').trim());
      for (const { year, value } of ind.values) {
        if (value < 0 || (percentUnit && value > 100)) {
          report({
            pointer: `/indikatorer/${ind.i}/värden/${year}`,
            args: { id: ind.id, year, value, unit: ind.unit ?? '', negative: value < 0 ? 1 : 0 },
          });
        }
      }
    }
  },
});

export const underlag = defineRule<NoArgs>({
  id: 'k8/underlag',
  chapter: 8,
  severity: 'error',
  message: {
    sv: () =>
      'Kapitlet har ingen bilaga. Kravet är dokument som visar måluppföljning: bifoga undersökningar, utvärderingar eller före-/efter-foton under `bilagor`.',
    en: () =>
      'The chapter has no attachment. The requirement is documents that show goal follow-up: attach surveys, evaluations or before/after photos under `bilagor`.',
  },
  schema: true,
  seed: 'Kravet är att det finns dokument som visar måluppföljning … Bilägg relevanta dokument såsom undersökningar och före-/efter-foton.',
  title: {
    sv: 'Ingen bilaga i kapitel 8 (undersökningar, före-/efter-foton)',
    en: 'No attachment in chapter 8 (surveys, before/after photos)',
  },
  fix: {
    sv: 'Bifoga undersökningar, utvärderingar eller före-/efter-foton under `bilagor`.',
    en: 'Attach surveys, evaluations or before/after photos under `bilagor`.',
  },
  example: 'bilagor:\n  - { fil: bilagor/enkat-2025.pdf, titel: Besöksenkät 2025 }',
});

export const koncis = defineRule<{ limit: number; words: number }>({
  id: 'k8/koncis',
  chapter: 8,
  severity: 'info',
  message: {
    sv: (a) =>
      `Kapitlet har ${sv.nr(sv.n(a, 'words'))} ord (gräns ${sv.nr(sv.n(a, 'limit'))}). Bedömaren önskar en så konkret och kortfattad beskrivning som möjligt.`,
    en: (a) =>
      `The chapter has ${en.nr(en.n(a, 'words'), undefined, ',')} words (limit ${en.nr(en.n(a, 'limit'), undefined, ',')}). The assessor asks for a description as concrete and brief as possible.`,
  },
  seed: 'önskar vi att ni beskriver det så konkret och kortfattat som möjligt',
  title: { sv: 'Kapitel 8 har fler ord än gränsen (1 200)', en: 'Chapter 8 has more words than the limit (1,200)' },
  fix: { sv: 'Korta texten; lägg detaljer i bilagor.', en: 'Shorten the text; put details in attachments.' },
  example: '# Uppföljning\n\nKort och konkret: metod, resultat och slutsatser på högst 1 200 ord.',
  check(ctx, report) {
    const prose = ctx.file(8)?.prose;
    if (!prose) return;
    const words = countWords(prose.text);
    if (words > ctx.limits.k8MaxWords)
      report({ pointer: null, position: prose.position(0), args: { words, limit: ctx.limits.k8MaxWords } });
  },
});

export const rules = [
  metod,
  treArsResultat,
  indikatorOfullstandig,
  malgrupper,
  malUppfoljning,
  ingenMaluppfoljning,
  orimligtVarde,
  underlag,
  koncis,
];
