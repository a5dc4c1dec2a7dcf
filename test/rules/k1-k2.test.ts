/** Chapter 1 (Bakgrund) and chapter 2 (Nuläge): single-fault variants of storvik. */
import { describe, expect, it } from 'vitest';
import { one } from '../helpers/app.js';
import { CH, del, faults, put, remove, set, sub, variant, words } from './variant.js';

describe('k1/startad', () => {
  it('passes with `startad` given (storvik)', async () => {
    expect(await faults([])).toEqual([]);
  });

  it('warns at the first key of the front matter when `startad` is missing', async () => {
    const { report } = await variant(del(CH[1], ['startad']));
    expect(one(report, 'k1/startad')).toMatchObject({
      severity: 'warning',
      chapter: 1,
      file: '01-bakgrund.md',
      pointer: '/startad',
      line: 2,
      column: 1,
    });
    expect(report.diagnostics).toHaveLength(1);
  });
});

describe('k1/startad-efter-bildad', () => {
  it('passes when the collaboration started the same year as the organisation was formed', async () => {
    expect(await faults(sub(CH[1], 'startad: 2012', 'startad: 2016'))).toEqual([]);
  });

  it('passes when `startad` is the day of `bildad`', async () => {
    expect(await faults(sub(CH[1], 'startad: 2012', 'startad: 2016-03-01'))).toEqual([]);
  });

  it('warns at chapter 1’s `startad` when it is a day after `bildad`', async () => {
    const { report } = await variant(sub(CH[1], 'startad: 2012', 'startad: 2016-03-02'));
    expect(one(report, 'k1/startad-efter-bildad')).toMatchObject({
      severity: 'warning',
      chapter: 1,
      file: '01-bakgrund.md',
      pointer: '/startad',
      line: 2,
      column: 10,
    });
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]!.message).toContain('2016-03-02');
    expect(report.diagnostics[0]!.message).toContain('2016-03-01');
  });

  it('compares a bare year of `bildad` by its last day', async () => {
    const edits = [sub(CH[3], 'bildad: 2016-03-01', 'bildad: 2016')];
    expect(await faults([...edits, sub(CH[1], 'startad: 2012', 'startad: 2016-12-31')])).toEqual([]);
    expect(await faults([...edits, sub(CH[1], 'startad: 2012', 'startad: 2017-01-01')])).toEqual([
      'warning k1/startad-efter-bildad 01-bakgrund.md:2:10 /startad',
    ]);
  });

  it('is skipped when chapter 3 cannot be read', async () => {
    const r = await faults([
      sub(CH[1], 'startad: 2012', 'startad: 2017'),
      sub(CH[3], 'organisationsform: ideell förening', 'organisationsform: [ideell förening'),
    ]);
    expect(r).toEqual(['error fil/syntax 03-organisation.md:3:20 -']);
  });

  it('is silenced by a placeholder in `bildad`', async () => {
    const r = await faults([
      sub(CH[1], 'startad: 2012', 'startad: 2017'),
      sub(CH[3], 'bildad: 2016-03-01', 'bildad: "[FYLL I: datum då föreningen bildades]"'),
    ]);
    expect(r).toEqual(['error text/platshallare 03-organisation.md:2:9 /bildad']);
  });
});

describe('k2/swot', () => {
  it('passes with a SWOT and no attachment', async () => {
    expect(await faults([del(CH[2], ['bilagor']), remove('bilagor/nulagesanalys-2026.pdf')])).toEqual([]);
  });

  it('passes with an attachment and no SWOT', async () => {
    expect(await faults(del(CH[2], ['swot']))).toEqual([]);
  });

  it('warns when chapter 2 has neither a SWOT nor an attachment', async () => {
    const r = await faults([sub(CH[2], /^---\n[\s\S]*?\n---\n/, ''), remove('bilagor/nulagesanalys-2026.pdf')]);
    expect(r).toEqual(['warning k2/swot 02-nulage.md:1:1 /swot']);
  });

  it('warns when `bilagor` is an empty list and there is no SWOT', async () => {
    const r = await faults([del(CH[2], ['swot']), set(CH[2], ['bilagor'], []), remove('bilagor/nulagesanalys-2026.pdf')]);
    expect(r).toEqual(['warning k2/swot 02-nulage.md:2:1 /swot']);
  });
});

describe('k2/swot-tom-del', () => {
  it('warns at an empty part of the SWOT', async () => {
    expect(await faults(set(CH[2], ['swot', 'hot'], []))).toEqual(['warning k2/swot-tom-del 02-nulage.md:15:8 /swot/hot']);
  });

  it('warns at the `swot` key when a part is left out', async () => {
    expect(await faults(del(CH[2], ['swot', 'möjligheter']))).toEqual(['warning k2/swot-tom-del 02-nulage.md:2:1 /swot/möjligheter']);
  });

  it('names each empty part once', async () => {
    const { report } = await variant([set(CH[2], ['swot', 'styrkor'], []), set(CH[2], ['swot', 'hot'], [])]);
    expect(report.diagnostics.map((d) => d.pointer)).toEqual(['/swot/styrkor', '/swot/hot']);
    expect(report.diagnostics[0]!.message).toContain('styrkor');
  });

  it('does not apply without a SWOT', async () => {
    const { report } = await variant(del(CH[2], ['swot']));
    expect(report.diagnostics).toEqual([]);
    expect(report.chapters[1]).toMatchObject({ passed: 1, total: 1 });
  });

  it('reads a one-line SWOT part as a list', async () => {
    expect(
      await faults([
        put(
          CH[2],
          '---\nswot:\n  styrkor: Centralt läge\n  svagheter: Tomma lokaler\n  möjligheter: Nya bostäder\n  hot: E-handel\n---\n# Nuläge\n\n' +
            words(60) +
            '.\n',
        ),
        remove('bilagor/nulagesanalys-2026.pdf'),
      ]),
    ).toEqual([]);
  });
});
