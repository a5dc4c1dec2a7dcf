import { asObject, defineRule, num, type RuleContext, type NoArgs } from './define.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

function period(ctx: RuleContext): { from?: number; to?: number } {
  const p = asObject(ctx.data(5)?.period);
  return { from: num(p?.från), to: num(p?.till) };
}

export const vision = defineRule<NoArgs>({
  id: 'k5/vision',
  chapter: 5,
  severity: 'error',
  message: {
    sv: () => 'Visionen saknas. Kravet är ett dokument som tydligt anger en gemensam vision för platsen: skriv den i `vision`.',
    en: () =>
      'The vision is missing. The requirement is a document that clearly states a common vision for the place: write it in `vision`.',
  },
  schema: true,
  seed: 'ett dokument som tydligt anger en gemensam vision för platsen',
  title: { sv: 'Visionen (`vision`) saknas eller är tom', en: 'The vision (`vision`) is missing or empty' },
  fix: { sv: 'Skriv den gemensamma visionen för platsen i `vision`.', en: 'Write the common vision for the place in `vision`.' },
  example: 'vision: Storviks centrum är Norrlandskustens mest levande stadskärna 2029.',
});

export const affarside = defineRule<NoArgs>({
  id: 'k5/affarside',
  chapter: 5,
  severity: 'error',
  message: {
    sv: () => 'Affärsidén saknas. Kravet är att verksamhetsidén för organisationen anges: skriv den i `affärsidé`.',
    en: () => 'The business idea is missing. The requirement is that the organisation’s business idea is stated: write it in `affärsidé`.',
  },
  schema: true,
  seed: 'verksamhetsidén för organisationen',
  title: { sv: 'Affärsidén (`affärsidé`) saknas eller är tom', en: 'The business idea (`affärsidé`) is missing or empty' },
  fix: {
    sv: 'Skriv organisationens affärsidé (verksamhetsidé) i `affärsidé`.',
    en: 'Write the organisation’s business idea in `affärsidé`.',
  },
  example: 'affärsidé: Vi samlar fastighetsägare, handel och kommun kring gemensamma insatser för centrum.',
});

export const visionTreAr = defineRule<{ from: number; to: number; years: number }>({
  id: 'k5/vision-tre-ar',
  chapter: 5,
  severity: 'error',
  message: {
    sv: (a) =>
      `Visionen gäller ${a.from}–${a.to}, ${a.years} ${sv.n(a, 'years') === 1 ? 'kalenderår' : 'kalenderår'}. Kravet är att visionen löper över tre år: förläng \`period.till\` till minst ${sv.n(a, 'from') + 2}.`,
    en: (a) =>
      `The vision covers ${a.from}–${a.to}, ${a.years} calendar ${en.n(a, 'years') === 1 ? 'year' : 'years'}. The requirement is a vision over three years: extend \`period.till\` to at least ${en.n(a, 'from') + 2}.`,
  },
  seed: 'Visionen ska löpa över tre år',
  title: { sv: 'Visionens period är kortare än tre kalenderår', en: 'The vision’s period is shorter than three calendar years' },
  fix: {
    sv: 'Låt `period` omfatta minst tre kalenderår, räknat inklusive (2026–2028 är tre år).',
    en: 'Make `period` cover at least three calendar years, counted inclusively (2026–2028 is three years).',
  },
  example: 'period: { från: 2026, till: 2029 }',
  applies: (ctx) => period(ctx).from !== undefined && period(ctx).to !== undefined,
  check(ctx, report) {
    const { from, to } = period(ctx);
    if (from === undefined || to === undefined) return;
    const years = to - from + 1;
    const file = ctx.file(5)?.file ?? null;
    if (years < 3)
      report({
        pointer: '/period',
        args: { from, to, years },
        involves: [
          { file, pointer: '/period/från' },
          { file, pointer: '/period/till' },
        ],
      });
  },
});

export const visionAktuell = defineRule<{ ref: number; to: number }>({
  id: 'k5/vision-aktuell',
  chapter: 5,
  severity: 'error',
  message: {
    sv: (a) => `Visionen gällde till ${a.to} och har löpt ut (referensår ${a.ref}). Anta en ny gemensam vision som gäller nu.`,
    en: (a) => `The vision ran until ${a.to} and has expired (reference year ${a.ref}). Adopt a new common vision that applies now.`,
  },
  seed: 'en gemensam vision för platsen',
  title: { sv: 'Visionens period har löpt ut', en: 'The vision’s period has expired' },
  fix: {
    sv: 'Anta en ny vision vars `period.till` är referensåret eller senare.',
    en: 'Adopt a new vision whose `period.till` is the reference year or later.',
  },
  example: 'period: { från: 2026, till: 2029 }',
  applies: (ctx) => period(ctx).to !== undefined,
  check(ctx, report) {
    const { to } = period(ctx);
    if (to !== undefined && to < ctx.ref.year) report({ pointer: '/period/till', args: { to, ref: ctx.ref.year } });
  },
});

export const visionBorjarSenare = defineRule<{ from: number; ref: number }>({
  id: 'k5/vision-borjar-senare',
  chapter: 5,
  severity: 'warning',
  message: {
    sv: (a) => `Visionen börjar ${a.from}, mer än ett år efter referensåret ${a.ref}. Den gemensamma visionen ska gälla nu.`,
    en: (a) => `The vision starts ${a.from}, more than a year after the reference year ${a.ref}. The common vision should apply now.`,
  },
  title: { sv: 'Visionen börjar mer än ett år efter referensåret', en: 'The vision starts more than one year after the reference year' },
  fix: {
    sv: 'Visionen ska gälla nu: låt `period.från` vara referensåret eller nästa år.',
    en: 'The vision should apply now: make `period.från` the reference year or the next.',
  },
  example: 'period: { från: 2026, till: 2029 }',
  applies: (ctx) => period(ctx).from !== undefined,
  check(ctx, report) {
    const { from } = period(ctx);
    if (from !== undefined && from > ctx.ref.year + 1) report({ pointer: '/period/från', args: { from, ref: ctx.ref.year } });
  },
});

export const visionCertifieringsperiod = defineRule<{ ref: number; to: number; until: number }>({
  id: 'k5/vision-certifieringsperiod',
  chapter: 5,
  severity: 'info',
  message: {
    sv: (a) => `Visionen slutar ${a.to}, före ${a.until} då en certifiering som beviljas nu löper ut. Överväg att förlänga perioden.`,
    en: (a) => `The vision ends ${a.to}, before ${a.until} when a certification granted now expires. Consider extending the period.`,
  },
  title: { sv: 'Visionen slutar före en certifiering som beviljas nu', en: 'The vision ends before a certification granted now would' },
  fix: {
    sv: 'Överväg att låta `period.till` vara minst referensåret + 3.',
    en: 'Consider making `period.till` at least the reference year + 3.',
  },
  example: 'period: { från: 2026, till: 2029 }',
  applies: (ctx) => period(ctx).to !== undefined,
  check(ctx, report) {
    const { to } = period(ctx);
    if (to !== undefined && to < ctx.ref.year + 3)
      report({ pointer: '/period/till', args: { to, until: ctx.ref.year + 3, ref: ctx.ref.year } });
  },
});

export const dokument = defineRule<NoArgs>({
  id: 'k5/dokument',
  chapter: 5,
  severity: 'error',
  message: {
    sv: () => 'Visionsdokumentet saknas. Kravet är ett dokument med den gemensamma visionen: bifoga det och ange det i `dokument`.',
    en: () => 'The vision document is missing. The requirement is a document with the common vision: attach it and give it in `dokument`.',
  },
  schema: true,
  seed: 'Ett krav är att det finns ett dokument som tydligt anger en gemensam vision',
  title: { sv: 'Visionsdokumentet (`dokument`) saknas', en: 'The vision document (`dokument`) is missing' },
  fix: {
    sv: 'Bifoga det antagna visionsdokumentet och ange det i `dokument`.',
    en: 'Attach the adopted vision document and give it in `dokument`.',
  },
  example: 'dokument: { fil: bilagor/vision-2026-2029.pdf, titel: Vision 2026–2029 }',
});

export const samsyn = defineRule<NoArgs>({
  id: 'k5/samsyn',
  chapter: 5,
  severity: 'error',
  message: {
    sv: () =>
      'Det framgår inte vilka som står bakom visionen. Visionen ska påvisa en samsyn: ange under `beslutad` datum och vilka (`av`) som antagit den.',
    en: () =>
      'Who stands behind the vision is not given. The vision must show a common view: give under `beslutad` the date and who (`av`) adopted it.',
  },
  schema: true,
  seed: 'Visionen ska löpa över tre år och påvisa en samasyn av stadskärnans utveckling och betydelse.',
  title: { sv: 'Vilka som står bakom visionen (`beslutad.av`) saknas', en: 'Who stands behind the vision (`beslutad.av`) is missing' },
  fix: {
    sv: 'Ange under `beslutad` datum och vilka (`av`) som har antagit visionen.',
    en: 'Give under `beslutad` the date and who (`av`) adopted the vision.',
  },
  example: 'beslutad:\n  datum: 2025-12-10\n  av: [Styrelsen, Kommunstyrelsen, Fastighetsägarna Storvik]',
});

export const rules = [vision, affarside, visionTreAr, visionAktuell, visionBorjarSenare, visionCertifieringsperiod, dokument, samsyn];
