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

describe('messages that say what to do (issue: messages that could not be acted on)', () => {
  it('a chapter whose opening --- was deleted: one fil/syntax at line 1 saying where the line belongs', async () => {
    const { report } = await variant(sub(CH[1], /^---\n/, ''));
    expect(rows(report)).toEqual(['error fil/syntax 01-bakgrund.md:1:1 -']);
    expect(report.diagnostics[0]!.message).toBe(
      'Front matter saknar sin första rad ---: fälten (från `startad`) avslutas med --- på rad 6, men ingen rad --- inleder dem. ' +
        'Lägg till en rad med bara --- allra först i filen; kapitlets fält och krav prövas när filen kan läsas.',
    );
  });

  it('a chapter of only prose (no front matter) is read as prose, not as an unopened front matter', async () => {
    const { report } = await variant(sub(CH[1], /^---\n[\s\S]*?\n---\n/, ''));
    expect(rows(report).some((r) => r.includes('fil/syntax'))).toBe(false);
  });

  it('a quote inside a double-quoted value: Swedish, at the quote that ends it, with the line rewritten', async () => {
    const { report } = await variant(sub(CH[5], /^vision: .*$/m, 'vision: "Hjärtum "hjärtat" av Storvik"'));
    expect(rows(report)).toEqual(['error fil/syntax 05-vision.md:2:18 -']);
    expect(report.diagnostics[0]!.message).toBe(
      'Filen kan inte läsas: citattecknet här avslutar värdet som började med " tidigare på raden, så resten av raden blir fel. ' +
        'Skriv citat i texten med ” ”, eller sätt hela värdet inom enkla citattecken (\'…\'): vision: "Hjärtum ”hjärtat” av Storvik"',
    );
    expect(report.diagnostics[0]!.message).not.toMatch(/Unexpected|scalar/);
  });

  it('an apostrophe inside a single-quoted value, in a list item', async () => {
    const { report } = await variant(sub(CH[3], '  - Visit Storvik', "  - 'Storviks 'gamla' torg'"));
    expect(rows(report)).toEqual(['error fil/syntax 03-organisation.md:71:15 -']);
    expect(report.diagnostics[0]!.message).toContain(
      `Sätt värdet inom dubbla citattecken (eller skriv apostrofen två gånger, ''): - "Storviks 'gamla' torg"`,
    );
  });

  it('an amount in words shows the forms of an amount and the value rewritten', async () => {
    const { report } = await variant(sub(CH[4], 'budget: 3 900 000 kr', 'budget: ca 2,6 miljoner kronor'));
    const d = report.diagnostics.find((x) => x.rule === 'schema/fel-typ')!;
    expect(d.message).toBe(
      '`budget` ska vara ett belopp i kronor, t.ex. 2 600 000 kr eller 2,6 Mkr, men är ”ca 2,6 miljoner kronor”. Skriv 2 600 000 kr.',
    );
  });

  it('a date written another way shows it as ÅÅÅÅ-MM-DD', async () => {
    const short = await variant(sub(CH[4], 'datum: 2025-12-04', 'datum: 2025-12-4'));
    expect(rows(short.report)).toEqual(['error schema/fel-format 04-finansiering.md:26:10 /budgetbeslut/datum']);
    expect(short.report.diagnostics[0]!.message).toBe('`datum` ska vara ett datum ÅÅÅÅ-MM-DD, men är ”2025-12-4”. Skriv 2025-12-04.');
    const words = await variant(sub(CH[3], 'bildad: 2016-03-01', 'bildad: 14 mars 2016'));
    expect(words.report.diagnostics[0]!.message).toBe(
      '`bildad` ska vara ett datum ÅÅÅÅ-MM-DD eller ett årtal, men är ”14 mars 2016”. Skriv 2016-03-14.',
    );
    const en = await variant(sub(CH[3], 'bildad: 2016-03-01', 'bildad: 2016-3-14'), { lang: 'en' });
    expect(en.report.diagnostics[0]!.message).toBe('`bildad` must be a date YYYY-MM-DD or a year, but is “2016-3-14”. Write 2016-03-14.');
  });
});
