import { addYears, compare, dateOrYear, fmt, span, yearsMonthsBetween, type DateOrYear, type YMD } from '../util/dates.js';
import { defineRule, num, str, type RuleContext } from './define.js';
import { items } from './util.js';

/** How the three-year requirement stands for `bildad`: met, not met, or unknown (a bare year). */
export function threeYears(b: DateOrYear, ref: YMD): 'met' | 'not-met' | 'unknown' {
  const { first, last } = span(b);
  if (compare(addYears(last, 3), ref) <= 0) return 'met';
  if (compare(addYears(first, 3), ref) > 0) return 'not-met';
  return 'unknown';
}

function bildad(ctx: RuleContext): DateOrYear | undefined {
  return dateOrYear(ctx.data(3)?.bildad);
}

export const verksamTreAr = defineRule({
  id: 'k3/verksam-tre-ar',
  chapter: 3,
  severity: 'error',
  seed: 'verksam i minst tre år',
  title: {
    sv: 'Organisationen har inte varit verksam i minst tre år',
    en: 'The organisation has not been active for at least three years',
  },
  fix: {
    sv: 'Kravet uppfylls när `bildad` plus tre år infaller senast på referensdatumet. Ange rätt bildandedatum, eller ansök när kravet är uppfyllt.',
    en: 'The requirement holds when `bildad` plus three years falls on or before the reference date. Give the right date of formation, or apply once it holds.',
  },
  example: 'bildad: 2016-03-01',
  applies: (ctx) => {
    const b = bildad(ctx);
    return b === undefined || threeYears(b, ctx.ref.date) !== 'unknown';
  },
  check(ctx, report) {
    const b = bildad(ctx);
    if (!b || threeYears(b, ctx.ref.date) !== 'not-met') return;
    const first = span(b).first;
    const met = addYears(first, 3);
    const future = compare(first, ctx.ref.date) > 0;
    const { years, months } = future ? { years: 0, months: 0 } : yearsMonthsBetween(first, ctx.ref.date);
    report({
      pointer: '/bildad',
      args: {
        bildad: b.kind === 'date' ? fmt(b.date) : String(b.year),
        years,
        months,
        met: fmt(met),
        future: future ? 1 : 0,
        year: b.kind === 'year' ? 1 : 0,
        ref: ctx.ref.iso,
      },
    });
  },
});

export const bildadOfullstandigt = defineRule({
  id: 'k3/bildad-ofullstandigt-datum',
  chapter: 3,
  severity: 'warning',
  seed: 'verksam i minst tre år',
  title: { sv: '`bildad` är bara ett år och tre år kan inte avgöras', en: '`bildad` is a bare year and three years cannot be decided' },
  fix: { sv: 'Ange hela datumet då organisationen bildades (ÅÅÅÅ-MM-DD).', en: 'Give the full date of formation (YYYY-MM-DD).' },
  example: 'bildad: 2023-03-01',
  applies: (ctx) => bildad(ctx)?.kind === 'year',
  check(ctx, report) {
    const b = bildad(ctx);
    if (!b || b.kind !== 'year' || threeYears(b, ctx.ref.date) !== 'unknown') return;
    report({
      pointer: '/bildad',
      args: {
        year: b.year,
        ref: ctx.ref.iso,
        from: fmt(addYears({ y: b.year, m: 1, d: 1 }, 3)),
        to: fmt(addYears({ y: b.year, m: 12, d: 31 }, 3)),
      },
    });
  },
});

export const offentligOchPrivat = defineRule({
  id: 'k3/offentlig-och-privat',
  chapter: 3,
  severity: 'error',
  schema: true,
  seed: 'offentlig och privat verksamhet',
  title: { sv: 'Aktörerna är inte både offentliga och privata', en: 'The actors are not both public and private' },
  fix: {
    sv: 'Lista under `aktörer` minst en aktör med `sektor: offentlig` och minst en med `sektor: privat`.',
    en: 'List under `aktörer` at least one actor with `sektor: offentlig` and at least one with `sektor: privat`.',
  },
  example: 'aktörer:\n  - namn: Storviks kommun\n    sektor: offentlig\n  - namn: Fastighetsägarna Storvik\n    sektor: privat',
  describe(ctx) {
    const list = items(ctx.data(3)?.aktörer);
    const pub = list.filter((a) => a.item.sektor === 'offentlig').length;
    const priv = list.filter((a) => a.item.sektor === 'privat').length;
    return {
      count: list.length,
      public: pub,
      private: priv,
      missing: pub === 0 && priv === 0 ? 'both' : pub === 0 ? 'offentlig' : 'privat',
    };
  },
});

/** Every actor's share, when every actor has a valid one (a share out of range has its own diagnostic). */
function shares(ctx: RuleContext): number[] | undefined {
  const list = items(ctx.data(3)?.aktörer).map((a) => num(a.item.andel));
  if (list.length === 0 || list.some((x) => x === undefined || x < 0 || x > 100)) return undefined;
  return list as number[];
}

export const andelarSumma = defineRule({
  id: 'k3/andelar-summa',
  chapter: 3,
  severity: 'warning',
  seed: 'Bilägg en organisationsmatris som visar på aktörer och ”ägar”fördelning.',
  title: { sv: 'Aktörernas andelar summerar inte till 100 %', en: 'The actors’ shares do not add up to 100 %' },
  fix: { sv: 'Justera `andel` så att summan blir 100 (±0,5).', en: 'Adjust `andel` so that the sum is 100 (±0.5).' },
  example:
    'aktörer:\n  - {namn: Storviks kommun, sektor: offentlig, andel: 40 %}\n  - {namn: Fastighetsägarna, sektor: privat, andel: 60 %}',
  applies: (ctx) => shares(ctx) !== undefined,
  check(ctx, report) {
    const list = shares(ctx);
    if (!list) return;
    // Rounded so that 33,1 + 33,2 + 33,2 is 99,5 and not 99,4999…
    const sum = Math.round(list.reduce((s, x) => s + x, 0) * 1e6) / 1e6;
    if (Math.abs(sum - 100) > 0.5) report({ pointer: '/aktörer', args: { sum: Math.round(sum * 100) / 100, count: list.length } });
  },
});

export const gruppBeskrivning = defineRule({
  id: 'k3/grupp-beskrivning',
  chapter: 3,
  severity: 'error',
  schema: true,
  seed: 'Beskriv också mandat och mötesfrekverns och beslutsvägar.',
  title: {
    sv: 'En grupp saknar mandat, mötesfrekvens eller beslutsväg',
    en: 'A group lacks its mandate, meeting frequency or decision path',
  },
  fix: {
    sv: 'Ge varje grupp `mandat`, `mötesfrekvens` och `beslutsväg`.',
    en: 'Give every group `mandat`, `mötesfrekvens` and `beslutsväg`.',
  },
  example:
    'grupper:\n  - typ: styrelse\n    mandat: Beslutar om budget och verksamhetsplan\n    mötesfrekvens: sex gånger per år\n    beslutsväg: Enkel majoritet',
  describe(ctx, f) {
    const m = /^\/grupper\/(\d+)/.exec(f.pointer ?? '');
    const g = m ? items(ctx.data(3)?.grupper).find((x) => x.i === Number(m[1])) : undefined;
    return { group: (g && (str(g.item.namn) ?? str(g.item.typ))) ?? '', index: m ? Number(m[1]) + 1 : 0 };
  },
});

export const grupperSaknas = defineRule({
  id: 'k3/grupper-saknas',
  chapter: 3,
  severity: 'error',
  schema: true,
  seed: 'Beskriv involverade parter såsom styrelse, ledamöter, ledningsgrupp, referensgrupp, styrgrupp, arbetsgrupp, fristående företagarföreningar',
  title: { sv: 'Inga grupper (`grupper`) är beskrivna', en: 'No groups (`grupper`) are described' },
  fix: {
    sv: 'Beskriv under `grupper` styrelse, ledningsgrupp, arbetsgrupper m.fl.',
    en: 'Describe under `grupper` the board, management group, working groups etc.',
  },
  example: 'grupper:\n  - typ: styrelse\n    mandat: …\n    mötesfrekvens: …\n    beslutsväg: …',
});

export const organisationsmatris = defineRule({
  id: 'k3/organisationsmatris',
  chapter: 3,
  severity: 'error',
  schema: true,
  seed: 'Bilägg en organisationsmatris',
  title: { sv: 'Organisationsmatris saknas', en: 'The organisation matrix is missing' },
  fix: {
    sv: 'Bifoga organisationsmatrisen och ange den i `organisationsmatris`.',
    en: 'Attach the organisation matrix and give it in `organisationsmatris`.',
  },
  example: 'organisationsmatris: { fil: bilagor/organisationsmatris.pdf, titel: Organisationsmatris }',
});

export const karta = defineRule({
  id: 'k3/karta',
  chapter: 3,
  severity: 'error',
  schema: true,
  seed: 'Bilägg även en karta som visar på det geografiskt avgränsade arbetsområdet som avses.',
  title: { sv: 'Karta över arbetsområdet saknas', en: 'The map of the area is missing' },
  fix: {
    sv: 'Bifoga en karta över det avgränsade arbetsområdet och ange den i `karta`.',
    en: 'Attach a map of the delimited area and give it in `karta`.',
  },
  example: 'karta: bilagor/karta-centrum.png',
});

export const rules = [
  verksamTreAr,
  bildadOfullstandigt,
  offentligOchPrivat,
  andelarSumma,
  gruppBeskrivning,
  grupperSaknas,
  organisationsmatris,
  karta,
];
