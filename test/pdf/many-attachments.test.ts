/**
 * An application with many attachments, built the way large ones are: each PDF's pages put in
 * and written at once, each JPEG's bytes copied from its file into the output, the band of each
 * attachment page drawn as it is put in, the UTKAST mark of a draft shared by the pages. What a
 * reader sees must be what the typesetter planned: every page, every bookmark, "Sida N av M",
 * every photo byte for byte and once, the same bytes from the worker and from the sources.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePdf } from '../../src/pdf/index.js';
import { copyExample, replace, setField, tempDir, write } from '../helpers/app.js';
import { compile, flat, inkPerPage, makePdf, firstPages, outline, pageBoxes, pageTexts, render, type PageSpec } from './tools.js';

const PDFS = 12;
/** Each PDF: an A4 page, a landscape A3 page and a Letter page turned a quarter. */
const pagesOf = (k: number): PageSpec[] => [
  { width: 595.28, height: 841.89, text: `Underlag ${k} – sida 1 – åäö` },
  { width: 1190.55, height: 841.89, text: `Underlag ${k} – sida 2 – liggande` },
  { width: 612, height: 792, rotate: 90, text: `Underlag ${k} – sida 3 – vriden` },
];

/**
 * A JPEG with `segments` application segments of 60 000 bytes (ICC profiles, thumbnails), after
 * its start or after its frame header (the check finds the image's size either way).
 */
function withBigHeader(jpeg: Buffer, segments: number, where: 'start' | 'after-frame'): Buffer {
  let at = 2;
  if (where === 'after-frame') {
    while (!(jpeg[at + 1]! >= 0xc0 && jpeg[at + 1]! <= 0xc2)) at += 2 + jpeg.readUInt16BE(at + 2);
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  const parts = [jpeg.subarray(0, at)];
  for (let i = 0; i < segments; i++) {
    const seg = Buffer.alloc(4 + 60_000, i % 251);
    seg.writeUInt16BE(0xffe2, 0);
    seg.writeUInt16BE(60_002, 2);
    parts.push(seg);
  }
  parts.push(jpeg.subarray(at));
  return Buffer.concat(parts);
}

/** Pixels a little darker than white: where the translucent UTKAST lies on an empty part. */
function tinted(img: { pixels: Buffer }): number {
  let n = 0;
  for (const p of img.pixels) if (p > 200 && p < 248) n++;
  return n;
}

describe('an application with many attachments', () => {
  let app: string;
  let out: string;
  let texts: string[];
  let pages: Map<string, number>;
  const photos: Record<string, Buffer> = {};

  beforeAll(async () => {
    app = await copyExample();
    const refs: (string | { fil: string; titel: string })[] = [
      { fil: 'bilagor/nulagesanalys-2026.pdf', titel: 'Nulägesanalys och SWOT 2026' },
    ];
    for (let k = 1; k <= PDFS; k++) {
      await write(app, `bilagor/underlag-${k}.pdf`, await makePdf(pagesOf(k)));
      refs.push({ fil: `bilagor/underlag-${k}.pdf`, titel: `Underlag ${k}` });
    }
    const photo = await readFile(join(app, 'bilagor', 'foton', 'storgatan-fore-2023.jpg'));
    // A header larger than qm's first read, and one too large to be read as a header at all
    // (typeset from the file as it is).
    photos['stort-huvud'] = withBigHeader(photo, 3, 'start');
    photos['jattehuvud'] = withBigHeader(photo, 140, 'after-frame');
    for (const [name, bytes] of Object.entries(photos)) {
      await write(app, `bilagor/${name}.jpg`, bytes);
      refs.push({ fil: `bilagor/${name}.jpg`, titel: `Foto ${name}` });
    }
    await setField(app, '02-nulage.md', ['bilagor'], refs);
    // The photo of attachment 8.2 is also shown in the prose: it goes into the file once.
    await replace(
      app,
      '08-uppfoljning.md',
      'Fotografierna från Storgatan',
      '![Storgatan 2023](bilagor/foton/storgatan-fore-2023.jpg)\n\nFotografierna från Storgatan',
    );
    photos['fore'] = photo;
    out = join(await tempDir(), 'manga.pdf');
    const res = await compile([app], out);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    texts = await pageTexts(out);
    pages = firstPages(await outline(out));
  }, 180_000);

  it('has every page of every attachment, each with its size and rotation, in order', async () => {
    const boxes = await pageBoxes(out);
    for (let k = 1; k <= PDFS; k++) {
      const first = pages.get(`Bilaga 2.${k + 1} – Underlag ${k}`)!;
      expect(boxes.slice(first - 1, first + 2)).toEqual(
        pagesOf(k).map((p) => ({ width: p.width, height: p.height, rotation: p.rotate ?? 0 })),
      );
      pagesOf(k).forEach((p, i) => expect(flat(texts[first - 1 + i]!)).toContain(p.text));
      if (k < PDFS) expect(pages.get(`Bilaga 2.${k + 2} – Underlag ${k + 1}`)).toBe(first + 3);
    }
  });

  it('puts the band with the label and "Sida N av M" on every attachment page, and the number on every page', () => {
    // The cover has no footer; every other page its number, counting pages only merged, not typeset.
    texts.slice(1).forEach((t, i) => expect(t, `page ${i + 2}`).toContain(`Sida ${i + 2} av ${texts.length}`));
    for (let k = 1; k <= PDFS; k++) {
      const first = pages.get(`Bilaga 2.${k + 1} – Underlag ${k}`)!;
      for (let i = 0; i < 3; i++)
        expect(texts[first - 1 + i]!.split('\n')[0], `Underlag ${k}, page ${i + 1}`).toBe(`Bilaga 2.${k + 1} – Underlag ${k}`);
    }
  });

  it('embeds every photo byte for byte, once, whatever the size of its header', async () => {
    const bytes = await readFile(out);
    for (const [name, photo] of Object.entries(photos)) {
      const at = bytes.indexOf(photo);
      expect(at, name).toBeGreaterThan(0);
      expect(bytes.indexOf(photo, at + 1), name).toBe(-1);
    }
    const ink = await inkPerPage(out, { top: 40, bottom: 60 });
    for (const name of ['stort-huvud', 'jattehuvud'])
      expect(ink[pages.get(`Bilaga 2.${PDFS + (name === 'stort-huvud' ? 2 : 3)} – Foto ${name}`)! - 1], name).toBeGreaterThan(1000);
  });

  it('gives the same bytes from the sources (the job in this thread) as from the built qm', async () => {
    const again = join(await tempDir(), 'igen.pdf');
    await compilePdf(app, { output: again });
    expect((await readFile(again)).equals(await readFile(out))).toBe(true);
  }, 120_000);

  it('marks a draft with UTKAST across the typeset pages and the attachment pages', async () => {
    const draft = join(await tempDir(), 'utkast.pdf');
    const res = await compile([app, '--draft'], draft);
    expect(res.code, res.stderr).toBe(0);
    const draftTexts = await pageTexts(draft);
    expect(draftTexts).toHaveLength(texts.length);
    draftTexts.forEach((t, i) => expect(t, `page ${i + 1}`).toContain('UTKAST'));
    // The table of contents (typeset), an attachment page, and a landscape attachment page.
    const first = pages.get('Bilaga 2.2 – Underlag 1')!;
    for (const n of [2, first, first + 1]) {
      const [plain, marked] = [await render(out, n, 20), await render(draft, n, 20)];
      expect(tinted(marked) - tinted(plain), `page ${n}`).toBeGreaterThan(2000);
    }
  }, 120_000);
});
