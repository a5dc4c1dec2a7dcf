/**
 * `qm pdf examples/storvik`: the complete example as the certifier receives it, read back with
 * poppler and qpdf.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHAPTER_TITLES } from '../../src/i18n/index.js';
import { FIXTURES, ROOT, copyExample, qm, tempDir } from '../helpers/app.js';
import {
  compile,
  flat,
  info,
  inkPerPage,
  layoutText,
  links,
  objects,
  outline,
  outlineTree,
  pageBoxes,
  pageCount,
  pageTexts,
} from './tools.js';

const STORVIK = join(FIXTURES, 'storvik');

/** Pages of every file under bilagor/, read with pdfinfo (all of them are referenced). */
async function attachmentPages(): Promise<{ file: string; pages: number }[]> {
  const out: { file: string; pages: number }[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push({ file: p, pages: e.name.endsWith('.pdf') ? await pageCount(p) : 1 });
    }
  };
  await walk(join(STORVIK, 'bilagor'));
  return out;
}

describe('qm pdf examples/storvik', () => {
  let file: string;
  let stdout: string;
  let stderr: string;
  let texts: string[];

  beforeAll(async () => {
    const dir = await tempDir();
    file = join(dir, 'storvik.pdf');
    const res = await compile([STORVIK], file);
    expect(res.code, res.stderr).toBe(0);
    stdout = res.stdout;
    stderr = res.stderr;
    texts = await pageTexts(file);
  }, 120_000);

  it('says what it wrote, and shows no progress when stderr is not a terminal (cli.md)', () => {
    expect(stdout).toBe(`Skrev ${file}: ${texts.length} sidor, 18 bilagor.\n`);
    expect(stderr).toBe('');
  });

  it('has cover + contents + chapters + list of attachments + every attachment page', async () => {
    const attachments = await attachmentPages();
    expect(attachments).toHaveLength(18);
    const first = texts.findIndex((t) => t.startsWith('1 Bakgrund')) + 1;
    const list = texts.findIndex((t) => t.startsWith('Bilagor\nBilagorna är numrerade')) + 1;
    expect(first).toBe(3);
    const chapterPages = list - first;
    expect(chapterPages).toBeGreaterThanOrEqual(9);
    expect(await pageCount(file)).toBe(1 + 1 + chapterPages + 1 + attachments.reduce((s, a) => s + a.pages, 0));
  });

  it('prints "Sida N av M" on every page but the cover', () => {
    const n = texts.length;
    expect(texts[0]).not.toContain('Sida 1 av');
    texts.slice(1).forEach((t, i) => expect(t, `page ${i + 2}`).toContain(`Sida ${i + 2} av ${n}`));
  });

  it('starts each chapter on a page of its own with its number and title', () => {
    for (let c = 1; c <= 9; c++) {
      const heading = `${c} ${CHAPTER_TITLES[c - 1]}`;
      expect(
        texts.some((t) => t.startsWith(`${heading}\n`)),
        heading,
      ).toBe(true);
    }
  });

  it('nests the bookmarks: cover, contents, the chapters, then Bilagor with the attachments under their chapters', async () => {
    const tree = await outlineTree(file);
    expect(tree.map((i) => i.title)).toEqual(['Försättsblad', 'Innehåll', ...CHAPTER_TITLES.map((t, i) => `${i + 1} ${t}`), 'Bilagor']);
    expect(tree.slice(0, -1).every((i) => i.kids.length === 0)).toBe(true);
    expect(tree[0]!.page).toBe(1);
    expect(tree[1]!.page).toBe(2);
    const bilagor = tree[tree.length - 1]!;
    expect(texts[bilagor.page - 1]!.startsWith('Bilagor\n')).toBe(true);
    const groups = bilagor.kids.map((g) => [g.title, g.kids.map((k) => k.title)]);
    expect(groups).toEqual([
      ['2 Nuläge', ['Bilaga 2.1 – Nulägesanalys och SWOT 2026']],
      ['3 Organisation', ['Bilaga 3.1 – Organisationsmatris', 'Bilaga 3.2 – Karta över arbetsområdet']],
      [
        '4 Finansiering',
        [
          'Bilaga 4.1 – Samverkansavtal med Storviks kommun 2026–2029',
          'Bilaga 4.2 – Avtal med Fastighetsägarna i Storviks centrum',
          'Bilaga 4.3 – Protokoll från styrelsemöte 2025-12-04, § 2 Budget 2026',
        ],
      ],
      ['5 Vision och affärsidé', ['Bilaga 5.1 – Vision och affärsidé 2026–2029']],
      ['6 Mål och strategi', ['Bilaga 6.1 – Översiktsplan för Storviks centrum', 'Bilaga 6.2 – Mål och strategier']],
      [
        '7 Verksamhetsplan',
        [
          'Bilaga 7.1 – Flerårig verksamhetsplan 2026–2029',
          'Bilaga 7.2 – Detaljerad plan för föregående år',
          'Bilaga 7.3 – Verksamhetsplan 2026',
        ],
      ],
      [
        '8 Utveckling, indikatorer och resultatuppföljning',
        [
          'Bilaga 8.1 – Centrumundersökningen 2026',
          'Bilaga 8.2 – Storgatan före, september 2023',
          'Bilaga 8.3 – Storgatan efter, september 2026',
        ],
      ],
      [
        '9 Kommunikation och dialog',
        [
          'Bilaga 9.1 – Centrumbrevet, september 2026',
          'Bilaga 9.2 – Underlag: Medborgardialog om Stortorget',
          'Bilaga 9.3 – Pressklipp 2026',
        ],
      ],
    ]);
    for (const group of bilagor.kids) {
      // A chapter's item opens its first attachment; each attachment opens the page that shows it.
      expect(group.page, group.title).toBe(group.kids[0]!.page);
      for (const item of group.kids) expect(texts[item.page - 1], item.title).toContain(item.title);
    }
    for (const item of tree.slice(2, 11)) expect(texts[item.page - 1]!.startsWith(item.title), item.title).toBe(true);
  });

  it('lists every chapter and attachment in the table of contents with the page it starts on', async () => {
    const toc = texts[1]!;
    expect(toc.startsWith('Innehåll')).toBe(true);
    const tree = await outlineTree(file);
    const chapters = tree.slice(2, 11);
    const attachments = tree[11]!.kids.flatMap((g) => g.kids);
    for (const item of [...chapters, ...attachments]) expect(toc, item.title).toContain(item.title);
    // Page numbers are right-aligned in their own column; they come out in the order of the entries.
    const numbers = [...toc.matchAll(/^(\d+)$/gm)].map((m) => Number(m[1]));
    const list = texts.findIndex((t) => t.startsWith('Bilagor\nBilagorna är numrerade')) + 1;
    expect(numbers).toEqual([...chapters.map((i) => i.page), list, ...attachments.map((i) => i.page)]);
  });

  it('links the contents to the chapters and attachments, and the prose to the web', async () => {
    const all = await links(file);
    const internal = new Set(all.flatMap((l) => (l.dest ? [l.dest] : [])));
    for (let c = 1; c <= 9; c++) expect(internal.has(`kapitel-${c}`), `kapitel-${c}`).toBe(true);
    expect(internal.has('bilaga-3-1')).toBe(true);
    const uris = all.flatMap((l) => (l.uri ? [l.uri] : []));
    expect(uris).toContain('https://www.svenskastadskarnor.se/');
    expect(uris).toContain('https://www.storvikscentrum.se/om-oss/stadgar');
    expect(uris).toContain('mailto:karin.lindqvist@storvikscentrum.se');
  });

  it('carries the metadata: title, author, subject, keywords, creator with the version, the reference date, sv-SE', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const meta = await info(file);
    expect(meta.Title).toBe('Ansökan om Quality Mark – Centrumsamverkan Storvik');
    expect(meta.Author).toBe('Centrumsamverkan Storvik');
    expect(meta.Subject).toBe('Ansökan om Quality Mark (Svenska Stadskärnor) – Storviks kommun');
    expect(meta.Keywords).toBe('Quality Mark, Svenska Stadskärnor, Storviks kommun, Centrumsamverkan Storvik');
    expect(meta.Creator).toBe(`qm ${pkg.version}`);
    expect(meta.CreationDate).toMatch(/Nov 15 00:00:00 2026 UTC/);
    expect(meta.ModDate).toMatch(/Nov 15 00:00:00 2026 UTC/);
    const catalog = Object.values(await objects(file)).find((o) => o.value?.['/Type'] === '/Catalog')!;
    expect(catalog.value!['/Lang']).toBe('u:sv-SE');
  });

  it('typesets the prose: headings, lists, tables, quotes, bold and italic runs, as searchable text', () => {
    const all = flat(texts.join(' '));
    expect(all).toContain('Centrumsamverkan Storvik är en ideell förening som bildades den 1 mars 2016.');
    expect(all).toContain('Storviks centrum är Norrmarks mest levande mötesplats – ett tryggt och grönt centrum längs Storån');
    expect(all).toContain('Nyckeltal 2023 2024 2025 Vakansgrad i bottenvåningar 11,4 % 10,1 % 8,7 %');
    expect(all).toContain('3. Styrelsen beslutar; större frågor stäms av med kommunstyrelsen.');
  });

  it('sets each chapter’s facts as tables: shares with their sum, the public/private split, goals with horizons, indicators by year', async () => {
    // Laid out as on the page, a table row starts on one line.
    const rows = (await layoutText(file)).split('\n').map((l) => l.trim().replace(/\s+/g, ' '));
    for (const row of [
      'Storviks kommun offentlig 40 %',
      'Summa 100 %',
      'Fördelning Offentligt 1 950 000 kr (50 %) · Privat 1 950 000 kr (50 %)',
      'Period 2026–2029 (4 år)',
      'I6 Fotgängare på Storgatan M2 48 200 50 100 53 900 56 400',
    ]) {
      expect(rows, row).toContain(row);
    }
    // Goal values keep their units; a sustainability goal carries the tag under its text.
    const m4 = rows.findIndex((r) => /^M4 Minst 60 % av besöken i centrum ska .* 2032 lång \(6 år\) 41 % 60 %$/.test(r));
    expect(m4).toBeGreaterThan(-1);
    expect(rows.slice(m4 + 1, m4 + 3)).toContain('Hållbarhetsmål');
    const m5 = rows.findIndex((r) => /^M5 Antalet boende .* 2035 lång \(9 år\) 3 412 3 900$/.test(r));
    expect(rows[m5 + 1]).toMatch(/personer\. personer personer$/);
  });

  it('keeps each attachment page’s size and puts its label and page number above the content', async () => {
    const boxes = await pageBoxes(file);
    const items = await outline(file);
    const karta = items.find((i) => i.title === 'Bilaga 3.2 – Karta över arbetsområdet')!;
    // An 800 × 560 image goes on a landscape A4 page, with its caption.
    expect(boxes[karta.page - 1]).toEqual({ width: 841.89, height: 595.28, rotation: 0 });
    expect(texts[karta.page - 1]).toContain('Bilaga 3.2 – Karta över arbetsområdet');
    const matris = items.find((i) => i.title === 'Bilaga 3.1 – Organisationsmatris')!;
    expect(boxes[matris.page - 1]).toEqual({ width: 595.28, height: 841.89, rotation: 0 });
    const lines = texts[matris.page - 1]!.split('\n').filter(Boolean);
    expect(lines[0]).toBe('Bilaga 3.1 – Organisationsmatris');
    expect(texts[matris.page - 1]).toContain('Aktörer och ägarfördelning');
  });

  it('has ink on every page, below the label band and above the footer', async () => {
    const ink = await inkPerPage(file, { top: 30, bottom: 50 });
    expect(ink).toHaveLength(texts.length);
    ink.forEach((n, i) => expect(n, `page ${i + 1}`).toBeGreaterThan(10));
  });

  it('is byte-identical when built again: from a copy of the folder, in another time zone, under its default name', async () => {
    const copy = await copyExample('storvik');
    const cwd = await tempDir();
    const res = await qm(['pdf', copy], { cwd, env: { TZ: 'America/New_York' } });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(`Skrev storvik.pdf: ${texts.length} sidor, 18 bilagor.\n`);
    expect((await readFile(join(cwd, 'storvik.pdf'))).equals(await readFile(file))).toBe(true);
  }, 60_000);
});
