import { compare, fmt, parseDate, type YMD } from '../util/dates.js';
import { defineRule, num, perCheck, type Report, type RuleContext, type NoArgs } from './define.js';
import { goalIds, goals, idList } from './k6-mal-och-strategi.js';
import { idOf, items, references } from './util.js';
import * as sv from '../i18n/sv.js';
import * as en from '../i18n/en.js';

const actions = perCheck(computeActions);

function computeActions(ctx: RuleContext) {
  return items(ctx.data(7)?.åtgärder).map(({ i, item }) => ({
    i,
    item,
    id: idOf(item) ?? '',
    admin: item.typ === 'administration',
    goals: idList(item.mål),
    strategies: idList(item.strategi),
  }));
}

function strategyIds(ctx: RuleContext): Set<string> {
  return new Set(items(ctx.data(6)?.strategier).flatMap(({ item }) => (idOf(item) ? [idOf(item)!] : [])));
}

function involves6(ctx: RuleContext, pointer: string) {
  return [{ file: ctx.file(6)?.file ?? null, pointer }];
}

/**
 * k7/mal-koppling and k7/strategi-koppling: every id an action names exists in chapter 6, and at
 * least one action names one. Without any goal (strategy) in chapter 6 every id would be
 * "unknown"; that absence is reported there.
 */
/** An id that chapter 6 lacks (`goal` or `strategy`, with the `known` ids), or no action naming any (`none`, `count`). */
type LinkArgs = { action?: string; goal?: string; strategy?: string; known?: string; count?: number; none?: number };

function checkLinks(ctx: RuleContext, report: (r: Report<LinkArgs>) => void, kind: 'goals' | 'strategies'): void {
  const goalsKind = kind === 'goals';
  const ids = goalsKind ? goalIds(ctx) : strategyIds(ctx);
  const key = goalsKind ? 'mål' : 'strategi';
  const involves = involves6(ctx, goalsKind ? '/mål' : '/strategier');
  const list = actions(ctx);
  if (list.length === 0) return;
  for (const a of list) {
    for (const { j, id } of ids.size > 0 ? a[kind] : []) {
      if (!ids.has(id))
        report({
          pointer: `/åtgärder/${a.i}/${key}/${j}`,
          args: { action: a.id, [goalsKind ? 'goal' : 'strategy']: id, known: [...ids].join(', ') },
          involves,
        });
    }
  }
  if (!list.some((a) => a[kind].length > 0)) report({ pointer: '/åtgärder', args: { count: list.length, none: 1 }, involves });
}

export const atgarderSaknas = defineRule<NoArgs>({
  id: 'k7/atgarder-saknas',
  chapter: 7,
  severity: 'error',
  message: {
    sv: () => 'Verksamhetsplanen har inga åtgärder. Lista åtgärdsprogrammet under `åtgärder`.',
    en: () => 'The plan has no actions. List the action programme under `åtgärder`.',
  },
  schema: true,
  seed: 'Beskriv era åtgärdsprogram och era punkter.',
  title: { sv: 'Inga åtgärder (`åtgärder`)', en: 'No actions (`åtgärder`)' },
  fix: { sv: 'Lista verksamhetsplanens åtgärder under `åtgärder`.', en: 'List the plan’s actions under `åtgärder`.' },
  example:
    'åtgärder:\n  - id: A1\n    namn: Julskyltning\n    syfte: …\n    mål: [M1]\n    strategi: [S1]\n    ansvarig: Centrumledaren\n    start: 2026-11-01\n    slut: 2027-01-15\n    budget: 150 000 kr',
});

export const malKoppling = defineRule<LinkArgs>({
  id: 'k7/mal-koppling',
  chapter: 7,
  severity: 'error',
  message: {
    sv: (a) =>
      a.none
        ? `${sv.n(a, 'count') === 1 ? 'Åtgärden' : `Ingen av de ${a.count} åtgärderna`} anger ${sv.n(a, 'count') === 1 ? 'inget' : 'något'} mål. Kravet är en plan kopplad till målen: ange \`mål\` för åtgärderna.`
        : `Åtgärden ${a.action} anger målet ${sv.q(a.goal)}, som inte finns i kapitel 6${a.known ? ` (målen är ${a.known})` : ''}. Rätta id:t.`,
    en: (a) =>
      a.none
        ? `${en.n(a, 'count') === 1 ? 'The action' : `None of the ${a.count} actions`} names ${en.n(a, 'count') === 1 ? 'no' : 'a'} goal. The requirement is a plan linked to the goals: give \`mål\` for the actions.`
        : `The action ${a.action} names the goal ${en.q(a.goal)}, which is not in chapter 6${a.known ? ` (the goals are ${a.known})` : ''}. Correct the id.`,
  },
  needs: [6],
  seed: 'Det ska finnas en plan som är kopplad till strategier, mål och budget',
  title: { sv: 'Åtgärderna är inte kopplade till befintliga mål', en: 'The actions are not linked to existing goals' },
  fix: {
    sv: 'Ange i varje åtgärds `mål` id:n från kapitel 6 (t.ex. M1).',
    en: 'Name in each action’s `mål` ids from chapter 6 (e.g. M1).',
  },
  example: '- id: A1\n  mål: [M1, M2]',
  applies: (ctx) => actions(ctx).length > 0,
  check(ctx, report) {
    checkLinks(ctx, report, 'goals');
  },
});

export const atgardUtanMal = defineRule<{ action: string }>({
  id: 'k7/atgard-utan-mal',
  chapter: 7,
  severity: 'warning',
  message: {
    sv: (a) => `Åtgärden ${a.action} anger inget mål. Ange vilket mål den tjänar, eller \`typ: administration\` för löpande kostnader.`,
    en: (a) => `The action ${a.action} names no goal. Name the goal it serves, or \`typ: administration\` for running costs.`,
  },
  title: { sv: 'En åtgärd (ej administration) anger inget mål', en: 'An action (not administration) names no goal' },
  fix: {
    sv: 'Ange målet åtgärden tjänar i `mål`, eller `typ: administration` för löpande kostnader.',
    en: 'Name the goal the action serves in `mål`, or `typ: administration` for running costs.',
  },
  example: '- id: A3\n  namn: Kansli\n  typ: administration',
  applies: (ctx) => actions(ctx).some((a) => !a.admin),
  check(ctx, report) {
    for (const a of actions(ctx)) if (!a.admin && a.goals.length === 0) report({ pointer: `/åtgärder/${a.i}/mål`, args: { action: a.id } });
  },
});

export const strategiKoppling = defineRule<LinkArgs>({
  id: 'k7/strategi-koppling',
  chapter: 7,
  severity: 'error',
  message: {
    sv: (a) =>
      a.none
        ? `${sv.n(a, 'count') === 1 ? 'Åtgärden anger ingen' : `Ingen av de ${a.count} åtgärderna anger någon`} strategi. Kravet är en plan kopplad till strategierna: ange \`strategi\` för åtgärderna.`
        : `Åtgärden ${a.action} anger strategin ${sv.q(a.strategy)}, som inte finns i kapitel 6${a.known ? ` (strategierna är ${a.known})` : ''}. Rätta id:t.`,
    en: (a) =>
      a.none
        ? `${en.n(a, 'count') === 1 ? 'The action names no' : `None of the ${a.count} actions names a`} strategy. The requirement is a plan linked to the strategies: give \`strategi\` for the actions.`
        : `The action ${a.action} names the strategy ${en.q(a.strategy)}, which is not in chapter 6${a.known ? ` (the strategies are ${a.known})` : ''}. Correct the id.`,
  },
  needs: [6],
  seed: 'Det ska finnas en plan som är kopplad till strategier, mål och budget',
  title: { sv: 'Åtgärderna är inte kopplade till befintliga strategier', en: 'The actions are not linked to existing strategies' },
  fix: {
    sv: 'Ange i varje åtgärds `strategi` id:n från kapitel 6 (t.ex. S1).',
    en: 'Name in each action’s `strategi` ids from chapter 6 (e.g. S1).',
  },
  example: '- id: A1\n  strategi: [S1]',
  applies: (ctx) => actions(ctx).length > 0,
  check(ctx, report) {
    checkLinks(ctx, report, 'strategies');
  },
});

export const atgardUtanStrategi = defineRule<{ action: string }>({
  id: 'k7/atgard-utan-strategi',
  chapter: 7,
  severity: 'warning',
  message: {
    sv: (a) => `Åtgärden ${a.action} anger ingen strategi. Ange vilken strategi den genomför.`,
    en: (a) => `The action ${a.action} names no strategy. Name the strategy it carries out.`,
  },
  title: { sv: 'En åtgärd (ej administration) anger ingen strategi', en: 'An action (not administration) names no strategy' },
  fix: { sv: 'Ange strategin åtgärden genomför i `strategi`.', en: 'Name the strategy the action carries out in `strategi`.' },
  example: '- id: A1\n  strategi: [S2]',
  applies: (ctx) => actions(ctx).some((a) => !a.admin),
  check(ctx, report) {
    for (const a of actions(ctx))
      if (!a.admin && a.strategies.length === 0) report({ pointer: `/åtgärder/${a.i}/strategi`, args: { action: a.id } });
  },
});

const actionDescribe = (ctx: RuleContext, f: { pointer?: string | null }) => {
  const m = /^\/åtgärder\/(\d+)/.exec(f.pointer ?? '');
  const a = m ? actions(ctx).find((x) => x.i === Number(m[1])) : undefined;
  return { action: a?.id || (a ? `nr ${a.i + 1}` : '') };
};

export const ansvarig = defineRule<{ action?: string | number }>({
  id: 'k7/ansvarig',
  chapter: 7,
  severity: 'error',
  message: {
    sv: (a) => `Åtgärden ${a.action} saknar ansvarig. Planen ska ha ansvarsfördelning: ange \`ansvarig\`.`,
    en: (a) => `The action ${a.action} has no one responsible. The plan needs a division of responsibility: give \`ansvarig\`.`,
  },
  schema: true,
  seed: 'med ansvarsfördelning och tidplan',
  title: { sv: 'En åtgärd saknar ansvarig', en: 'An action has no one responsible' },
  fix: { sv: 'Ange `ansvarig` för varje åtgärd.', en: 'Give `ansvarig` for every action.' },
  example: '- id: A1\n  ansvarig: Centrumledaren',
  describe: actionDescribe,
});

export const tidplan = defineRule<{ action: string; field?: string; start?: string; end?: string; order?: number }>({
  id: 'k7/tidplan',
  chapter: 7,
  severity: 'error',
  message: {
    sv: (a) =>
      a.order
        ? `Åtgärden ${a.action} slutar ${a.end}, före sin start ${a.start}. Rätta tidplanen.`
        : `Åtgärden ${a.action} saknar \`${a.field}\`. Planen ska ha en tidplan: ange \`start\` och \`slut\` (ÅÅÅÅ-MM-DD).`,
    en: (a) =>
      a.order
        ? `The action ${a.action} ends ${a.end}, before its start ${a.start}. Correct the schedule.`
        : `The action ${a.action} lacks \`${a.field}\`. The plan needs a schedule: give \`start\` and \`slut\` (YYYY-MM-DD).`,
  },
  schema: true,
  seed: 'med ansvarsfördelning och tidplan',
  title: {
    sv: 'En åtgärd saknar start eller slut, eller slutar före start',
    en: 'An action lacks a start or end, or ends before it starts',
  },
  fix: {
    sv: 'Ange `start` och `slut` (ÅÅÅÅ-MM-DD) med slut samma dag eller senare än start.',
    en: 'Give `start` and `slut` (YYYY-MM-DD), with the end on or after the start.',
  },
  example: '- id: A1\n  start: 2026-11-01\n  slut: 2027-01-15',
  describe: actionDescribe,
  check(ctx, report) {
    for (const a of actions(ctx)) {
      const s = parseDate(a.item.start);
      const e = parseDate(a.item.slut);
      if (s && e && compare(e, s) < 0)
        report({
          pointer: `/åtgärder/${a.i}/slut`,
          args: { action: a.id, start: String(a.item.start), end: String(a.item.slut), order: 1 },
        });
    }
  },
});

export const budget = defineRule<{ action?: string | number }>({
  id: 'k7/budget',
  chapter: 7,
  severity: 'error',
  message: {
    sv: (a) => `Åtgärden ${a.action} saknar budget. Planen ska vara kopplad till budget: ange \`budget\` i kronor.`,
    en: (a) => `The action ${a.action} has no budget. The plan must be linked to the budget: give \`budget\` in SEK.`,
  },
  schema: true,
  seed: 'kopplad till strategier, mål och budget',
  title: { sv: 'En åtgärd saknar budget', en: 'An action has no budget' },
  fix: {
    sv: 'Ange `budget` i kronor för åtgärdens hela period (0 om den inte kostar något).',
    en: 'Give `budget` in SEK for the action’s whole period (0 if it costs nothing).',
  },
  example: '- id: A1\n  budget: 150 000 kr',
  describe: actionDescribe,
});

export const syfte = defineRule<{ action?: string | number }>({
  id: 'k7/syfte',
  chapter: 7,
  severity: 'error',
  message: {
    sv: (a) => `Åtgärden ${a.action} saknar syfte. Beskriv syftet med åtgärden i \`syfte\`.`,
    en: (a) => `The action ${a.action} has no purpose. Describe it in \`syfte\`.`,
  },
  schema: true,
  seed: 'samt tidplan och syfte med åtgärderna',
  title: { sv: 'En åtgärd saknar syfte', en: 'An action has no purpose' },
  fix: { sv: 'Beskriv åtgärdens `syfte`.', en: 'Describe the action’s `syfte`.' },
  example: '- id: A1\n  syfte: Fler besökare i centrum under december',
  describe: actionDescribe,
});

/** An action's budget and the part of it that falls in the budget year. */
export interface BudgetShare {
  /** Index of the action in `åtgärder`. */
  index: number;
  id: string;
  name?: string;
  /** The action's budget, for its whole period. */
  budget: number;
  start: string;
  end: string;
  /** Days of the period, counted inclusively. */
  days: number;
  /** Days of the period inside the budget year, inclusively (0 when it lies outside). */
  daysInYear: number;
  /** `budget` × `daysInYear` / `days`, in whole kronor: what counts against the year's budget. */
  share: number;
}

export interface BudgetShares {
  /** `budgetår` of chapter 4. */
  year: number;
  /** `budget` of chapter 4, when given. */
  budget?: number;
  /** Every action with a budget and a valid period, in the order of `åtgärder`. */
  actions: BudgetShare[];
  /** The shares summed. */
  sum: number;
}

const DAY = 86_400_000;
const dayNumber = (d: YMD) => Date.UTC(d.y, d.m - 1, d.d) / DAY;

/**
 * Each action's share of the budget year (rules.md, k7/budget-overstiger): its budget covers
 * its whole period, so it counts in proportion to the days of the period inside `budgetår`.
 * Decided once here; the rule and the PDF read it. Undefined without a `budgetår`.
 */
export const budgetShares = perCheck((ctx: RuleContext): BudgetShares | undefined => {
  const d4 = ctx.data(4);
  const year = num(d4?.budgetår);
  if (year === undefined || !Number.isInteger(year)) return undefined;
  const first = dayNumber({ y: year, m: 1, d: 1 });
  const last = dayNumber({ y: year, m: 12, d: 31 });
  const list: BudgetShare[] = [];
  for (const a of actions(ctx)) {
    const s = parseDate(a.item.start);
    const e = parseDate(a.item.slut);
    const b = num(a.item.budget);
    if (!s || !e || b === undefined || compare(e, s) < 0) continue;
    const from = dayNumber(s);
    const to = dayNumber(e);
    const days = to - from + 1;
    const daysInYear = Math.max(0, Math.min(to, last) - Math.max(from, first) + 1);
    list.push({
      index: a.i,
      id: a.id,
      name: typeof a.item.namn === 'string' ? a.item.namn : undefined,
      budget: b,
      start: fmt(s),
      end: fmt(e),
      days,
      daysInYear,
      share: Math.round((b * daysInYear) / days),
    });
  }
  return { year, budget: num(d4?.budget), actions: list, sum: list.reduce((t, x) => t + x.share, 0) };
});

/** Per action, largest share first: `action1`, `share1`, `budget1`, `inYear1`, `days1`, … */
type PerAction = Record<`${'action' | 'share' | 'budget' | 'inYear' | 'days'}${number}`, string | number>;

export const budgetOverstiger = defineRule<{ budget: number; count: number; sum: number; year: number } & PerAction>({
  id: 'k7/budget-overstiger',
  chapter: 7,
  severity: 'warning',
  message: {
    sv: (a) =>
      `Åtgärderna kostar ${sv.kr(sv.n(a, 'sum'))} under budgetåret ${a.year}, mer än budgeten ${sv.kr(sv.n(a, 'budget'))} i kapitel 4. En åtgärds \`budget\` gäller hela dess period och räknas med dagarna under ${a.year}; största först: ${sv.shareList(
        a,
        (k) =>
          sv.n(a, `inYear${k}`) === sv.n(a, `days${k}`)
            ? `${a[`action${k}`]} ${sv.kr(sv.n(a, `share${k}`))} (hela perioden)`
            : `${a[`action${k}`]} ${sv.kr(sv.n(a, `share${k}`))} (${sv.nr(sv.n(a, `inYear${k}`))} av ${sv.nr(sv.n(a, `days${k}`))} dagar av ${sv.kr(sv.n(a, `budget${k}`))})`,
      )}. Rätta ett belopp eller en period, eller budgeten i kapitel 4.`,
    en: (a) =>
      `The actions cost ${en.kr(en.n(a, 'sum'))} in the budget year ${a.year}, more than the budget of ${en.kr(en.n(a, 'budget'))} in chapter 4. An action’s \`budget\` covers its whole period and counts by its days in ${a.year}; largest first: ${en.shareList(
        a,
        (k) =>
          en.n(a, `inYear${k}`) === en.n(a, `days${k}`)
            ? `${a[`action${k}`]} ${en.kr(en.n(a, `share${k}`))} (the whole period)`
            : `${a[`action${k}`]} ${en.kr(en.n(a, `share${k}`))} (${en.nr(en.n(a, `inYear${k}`))} of ${en.nr(en.n(a, `days${k}`), undefined, ' ')} days of ${en.kr(en.n(a, `budget${k}`))})`,
      )}. Correct an amount or a period, or the budget in chapter 4.`,
  },
  needs: [4],
  title: {
    sv: 'Åtgärdernas kostnader under budgetåret är större än budgeten i kapitel 4',
    en: 'The actions’ costs in the budget year exceed the chapter 4 budget',
  },
  fix: {
    sv: 'Varje åtgärds `budget` gäller hela dess period och räknas med den andel av dagarna som infaller under `budgetår`. Summan får vara högst `budget` i kapitel 4: rätta ett belopp, en period eller budgeten.',
    en: 'Each action’s `budget` covers its whole period and counts with the share of its days that fall in `budgetår`. The sum may be at most `budget` in chapter 4: correct an amount, a period or the budget.',
  },
  example:
    '# 04-finansiering.md\nbudgetår: 2026\nbudget: 3 900 000 kr\n\n# 07-verksamhetsplan.md: 2026-01-01–2028-12-31 är 1 096 dagar,\n# varav 365 under 2026, så åtgärden räknas med 365 000 kr mot 2026\nåtgärder:\n  - id: A1\n    start: 2026-01-01\n    slut: 2028-12-31\n    budget: 1 096 000 kr',
  applies: (ctx) => budgetShares(ctx) !== undefined && num(ctx.data(4)?.budget) !== undefined,
  check(ctx, report) {
    const shares = budgetShares(ctx);
    if (!shares || shares.budget === undefined || shares.sum <= shares.budget) return;
    const counted = shares.actions.filter((a) => a.share > 0).sort((a, b) => b.share - a.share || a.index - b.index);
    const listed: PerAction = {};
    counted.forEach((a, k) => {
      listed[`action${k + 1}`] = a.id || `nr ${a.index + 1}`;
      listed[`share${k + 1}`] = a.share;
      listed[`budget${k + 1}`] = a.budget;
      listed[`inYear${k + 1}`] = a.daysInYear;
      listed[`days${k + 1}`] = a.days;
    });
    report({
      pointer: '/åtgärder',
      args: { sum: shares.sum, budget: shares.budget, year: shares.year, count: counted.length, ...listed },
      involves: [{ file: ctx.file(4)?.file ?? null, pointer: '/budget' }],
    });
  },
});

export const malUtanAtgard = defineRule<{ goal: string }>({
  id: 'k7/mal-utan-atgard',
  chapter: 7,
  severity: 'warning',
  message: {
    sv: (a) => `Målet ${a.goal} tjänas inte av någon åtgärd. Ange ${a.goal} i \`mål\` hos en åtgärd.`,
    en: (a) => `The goal ${a.goal} is served by no action. Name ${a.goal} in \`mål\` of an action.`,
  },
  needs: [6],
  title: { sv: 'Ett mål som ingen åtgärd tjänar', en: 'A goal that no action serves' },
  fix: { sv: 'Ange målets id i `mål` hos minst en åtgärd.', en: 'Name the goal’s id in `mål` of at least one action.' },
  example: '- id: A2\n  mål: [M3]',
  check(ctx, report) {
    const list = actions(ctx);
    // No actions at all is k7/atgarder-saknas, not one warning per goal.
    if (list.length === 0) return;
    const served = new Set(list.flatMap((a) => a.goals.map((g) => g.id)));
    const refs = references(ctx.file(7)?.file ?? null, ctx.data(7)?.åtgärder, 'åtgärder', 'mål');
    for (const g of goals(ctx)) {
      if (g.id && !served.has(g.id))
        report({ pointer: '/åtgärder', args: { goal: g.id }, involves: [...involves6(ctx, `/mål/${g.i}`), ...refs] });
    }
  },
});

export const samverkansprocess = defineRule<NoArgs>({
  id: 'k7/samverkansprocess',
  chapter: 7,
  severity: 'error',
  message: {
    sv: () => 'Samverkansprocessen är inte beskriven. Beskriv i `samverkansprocess` hur samverkan går till och vem som ansvarar för vad.',
    en: () =>
      'The collaboration process is not described. Describe in `samverkansprocess` how the collaboration works and who is responsible for what.',
  },
  schema: true,
  seed: 'Beskriv även samverkansprocessen och vem som är ansvarig i de olika delarna',
  title: {
    sv: 'Samverkansprocessen (`samverkansprocess`) är inte beskriven',
    en: 'The collaboration process (`samverkansprocess`) is not described',
  },
  fix: {
    sv: 'Beskriv i `samverkansprocess` hur samverkan går till och vem som ansvarar för vad.',
    en: 'Describe in `samverkansprocess` how the collaboration works and who is responsible for what.',
  },
  example: 'samverkansprocess: Arbetsgrupperna tar fram förslag som ledningsgruppen bereder och styrelsen beslutar.',
});

export const flerarigPlan = defineRule<NoArgs>({
  id: 'k7/flerarig-plan',
  chapter: 7,
  severity: 'error',
  message: {
    sv: () => 'Den fleråriga övergripande planen saknas. Bifoga den och ange den i `flerårig_plan`.',
    en: () => 'The multi-year overall plan is missing. Attach it and give it in `flerårig_plan`.',
  },
  schema: true,
  seed: 'både flerårig övergripande och detaljerad för föregående och innevarande år',
  title: { sv: 'Flerårig övergripande plan saknas', en: 'The multi-year overall plan is missing' },
  fix: {
    sv: 'Bifoga den fleråriga planen och ange den i `flerårig_plan`.',
    en: 'Attach the multi-year plan and give it in `flerårig_plan`.',
  },
  example: 'flerårig_plan: bilagor/verksamhetsplan-2026-2029.pdf',
});

export const planForegaendeAr = defineRule<NoArgs>({
  id: 'k7/plan-foregaende-ar',
  chapter: 7,
  severity: 'error',
  message: {
    sv: () => 'Den detaljerade planen för föregående år saknas. Bifoga den och ange den i `plan_föregående_år`.',
    en: () => 'The detailed plan for the previous year is missing. Attach it and give it in `plan_föregående_år`.',
  },
  schema: true,
  seed: 'detaljerad för föregående och innevarande år',
  title: { sv: 'Detaljerad plan för föregående år saknas', en: 'The detailed plan for the previous year is missing' },
  fix: {
    sv: 'Bifoga föregående års plan och ange den i `plan_föregående_år`.',
    en: 'Attach the previous year’s plan and give it in `plan_föregående_år`.',
  },
  example: 'plan_föregående_år: bilagor/handlingsplan-2025.pdf',
});

export const planInnevarandeAr = defineRule<NoArgs>({
  id: 'k7/plan-innevarande-ar',
  chapter: 7,
  severity: 'error',
  message: {
    sv: () => 'Den detaljerade planen för innevarande år saknas. Bifoga den och ange den i `plan_innevarande_år`.',
    en: () => 'The detailed plan for the current year is missing. Attach it and give it in `plan_innevarande_år`.',
  },
  schema: true,
  seed: 'detaljerad för föregående och innevarande år',
  title: { sv: 'Detaljerad plan för innevarande år saknas', en: 'The detailed plan for the current year is missing' },
  fix: {
    sv: 'Bifoga innevarande års plan och ange den i `plan_innevarande_år`.',
    en: 'Attach the current year’s plan and give it in `plan_innevarande_år`.',
  },
  example: 'plan_innevarande_år: bilagor/handlingsplan-2026.pdf',
});

export const rules = [
  atgarderSaknas,
  malKoppling,
  atgardUtanMal,
  strategiKoppling,
  atgardUtanStrategi,
  ansvarig,
  tidplan,
  budget,
  syfte,
  budgetOverstiger,
  malUtanAtgard,
  samverkansprocess,
  flerarigPlan,
  planForegaendeAr,
  planInnevarandeAr,
];
