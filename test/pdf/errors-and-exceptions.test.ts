/**
 * What `qm pdf` does with an application that has errors: refuses (exit 1, the error list), or
 * with --draft marks every page UTKAST and lists the open errors; and how an exception recorded
 * in qm.config.yaml reaches the assessor.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, copyExample, qm, setField, tempDir, write } from '../helpers/app.js';
import { compile, flat, outline, pageTexts } from './tools.js';

describe('an application with errors', () => {
  it('is refused with exit 1 and the error list; no file is written and an existing one is untouched', async () => {
    const dir = await tempDir();
    const out = join(dir, 'utkast.pdf');
    await writeFile(out, 'förra veckans version');
    const res = await qm(['pdf', join(FIXTURES, 'utkast'), '-o', out]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('03-organisation.md:2:9');
    expect(res.stdout).toContain('k3/verksam-tre-ar');
    expect(res.stdout).toContain('28 fel');
    expect(res.stderr).toContain('qm: Ingen PDF skrevs: ansökan har 28 fel. Rätta dem, eller kör qm pdf --draft för ett utkast.');
    expect(await readFile(out, 'utf8')).toBe('förra veckans version');
  });

  it('writes no file in the working directory either', async () => {
    const cwd = await tempDir();
    const res = await qm(['pdf', join(FIXTURES, 'utkast')], { cwd });
    expect(res.code).toBe(1);
    expect(existsSync(join(cwd, 'utkast.pdf'))).toBe(false);
  });

  it('with --draft: UTKAST on every page, the open errors on the page after the cover', async () => {
    const out = join(await tempDir(), 'utkast.pdf');
    const res = await compile([join(FIXTURES, 'utkast'), '--draft'], out);
    expect(res.code, res.stderr).toBe(0);
    const texts = await pageTexts(out);
    expect(res.stdout).toContain(`Skrev utkastet ${out} (märkt UTKAST, 28 öppna fel): ${texts.length} sidor`);
    texts.forEach((t, i) => expect(t, `page ${i + 1}`).toContain('UTKAST'));
    expect(texts[1]!.startsWith('Öppna fel\n')).toBe(true);
    const errors = flat(texts.slice(1, 4).join(' '));
    expect(errors).toContain('03-organisation.md:2:9 Organisationen bildades 2024-05-01 och har varit verksam i 2 år och 6 månader.');
    expect(errors).toContain('k3/verksam-tre-ar');
    expect(errors).toContain('05-vision.md:5:3');
    // The attachment that is missing is listed, not merged.
    const list = flat(texts.find((t) => t.startsWith('Bilagor\n'))!);
    expect(list).toMatch(/2\.1 [^–]+ saknas – kommer inte med/);
    expect(list).not.toContain('bilagor/');
  }, 60_000);
});

describe('an exception in qm.config.yaml', () => {
  it('does not block the PDF and gets the page "Undantag" after the contents, with the requirement, the seed and the justification', async () => {
    const app = await copyExample();
    await setField(app, '03-organisation.md', ['bildad'], '2024-05-01');
    await write(
      app,
      'qm.config.yaml',
      [
        'undantag:',
        '  - regel: k3/verksam-tre-ar',
        '    motivering: >',
        '      Föreningen bildades 2024 men ägarna har skriftligen åtagit sig att',
        '      finansiera samverkan till och med 2029, se bilaga 4.1.',
        '',
      ].join('\n'),
    );
    const out = join(await tempDir(), 'storvik.pdf');
    const res = await compile([app], out);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const texts = await pageTexts(out);
    expect(texts[1]!.startsWith('Innehåll')).toBe(true);
    const page = texts[2]!;
    expect(page.startsWith('Undantag\n')).toBe(true);
    const undantag = flat(page);
    expect(undantag).toContain('3 Organisation: k3/verksam-tre-ar');
    expect(undantag).toContain(
      'Föreningen bildades 2024 men ägarna har skriftligen åtagit sig att finansiera samverkan till och med 2029, se bilaga 4.1.',
    );
    expect(undantag).toContain(
      'Krav är en dokumenterad samverkansorganisation offentlig och privat verksamhet som varit verksam i minst tre år.',
    );
    expect(undantag).toContain('03-organisation.md:2:9');
    expect(flat(texts[1]!)).toMatch(/Undantag 3 /);
    // Not a draft: no UTKAST anywhere, and the chapters are still bookmarked.
    expect(texts.some((t) => t.includes('UTKAST'))).toBe(false);
    expect((await outline(out)).slice(0, 4)).toEqual([
      { title: 'Försättsblad', page: 1 },
      { title: 'Innehåll', page: 2 },
      { title: 'Undantag', page: 3 },
      { title: '1 Bakgrund', page: 4 },
    ]);
  }, 60_000);
});
