import type { Json } from '../model/types.js';
import { asArray, defineRule, num, perCheck, type RuleContext, type NoArgs } from './define.js';
import { idOf, items, references } from './util.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

export type Horizon = 'kort' | 'lång';

export interface Goal {
  i: number;
  id?: string;
  year?: number;
  declared?: Horizon;
  /** `år` − reference year. */
  ahead?: number;
  /** The horizon that counts: the declared one when `år` agrees, else the one `år` gives. */
  horizon?: Horizon;
  contradicts: boolean;
  /** More than ten years ahead (k6/mal-bortom-tio-ar): still long-term, beyond the seed's 3–5–10. */
  beyondTen: boolean;
  sustainable: boolean;
}

/** The seed's long horizon ends ten years after the reference year. */
export const MAX_AHEAD = 10;

export function horizonOf(ahead: number): Horizon | undefined {
  if (ahead >= 1 && ahead <= 3) return 'kort';
  if (ahead > 3) return 'lång';
  return undefined;
}

function fits(h: Horizon, ahead: number): boolean {
  return h === 'kort' ? ahead >= 1 && ahead <= 3 : ahead >= 3 && ahead <= 10;
}

export const goals = perCheck(computeGoals);

function computeGoals(ctx: RuleContext): Goal[] {
  return items(ctx.data(6)?.mål).map(({ i, item }) => {
    const year = num(item.år);
    const declared = item.horisont === 'kort' || item.horisont === 'lång' ? (item.horisont as Horizon) : undefined;
    const ahead = year === undefined ? undefined : year - ctx.ref.year;
    let horizon: Horizon | undefined;
    let contradicts = false;
    const beyondTen = ahead !== undefined && ahead > MAX_AHEAD;
    if (ahead !== undefined) {
      if (declared && fits(declared, ahead)) horizon = declared;
      else {
        // Beyond ten years `horisont` is not what is wrong (k6/mal-bortom-tio-ar says what is).
        contradicts = declared !== undefined && !beyondTen;
        horizon = horizonOf(ahead);
      }
    }
    return { i, id: idOf(item), year, declared, ahead, horizon, contradicts, beyondTen, sustainable: item.hållbarhet === true };
  });
}

export function goalIds(ctx: RuleContext): Set<string> {
  return new Set(goals(ctx).flatMap((g) => (g.id ? [g.id] : [])));
}

export function idList(v: Json | undefined): { j: number; id: string }[] {
  return asArray(v).flatMap((x, j) => (typeof x === 'string' && x.trim() ? [{ j, id: x.trim() }] : []));
}

export const kortsiktigaMal = defineRule<{ count: number; from: number; ref: number; to: number }>({
  id: 'k6/kortsiktiga-mal',
  chapter: 6,
  severity: 'error',
  message: {
    sv: (a) =>
      `Inget mål är kortsiktigt. Kravet är mål både kortsiktigt (1–3 år) och långsiktigt: lägg till ett mål med \`år\` ${a.from}–${a.to}.`,
    en: (a) =>
      `No goal is short-term. The requirement is goals both short-term (1–3 years) and long-term: add a goal with \`år\` ${a.from}–${a.to}.`,
  },
  seed: 'både kortsiktigt (1-3 år) och långsiktigt (3-5-10 år)',
  title: { sv: 'Inget kortsiktigt mål (1–3 år)', en: 'No short-term goal (1–3 years)' },
  fix: {
    sv: 'Lägg till ett mål vars `år` ligger 1–3 år efter referensåret.',
    en: 'Add a goal whose `år` is 1–3 years after the reference year.',
  },
  example: 'mål:\n  - id: M1\n    text: Minska antalet tomma lokaler till högst 5\n    år: 2028',
  check(ctx, report) {
    const g = goals(ctx);
    if (!g.some((x) => x.horizon === 'kort'))
      report({ pointer: '/mål', args: { count: g.length, ref: ctx.ref.year, from: ctx.ref.year + 1, to: ctx.ref.year + 3 } });
  },
});

export const langsiktigaMal = defineRule<{ count: number; from: number; ref: number }>({
  id: 'k6/langsiktiga-mal',
  chapter: 6,
  severity: 'error',
  message: {
    sv: (a) =>
      `Inget mål är långsiktigt. Kravet är mål både kortsiktigt och långsiktigt (3–5–10 år): lägg till ett mål med \`år\` ${a.from} eller senare, eller ett med \`år: ${sv.n(a, 'from') - 1}\` och \`horisont: lång\`.`,
    en: (a) =>
      `No goal is long-term. The requirement is goals both short-term and long-term (3–5–10 years): add a goal with \`år\` ${a.from} or later, or one with \`år: ${en.n(a, 'from') - 1}\` and \`horisont: lång\`.`,
  },
  seed: 'både kortsiktigt (1-3 år) och långsiktigt (3-5-10 år)',
  title: { sv: 'Inget långsiktigt mål (mer än 3 år)', en: 'No long-term goal (more than 3 years)' },
  fix: {
    sv: 'Lägg till ett mål vars `år` ligger mer än 3 år efter referensåret (eller `horisont: lång` med 3–10 år).',
    en: 'Add a goal whose `år` is more than 3 years after the reference year (or `horisont: lång` with 3–10 years).',
  },
  example: 'mål:\n  - id: M4\n    text: 20 % fler besökare i centrum\n    år: 2035',
  check(ctx, report) {
    const g = goals(ctx);
    if (!g.some((x) => x.horizon === 'lång'))
      report({ pointer: '/mål', args: { count: g.length, ref: ctx.ref.year, from: ctx.ref.year + 4 } });
  },
});

export const horisont = defineRule<{
  ahead: number;
  horizon: string;
  id: string;
  ref: number;
  year: number;
}>({
  id: 'k6/horisont',
  chapter: 6,
  severity: 'warning',
  message: {
    sv: (a) =>
      `Målet ${a.id} har \`horisont: ${a.horizon}\` men \`år: ${a.year}\` ligger ${a.ahead} år efter referensåret ${a.ref}; ${a.horizon === 'kort' ? 'kort betyder 1–3 år' : 'lång betyder 3–10 år'}. Rätta \`år\` eller \`horisont\`.`,
    en: (a) =>
      `The goal ${a.id} has \`horisont: ${a.horizon}\` but \`år: ${a.year}\` is ${a.ahead} years after the reference year ${a.ref}; ${a.horizon === 'kort' ? 'kort means 1–3 years' : 'lång means 3–10 years'}. Correct \`år\` or \`horisont\`.`,
  },
  title: { sv: 'Ett måls `horisont` stämmer inte med dess `år`', en: 'A goal’s `horisont` contradicts its `år`' },
  fix: {
    sv: '`horisont: kort` kräver 1–3 år efter referensåret, `horisont: lång` 3–10 år. Rätta `år` eller `horisont`.',
    en: '`horisont: kort` needs 1–3 years after the reference year, `horisont: lång` 3–10 years. Correct `år` or `horisont`.',
  },
  example: '- id: M2\n  text: …\n  år: 2028\n  horisont: kort',
  applies: (ctx) => goals(ctx).some((g) => g.declared !== undefined),
  check(ctx, report) {
    for (const g of goals(ctx)) {
      // A goal whose year has passed has no horizon left; k6/mal-passerat says so.
      if (g.contradicts && g.year !== undefined && g.year > ctx.ref.year) {
        const args = { id: g.id ?? '', year: g.year, horizon: g.declared!, ahead: g.ahead!, ref: ctx.ref.year };
        report({ pointer: `/mål/${g.i}/horisont`, args, involves: [{ file: ctx.file(6)?.file ?? null, pointer: `/mål/${g.i}/år` }] });
      }
    }
  },
});

export const malBortomTioAr = defineRule<{
  ahead: number;
  id: string;
  latest: number;
  ref: number;
  year: number;
}>({
  id: 'k6/mal-bortom-tio-ar',
  chapter: 6,
  severity: 'warning',
  message: {
    sv: (a) =>
      `Målet ${a.id ? `${a.id} ` : ''}har år ${a.year}, ${a.ahead} år efter referensåret ${a.ref}. Långsiktiga mål ligger 3–10 år fram, alltså senast ${a.latest}. Målet räknas som långsiktigt, men ge det ett år senast ${a.latest} eller lägg till ett delmål inom tio år.`,
    en: (a) =>
      `Goal ${a.id ? `${a.id} ` : ''}has the year ${a.year}, ${a.ahead} years after the reference year ${a.ref}. Long-term goals lie 3–10 years ahead, so ${a.latest} at the latest. The goal counts as long-term, but give it a year no later than ${a.latest} or add an intermediate goal within ten years.`,
  },
  seed: 'både kortsiktigt (1-3 år) och långsiktigt (3-5-10 år)',
  title: { sv: 'Ett mål ligger mer än tio år fram', en: 'A goal lies more than ten years ahead' },
  fix: {
    sv: 'Långsiktiga mål ligger 3–10 år efter referensåret. Ge målet ett `år` inom tio år, eller lägg till ett delmål inom tio år. Målet räknas ändå som långsiktigt.',
    en: 'Long-term goals lie 3–10 years after the reference year. Give the goal an `år` within ten years, or add an intermediate goal within ten years. The goal still counts as long-term.',
  },
  example: '- id: M4\n  text: 20 % fler besökare i centrum\n  år: 2036   # referensår 2026: högst 2036',
  applies: (ctx) => goals(ctx).some((g) => g.year !== undefined),
  check(ctx, report) {
    for (const g of goals(ctx)) {
      if (g.beyondTen)
        report({
          pointer: `/mål/${g.i}/år`,
          args: { id: g.id ?? '', year: g.year!, ahead: g.ahead!, ref: ctx.ref.year, latest: ctx.ref.year + MAX_AHEAD },
        });
    }
  },
});

export const malPasserat = defineRule<{ id: string; ref: number; year: number }>({
  id: 'k6/mal-passerat',
  chapter: 6,
  severity: 'warning',
  message: {
    sv: (a) => `Målet ${a.id} har år ${a.year}, som inte ligger efter referensåret ${a.ref}. Ge målet ett framtida år eller ta bort det.`,
    en: (a) =>
      `The goal ${a.id} has the year ${a.year}, which is not after the reference year ${a.ref}. Give the goal a future year or remove it.`,
  },
  title: { sv: 'Ett måls år är passerat', en: 'A goal’s year has passed' },
  fix: {
    sv: 'Ett mål ska ligga framåt i tiden: ge det ett `år` efter referensåret, eller ta bort det.',
    en: 'A goal lies ahead: give it an `år` after the reference year, or remove it.',
  },
  example: '- id: M1\n  text: …\n  år: 2028',
  check(ctx, report) {
    for (const g of goals(ctx)) {
      if (g.year !== undefined && g.year <= ctx.ref.year)
        report({ pointer: `/mål/${g.i}/år`, args: { id: g.id ?? '', year: g.year, ref: ctx.ref.year } });
    }
  },
});

export const strategiOkantMal = defineRule<{ goal: string; known: string; strategy: string }>({
  id: 'k6/strategi-okant-mal',
  chapter: 6,
  severity: 'error',
  message: {
    sv: (a) => `Strategin ${a.strategy} anger målet ${sv.q(a.goal)}, som inte finns${a.known ? ` (målen är ${a.known})` : ''}. Rätta id:t.`,
    en: (a) =>
      `The strategy ${a.strategy} names the goal ${en.q(a.goal)}, which does not exist${a.known ? ` (the goals are ${a.known})` : ''}. Correct the id.`,
  },
  title: { sv: 'En strategi anger ett mål-id som inte finns', en: 'A strategy names a goal id that does not exist' },
  fix: { sv: 'Använd id:n från `mål` (t.ex. M1) i strategins `mål`.', en: 'Use ids from `mål` (e.g. M1) in the strategy’s `mål`.' },
  example: 'strategier:\n  - id: S1\n    text: …\n    mål: [M1, M2]',
  check(ctx, report) {
    const ids = goalIds(ctx);
    // Without any goal, every reference would be "unknown"; the missing goals are reported once.
    if (ids.size === 0) return;
    for (const { i, item } of items(ctx.data(6)?.strategier)) {
      for (const { j, id } of idList(item.mål)) {
        // While a goal's id is a placeholder or invalid, an unknown id cannot be judged.
        if (!ids.has(id))
          report({
            pointer: `/strategier/${i}/mål/${j}`,
            args: { strategy: idOf(item) ?? '', goal: id, known: [...ids].join(', ') },
            involves: [{ file: ctx.file(6)?.file ?? null, pointer: '/mål' }],
          });
      }
    }
  },
});

export const malUtanStrategi = defineRule<{ goal: string }>({
  id: 'k6/mal-utan-strategi',
  chapter: 6,
  severity: 'warning',
  message: {
    sv: (a) => `Målet ${a.goal} tjänas inte av någon strategi. Ange ${a.goal} i \`mål\` hos en strategi.`,
    en: (a) => `The goal ${a.goal} is served by no strategy. Name ${a.goal} in \`mål\` of a strategy.`,
  },
  title: { sv: 'Ett mål som ingen strategi tjänar', en: 'A goal that no strategy serves' },
  fix: { sv: 'Ange målets id i `mål` hos minst en strategi.', en: 'Name the goal’s id in `mål` of at least one strategy.' },
  example: 'strategier:\n  - id: S1\n    text: …\n    mål: [M1]',
  check(ctx, report) {
    const strategies = items(ctx.data(6)?.strategier);
    // Missing strategies are reported once, not once per goal.
    if (strategies.length === 0) return;
    const served = new Set(strategies.flatMap(({ item }) => idList(item.mål).map((x) => x.id)));
    const involves = references(ctx.file(6)?.file ?? null, ctx.data(6)?.strategier, 'strategier', 'mål');
    for (const g of goals(ctx)) if (g.id && !served.has(g.id)) report({ pointer: `/mål/${g.i}`, args: { goal: g.id }, involves });
  },
});

export const hallbarhetsmal = defineRule<NoArgs>({
  id: 'k6/hallbarhetsmal',
  chapter: 6,
  severity: 'info',
  message: {
    sv: () => 'Inget mål är markerat som hållbarhetsmål. Om möjligt vill bedömaren se hållbarhetsmål: markera det med `hållbarhet: ja`.',
    en: () => 'No goal is marked as a sustainability goal. Where possible the assessor would like one: mark it with `hållbarhet: ja`.',
  },
  seed: 'Om möjligt även hållbarhetsmål.',
  title: { sv: 'Inget hållbarhetsmål', en: 'No sustainability goal' },
  fix: { sv: 'Markera ett mål med `hållbarhet: ja` om ni har ett.', en: 'Mark a goal with `hållbarhet: ja` if you have one.' },
  example: '- id: M5\n  text: Halvera varutransporterna i gågatan\n  år: 2030\n  hållbarhet: ja',
  check(ctx, report) {
    if (!goals(ctx).some((g) => g.sustainable)) report({ pointer: '/mål' });
  },
});

export const forankring = defineRule<NoArgs>({
  id: 'k6/forankring',
  chapter: 6,
  severity: 'error',
  message: {
    sv: () => 'Förankringen saknas. Visa hur mål och strategier är förankrade (vem som antog dem och när) i `förankring`.',
    en: () => 'The anchoring is missing. Show how the goals and strategies are anchored (who adopted them and when) in `förankring`.',
  },
  schema: true,
  seed: 'Visa förankring',
  title: { sv: 'Förankringen (`förankring`) saknas', en: 'The anchoring (`förankring`) is missing' },
  fix: {
    sv: 'Beskriv i `förankring` vem som antog mål och strategier, och när.',
    en: 'Describe in `förankring` who adopted the goals and strategies, and when.',
  },
  example: 'förankring: Antagna av styrelsen 2025-12-10 efter remiss till kommunstyrelsen och Fastighetsägarna.',
});

export const oversiktsplan = defineRule<NoArgs>({
  id: 'k6/oversiktsplan',
  chapter: 6,
  severity: 'error',
  message: {
    sv: () => 'Översiktsplanen över centrum saknas. Bifoga den och ange den i `översiktsplan`.',
    en: () => 'The overview plan of the centre is missing. Attach it and give it in `översiktsplan`.',
  },
  schema: true,
  seed: 'översiktplan över centrum',
  title: { sv: 'Översiktsplan över centrum saknas', en: 'The overview plan of the centre is missing' },
  fix: { sv: 'Bifoga översiktsplanen och ange den i `översiktsplan`.', en: 'Attach the overview plan and give it in `översiktsplan`.' },
  example: 'översiktsplan: bilagor/oversiktsplan-centrum.pdf',
});

export const dokument = defineRule<NoArgs>({
  id: 'k6/dokument',
  chapter: 6,
  severity: 'error',
  message: {
    sv: () => 'Dokumentet med mål och strategier saknas. Bifoga det antagna dokumentet och ange det i `dokument`.',
    en: () => 'The goals-and-strategy document is missing. Attach the adopted document and give it in `dokument`.',
  },
  schema: true,
  seed: 'Det ksa finnas ett dokument som tydligt anger mål och strategier för arbetet.',
  title: { sv: 'Dokumentet med mål och strategier (`dokument`) saknas', en: 'The goals-and-strategy document (`dokument`) is missing' },
  fix: { sv: 'Bifoga det antagna dokumentet och ange det i `dokument`.', en: 'Attach the adopted document and give it in `dokument`.' },
  example: 'dokument: bilagor/mal-och-strategi.pdf',
});

export const rules = [
  kortsiktigaMal,
  langsiktigaMal,
  horisont,
  malBortomTioAr,
  malPasserat,
  strategiOkantMal,
  malUtanStrategi,
  hallbarhetsmal,
  forankring,
  oversiktsplan,
  dokument,
];
