/**
 * "Written as people write" (format.md): each leniency read as the data it means, with no
 * diagnostic where it is fine and the right one where format.md asks for one.
 */
import { describe, expect, it } from 'vitest';
import { loadApplication } from '../../src/load/folder.js';
import type { Json, JsonObject } from '../../src/model/types.js';
import { CH, addParagraph, faults, rows, set, sub, variant, type Edit } from '../rules/variant.js';
import { copyExample } from '../helpers/app.js';

/** The data qm reads from storvik after the edits: ansokan.yaml (0) or a chapter (1–9). */
async function data(n: number, edits: Edit[] = []): Promise<JsonObject> {
  const dir = await copyExample('storvik');
  for (const e of edits) await e(dir);
  const { app } = await loadApplication(dir);
  return n === 0 ? app.meta.data : app.chapter(n)!.data;
}

const at = (v: Json | undefined, ...path: (string | number)[]): Json | undefined =>
  path.reduce<Json | undefined>((x, k) => (x && typeof x === 'object' ? (x as Record<string, Json>)[k as string] : undefined), v);

describe('numbers written the Swedish way', () => {
  it('reads `3 900 000 kr`, `585 000`, `40 %` and `11,4`', async () => {
    const ch4 = await data(4);
    expect(ch4.budget).toBe(3_900_000);
    expect(at(ch4, 'finansiärer', 2, 'belopp')).toBe(585_000);
    expect(at(await data(3), 'aktörer', 0, 'andel')).toBe(40);
    expect(at(await data(8), 'indikatorer', 0, 'värden', '2023')).toBe(11.4);
  });

  it('reads no-break and narrow no-break spaces as thousands separators, and SEK', async () => {
    const ch4 = await data(4, [
      sub(CH[4], 'budget: 3 900 000 kr', 'budget: 3\u00a0900\u00a0000 SEK'),
      sub(CH[4], 'belopp: 585 000', 'belopp: 585\u202f000 kr'),
    ]);
    expect(ch4.budget).toBe(3_900_000);
    expect(at(ch4, 'finansiärer', 2, 'belopp')).toBe(585_000);
  });

  it('reads `4,52` as 4.52 and passes the check', async () => {
    const edit = sub(CH[8], '2023: 11,4', '2023: 4,52');
    expect(at(await data(8, [edit]), 'indikatorer', 0, 'värden', '2023')).toBe(4.52);
    expect(await faults(edit)).toEqual([]);
  });

  it('reports `{2023: 4,52}`, which YAML splits at the comma, as schema/decimalkomma and reads the mended value', async () => {
    const edit = sub(
      CH[8],
      /värden:\n {6}2023: 11,4\n {6}2024: 10,1\n {6}2025: 8,7\n {6}2026: 7,9/,
      'värden: {2023: 11,4, 2024: 10,1, 2025: 8,7, 2026: 7,9}',
    );
    const { report } = await variant(edit);
    expect(rows(report)).toEqual(['error schema/decimalkomma 08-uppfoljning.md:9:13 /indikatorer/0/värden']);
    expect(report.diagnostics[0]!.message).toContain('ett värde per rad');
    expect(at(await data(8, [edit]), 'indikatorer', 0, 'värden')).toEqual({ 2023: 11.4, 2024: 10.1, 2025: 8.7, 2026: 7.9 });
  });

  it.each([
    [
      'the same decimals twice (two keys `5`, not a repeated key)',
      '{2023: 11,5, 2024: 10,5, 2025: 8,7, 2026: 7,9}',
      { 2023: 11.5, 2024: 10.5, 2025: 8.7, 2026: 7.9 },
    ],
    [
      'thousands spaces',
      '{2023: 48 200,5, 2024: 50 100, 2025: 51 000, 2026: 52 000}',
      { 2023: 48200.5, 2024: 50100, 2025: 51000, 2026: 52000 },
    ],
    ['a unit', '{2023: 11,4 %, 2024: 10, 2025: 9, 2026: 8}', { 2023: 11.4, 2024: 10, 2025: 9, 2026: 8 }],
    ['a space after the comma', '{2023: 11, 4, 2024: 10, 2025: 9, 2026: 8}', { 2023: 11.4, 2024: 10, 2025: 9, 2026: 8 }],
  ])('reports a decimal comma split in a flow mapping with %s as schema/decimalkomma', async (_what, written, mended) => {
    const edit = sub(CH[8], /värden:\n {6}2023: 11,4\n {6}2024: 10,1\n {6}2025: 8,7\n {6}2026: 7,9/, `värden: ${written}`);
    expect(rows((await variant(edit)).report)).toEqual(['error schema/decimalkomma 08-uppfoljning.md:9:13 /indikatorer/0/värden']);
    expect(at(await data(8, [edit]), 'indikatorer', 0, 'värden')).toEqual(mended);
  });

  it('accepts integers in a flow mapping', async () => {
    expect(
      await faults(
        sub(CH[8], /värden:\n {6}2023: 58\n {6}2024: 61\n {6}2025: 66\n {6}2026: 69/, 'värden: {2023: 58, 2024: 61, 2025: 66, 2026: 69}'),
      ),
    ).toEqual([]);
  });
});

describe('text kept as written', () => {
  it('keeps `telefon: 0611345200` and an unquoted organisation number as text', async () => {
    const meta = await data(0, [sub('ansokan.yaml', '802439-4630', '8024394630')]);
    expect(at(meta, 'kontakt', 'telefon')).toBe('0611345200');
    expect(meta.organisationsnummer).toBe('8024394630');
    expect(await faults(sub('ansokan.yaml', '802439-4630', '8024394630'))).toEqual([]);
  });

  it('keeps a number where text is wanted (`personal: 3`) and a name that looks like a number', async () => {
    expect(
      await faults([sub(CH[3], 'personal: 2,5 årsarbetskrafter', 'personal: 3'), sub(CH[9], 'namn: Lokala medier', 'namn: 1177')]),
    ).toEqual([]);
  });
});

describe('yes and no', () => {
  it('reads ja, JA, nej, true and false as booleans', async () => {
    const ch6 = await data(6, [sub(CH[6], 'hållbarhet: ja', 'hållbarhet: JA'), sub(CH[6], 'hållbarhet: true', 'hållbarhet: Nej')]);
    expect(at(ch6, 'mål', 3, 'hållbarhet')).toBe(true);
    expect(at(ch6, 'mål', 4, 'hållbarhet')).toBe(false);
  });
});

describe('a single value for a list', () => {
  it('reads `målgrupp: intressenter` as [intressenter] and `mål: M4` as [M4]', async () => {
    expect(at(await data(9), 'kanaler', 0, 'målgrupp')).toEqual(['intressenter']);
    expect(at(await data(6), 'strategier', 2, 'mål')).toEqual(['M4']);
  });
});

describe('keys without å ä ö', () => {
  it('reads `affarside` as `affärsidé`, with an info suggesting the spelling, and no k5/affarside', async () => {
    const edit = sub(CH[5], 'affärsidé:', 'affarside:');
    const { report } = await variant(edit);
    expect(rows(report)).toEqual(['info schema/ascii-nyckel 05-vision.md:3:1 /affärsidé']);
    expect(report.diagnostics[0]!.message).toBe('`affarside` läses som `affärsidé`. Skriv gärna `affärsidé` med å, ä, ö.');
    expect(typeof (await data(5, [edit]))['affärsidé']).toBe('string');
  });

  it('reads `motesfrekvens` and `malgrupp` the same way', async () => {
    expect(
      await faults([
        sub(CH[3], 'mötesfrekvens: sex gånger per år', 'motesfrekvens: sex gånger per år'),
        sub(CH[8], 'målgrupp: besökare\n    enhet: procent', 'malgrupp: besökare\n    enhet: procent'),
      ]),
    ).toEqual([
      'info schema/ascii-nyckel 03-organisation.md:32:5 /grupper/0/mötesfrekvens',
      'info schema/ascii-nyckel 08-uppfoljning.md:26:5 /indikatorer/2/målgrupp',
    ]);
  });

  it('calls any other unknown key schema/okant-falt with the closest known key', async () => {
    const { report } = await variant(
      sub(CH[3], 'organisationsform: ideell förening', 'organisationsform: ideell förening\norganisationsnumer: 802439-4630'),
    );
    expect(rows(report)).toEqual(['warning schema/okant-falt 03-organisation.md:4:1 /organisationsnumer']);
    expect(report.diagnostics[0]!.message).toBe('Okänt fält `organisationsnumer` — menade du `organisationsform`?');
  });

  it('suggests the field a shortened key starts, and the usual other word for a field', async () => {
    // A required field misspelt: one diagnostic, the field's own rule, at the typo, naming both.
    const short = await variant(sub(CH[7], /^samverkansprocess:/m, 'samverkan:'));
    expect(rows(short.report)).toEqual(['error k7/samverkansprocess 07-verksamhetsplan.md:57:1 /samverkansprocess']);
    expect(short.report.diagnostics[0]!.message).toContain('Här står `samverkan`, troligen en felstavning: skriv `samverkansprocess`.');
    const mobil = await variant(sub('ansokan.yaml', '  telefon:', '  mobil:'));
    expect(rows(mobil.report)).toEqual(['warning schema/okant-falt ansokan.yaml:8:3 /kontakt/mobil']);
    expect(mobil.report.diagnostics[0]!.message).toBe('Okänt fält `mobil` — menade du `telefon`?');
  });

  it('lists the fields that may stand there when no key is close', async () => {
    const { report } = await variant(sub('ansokan.yaml', '  telefon:', '  xyzzy:'));
    expect(report.diagnostics[0]!.message).toBe('Okänt fält `xyzzy`; det läses inte. Fälten som kan stå här: namn, epost, telefon.');
  });

  it('reads only a key without å ä ö as the Swedish key: another case or other marks are unknown keys', async () => {
    // `Karta:` and `kartä:` are not `karta`: the map is missing, said once at the key written,
    // and the file it names is not also unreferenced.
    const upper = await variant(sub(CH[3], /^karta:/m, 'Karta:'));
    expect(rows(upper.report)).toEqual(['error k3/karta 03-organisation.md:77:1 /karta']);
    expect(upper.report.diagnostics[0]!.message).toContain('Här står `Karta`, troligen en felstavning: skriv `karta`.');
    const marks = await variant(sub(CH[3], /^karta:/m, 'kartä:'));
    expect(rows(marks.report)).toEqual(['error k3/karta 03-organisation.md:77:1 /karta']);
    expect(marks.report.diagnostics[0]!.message).toBe(
      'Kartan saknas. Bifoga en karta som visar det geografiskt avgränsade arbetsområdet och ange den i `karta`. ' +
        'Här står `kartä`, troligen en felstavning: skriv `karta`.',
    );
  });

  it('an optional field misspelt stays a warning with the field suggested (nothing is missing)', async () => {
    const { report } = await variant(sub(CH[3], /^personal:/m, 'persnal:'));
    expect(rows(report)).toEqual(['warning schema/okant-falt 03-organisation.md:16:1 /persnal']);
    expect(report.diagnostics[0]!.message).toBe('Okänt fält `persnal` — menade du `personal`?');
  });
});

describe('characters that take no space on screen', () => {
  it('reads a key or value with a zero-width space or soft hyphen as without, and one of only those as empty', async () => {
    const edits = [
      sub(CH[3], 'organisationsform:', 'organisations\u00adform:'),
      sub(CH[3], 'sektor: offentlig', 'sektor: offentlig\u200b'),
      sub(CH[5], /^vision: .*$/m, 'vision: "\u200b"'),
    ];
    expect(await faults(edits)).toEqual(['error k5/vision 05-vision.md:2:9 /vision']);
  });
});

describe('template placeholders', () => {
  it('count a quoted placeholder as a missing value that only text/platshallare reports', async () => {
    expect(await faults(sub(CH[6], /^förankring: .*$/m, 'förankring: "[FYLL I: hur målen är förankrade]"'))).toEqual([
      'error text/platshallare 06-mal-och-strategi.md:45:13 /förankring',
    ]);
  });

  it('recognise the unquoted form', async () => {
    expect(await faults(sub(CH[6], /^förankring: .*$/m, 'förankring: [FYLL I: hur målen är förankrade]'))).toEqual([
      'error text/platshallare 06-mal-och-strategi.md:45:13 /förankring',
    ]);
  });

  it('recognise the unquoted form when the guidance holds a comma (YAML splits it into more items)', async () => {
    expect(
      await faults(sub(CH[6], /^förankring: .*$/m, 'förankring: [FYLL I: hur målen är förankrade, t.ex. beslut i styrelsen 2025]')),
    ).toEqual(['error text/platshallare 06-mal-och-strategi.md:45:13 /förankring']);
    expect(await faults(sub(CH[1], /^startad: .*$/m, 'startad: [FYLL I: år eller datum då samverkan startade, t.ex. 2012]'))).toEqual([
      'error text/platshallare 01-bakgrund.md:2:10 /startad',
    ]);
  });

  it('a placeholder first in a list of attachments does not hide the real ones after it', async () => {
    const edit = sub(CH[2], /^bilagor:\n/m, 'bilagor:\n  - "[FYLL I: bilaga]"\n  - bilagor/finns-inte.pdf\n');
    expect(await faults(edit)).toEqual([
      'error text/platshallare 02-nulage.md:20:5 /bilagor/0',
      'error bilaga/saknas 02-nulage.md:21:5 /bilagor/1',
    ]);
  });

  it('silence the rules of the object that holds them (a whole action left as a placeholder)', async () => {
    expect(await faults(set(CH[7], ['åtgärder', 5, 'ansvarig'], '[FYLL I: vem ansvarar?]'))).toEqual([
      'error text/platshallare 07-verksamhetsplan.md:53:15 /åtgärder/5/ansvarig',
    ]);
  });
});

describe('HTML comments are not prose', () => {
  it('ignores TODO, placeholders and personal numbers in a comment, and does not count its words', async () => {
    expect(await faults(addParagraph(CH[2], '<!--\nTODO: skriv om utmaningarna. [FYLL I: nuläge]\nKontakt 811218-9876\n-->'))).toEqual([]);
  });
});
