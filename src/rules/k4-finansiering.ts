import { compare, parseDate } from '../util/dates.js';
import { asObject, defineRule, num, perCheck, str, type RuleContext, type NoArgs } from './define.js';
import { items, percent, sameName } from './util.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

/** The financiers' amounts, public and private: decided here, read by the rules and the PDF. */
export interface Financing {
  sum: number;
  pub: number;
  priv: number;
}

export const financing = perCheck(computeFinancing);

function computeFinancing(ctx: RuleContext): Financing {
  let pub = 0;
  let priv = 0;
  for (const { item } of items(ctx.data(4)?.finansiärer)) {
    const b = num(item.belopp) ?? 0;
    if (item.sektor === 'offentlig') pub += b;
    else if (item.sektor === 'privat') priv += b;
  }
  return { sum: pub + priv, pub, priv };
}

export const offentligOchPrivat = defineRule<{ missing?: string | number; sum?: string | number }>({
  id: 'k4/offentlig-och-privat',
  chapter: 4,
  severity: 'error',
  message: {
    sv: (a) =>
      a.missing === 'both'
        ? 'Ingen finansiär med belopp över 0 anges. Kravet är att både offentliga och privata aktörer bidrar: lista finansiärerna med sektor och belopp.'
        : `Finansieringen är 100 % ${a.missing === 'privat' ? 'offentlig' : 'privat'} (${sv.kr(sv.n(a, 'sum'))}). Kravet är att både offentliga och privata aktörer bidrar.`,
    en: (a) =>
      a.missing === 'both'
        ? 'No financier with an amount above 0 is given. The requirement is that both public and private parties contribute: list the financiers with sector and amount.'
        : `The financing is 100 % ${a.missing === 'privat' ? 'public' : 'private'} (${en.kr(en.n(a, 'sum'))}). The requirement is that both public and private parties contribute.`,
  },
  schema: true,
  seed: 'offentlig och privat verksamhet tillsammans ger finansiellt stöd',
  title: {
    sv: 'Finansieringen kommer inte från både offentliga och privata aktörer',
    en: 'The financing does not come from both public and private actors',
  },
  fix: {
    sv: 'Lista under `finansiärer` minst en offentlig och minst en privat finansiär med `belopp` större än 0.',
    en: 'List under `finansiärer` at least one public and at least one private financier with `belopp` above 0.',
  },
  example:
    'finansiärer:\n  - {namn: Storviks kommun, sektor: offentlig, belopp: 1 800 000 kr}\n  - {namn: Fastighetsägarna, sektor: privat, belopp: 1 500 000 kr}',
  describe(ctx) {
    const t = financing(ctx);
    return {
      sum: t.sum,
      public: t.pub,
      private: t.priv,
      publicShare: percent(t.pub, t.sum),
      privateShare: percent(t.priv, t.sum),
      missing: t.pub <= 0 && t.priv <= 0 ? 'both' : t.pub <= 0 ? 'offentlig' : 'privat',
    };
  },
});

/** Whether every financier has a valid amount and sector, so that the sums mean something. */
function complete(ctx: RuleContext): boolean {
  const list = items(ctx.data(4)?.finansiärer);
  return (
    list.length > 0 && list.every(({ item }) => (num(item.belopp) ?? -1) >= 0 && (item.sektor === 'offentlig' || item.sektor === 'privat'))
  );
}

export const budgetSumma = defineRule<{
  budget: number;
  private: number;
  privateShare: number;
  public: number;
  publicShare: number;
  sum: number;
}>({
  id: 'k4/budget-summa',
  chapter: 4,
  severity: 'warning',
  message: {
    sv: (a) =>
      `Finansiärernas belopp summerar till ${sv.kr(sv.n(a, 'sum'))} (offentligt ${sv.kr(sv.n(a, 'public'))}, ${a.publicShare} %; privat ${sv.kr(sv.n(a, 'private'))}, ${a.privateShare} %), men \`budget\` är ${sv.kr(sv.n(a, 'budget'))}. Skillnaden är mer än 1 %; stäm av beloppen.`,
    en: (a) =>
      `The financiers’ amounts add up to ${en.kr(en.n(a, 'sum'))} (public ${en.kr(en.n(a, 'public'))}, ${a.publicShare} %; private ${en.kr(en.n(a, 'private'))}, ${a.privateShare} %), but \`budget\` is ${en.kr(en.n(a, 'budget'))}. The difference is over 1 %; reconcile the amounts.`,
  },
  title: {
    sv: 'Finansiärernas belopp stämmer inte med `budget` (mer än 1 %)',
    en: 'The financiers’ amounts differ from `budget` by more than 1 %',
  },
  fix: {
    sv: 'Se till att summan av `belopp` är lika med `budget` (inom 1 %).',
    en: 'Make the sum of `belopp` equal `budget` (within 1 %).',
  },
  example:
    'budget: 3 300 000 kr\nfinansiärer:\n  - {namn: Storviks kommun, sektor: offentlig, belopp: 1 800 000 kr}\n  - {namn: Fastighetsägarna, sektor: privat, belopp: 1 500 000 kr}',
  applies: (ctx) => num(ctx.data(4)?.budget) !== undefined && complete(ctx),
  check(ctx, report) {
    const budget = num(ctx.data(4)?.budget);
    if (budget === undefined || !complete(ctx)) return;
    const t = financing(ctx);
    // In whole öre, so that exactly 1 % is within the limit.
    if (Math.round(Math.abs(t.sum - budget) * 100) * 100 > Math.round(budget * 100)) {
      report({
        pointer: '/budget',
        args: {
          sum: t.sum,
          budget,
          public: t.pub,
          private: t.priv,
          publicShare: percent(t.pub, t.sum),
          privateShare: percent(t.priv, t.sum),
        },
      });
    }
  },
});

export const budgetBeslutad = defineRule<{ datum: string; ref: string }>({
  id: 'k4/budget-beslutad',
  chapter: 4,
  severity: 'error',
  message: {
    sv: (a) =>
      a.datum
        ? `Budgeten beslutades ${a.datum}, efter referensdatumet ${a.ref}. Kravet är att budgeten är godkänd; ange ett beslut som är fattat.`
        : 'Budgetbeslutet saknas. Kravet är att budgeten är godkänd: ange `budgetbeslut` med datum och beslutande organ.',
    en: (a) =>
      a.datum
        ? `The budget was decided on ${a.datum}, after the reference date ${a.ref}. The requirement is an approved budget; give a decision that has been taken.`
        : 'The budget decision is missing. The requirement is an approved budget: give `budgetbeslut` with the date and the approving body.',
  },
  schema: true,
  seed: 'budgeten är godkänd',
  title: { sv: 'Budgeten är inte godkänd före referensdatumet', en: 'The budget is not approved before the reference date' },
  fix: {
    sv: 'Ange `budgetbeslut` med datum (senast referensdatumet) och beslutande organ.',
    en: 'Give `budgetbeslut` with a date (no later than the reference date) and the approving body.',
  },
  example: 'budgetbeslut:\n  datum: 2026-10-20\n  organ: Styrelsen för Centrumsamverkan Storvik\n  protokoll: bilagor/protokoll-budget.pdf',
  check(ctx, report) {
    const b = asObject(ctx.data(4)?.budgetbeslut);
    const d = parseDate(b?.datum);
    if (d && compare(d, ctx.ref.date) > 0)
      report({ pointer: '/budgetbeslut/datum', args: { datum: str(b?.datum) ?? '', ref: ctx.ref.iso } });
  },
});

export const budgetUppfoljning = defineRule<NoArgs>({
  id: 'k4/budget-uppfoljning',
  chapter: 4,
  severity: 'error',
  message: {
    sv: () => 'Det saknas en beskrivning av hur budgeten följs upp. Ange `uppföljning` med frekvens och beskrivning.',
    en: () => 'How the budget is followed up is not described. Give `uppföljning` with frequency and description.',
  },
  schema: true,
  seed: 'och följs upp',
  title: { sv: 'Hur budgeten följs upp (`uppföljning`) saknas', en: 'How the budget is followed up (`uppföljning`) is missing' },
  fix: {
    sv: 'Beskriv under `uppföljning` hur ofta (`frekvens`) och hur (`beskrivning`) budgeten följs upp.',
    en: 'Describe under `uppföljning` how often (`frekvens`) and how (`beskrivning`) the budget is followed up.',
  },
  example: 'uppföljning:\n  frekvens: kvartalsvis\n  beskrivning: Ekonomisk rapport till styrelsen varje kvartal',
});

export const avtal = defineRule<NoArgs>({
  id: 'k4/avtal',
  chapter: 4,
  severity: 'error',
  message: {
    sv: () =>
      'Kapitlet har ingen bilaga. Bifoga avtal, budgetbeslut eller projektfinansiering: en finansiärs `avtal`, budgetbeslutets `protokoll` eller `bilagor`.',
    en: () =>
      'The chapter has no attachment. Attach agreements, budget decisions or project financing: a financier’s `avtal`, the decision’s `protokoll` or `bilagor`.',
  },
  schema: true,
  pointer: '/bilagor',
  seed: 'bilägg avtal projektfinansiering etc',
  title: {
    sv: 'Ingen bilaga i kapitel 4 (avtal, protokoll, projektfinansiering)',
    en: 'No attachment in chapter 4 (agreements, minutes, project financing)',
  },
  fix: {
    sv: 'Bifoga avtal eller beslut: en finansiärs `avtal`, budgetbeslutets `protokoll` eller kapitlets `bilagor`.',
    en: 'Attach agreements or decisions: a financier’s `avtal`, the budget decision’s `protokoll` or the chapter’s `bilagor`.',
  },
  example:
    'finansiärer:\n  - namn: Storviks kommun\n    sektor: offentlig\n    belopp: 1 800 000 kr\n    avtal: bilagor/avtal-kommunen.pdf',
});

export const budgetar = defineRule<{ next: number; ref: number; year: number }>({
  id: 'k4/budgetar',
  chapter: 4,
  severity: 'warning',
  message: {
    sv: (a) =>
      `Budgetåret ${a.year} är varken referensåret ${a.ref} eller nästa år ${a.next}. Beskriv budgeten för innevarande eller kommande år.`,
    en: (a) =>
      `The budget year ${a.year} is neither the reference year ${a.ref} nor the next year ${a.next}. Describe the current or the coming year’s budget.`,
  },
  title: { sv: '`budgetår` är varken referensåret eller nästa år', en: '`budgetår` is neither the reference year nor the next one' },
  fix: { sv: 'Beskriv budgeten för innevarande eller nästa år.', en: 'Describe the budget for the current or the next year.' },
  example: 'budgetår: 2027',
  applies: (ctx) => num(ctx.data(4)?.budgetår) !== undefined,
  check(ctx, report) {
    const y = num(ctx.data(4)?.budgetår);
    if (y !== undefined && y !== ctx.ref.year && y !== ctx.ref.year + 1)
      report({ pointer: '/budgetår', args: { year: y, ref: ctx.ref.year, next: ctx.ref.year + 1 } });
  },
});

export const sektorMotsagerK3 = defineRule<{ actorSector: string; name: string; sector: string }>({
  id: 'k4/sektor-motsager-k3',
  chapter: 4,
  severity: 'warning',
  message: {
    sv: (a) =>
      `Finansiären ${sv.q(a.name)} anges som ${a.sector}, men aktören med samma namn i kapitel 3 är ${a.actorSector}. Rätta sektorn i ett av kapitlen.`,
    en: (a) =>
      `The financier ${en.q(a.name)} is given as ${a.sector}, but the actor of the same name in chapter 3 is ${a.actorSector}. Correct the sector in one of the chapters.`,
  },
  needs: [3],
  title: {
    sv: 'En finansiär har en annan sektor än samma aktör i kapitel 3',
    en: 'A financier has another sector than the same actor in chapter 3',
  },
  fix: {
    sv: 'Ge finansiären samma `sektor` som aktören med samma namn i kapitel 3.',
    en: 'Give the financier the same `sektor` as the actor of the same name in chapter 3.',
  },
  example: '# 03: - {namn: Storviks kommun, sektor: offentlig}\n# 04: - {namn: Storviks kommun, sektor: offentlig, belopp: 1 800 000 kr}',
  check(ctx, report) {
    const actors = items(ctx.data(3)?.aktörer);
    for (const { i, item } of items(ctx.data(4)?.finansiärer)) {
      const name = str(item.namn);
      if (!name || (item.sektor !== 'offentlig' && item.sektor !== 'privat')) continue;
      const actor = actors.find((a) => typeof a.item.namn === 'string' && sameName(a.item.namn, name));
      if (actor && (actor.item.sektor === 'offentlig' || actor.item.sektor === 'privat') && actor.item.sektor !== item.sektor) {
        report({
          pointer: `/finansiärer/${i}/sektor`,
          args: { name, sector: String(item.sektor), actorSector: String(actor.item.sektor) },
          involves: [{ file: ctx.file(3)?.file ?? null, pointer: `/aktörer/${actor.i}` }],
        });
      }
    }
  },
});

export const rules = [offentligOchPrivat, budgetSumma, budgetBeslutad, budgetUppfoljning, avtal, budgetar, sektorMotsagerK3];
