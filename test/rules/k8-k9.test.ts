/** Chapter 8 (indicators and follow-up) and chapter 9 (Kommunikation och dialog): single-fault variants of storvik. */
import { describe, expect, it } from 'vitest';
import { one } from '../helpers/app.js';
import { CH, del, faults, prose, put, remove, rows, set, sub, variant, words, type Edit } from './variant.js';

const INDICATORS = [0, 1, 2, 3, 4, 5, 6];
/** Sets the yearly values of one indicator (block style, one value per line). */
const values = (i: number, v: Record<string, string>) => set(CH[8], ['indikatorer', i, 'värden'], v);
const dropYears = (...years: string[]): Edit[] => INDICATORS.flatMap((i) => years.map((y) => del(CH[8], ['indikatorer', i, 'värden', y])));

describe('k8/tre-ars-resultat and k8/indikator-ofullstandig', () => {
  it('pass when the values end the year before the reference year', async () => {
    expect(await faults(dropYears('2026'))).toEqual([]);
  });

  it('fail when the values end two years before: the error at `indikatorer`, a warning at each indicator’s values', async () => {
    const { report } = await variant(dropYears('2025', '2026'));
    expect(rows(report)).toEqual([
      'error k8/tre-ars-resultat 08-uppfoljning.md:4:3 /indikatorer',
      ...INDICATORS.map((i) => `warning k8/indikator-ofullstandig 08-uppfoljning.md:${10 + 8 * i}:7 /indikatorer/${i}/värden`),
    ]);
    expect(one(report, 'k8/tre-ars-resultat').message).toContain('7 indikatorerna');
    expect(report.diagnostics[1]!.message).toContain('2023, 2024');
  });

  it('accept 2023 and 2025 as spanning (a survey every other year)', async () => {
    expect(await faults(values(0, { 2023: '11,4', 2025: '8,7' }))).toEqual([]);
  });

  it('warn for one indicator with only the last two years', async () => {
    const { report } = await variant(values(0, { 2025: '8,7', 2026: '7,9' }));
    expect(rows(report)).toEqual(['warning k8/indikator-ofullstandig 08-uppfoljning.md:10:7 /indikatorer/0/värden']);
    expect(report.diagnostics[0]!.message).toContain('I1');
  });

  it('ignore forecasts after the reference year', async () => {
    // Without the forecasts only 2024 remains; with them it would look like 2024–2028.
    expect(await faults(values(0, { 2024: '10,1', 2027: '7', 2028: '6' }))).toEqual([
      'warning k8/indikator-ofullstandig 08-uppfoljning.md:10:7 /indikatorer/0/värden',
    ]);
    expect(await faults(values(0, { 2023: '11,4', 2025: '8,7', 2027: '7' }))).toEqual([]);
  });

  it('leave an indicator without `värden` to schema/saknat-falt', async () => {
    expect(await faults(del(CH[8], ['indikatorer', 0, 'värden']))).toEqual([
      'error schema/saknat-falt 08-uppfoljning.md:4:5 /indikatorer/0/värden',
    ]);
  });

  it('fail k8/tre-ars-resultat once when there are no indicators at all (no warning per goal)', async () => {
    expect(await faults(del(CH[8], ['indikatorer']))).toEqual([
      'error k8/ingen-maluppfoljning 08-uppfoljning.md:2:1 /indikatorer',
      'error k8/tre-ars-resultat 08-uppfoljning.md:2:1 /indikatorer',
      'warning k8/malgrupper 08-uppfoljning.md:2:1 /indikatorer',
    ]);
  });
});

describe('k8/malgrupper', () => {
  it('warns at `indikatorer` naming the target group without an indicator', async () => {
    const { report } = await variant([2, 4, 5].map((i) => set(CH[8], ['indikatorer', i, 'målgrupp'], 'invånare')));
    expect(rows(report)).toEqual(['warning k8/malgrupper 08-uppfoljning.md:4:3 /indikatorer']);
    expect(report.diagnostics[0]!.message).toContain('besökare');
    expect(report.diagnostics[0]!.message).not.toContain('företag,');
  });

  it('reads a target group written without å ä ö or in capitals', async () => {
    expect(
      await faults([set(CH[8], ['indikatorer', 1, 'målgrupp'], 'invanare'), set(CH[8], ['indikatorer', 2, 'målgrupp'], 'Besökare')]),
    ).toEqual([]);
  });
});

describe('k8/mal-uppfoljning and k8/ingen-maluppfoljning', () => {
  it('warns in chapter 8 for a goal that no indicator follows up, naming it', async () => {
    const { report } = await variant(del(CH[8], ['indikatorer', 4, 'mål']));
    expect(rows(report)).toEqual(['warning k8/mal-uppfoljning 08-uppfoljning.md:4:3 /indikatorer']);
    expect(report.diagnostics[0]!.message).toContain('M4');
  });

  it('fails when no goal at all is followed up, and still names each goal', async () => {
    const { report } = await variant(INDICATORS.map((i) => del(CH[8], ['indikatorer', i, 'mål'])));
    expect(rows(report)).toEqual([
      'error k8/ingen-maluppfoljning 08-uppfoljning.md:4:3 /indikatorer',
      ...['M1', 'M2', 'M3', 'M4', 'M5'].map(() => 'warning k8/mal-uppfoljning 08-uppfoljning.md:4:3 /indikatorer'),
    ]);
  });

  it('is skipped when chapter 6 cannot be read', async () => {
    const r = await faults([del(CH[8], ['indikatorer', 4, 'mål']), put(CH[6], '---\nmål:\n\t- id: M1\n---\n# Mål\n')]);
    expect(r).toEqual(['error fil/syntax 06-mal-och-strategi.md:3:1 -']);
  });
});

describe('k8/orimligt-varde', () => {
  it('passes 100 %', async () => {
    expect(await faults(sub(CH[8], '2026: 74', '2026: 100'))).toEqual([]);
  });

  it('warns at the value over 100 for the units % and procent', async () => {
    const { report } = await variant(sub(CH[8], '2026: 74', '2026: 101'));
    expect(rows(report)).toEqual(['warning k8/orimligt-varde 08-uppfoljning.md:73:13 /indikatorer/6/värden/2026']);
    expect(report.diagnostics[0]!.message).toContain('101');
    expect(await faults(sub(CH[8], '2026: 67', '2026: 100,5'))).toEqual([
      'warning k8/orimligt-varde 08-uppfoljning.md:33:13 /indikatorer/2/värden/2026',
    ]);
  });

  it('warns at a negative value of any unit', async () => {
    expect(await faults(sub(CH[8], '2024: 50 100', '2024: −50 100'))).toEqual([
      'warning k8/orimligt-varde 08-uppfoljning.md:61:13 /indikatorer/5/värden/2024',
    ]);
  });

  it('does not limit values of other units to 100', async () => {
    expect(await faults([])).toEqual([]);
  });
});

describe('k8/metod and k8/underlag', () => {
  it('fail at the first key when missing', async () => {
    expect(await faults(del(CH[8], ['metod']))).toEqual(['error k8/metod 08-uppfoljning.md:2:1 /metod']);
    const noAttachments = [del(CH[8], ['bilagor']), remove('bilagor/centrumundersokning-2026.pdf'), remove('bilagor/foton')];
    expect(await faults(noAttachments)).toEqual(['error k8/underlag 08-uppfoljning.md:2:1 /bilagor']);
  });

  it('fails k8/metod at an empty quoted value', async () => {
    expect(await faults(sub(CH[8], /^metod: .*$/m, 'metod: ""'))).toEqual(['error k8/metod 08-uppfoljning.md:2:8 /metod']);
  });
});

describe('k8/koncis', () => {
  it('passes 1 200 words of prose, not counting headings and HTML comments', async () => {
    expect(
      await faults(prose(CH[8], `# Utveckling och resultat\n\n<!-- ${words(30)} -->\n${words(1200)}.\n\n## Metod och uppföljning\n`)),
    ).toEqual([]);
  });

  it('is an info at the start of the prose at 1 201 words (headings and HTML comments do not count)', async () => {
    const { report } = await variant(prose(CH[8], `# Utveckling och resultat\n\n<!-- ${words(30)} -->\n${words(1201)}.\n\n## Metod\n`));
    expect(rows(report)).toEqual(['info k8/koncis 08-uppfoljning.md:82:1 -']);
    expect(report.diagnostics[0]!.message).toContain('1 201');
  });

  it('follows `gränser.k8_max_ord` in qm.config.yaml', async () => {
    const r = await faults(put('qm.config.yaml', 'gränser:\n  k8_max_ord: 100\n'));
    expect(r).toEqual(['info k8/koncis 08-uppfoljning.md:82:1 -']);
  });
});

describe('k9/intressenter and k9/medborgare', () => {
  // A single value for the list keeps each channel on its lines.
  const only = (group: string): Edit[] => [0, 1, 2, 3, 4, 5].map((i) => set(CH[9], ['kanaler', i, 'målgrupp'], group));

  it('fail at `kanaler` when no channel reaches stakeholders (and then no attachment shows it either)', async () => {
    const { report } = await variant(only('medborgare'));
    expect(rows(report)).toEqual([
      'error k9/intressenter 09-kommunikation.md:3:3 /kanaler',
      'error k9/underlag 09-kommunikation.md:3:3 /kanaler',
    ]);
    expect(one(report, 'k9/underlag').message).toContain('intressenter');
  });

  it('fail at `kanaler` when no channel reaches citizens', async () => {
    expect(await faults(only('intressenter'))).toEqual([
      'error k9/medborgare 09-kommunikation.md:3:3 /kanaler',
      'error k9/underlag 09-kommunikation.md:3:3 /kanaler',
    ]);
  });

  it('leave an unknown target group to schema/okant-varde', async () => {
    const { report } = await variant(
      sub(CH[9], /målgrupp: \[medborgare\]\n {4}frekvens: en gång per år/, 'målgrupp: [invånare]\n    frekvens: en gång per år'),
    );
    expect(rows(report)).toEqual(['error schema/okant-varde 09-kommunikation.md:16:16 /kanaler/2/målgrupp/0']);
    expect(report.diagnostics[0]!.message).toContain('intressenter, medborgare');
  });
});

describe('k9/underlag', () => {
  it('fails when no attachment shows the communication with citizens', async () => {
    const { report } = await variant([
      del(CH[9], ['kanaler', 2, 'bilagor']),
      remove('bilagor/medborgardialog-stortorget-2026.pdf'),
      sub(CH[9], 'målgrupp: [medborgare, intressenter]', 'målgrupp: [intressenter]'),
    ]);
    expect(rows(report)).toEqual(['error k9/underlag 09-kommunikation.md:3:3 /kanaler']);
    expect(report.diagnostics[0]!.message).toContain('medborgare');
    expect(report.diagnostics[0]!.message).not.toContain('intressenter');
  });

  it('counts the chapter’s own `bilagor` for both groups', async () => {
    const edits = [
      del(CH[9], ['kanaler', 0, 'bilagor']),
      del(CH[9], ['kanaler', 2, 'bilagor']),
      del(CH[9], ['kanaler', 5, 'bilagor']),
      set(
        CH[9],
        ['bilagor'],
        [
          'bilagor/centrumbrevet-2026-09.pdf',
          'bilagor/medborgardialog-stortorget-2026.pdf',
          { fil: 'bilagor/pressklipp-2026.pdf', titel: 'Pressklipp 2026' },
        ],
      ),
    ];
    expect(await faults(edits)).toEqual([]);
  });
});

describe('k9/kanalbredd', () => {
  it('passes three kinds of channel', async () => {
    expect(await faults([3, 4, 5].map((i) => set(CH[9], ['kanaler', i, 'typ'], 'möte')))).toEqual([]);
  });

  it('is an info at `kanaler` with two kinds', async () => {
    const { report } = await variant([2, 3, 4, 5].map((i) => set(CH[9], ['kanaler', i, 'typ'], 'möte')));
    expect(rows(report)).toEqual(['info k9/kanalbredd 09-kommunikation.md:3:3 /kanaler']);
    expect(report.diagnostics[0]!.message).toContain('2');
  });
});
