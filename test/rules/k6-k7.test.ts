/** Chapter 6 (Mål och strategi) and chapter 7 (Verksamhetsplan): single-fault variants of storvik. */
import { describe, expect, it } from 'vitest';
import { one } from '../helpers/app.js';
import { CH, del, faults, remove, rows, set, sub, variant, type Edit } from './variant.js';

const year = (goal: number, y: number) => set(CH[6], ['mål', goal, 'år'], y);
const action = (i: number, key: string, value?: unknown) => set(CH[7], ['åtgärder', i, key], value);

describe('goal horizons (år − reference year: 1–3 kort, more than 3 lång)', () => {
  it('counts a goal 3 years ahead as kort: only M1–M3 in 2029 still have a short goal', async () => {
    expect(await faults([year(0, 2029), year(1, 2029)])).toEqual([]);
  });

  it('counts a goal 4 years ahead as lång, not kort', async () => {
    const edits = [year(0, 2030), del(CH[6], ['mål', 0, 'horisont']), year(1, 2030), year(2, 2030)];
    const { report } = await variant(edits);
    expect(rows(report)).toEqual(['error k6/kortsiktiga-mal 06-mal-och-strategi.md:3:3 /mål']);
    expect(report.diagnostics[0]!.message).toContain('2027–2029');
  });

  it('counts a goal 4 years ahead as lång: M4 and M5 in 2030 still give a long goal', async () => {
    expect(await faults([year(3, 2030), year(4, 2030)])).toEqual([]);
  });
});

describe('k6/kortsiktiga-mal and k6/langsiktiga-mal', () => {
  it('fails k6/langsiktiga-mal when every goal is at most 3 years ahead', async () => {
    const { report } = await variant([year(3, 2029), del(CH[6], ['mål', 3, 'horisont']), year(4, 2029)]);
    expect(rows(report)).toEqual(['error k6/langsiktiga-mal 06-mal-och-strategi.md:3:3 /mål']);
    expect(report.diagnostics[0]!.message).toContain('2030');
  });

  it('lets `horisont: lång` count a goal exactly 3 years ahead as long', async () => {
    expect(await faults([year(3, 2029), year(4, 2029)])).toEqual([]);
  });

  it('reports a chapter without goals once per requirement, and no "unknown goal" for every reference', async () => {
    expect(await faults(del(CH[6], ['mål']))).toEqual([
      'error k6/kortsiktiga-mal 06-mal-och-strategi.md:2:1 /mål',
      'error k6/langsiktiga-mal 06-mal-och-strategi.md:2:1 /mål',
      'info k6/hallbarhetsmal 06-mal-och-strategi.md:2:1 /mål',
    ]);
  });
});

describe('k6/horisont', () => {
  it('passes a declared horizon that agrees with `år`', async () => {
    expect(await faults(year(0, 2027))).toEqual([]);
    expect(await faults(year(3, 2036))).toEqual([]);
  });

  it('warns at `horisont` when `kort` is 4 years ahead', async () => {
    const { report } = await variant(year(0, 2030));
    expect(rows(report)).toEqual(['warning k6/horisont 06-mal-och-strategi.md:6:15 /mål/0/horisont']);
    expect(report.diagnostics[0]!.message).toContain('M1');
  });

  it('warns when `lång` is fewer than 3 years ahead', async () => {
    expect(await faults(year(3, 2028))).toEqual(['warning k6/horisont 06-mal-och-strategi.md:22:15 /mål/3/horisont']);
  });

  it('is silent for a goal more than 10 years ahead, whatever `horisont` says: k6/mal-bortom-tio-ar says what is wrong', async () => {
    expect(await faults(year(3, 2037))).toEqual(['warning k6/mal-bortom-tio-ar 06-mal-och-strategi.md:21:9 /mål/3/år']);
    expect(await faults(year(0, 2045))).toEqual(['warning k6/mal-bortom-tio-ar 06-mal-och-strategi.md:5:9 /mål/0/år']);
  });

  it('lets `år` decide the horizon when they disagree', async () => {
    // M4 says lång but lies 2 years ahead; with M5 moved to 2029 no goal is long.
    const r = await faults([year(3, 2028), year(4, 2029)]);
    expect(r).toEqual([
      'error k6/langsiktiga-mal 06-mal-och-strategi.md:3:3 /mål',
      'warning k6/horisont 06-mal-och-strategi.md:22:15 /mål/3/horisont',
    ]);
  });
});

describe('k6/mal-bortom-tio-ar', () => {
  it('passes a goal exactly 10 years ahead (2036 for the reference year 2026)', async () => {
    expect(await faults(year(4, 2036))).toEqual([]);
  });

  it('warns at `år` for a goal 11 years ahead, naming the goal, its year and the latest year within ten', async () => {
    const { report } = await variant(year(4, 2037));
    expect(rows(report)).toEqual(['warning k6/mal-bortom-tio-ar 06-mal-och-strategi.md:28:9 /mål/4/år']);
    expect(report.diagnostics[0]!.message).toBe(
      'Målet M5 har år 2037, 11 år efter referensåret 2026. Långsiktiga mål ligger 3–10 år fram, alltså senast 2036. ' +
        'Målet räknas som långsiktigt, men ge det ett år senast 2036 eller lägg till ett delmål inom tio år.',
    );
  });

  it('still counts the goal as long-term: with every other goal short, k6/langsiktiga-mal stays silent', async () => {
    // M4 moved to a short 2028 (its `horisont` removed): M5, 19 years ahead, is the only long goal.
    const r = await faults([year(3, 2028), del(CH[6], ['mål', 3, 'horisont']), year(4, 2045)]);
    expect(r).toEqual(['warning k6/mal-bortom-tio-ar 06-mal-och-strategi.md:27:9 /mål/4/år']);
  });

  it('says it in English with --lang en', async () => {
    const { report } = await variant(year(4, 2045), { lang: 'en' });
    expect(report.diagnostics[0]!.message).toContain('Goal M5 has the year 2045, 19 years after the reference year 2026');
    expect(report.diagnostics[0]!.message).toContain('2036 at the latest');
  });
});

describe('k6/mal-passerat', () => {
  it('warns at `år` for a goal in the reference year', async () => {
    const { report } = await variant(year(1, 2026));
    expect(rows(report)).toEqual(['warning k6/mal-passerat 06-mal-och-strategi.md:11:9 /mål/1/år']);
    expect(report.diagnostics[0]!.message).toContain('M2');
  });

  it('is the only warning for a passed goal with a declared horizon', async () => {
    expect(await faults(year(0, 2026))).toEqual(['warning k6/mal-passerat 06-mal-och-strategi.md:5:9 /mål/0/år']);
  });

  it('passes a goal next year', async () => {
    expect(await faults(year(1, 2027))).toEqual([]);
  });
});

describe('k6/strategi-okant-mal', () => {
  it('fails at the unknown id in the strategy’s `mål`', async () => {
    const { report } = await variant(sub(CH[6], 'mål: [M2, M3]', 'mål: [M2, M3, M9]'));
    expect(rows(report)).toEqual(['error k6/strategi-okant-mal 06-mal-och-strategi.md:38:19 /strategier/1/mål/2']);
    expect(report.diagnostics[0]!.message).toContain('M9');
    expect(report.diagnostics[0]!.message).toContain('S2');
  });

  it('is not judged while a goal id is still a placeholder (only text/platshallare)', async () => {
    expect(await faults(set(CH[6], ['mål', 0, 'id'], '[FYLL I: id]'))).toEqual([
      expect.stringMatching(/^error text\/platshallare 06-mal-och-strategi\.md:\d+:\d+ \/mål\/0\/id$/),
    ]);
  });
});

describe('k6/mal-utan-strategi', () => {
  it('warns at the goal that no strategy serves', async () => {
    const { report } = await variant(sub(CH[6], 'mål: M4', 'mål: [M1]'));
    expect(rows(report)).toEqual(['warning k6/mal-utan-strategi 06-mal-och-strategi.md:19:5 /mål/3']);
    expect(report.diagnostics[0]!.message).toContain('M4');
  });

  it('is not repeated for every goal when `strategier` is missing (schema/saknat-falt says it once)', async () => {
    expect(await faults(del(CH[6], ['strategier']))).toEqual(['error schema/saknat-falt 06-mal-och-strategi.md:2:1 /strategier']);
  });

  it('is not repeated for every goal when `strategier` is empty', async () => {
    expect(await faults(set(CH[6], ['strategier'], []))).toEqual(['error schema/tom-lista 06-mal-och-strategi.md:32:13 /strategier']);
  });
});

describe('k6/hallbarhetsmal', () => {
  it('is an info at `mål` when no goal is a sustainability goal', async () => {
    const { report } = await variant([del(CH[6], ['mål', 3, 'hållbarhet']), set(CH[6], ['mål', 4, 'hållbarhet'], 'nej')]);
    expect(rows(report)).toEqual(['info k6/hallbarhetsmal 06-mal-och-strategi.md:3:3 /mål']);
    expect(report.ok).toBe(true);
  });

  it('reads `ja` in any case as true', async () => {
    expect(await faults([sub(CH[6], 'hållbarhet: ja', 'hållbarhet: JA'), del(CH[6], ['mål', 4, 'hållbarhet'])])).toEqual([]);
  });
});

describe('k6/forankring, k6/oversiktsplan, k6/dokument', () => {
  it('fail at the first key when missing', async () => {
    expect(await faults(del(CH[6], ['förankring']))).toEqual(['error k6/forankring 06-mal-och-strategi.md:2:1 /förankring']);
    expect(await faults([del(CH[6], ['översiktsplan']), remove('bilagor/oversiktsplan-centrum.png')])).toEqual([
      'error k6/oversiktsplan 06-mal-och-strategi.md:2:1 /översiktsplan',
    ]);
    expect(await faults([del(CH[6], ['dokument']), remove('bilagor/mal-och-strategier-2026-2035.pdf')])).toEqual([
      'error k6/dokument 06-mal-och-strategi.md:2:1 /dokument',
    ]);
  });

  it('fails k6/forankring at the value when it is blank', async () => {
    expect(await faults(sub(CH[6], /^förankring: .*$/m, 'förankring: " "'))).toEqual([
      'error k6/forankring 06-mal-och-strategi.md:45:13 /förankring',
    ]);
  });
});

describe('id/dubblett', () => {
  it('fails at the second use of an action id', async () => {
    const { report } = await variant(sub(CH[7], 'id: A2', 'id: A1'));
    expect(rows(report)).toEqual(['error id/dubblett 07-verksamhetsplan.md:12:9 /åtgärder/1/id']);
    expect(report.diagnostics[0]!.message).toContain('07-verksamhetsplan.md:3');
    expect(report.diagnostics[0]!.chapter).toBe(7);
  });

  it('fails across chapters and kinds: an indicator named like a goal', async () => {
    const { report } = await variant(sub(CH[8], 'id: I1', 'id: M1'));
    expect(rows(report)).toEqual(['error id/dubblett 08-uppfoljning.md:4:9 /indikatorer/0/id']);
    expect(report.diagnostics[0]!.message).toContain('06-mal-och-strategi.md:3');
  });

  it('passes unique ids (storvik)', async () => {
    expect(await faults([])).toEqual([]);
  });
});

describe('k7/atgarder-saknas', () => {
  it('fails at an empty list, and no goal is then said to lack an action', async () => {
    expect(await faults(set(CH[7], ['åtgärder'], []))).toEqual(['error k7/atgarder-saknas 07-verksamhetsplan.md:2:11 /åtgärder']);
  });

  it('fails at the first key when `åtgärder` is missing', async () => {
    expect(await faults(del(CH[7], ['åtgärder']))).toEqual(['error k7/atgarder-saknas 07-verksamhetsplan.md:2:1 /åtgärder']);
  });
});

describe('k7/mal-koppling and k7/atgard-utan-mal', () => {
  it('fails at the action’s unknown goal id', async () => {
    const { report } = await variant(sub(CH[7], 'mål: [M2, M1]', 'mål: [M2, M9]'));
    expect(rows(report)).toEqual(['error k7/mal-koppling 07-verksamhetsplan.md:24:15 /åtgärder/2/mål/1']);
    expect(report.diagnostics[0]!.message).toContain('A3');
    expect(report.diagnostics[0]!.message).toContain('M9');
  });

  it('warns at an action that names no goal', async () => {
    const { report } = await variant(action(4, 'mål'));
    expect(rows(report)).toEqual(['warning k7/atgard-utan-mal 07-verksamhetsplan.md:39:5 /åtgärder/4/mål']);
    expect(report.diagnostics[0]!.message).toContain('A5');
  });

  it('lets an administration action leave out `mål` and `strategi`', async () => {
    expect(await faults([action(4, 'mål'), action(4, 'strategi'), action(4, 'typ', 'administration')])).toEqual([]);
  });

  it('fails when no action names any goal; each action and each goal still gets its own warning', async () => {
    const edits: Edit[] = [0, 1, 2, 3, 4, 5].map((i) => action(i, 'mål'));
    const { report } = await variant(edits);
    expect(rows(report)).toEqual([
      'error k7/mal-koppling 07-verksamhetsplan.md:3:3 /åtgärder',
      ...['M1', 'M2', 'M3', 'M4', 'M5'].map(() => 'warning k7/mal-utan-atgard 07-verksamhetsplan.md:3:3 /åtgärder'),
      ...[3, 11, 19, 27, 35, 43].map((line, i) => `warning k7/atgard-utan-mal 07-verksamhetsplan.md:${line}:5 /åtgärder/${i}/mål`),
    ]);
    expect(one(report, 'k7/mal-koppling').message).toContain('Ingen av de 6 åtgärderna');
    expect(report.diagnostics.filter((d) => d.rule === 'k7/mal-utan-atgard').map((d) => d.args.goal)).toEqual([
      'M1',
      'M2',
      'M3',
      'M4',
      'M5',
    ]);
  });

  it('is skipped when chapter 6 cannot be read', async () => {
    expect(await faults([sub(CH[7], 'mål: [M2, M1]', 'mål: [M2, M9]'), sub(CH[6], 'förankring: Målen', 'förankring: "Målen')])).toEqual([
      'error fil/syntax 06-mal-och-strategi.md:45:13 -',
    ]);
  });
});

describe('k7/strategi-koppling and k7/atgard-utan-strategi', () => {
  it('fails at the action’s unknown strategy id', async () => {
    const { report } = await variant(sub(CH[7], 'strategi: [S2]', 'strategi: [S9]'));
    expect(rows(report)).toEqual(['error k7/strategi-koppling 07-verksamhetsplan.md:16:16 /åtgärder/1/strategi/0']);
    expect(report.diagnostics[0]!.message).toContain('S9');
  });

  it('warns at an action that names no strategy', async () => {
    expect(await faults(action(1, 'strategi'))).toEqual([
      'warning k7/atgard-utan-strategi 07-verksamhetsplan.md:12:5 /åtgärder/1/strategi',
    ]);
  });

  it('fails when no action names any strategy', async () => {
    const r = await faults([0, 1, 2, 3, 4, 5].map((i) => action(i, 'strategi')));
    expect(r).toEqual([
      'error k7/strategi-koppling 07-verksamhetsplan.md:3:3 /åtgärder',
      ...[3, 11, 19, 27, 35, 43].map(
        (line, i) => `warning k7/atgard-utan-strategi 07-verksamhetsplan.md:${line}:5 /åtgärder/${i}/strategi`,
      ),
    ]);
  });

  it('is not reported for every action when chapter 6 has no strategies', async () => {
    expect(await faults(del(CH[6], ['strategier']))).toEqual(['error schema/saknat-falt 06-mal-och-strategi.md:2:1 /strategier']);
  });

  it('accepts a single strategy id instead of a list', async () => {
    expect(await faults(sub(CH[7], 'strategi: [S2]', 'strategi: S2'))).toEqual([]);
  });
});

describe('k7/ansvarig, k7/tidplan, k7/budget, k7/syfte', () => {
  it('fail at the action when the field is missing', async () => {
    expect(await faults(action(1, 'ansvarig'))).toEqual(['error k7/ansvarig 07-verksamhetsplan.md:12:5 /åtgärder/1/ansvarig']);
    expect(await faults(action(1, 'start'))).toEqual(['error k7/tidplan 07-verksamhetsplan.md:12:5 /åtgärder/1/start']);
    expect(await faults(action(1, 'slut'))).toEqual(['error k7/tidplan 07-verksamhetsplan.md:12:5 /åtgärder/1/slut']);
    expect(await faults(action(1, 'budget'))).toEqual(['error k7/budget 07-verksamhetsplan.md:12:5 /åtgärder/1/budget']);
    expect(await faults(action(1, 'syfte'))).toEqual(['error k7/syfte 07-verksamhetsplan.md:12:5 /åtgärder/1/syfte']);
  });

  it('name the action in the message', async () => {
    const { report } = await variant(action(1, 'ansvarig'));
    expect(report.diagnostics[0]!.message).toContain('A2');
  });

  it('k7/tidplan fails at `slut` when it is before `start`, and passes the same day', async () => {
    const { report } = await variant(action(1, 'slut', '2026-02-28'));
    expect(rows(report)).toEqual(['error k7/tidplan 07-verksamhetsplan.md:19:11 /åtgärder/1/slut']);
    expect(report.diagnostics[0]!.message).toContain('2026-03-01');
    expect(await faults(action(1, 'slut', '2026-03-01'))).toEqual([]);
  });

  it('k7/budget accepts 0', async () => {
    expect(await faults(action(4, 'budget', 0))).toEqual([]);
  });
});

describe('k7/budget-overstiger: each action counted by its days in the budget year', () => {
  // Against 2026: A1 2026–2027 (365 of 730 days of 420 000) 210 000; A2 and A3 wholly in 2026,
  // 650 000 and 780 000; A4 2026-04-01–2028-10-31 (275 of 945 days of 900 000) 261 905; A5 from
  // 2027, nothing; A6 2025-09-01–2026-06-30 (181 of 303 days of 310 000) 185 182. Sum 2 087 087.
  it('passes when the counted shares sum to exactly the budget', async () => {
    expect(await faults(action(1, 'budget', '2 462 913'))).toEqual([]);
  });

  it('warns at `åtgärder` one krona over, with the sum, the budget and each action’s counted share, largest first', async () => {
    const { report } = await variant(action(1, 'budget', '2 462 914'));
    expect(rows(report)).toEqual(['warning k7/budget-overstiger 07-verksamhetsplan.md:3:3 /åtgärder']);
    expect(report.diagnostics[0]!.message).toBe(
      'Åtgärderna kostar 3 900 001 kr under budgetåret 2026, mer än budgeten 3 900 000 kr i kapitel 4. ' +
        'En åtgärds `budget` gäller hela dess period och räknas med dagarna under 2026; största först: ' +
        'A2 2 462 914 kr (hela perioden), A3 780 000 kr (hela perioden), A4 261 905 kr (275 av 945 dagar av 900 000 kr), ' +
        'A1 210 000 kr (365 av 730 dagar av 420 000 kr), A6 185 182 kr (181 av 303 dagar av 310 000 kr). ' +
        'Rätta ett belopp eller en period, eller budgeten i kapitel 4.',
    );
  });

  it('says it in English with --lang en', async () => {
    const { report } = await variant(action(1, 'budget', '2 462 914'), { lang: 'en' });
    expect(report.diagnostics[0]!.message).toContain('The actions cost 3 900 001 SEK in the budget year 2026');
    expect(report.diagnostics[0]!.message).toContain('A4 261 905 SEK (275 of 945 days of 900 000 SEK)');
  });

  it('counts a three-year action with a third of its budget: 1 096 000 over 2026–2028 counts 365 000 in 2026', async () => {
    // A4 over 2026-01-01–2028-12-31 (1 096 days, 365 in 2026); the others count 1 175 182, with A2's budget raised to fill 3 900 000.
    const three = [action(3, 'start', '2026-01-01'), action(3, 'slut', '2028-12-31'), action(3, 'budget', '1 096 000')];
    expect(await faults([...three, action(1, 'budget', '2 359 818')])).toEqual([]);
    const { report } = await variant([...three, action(1, 'budget', '2 359 819')]);
    expect(rows(report)).toEqual(['warning k7/budget-overstiger 07-verksamhetsplan.md:3:3 /åtgärder']);
    expect(report.diagnostics[0]!.message).toContain('A4 365 000 kr (365 av 1 096 dagar av 1 096 000 kr)');
  });

  it('counts an action crossing the year boundary by its days in the budget year only', async () => {
    // A6 runs 2025-09-01–2026-06-30: 310 000 000 would be over the budget whole, and counts 185 181 518 in 2026.
    const { report } = await variant(action(5, 'budget', '310 000 000'));
    expect(report.diagnostics[0]!.message).toContain('A6 185 181 518 kr (181 av 303 dagar av 310 000 000 kr)');
    // A budget year before: A6 counts 122 of its 303 days in 2025, and nothing else does.
    const { report: y2025 } = await variant([set(CH[4], ['budgetår'], 2025), action(5, 'budget', '9 800 000')], { date: '2025-11-15' });
    const d = y2025.diagnostics.find((x) => x.rule === 'k7/budget-overstiger')!;
    expect(d.message).toContain('största först: A6 3 945 875 kr (122 av 303 dagar av 9 800 000 kr)');
  });

  it('leaves out an action wholly outside the budget year, whatever it costs', async () => {
    expect(await faults(action(4, 'budget', '9 000 000'))).toEqual([]);
  });

  it('exposes the shares it decided as a fact (budgetShares)', async () => {
    const { dir } = await variant([]);
    const { budgetShares } = await import('../../src/rules/k7-verksamhetsplan.js');
    const { loadApplication } = await import('../../src/load/folder.js');
    const { app } = await loadApplication(dir);
    const ctx = {
      app,
      ref: { date: { y: 2026, m: 11, d: 15 }, iso: '2026-11-15', year: 2026, source: 'option' as const },
      limits: { textMinWords: 50, k8MaxWords: 1200, attachmentMaxMb: 20, attachmentsMaxMb: 200 },
      data: (n: number) => app.chapter(n)?.data,
      file: (n: number) => app.chapter(n),
      meta: () => app.meta.data,
    };
    const shares = budgetShares(ctx)!;
    expect(shares.year).toBe(2026);
    expect(shares.budget).toBe(3900000);
    expect(shares.sum).toBe(2087087);
    expect(shares.actions.map((a) => [a.id, a.days, a.daysInYear, a.share])).toEqual([
      ['A1', 730, 365, 210000],
      ['A2', 275, 275, 650000],
      ['A3', 365, 365, 780000],
      ['A4', 945, 275, 261905],
      ['A5', 547, 0, 0],
      ['A6', 303, 181, 185182],
    ]);
  });
});

describe('k7/mal-utan-atgard', () => {
  it('warns in chapter 7 for a goal that no action serves, naming it', async () => {
    const { report } = await variant(sub(CH[7], 'mål: [M3]', 'mål: [M2]'));
    expect(rows(report)).toEqual(['warning k7/mal-utan-atgard 07-verksamhetsplan.md:3:3 /åtgärder']);
    expect(report.diagnostics[0]!.message).toContain('M3');
  });
});

describe('k7/samverkansprocess and the plans', () => {
  it('fail at the first key when missing', async () => {
    expect(await faults(del(CH[7], ['samverkansprocess']))).toEqual([
      'error k7/samverkansprocess 07-verksamhetsplan.md:2:1 /samverkansprocess',
    ]);
    expect(await faults([del(CH[7], ['flerårig_plan']), remove('bilagor/verksamhetsplan-2026-2029.pdf')])).toEqual([
      'error k7/flerarig-plan 07-verksamhetsplan.md:2:1 /flerårig_plan',
    ]);
    expect(await faults([del(CH[7], ['plan_föregående_år']), remove('bilagor/verksamhetsplan-2025.pdf')])).toEqual([
      'error k7/plan-foregaende-ar 07-verksamhetsplan.md:2:1 /plan_föregående_år',
    ]);
    expect(await faults([del(CH[7], ['plan_innevarande_år']), remove('bilagor/verksamhetsplan-2026.pdf')])).toEqual([
      'error k7/plan-innevarande-ar 07-verksamhetsplan.md:2:1 /plan_innevarande_år',
    ]);
  });

  it('reads `plan_foregaende_ar` written without å ä ö, with an info', async () => {
    const { report } = await variant(sub(CH[7], 'plan_föregående_år:', 'plan_foregaende_ar:'));
    expect(rows(report)).toEqual(['info schema/ascii-nyckel 07-verksamhetsplan.md:61:1 /plan_föregående_år']);
    expect(one(report, 'schema/ascii-nyckel').message).toContain('plan_föregående_år');
  });
});

describe('a goal reference the schema refuses', () => {
  it('is reported once, not also as a goal that no strategy, action or indicator serves', async () => {
    expect(await faults(sub(CH[6], 'mål: M4', 'mål: M4, M1'))).toEqual([
      'error schema/fel-format 06-mal-och-strategi.md:41:10 /strategier/2/mål/0',
    ]);
    expect(await faults(sub(CH[7], 'mål: [M3]', 'mål: [M 3]'))).toEqual([
      'error schema/fel-format 07-verksamhetsplan.md:15:11 /åtgärder/1/mål/0',
    ]);
    expect(await faults(sub(CH[8], '    mål: [M4]', '    mål: [M 4]'))).toEqual([
      'error schema/fel-format 08-uppfoljning.md:48:11 /indikatorer/4/mål/0',
    ]);
  });
});
