/**
 * Messages that say what happened in the consultant's terms, for inputs that tend to confuse:
 * a second YAML document, a date not in the calendar, one field written twice, a list written
 * as one text, a comma inside a flow mapping, an alias, very large amounts.
 */
import { describe, expect, it } from 'vitest';
import { CH, put, remove, rows, sub, variant } from './variant.js';
import { formatNumber } from '../../src/load/numbers.js';

const message = async (edits: Parameters<typeof variant>[0], rule: string) =>
  (await variant(edits)).report.diagnostics.find((d) => d.rule === rule)!;

describe('messages for confusing input', () => {
  it('a second YAML document in a YAML chapter', async () => {
    const d = await message(
      [remove(CH[1]), put('01-bakgrund.yaml', 'startad: 2012\ninitiativtagare: [Storviks kommun]\n---\ntext: |\n  # Bakgrund\n')],
      'fil/syntax',
    );
    expect(d.message).toContain('mer än ett YAML-dokument');
    expect(`${d.line}:${d.column}`).toBe('3:1');
  });

  it('a date that is not in the calendar', async () => {
    const d = await message(sub(CH[3], 'bildad: 2016-03-01', 'bildad: 2015-02-29'), 'schema/fel-format');
    expect(d.message).toBe('`bildad` är ”2015-02-29”, ett datum som inte finns i kalendern. Rätta dag eller månad.');
  });

  it('one field written with and without å ä ö', async () => {
    const { report } = await variant(sub(CH[5], /^affärsidé: /m, 'affarside: Samverkan.\naffärsidé: '));
    const d = report.diagnostics.find((x) => x.rule === 'schema/dubbel-nyckel')!;
    expect(d.message).toBe('`affärsidé` är samma fält som `affarside`, som redan står ovanför. Behåll ett av dem.');
  });

  it('several values written as one text where a value is expected', async () => {
    const d = await message(sub(CH[8], /målgrupp: invånare/, 'målgrupp: invånare, företag'), 'schema/okant-varde');
    expect(d.message).toContain('skriv dem som en lista: [invånare, företag]');
  });

  it('a comma in a title inside { }', async () => {
    const { report } = await variant(
      sub(CH[3], /^karta: .*$/m, 'karta: { fil: bilagor/karta-arbetsomrade.png, titel: Karta, arbetsområdet 2026 }'),
    );
    expect(rows(report)).toEqual(['warning schema/okant-falt 03-organisation.md:77:61 /karta/arbetsområdet 2026']);
    expect(report.diagnostics[0]!.message).toContain('troligen slutet av `titel`');
    expect(report.diagnostics[0]!.message).toContain('`titel: "Karta, arbetsområdet 2026"`');
  });

  it('a goal copied with an alias: the duplicate id points at the alias', async () => {
    const { report } = await variant([
      sub(CH[6], /^ {2}- id: M1\n/m, '  - &m1\n    id: M1\n'),
      sub(CH[6], /^strategier:\n/m, '  - *m1\nstrategier:\n'),
    ]);
    expect(rows(report)).toEqual(['error id/dubblett 06-mal-och-strategi.md:33:5 /mål/5/id']);
  });

  it('prose under `text` in a YAML chapter that is a list, not a block: its type, not "no prose"', async () => {
    const { report } = await variant([
      remove(CH[1]),
      put('01-bakgrund.yaml', 'startad: 2012\ninitiativtagare: [Storviks kommun]\ntext:\n  - rad ett\n  - rad två\n'),
    ]);
    expect(rows(report)).toEqual(['error schema/fel-typ 01-bakgrund.yaml:4:3 /text']);
  });

  it('a `text` key in the front matter of a Markdown chapter is not read, and says so', async () => {
    const { report } = await variant(sub(CH[1], 'startad: 2012', 'startad: 2012\ntext: |\n  Samverkan startade 2012.'));
    expect(rows(report)).toEqual(['warning schema/okant-falt 01-bakgrund.md:3:1 /text']);
    expect(report.diagnostics[0]!.message).toContain('står löptexten under front matter');
  });

  it('an amount beyond 10^21 is written out, not as an exponent', () => {
    expect(formatNumber(1e21)).toBe('1 000 000 000 000 000 000 000');
  });
});
