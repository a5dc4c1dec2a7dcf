/**
 * The cover as an assessor sees it: the organisation's logo (`logotyp` in ansokan.yaml), the
 * organisation, the title, the certification sought, the date, the application at a glance as the
 * check counted it – and no page footer.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, read, REF, tempDir, write } from '../helpers/app.js';
import { compile, flat, makePng, pageTexts } from './tools.js';

const run = promisify(execFile);

/** `pdfimages -list` of one page: width and height of each image. */
async function images(file: string, page: number): Promise<{ width: number; height: number }[]> {
  const { stdout } = await run('pdfimages', ['-list', '-f', String(page), '-l', String(page), file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c[2] === 'image')
    .map((c) => ({ width: Number(c[3]), height: Number(c[4]) }));
}

describe('the cover', () => {
  let withLogo: string[];
  let withLogoFile: string;
  let plain: string[];
  let plainFile: string;

  beforeAll(async () => {
    const dir = await tempDir();
    const app = await copyExample();
    plainFile = join(dir, 'utan.pdf');
    const res = await compile([app, '--date', REF], plainFile);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    plain = await pageTexts(plainFile);

    await write(app, 'bilagor/logotyp.png', makePng(300, 120));
    await write(app, 'ansokan.yaml', `${(await read(app, 'ansokan.yaml')).trimEnd()}\nlogotyp: bilagor/logotyp.png\n`);
    withLogoFile = join(dir, 'med.pdf');
    const res2 = await compile([app, '--date', REF], withLogoFile);
    expect(res2.code, res2.stdout + res2.stderr).toBe(0);
    withLogo = await pageTexts(withLogoFile);
  }, 120_000);

  it('shows the logo on the cover, and nowhere else as an attachment', async () => {
    expect(await images(withLogoFile, 1)).toEqual([{ width: 300, height: 120 }]);
    expect(await images(plainFile, 1)).toEqual([]);
    // Not a numbered attachment: the same pages, the same list.
    expect(withLogo.length).toBe(plain.length);
    expect(withLogo.join('\n')).not.toContain('logotyp');
  });

  it('carries no page footer', () => {
    expect(plain[0]).not.toMatch(/Sida 1 av/);
    expect(plain[0]).not.toContain('Centrumsamverkan Storvik · Ansökan om Quality Mark');
    expect(plain[1]).toMatch(/Sida 2 av \d+/);
  });

  it('states the organisation, the title, the certification sought, the date and the application at a glance', () => {
    const cover = flat(plain[0]!);
    expect(cover).toContain('Ansökan om Quality Mark');
    expect(cover).toContain('Centrumsamverkan Storvik');
    expect(cover).toContain('Sökt certifiering 3 år, 2026–2029');
    expect(cover).toContain('Referensdatum 2026-11-15');
    expect(cover).toContain('Ansökan i sammandrag');
    // As the check counted them: nine chapters, five goals by their horizon, the actions, indicators and attachments.
    expect(cover).toContain('9 5 6 7 18 kapitel mål åtgärder indikatorer bilagor 3 kortsiktiga, 2 långsiktiga');
  });
});
