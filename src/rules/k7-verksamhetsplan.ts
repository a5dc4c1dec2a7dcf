import { compare, parseDate } from '../util/dates.js';
import { defineRule, num, perCheck, type Report, type RuleContext } from './define.js';
import { goalIds, goals, idList } from './k6-mal-och-strategi.js';
import { idOf, items, references } from './util.js';

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
function checkLinks(ctx: RuleContext, report: (r: Report) => void, kind: 'goals' | 'strategies'): void {
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

export const atgarderSaknas = defineRule({
  id: 'k7/atgarder-saknas',
  chapter: 7,
  severity: 'error',
  schema: true,
  seed: 'Beskriv era åtgärdsprogram och era punkter.',
  title: { sv: 'Inga åtgärder (`åtgärder`)', en: 'No actions (`åtgärder`)' },
  fix: { sv: 'Lista verksamhetsplanens åtgärder under `åtgärder`.', en: 'List the plan’s actions under `åtgärder`.' },
  example:
    'åtgärder:\n  - id: A1\n    namn: Julskyltning\n    syfte: …\n    mål: [M1]\n    strategi: [S1]\n    ansvarig: Centrumledaren\n    start: 2026-11-01\n    slut: 2027-01-15\n    budget: 150 000 kr',
});

export const malKoppling = defineRule({
  id: 'k7/mal-koppling',
  chapter: 7,
  severity: 'error',
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

export const atgardUtanMal = defineRule({
  id: 'k7/atgard-utan-mal',
  chapter: 7,
  severity: 'warning',
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

export const strategiKoppling = defineRule({
  id: 'k7/strategi-koppling',
  chapter: 7,
  severity: 'error',
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

export const atgardUtanStrategi = defineRule({
  id: 'k7/atgard-utan-strategi',
  chapter: 7,
  severity: 'warning',
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

export const ansvarig = defineRule({
  id: 'k7/ansvarig',
  chapter: 7,
  severity: 'error',
  schema: true,
  seed: 'med ansvarsfördelning och tidplan',
  title: { sv: 'En åtgärd saknar ansvarig', en: 'An action has no one responsible' },
  fix: { sv: 'Ange `ansvarig` för varje åtgärd.', en: 'Give `ansvarig` for every action.' },
  example: '- id: A1\n  ansvarig: Centrumledaren',
  describe: actionDescribe,
});

export const tidplan = defineRule({
  id: 'k7/tidplan',
  chapter: 7,
  severity: 'error',
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

export const budget = defineRule({
  id: 'k7/budget',
  chapter: 7,
  severity: 'error',
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

export const syfte = defineRule({
  id: 'k7/syfte',
  chapter: 7,
  severity: 'error',
  schema: true,
  seed: 'samt tidplan och syfte med åtgärderna',
  title: { sv: 'En åtgärd saknar syfte', en: 'An action has no purpose' },
  fix: { sv: 'Beskriv åtgärdens `syfte`.', en: 'Describe the action’s `syfte`.' },
  example: '- id: A1\n  syfte: Fler besökare i centrum under december',
  describe: actionDescribe,
});

export const budgetOverstiger = defineRule({
  id: 'k7/budget-overstiger',
  chapter: 7,
  severity: 'warning',
  needs: [4],
  title: {
    sv: 'Åtgärderna under budgetåret kostar mer än budgeten i kapitel 4',
    en: 'The actions in the budget year cost more than the chapter 4 budget',
  },
  fix: {
    sv: 'Minska åtgärdernas budget eller fördela dem över fler år, eller rätta `budget` i kapitel 4.',
    en: 'Reduce the actions’ budgets or spread them over more years, or correct `budget` in chapter 4.',
  },
  example: '# 04: budgetår: 2027, budget: 3 300 000 kr\n# 07: the actions overlapping 2027 cost at most 3 300 000 kr together',
  applies: (ctx) => num(ctx.data(4)?.budgetår) !== undefined && num(ctx.data(4)?.budget) !== undefined,
  check(ctx, report) {
    const year = num(ctx.data(4)?.budgetår);
    const total = num(ctx.data(4)?.budget);
    if (year === undefined || total === undefined) return;
    let sum = 0;
    let count = 0;
    for (const a of actions(ctx)) {
      const s = parseDate(a.item.start);
      const e = parseDate(a.item.slut);
      const b = num(a.item.budget);
      if (!s || !e || b === undefined) continue;
      if (s.y <= year && e.y >= year) {
        sum += b;
        count++;
      }
    }
    if (sum > total)
      report({
        pointer: '/åtgärder',
        args: { sum, budget: total, year, count },
        involves: [{ file: ctx.file(4)?.file ?? null, pointer: '/budget' }],
      });
  },
});

export const malUtanAtgard = defineRule({
  id: 'k7/mal-utan-atgard',
  chapter: 7,
  severity: 'warning',
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

export const samverkansprocess = defineRule({
  id: 'k7/samverkansprocess',
  chapter: 7,
  severity: 'error',
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

export const flerarigPlan = defineRule({
  id: 'k7/flerarig-plan',
  chapter: 7,
  severity: 'error',
  schema: true,
  seed: 'både flerårig övergripande och detaljerad för föregående och innevarande år',
  title: { sv: 'Flerårig övergripande plan saknas', en: 'The multi-year overall plan is missing' },
  fix: {
    sv: 'Bifoga den fleråriga planen och ange den i `flerårig_plan`.',
    en: 'Attach the multi-year plan and give it in `flerårig_plan`.',
  },
  example: 'flerårig_plan: bilagor/verksamhetsplan-2026-2029.pdf',
});

export const planForegaendeAr = defineRule({
  id: 'k7/plan-foregaende-ar',
  chapter: 7,
  severity: 'error',
  schema: true,
  seed: 'detaljerad för föregående och innevarande år',
  title: { sv: 'Detaljerad plan för föregående år saknas', en: 'The detailed plan for the previous year is missing' },
  fix: {
    sv: 'Bifoga föregående års plan och ange den i `plan_föregående_år`.',
    en: 'Attach the previous year’s plan and give it in `plan_föregående_år`.',
  },
  example: 'plan_föregående_år: bilagor/handlingsplan-2025.pdf',
});

export const planInnevarandeAr = defineRule({
  id: 'k7/plan-innevarande-ar',
  chapter: 7,
  severity: 'error',
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
