/**
 * Attachments in the PDF: pages of any size and rotation kept, the label band never over the
 * content, an owner-password PDF merged with its pages visible, a JPEG embedded as it is and
 * turned by its EXIF orientation, a PNG fitted to an A4 page with its caption, and an image
 * shown in the prose.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, replace, setField, tempDir, write } from '../helpers/app.js';
import {
  compile,
  darkPixels,
  flat,
  inkPerPage,
  makePdf,
  makePng,
  firstPages,
  outline,
  pageBoxes,
  pageLinks,
  pageTexts,
  render,
  withExifOrientation,
  words,
  type PageSpec,
} from './tools.js';

/** Pages too small for a band, and as large as PDF allows. */
const EXTREME = [
  { width: 10, height: 10 },
  { width: 14400, height: 14400 },
];

const ODD: PageSpec[] = [
  { width: 612, height: 792, text: 'Sidan 1 – Letter, stående' },
  { width: 1190.55, height: 841.89, text: 'Sidan 2 – A3, liggande' },
  { width: 400, height: 300, rotate: 90, text: 'Sidan 3 – vriden 90°' },
  { width: 300, height: 200, rotate: 270, text: 'Sidan 4 – vriden 270°' },
  { width: 500, height: 400, rotate: 180, text: 'Sidan 5 – vriden 180°' },
];

describe('attachments in the PDF', () => {
  let out: string;
  let texts: string[];
  let stdout: string;
  let pages: Map<string, number>;
  let jpeg: Buffer;

  beforeAll(async () => {
    const app = await copyExample();
    await write(app, 'bilagor/udda-sidor.pdf', await makePdf(ODD, { linkToLastPage: true }));
    await write(
      app,
      'bilagor/skyddad.pdf',
      await makePdf(
        [
          { width: 595.28, height: 841.89, text: 'Skyddad sida 1 – ägarlösenord' },
          { width: 595.28, height: 841.89, text: 'Skyddad sida 2 – ägarlösenord' },
        ],
        { ownerPassword: 'hemligt' },
      ),
    );
    jpeg = withExifOrientation(await readFile(join(app, 'bilagor', 'foton', 'storgatan-efter-2026.jpg')), 6);
    await write(app, 'bilagor/foto-staende.jpg', jpeg);
    await write(app, 'bilagor/diagram.png', makePng(300, 500));
    await write(app, 'bilagor/extrema.pdf', await makePdf(EXTREME.map((p) => ({ ...p, text: 'X' }))));
    await setField(
      app,
      '02-nulage.md',
      ['bilagor'],
      [
        { fil: 'bilagor/nulagesanalys-2026.pdf', titel: 'Nulägesanalys och SWOT 2026' },
        'bilagor/udda-sidor.pdf',
        { fil: 'bilagor/skyddad.pdf', titel: 'Skyddad rapport' },
        { fil: 'bilagor/foto-staende.jpg', titel: 'Stående foto' },
        { fil: 'bilagor/diagram.png', titel: 'Diagram' },
        { fil: 'bilagor/extrema.pdf', titel: 'Extrema sidor' },
      ],
    );
    await replace(
      app,
      '08-uppfoljning.md',
      'Fotografierna från Storgatan',
      '![Storgatan en höstdag 2026](bilagor/foton/storgatan-efter-2026.jpg)\n\nFotografierna från Storgatan',
    );
    out = join(await tempDir(), 'bilagor.pdf');
    const res = await compile([app], out);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    stdout = res.stdout;
    texts = await pageTexts(out);
    pages = firstPages(await outline(out));
  }, 120_000);

  it('numbers them by chapter in the order referenced, titled by `titel` or after the field that holds it', () => {
    expect([...pages.keys()].filter((t) => t.startsWith('Bilaga 2.'))).toEqual([
      'Bilaga 2.1 – Nulägesanalys och SWOT 2026',
      'Bilaga 2.2 – Underlag till Nuläge',
      'Bilaga 2.3 – Skyddad rapport',
      'Bilaga 2.4 – Stående foto',
      'Bilaga 2.5 – Diagram',
      'Bilaga 2.6 – Extrema sidor',
    ]);
    expect(pages.get('Bilaga 3.1 – Organisationsmatris')).toBe(pages.get('Bilaga 2.6 – Extrema sidor')! + EXTREME.length);
  });

  it('keeps every page’s size and rotation', async () => {
    const first = pages.get('Bilaga 2.2 – Underlag till Nuläge')!;
    const boxes = (await pageBoxes(out)).slice(first - 1, first - 1 + ODD.length);
    expect(boxes).toEqual(ODD.map((p) => ({ width: p.width, height: p.height, rotation: p.rotate ?? 0 })));
  });

  it('puts the label and the page number in a band above the content, on every page of the attachment', async () => {
    const first = pages.get('Bilaga 2.2 – Underlag till Nuläge')!;
    for (let i = 0; i < ODD.length; i++) {
      const n = first + i;
      const t = texts[n - 1]!;
      // On narrow pages the label is shortened to fit the band on one line.
      expect(t).toMatch(/Bilaga 2\.2 – Un(derlag till Nuläge|.*…)/);
      expect(t).toContain(`Sida ${n} av ${texts.length}`);
      expect(flat(t)).toContain(ODD[i]!.text);
      // pdftotext reports positions as the page is shown: the band's words are above the content's.
      const ws = await words(out, n);
      const bandBottom = Math.max(...ws.filter((w) => w.word === 'Bilaga' || w.word === 'Sida').map((w) => w.y));
      const contentTop = Math.min(...ws.filter((w) => w.word === 'Sidan').map((w) => w.y));
      expect(contentTop, `page ${n}`).toBeGreaterThan(bandBottom + 8);
    }
  });

  it('keeps pages too small for a band, and pages as large as PDF allows, as they are', async () => {
    const first = pages.get('Bilaga 2.6 – Extrema sidor')!;
    const boxes = (await pageBoxes(out)).slice(first - 1, first - 1 + EXTREME.length);
    expect(boxes).toEqual(EXTREME.map((p) => ({ ...p, rotation: 0 })));
  });

  it('keeps the links inside an attachment: they go to its pages in the PDF', async () => {
    const first = pages.get('Bilaga 2.2 – Underlag till Nuläge')!;
    const all = await pageLinks(out);
    expect(all[first - 1]!.dests).toEqual([all[first - 1 + ODD.length - 1]!.object]);
  });

  it('merges an owner-password PDF: its pages are there, readable and not blank', async () => {
    expect(stdout).toContain('bilaga/skyddad');
    const first = pages.get('Bilaga 2.3 – Skyddad rapport')!;
    expect(flat(texts[first - 1]!)).toContain('Skyddad sida 1 – ägarlösenord');
    expect(flat(texts[first]!)).toContain('Skyddad sida 2 – ägarlösenord');
    const ink = await inkPerPage(out, { top: 30 });
    expect(ink[first - 1]).toBeGreaterThan(100);
    expect(ink[first]).toBeGreaterThan(100);
  });

  it('embeds a JPEG byte for byte and turns it by its EXIF orientation', async () => {
    const bytes = await readFile(out);
    expect(bytes.includes(jpeg)).toBe(true);
    const n = pages.get('Bilaga 2.4 – Stående foto')!;
    expect((await pageBoxes(out))[n - 1]).toEqual({ width: 595.28, height: 841.89, rotation: 0 });
    // The 640 × 400 photo, orientation 6, is shown 400 wide and 640 high: its ink is taller than wide.
    const img = await render(out, n, 20);
    let [x0, x1, y0, y1] = [img.width, 0, img.height, 0];
    const top = Math.ceil((40 * 20) / 72);
    for (let y = top; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        if (img.pixels[y * img.width + x]! < 200) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    expect(y1 - y0).toBeGreaterThan(1.3 * (x1 - x0));
    expect(flat(texts[n - 1]!)).toContain('Bilaga 2.4 – Stående foto');
    expect(texts[n - 1]).not.toContain('bilagor/');
  });

  it('fits a PNG to an A4 page with its caption', async () => {
    const n = pages.get('Bilaga 2.5 – Diagram')!;
    expect((await pageBoxes(out))[n - 1]).toEqual({ width: 595.28, height: 841.89, rotation: 0 });
    expect(flat(texts[n - 1]!)).toContain('Bilaga 2.5 – Diagram');
    expect(texts[n - 1]).not.toContain('bilagor/');
    const img = await render(out, n, 20);
    expect(darkPixels(img, (40 * 20) / 72, (80 * 20) / 72)).toBeGreaterThan(1000);
  });

  it('shows an image of the prose in the chapter, with its alt text as caption', async () => {
    const n = pages.get('8 Utveckling, indikatorer och resultatuppföljning')!;
    const chapter = texts.slice(n - 1, n + 2).join('\n');
    expect(flat(chapter)).toContain('Storgatan en höstdag 2026 Fotografierna från Storgatan 2023 och 2026');
  });
});

describe('an attachment that two chapters name', () => {
  it('keeps its first number, and the later chapter lists it among its attachments', async () => {
    const app = await copyExample();
    await replace(
      app,
      '07-verksamhetsplan.md',
      'flerårig_plan:\n  fil: bilagor/verksamhetsplan-2026-2029.pdf',
      'flerårig_plan:\n  fil: bilagor/mal-och-strategier-2026-2035.pdf',
    );
    await rm(join(app, 'bilagor', 'verksamhetsplan-2026-2029.pdf'));
    const out = join(await tempDir(), 'delad.pdf');
    const res = await compile([app], out);
    expect(res.code, res.stderr).toBe(0);
    const texts = await pageTexts(out);
    const chapter7 = texts.find((t) => t.startsWith('7 Verksamhetsplan'))!;
    const facts = flat(texts.slice(texts.indexOf(chapter7), texts.indexOf(chapter7) + 3).join('\n'));
    expect(facts).toMatch(/Bilagor Bilaga 6\.2 – [^\n]*Bilaga 7\.1/);
    expect(texts.join('\n')).not.toContain('Bilaga 7.3');
  }, 60_000);
});
