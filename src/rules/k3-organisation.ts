import { addYears, compare, dateOrYear, fmt, parseDate, span, yearsMonthsBetween, type DateOrYear, type YMD } from '../util/dates.js';
import type { Json } from '../model/types.js';
import { asObject, defineRule, num, perCheck, str, type Report, type RuleContext, type NoArgs } from './define.js';
import { items } from './util.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

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

type Sector = 'offentlig' | 'privat';

/** One written commitment (`åtaganden`) and whether it counts for the three years ahead. */
export interface Commitment {
  /** Index in `åtaganden`. */
  index: number;
  part?: string;
  sector?: Sector;
  /** `till` as written, when it is a date. */
  until?: string;
  /** Whether it has its signed document (`bilaga`). */
  document: boolean;
  /** `till` is before the reference date + 3 years. */
  tooEarly: boolean;
  /** It covers the three years ahead: a sector, `till` late enough, and its `bilaga`. */
  counts: boolean;
}

export interface Commitments {
  /** The reference date + 3 years: the last day the commitments must cover, at least. */
  needed: string;
  list: Commitment[];
  /** Sectors without a commitment that counts. */
  missing: Sector[];
  /** At least one public and one private commitment count (rules.md, k3/verksam-tre-ar). */
  cover: boolean;
}

function hasDocument(v: Json | undefined): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  const fil = asObject(v)?.fil;
  return typeof fil === 'string' && fil.trim() !== '';
}

/**
 * The certifier's alternative to three years of operation: written commitments from the
 * stakeholders covering the three years ahead. Decided once; the rules and the PDF read it.
 */
export const commitments = perCheck((ctx: RuleContext): Commitments => {
  const needed = addYears(ctx.ref.date, 3);
  const list = items(ctx.data(3)?.åtaganden).map(({ i, item }): Commitment => {
    const sector = item.sektor === 'offentlig' || item.sektor === 'privat' ? item.sektor : undefined;
    const till = parseDate(item.till);
    const tooEarly = till !== undefined && compare(till, needed) < 0;
    const document = hasDocument(item.bilaga);
    return {
      index: i,
      part: str(item.part)?.trim() || undefined,
      sector,
      until: till ? fmt(till) : undefined,
      document,
      tooEarly,
      counts: sector !== undefined && till !== undefined && !tooEarly && document,
    };
  });
  const missing = (['offentlig', 'privat'] as const).filter((sec) => !list.some((c) => c.counts && c.sector === sec));
  return { needed: fmt(needed), list, missing, cover: missing.length === 0 };
});

/**
 * Why the commitments do not cover the three years ahead, as message arguments: the sectors
 * without any commitment, and each commitment of a sector not covered with what it lacks.
 */
/** Per commitment that falls short: `c1` (its party), `c1sector`, `c1till`, `c1early`, `c1noTill`, `c1noDoc`, … */
type PerCommitment = Record<`c${number}` | `c${number}${'sector' | 'till' | 'early' | 'noTill' | 'noDoc'}`, string | number>;
type CommitmentArgs = { commitments: number; needed: string; absent?: string; noSector?: string; listed?: number } & PerCommitment;

function commitmentArgs(ctx: RuleContext): CommitmentArgs {
  const c = commitments(ctx);
  if (c.list.length === 0) return { commitments: 0, needed: c.needed };
  const args: CommitmentArgs = { commitments: c.list.length, needed: c.needed };
  const absent = c.missing.filter((sec) => !c.list.some((x) => x.sector === sec));
  args.absent = absent.join(',');
  let k = 0;
  for (const x of c.list) {
    if (x.counts || !x.sector || !c.missing.includes(x.sector)) continue;
    k++;
    args[`c${k}`] = x.part ?? `nr ${x.index + 1}`;
    args[`c${k}sector`] = x.sector;
    if (x.until) args[`c${k}till`] = x.until;
    args[`c${k}early`] = x.tooEarly ? 1 : 0;
    args[`c${k}noTill`] = x.until ? 0 : 1;
    args[`c${k}noDoc`] = x.document ? 0 : 1;
  }
  // Commitments without a sector count for neither.
  const noSector = c.list.filter((x) => !x.sector);
  args.noSector = noSector.map((x) => x.part ?? `nr ${x.index + 1}`).join(', ');
  args.listed = k;
  return args;
}

/** The fields of `åtaganden` that decide whether they count: a placeholder or invalid value there leaves it undecided. */
function commitmentInvolves(ctx: RuleContext): NonNullable<Report['involves']> {
  const file = ctx.file(3)?.file ?? null;
  return commitments(ctx).list.flatMap((x) => ['sektor', 'till', 'bilaga'].map((k) => ({ file, pointer: `/åtaganden/${x.index}/${k}` })));
}

export const verksamTreAr = defineRule<
  {
    bildad: string;
    future: number;
    met: string;
    months: number;
    ref: string;
    year: number;
    years: number;
  } & Partial<CommitmentArgs>
>({
  id: 'k3/verksam-tre-ar',
  chapter: 3,
  severity: 'error',
  message: {
    sv: (a) =>
      (a.future
        ? `Organisationen bildas ${a.bildad}, efter referensdatumet ${a.ref}. Kravet är minst tre års verksamhet; det uppfylls ${a.met}.`
        : a.year
          ? `Organisationen bildades ${a.bildad} och har varit verksam i högst ${sv.years(sv.n(a, 'years'), sv.n(a, 'months'))}. Kravet är minst tre år; det uppfylls tidigast ${a.met}.`
          : `Organisationen bildades ${a.bildad} och har varit verksam i ${sv.years(sv.n(a, 'years'), sv.n(a, 'months'))}. Kravet är minst tre år; det uppfylls ${a.met}.`) +
      (sv.n(a, 'commitments') > 0 ? ` ${sv.commitmentsSv(a)}` : ''),
    en: (a) =>
      (a.future
        ? `The organisation is formed ${a.bildad}, after the reference date ${a.ref}. The requirement is at least three years of operation; it is met on ${a.met}.`
        : `The organisation was formed ${a.bildad} and has been active for ${a.year ? 'at most ' : ''}${en.years(en.n(a, 'years'), en.n(a, 'months'))}. The requirement is at least three years; it is met ${a.year ? 'at the earliest ' : ''}on ${a.met}.`) +
      (en.n(a, 'commitments') > 0 ? ` ${en.commitmentsEn(a)}` : ''),
  },
  seed: 'verksam i minst tre år',
  title: {
    sv: 'Organisationen har inte varit verksam i minst tre år, och inga åtaganden täcker de tre åren framåt',
    en: 'The organisation has not been active for three years, and no commitments cover the three years ahead',
  },
  fix: {
    sv: 'Kravet uppfylls när `bildad` plus tre år infaller senast på referensdatumet, eller när skriftliga `åtaganden` täcker de tre åren framåt: minst ett offentligt och ett privat åtagande som gäller `till` minst referensdatumet plus tre år, vart och ett med sin undertecknade `bilaga`.',
    en: 'The requirement holds when `bildad` plus three years falls on or before the reference date, or when written `åtaganden` cover the three years ahead: at least one public and one private commitment valid `till` at least the reference date plus three years, each with its signed `bilaga`.',
  },
  example:
    'bildad: 2016-03-01\n\n# eller, för en ny organisation (referensdatum 2026-11-15):\nbildad: 2025-02-01\nåtaganden:\n  - part: Storviks kommun\n    sektor: offentlig\n    till: 2029-12-31\n    bilaga: bilagor/atagande-kommunen.pdf\n  - part: Fastighetsägarna i Storviks centrum\n    sektor: privat\n    till: 2029-12-31\n    bilaga: bilagor/atagande-fastighetsagarna.pdf',
  applies: (ctx) => {
    const b = bildad(ctx);
    return b === undefined || threeYears(b, ctx.ref.date) !== 'unknown' || commitments(ctx).cover;
  },
  check(ctx, report) {
    const b = bildad(ctx);
    if (!b || threeYears(b, ctx.ref.date) !== 'not-met' || commitments(ctx).cover) return;
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
        ...commitmentArgs(ctx),
      },
      involves: commitmentInvolves(ctx),
    });
  },
});

export const bildadOfullstandigt = defineRule<{
  from: string;
  ref: string;
  to: string;
  year: number;
}>({
  id: 'k3/bildad-ofullstandigt-datum',
  chapter: 3,
  severity: 'warning',
  message: {
    sv: (a) =>
      `\`bildad\` anger bara året ${a.year}. Om tre år har gått vid referensdatumet ${a.ref} beror på dagen (kravet uppfylls mellan ${a.from} och ${a.to}). Ange hela datumet ÅÅÅÅ-MM-DD.`,
    en: (a) =>
      `\`bildad\` gives only the year ${a.year}. Whether three years have passed by the reference date ${a.ref} depends on the day (the requirement is met between ${a.from} and ${a.to}). Give the full date YYYY-MM-DD.`,
  },
  seed: 'verksam i minst tre år',
  title: { sv: '`bildad` är bara ett år och tre år kan inte avgöras', en: '`bildad` is a bare year and three years cannot be decided' },
  fix: {
    sv: 'Ange hela datumet då organisationen bildades (ÅÅÅÅ-MM-DD), eller `åtaganden` som täcker de tre åren framåt.',
    en: 'Give the full date of formation (YYYY-MM-DD), or `åtaganden` that cover the three years ahead.',
  },
  example: 'bildad: 2023-03-01',
  applies: (ctx) => bildad(ctx)?.kind === 'year',
  check(ctx, report) {
    const b = bildad(ctx);
    if (!b || b.kind !== 'year' || threeYears(b, ctx.ref.date) !== 'unknown' || commitments(ctx).cover) return;
    report({
      pointer: '/bildad',
      args: {
        year: b.year,
        ref: ctx.ref.iso,
        from: fmt(addYears({ y: b.year, m: 1, d: 1 }, 3)),
        to: fmt(addYears({ y: b.year, m: 12, d: 31 }, 3)),
      },
      involves: commitmentInvolves(ctx),
    });
  },
});

export const offentligOchPrivat = defineRule<{ count?: string | number; missing?: string | number }>({
  id: 'k3/offentlig-och-privat',
  chapter: 3,
  severity: 'error',
  message: {
    sv: (a) =>
      a.missing === 'both'
        ? 'Inga aktörer med sektor anges. Kravet är en samverkansorganisation med både offentlig och privat verksamhet: lista aktörerna med `sektor: offentlig` och `sektor: privat`.'
        : `${sv.n(a, 'count') === 1 ? `Den enda aktören är ${a.missing === 'privat' ? 'offentlig' : 'privat'}` : `Alla ${a.count} aktörer är ${a.missing === 'privat' ? 'offentliga' : 'privata'}`}. Kravet är att både offentlig och privat verksamhet ingår: lägg till en ${a.missing === 'privat' ? 'privat' : 'offentlig'} aktör.`,
    en: (a) =>
      a.missing === 'both'
        ? 'No actors with a sector are given. The requirement is a collaboration of public and private parties: list the actors with `sektor: offentlig` and `sektor: privat`.'
        : `${en.n(a, 'count') === 1 ? 'The only actor is' : `All ${a.count} actors are`} ${a.missing === 'privat' ? 'public' : 'private'}. The requirement is that both public and private parties take part: add a ${a.missing === 'privat' ? 'private' : 'public'} actor.`,
  },
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

export const andelarSumma = defineRule<{ count: number; sum: number }>({
  id: 'k3/andelar-summa',
  chapter: 3,
  severity: 'warning',
  message: {
    sv: (a) =>
      `Aktörernas andelar summerar till ${String(a.sum).replace('.', ',')} %, inte 100 %. Justera \`andel\` så att ”ägar”fördelningen blir 100 %.`,
    en: (a) => `The actors’ shares add up to ${a.sum} %, not 100 %. Adjust \`andel\` so that the ownership adds up to 100 %.`,
  },
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

export const gruppBeskrivning = defineRule<{ field?: string | number; group?: string | number; index?: string | number }>({
  id: 'k3/grupp-beskrivning',
  chapter: 3,
  severity: 'error',
  message: {
    sv: (a) =>
      `Gruppen ${a.group ? sv.q(a.group) : `nr ${a.index}`} saknar \`${a.field}\`. Beskriv mandat, mötesfrekvens och beslutsväg för varje grupp.`,
    en: (a) =>
      `The group ${a.group ? en.q(a.group) : `no. ${a.index}`} lacks \`${a.field}\`. Describe the mandate, meeting frequency and decision path of every group.`,
  },
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

export const grupperSaknas = defineRule<NoArgs>({
  id: 'k3/grupper-saknas',
  chapter: 3,
  severity: 'error',
  message: {
    sv: () => 'Inga grupper är beskrivna. Beskriv styrelse, ledningsgrupp, arbetsgrupper m.fl. under `grupper`.',
    en: () => 'No groups are described. Describe the board, management group, working groups etc. under `grupper`.',
  },
  schema: true,
  seed: 'Beskriv involverade parter såsom styrelse, ledamöter, ledningsgrupp, referensgrupp, styrgrupp, arbetsgrupp, fristående företagarföreningar',
  title: { sv: 'Inga grupper (`grupper`) är beskrivna', en: 'No groups (`grupper`) are described' },
  fix: {
    sv: 'Beskriv under `grupper` styrelse, ledningsgrupp, arbetsgrupper m.fl.',
    en: 'Describe under `grupper` the board, management group, working groups etc.',
  },
  example: 'grupper:\n  - typ: styrelse\n    mandat: …\n    mötesfrekvens: …\n    beslutsväg: …',
});

export const organisationsmatris = defineRule<NoArgs>({
  id: 'k3/organisationsmatris',
  chapter: 3,
  severity: 'error',
  message: {
    sv: () => 'Organisationsmatrisen saknas. Bifoga en matris som visar aktörer och ”ägar”fördelning och ange den i `organisationsmatris`.',
    en: () =>
      'The organisation matrix is missing. Attach a matrix of the actors and their “ownership” and give it in `organisationsmatris`.',
  },
  schema: true,
  seed: 'Bilägg en organisationsmatris',
  title: { sv: 'Organisationsmatris saknas', en: 'The organisation matrix is missing' },
  fix: {
    sv: 'Bifoga organisationsmatrisen och ange den i `organisationsmatris`.',
    en: 'Attach the organisation matrix and give it in `organisationsmatris`.',
  },
  example: 'organisationsmatris: { fil: bilagor/organisationsmatris.pdf, titel: Organisationsmatris }',
});

export const karta = defineRule<NoArgs>({
  id: 'k3/karta',
  chapter: 3,
  severity: 'error',
  message: {
    sv: () => 'Kartan saknas. Bifoga en karta som visar det geografiskt avgränsade arbetsområdet och ange den i `karta`.',
    en: () => 'The map is missing. Attach a map of the geographically delimited area and give it in `karta`.',
  },
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
