/**
 * Nothing the organisation wrote is lost, however long: a table cell, a group's mandate, a SWOT
 * of a hundred points, an image caption and a chapter of tables each longer than a page. (pdfmake
 * drops a block it was told to keep whole when it is taller than a page; qm keeps whole only what
 * fits.)
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, read, replace, setField, tempDir, write } from '../helpers/app.js';
import { compile, pageTexts } from './tools.js';

/** `n` distinct words with a prefix: `ma0001 ma0002 …`. */
const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(4, '0')}`).join(' ');

describe('long texts in the PDF', () => {
  let all: string;

  beforeAll(async () => {
    const app = await copyExample();
    await setField(app, '03-organisation.md', ['grupper', 0, 'mandat'], words('ma', 900));
    await setField(
      app,
      '02-nulage.md',
      ['swot', 'styrkor'],
      Array.from({ length: 120 }, (_, i) => `Styrka ${words(`st${i}x`, 3)}`),
    );
    await setField(app, '06-mal-och-strategi.md', ['förankring'], words('fo', 900));
    await setField(app, '08-uppfoljning.md', ['indikatorer', 0, 'namn'], words('in', 400));
    const text = await read(app, '09-kommunikation.md');
    await write(
      app,
      '09-kommunikation.md',
      `${text}\n| Kanal | Beskrivning |\n|---|---|\n| Lång | ${words('ta', 1200)} |\n| Kort | Ett ord |\n`,
    );
    await replace(
      app,
      '08-uppfoljning.md',
      'Fotografierna från Storgatan',
      `![${words('al', 400)}](bilagor/foton/storgatan-efter-2026.jpg)\n\nFotografierna från Storgatan`,
    );
    const out = join(await tempDir(), 'lang.pdf');
    const res = await compile([app], out);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    all = (await pageTexts(out)).join('\n');
  }, 120_000);

  it.each([
    ['a table cell of the prose', 'ta', 1200],
    ['a group’s mandate', 'ma', 900],
    ['the anchoring of the goals', 'fo', 900],
    ['an indicator’s name', 'in', 400],
    ['an image caption', 'al', 400],
  ])('keeps %s', (_what, prefix, n) => {
    const found = new Set(all.match(new RegExp(`\\b${prefix}\\d{4}\\b`, 'g')));
    expect(found.size).toBe(n);
  });

  it('keeps every point of a long SWOT', () => {
    for (let i = 0; i < 120; i++) expect(all, `styrka ${i}`).toContain(`st${i}x0003`);
  });
});
