/**
 * When the PDF cannot be made: a broken attachment slipped past by --draft, one that passes the
 * check but cannot be parsed, one whose parsing does not end, an output qm must not or cannot
 * write. Always one line on standard error and exit 2; never a partial file, never a changed
 * existing file, never a changed application folder.
 */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/util/errors.js';
import { usageMessage } from '../../src/i18n/index.js';
import { compilePdf } from '../../src/pdf/index.js';
import { copyExample, qm, tempDir, write } from '../helpers/app.js';
import { makeShortPng, makeSlowPdf } from './tools.js';

/** Every file of a folder with a hash of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else
        out[relative(dir, p)] = createHash('sha256')
          .update(await readFile(p))
          .digest('hex');
    }
  };
  await walk(dir);
  return out;
}

/** Runs `qm pdf` against an existing output file and checks that nothing was written or left behind. */
async function failsCleanly(app: string, args: string[], env: Record<string, string> = {}) {
  const outDir = await tempDir();
  const out = join(outDir, 'ansokan.pdf');
  await writeFile(out, 'den förra, godkända PDF:en');
  const before = await snapshot(app);
  const res = await qm(['pdf', app, '-o', out, ...args], { env });
  expect(res.code, res.stdout + res.stderr).toBe(2);
  const lines = res.stderr.split('\n').filter((l) => l.startsWith('qm:'));
  expect(lines).toHaveLength(1);
  expect(res.stderr).not.toMatch(/\n\s+at /);
  expect(await readFile(out, 'utf8')).toBe('den förra, godkända PDF:en');
  expect(await readdir(outDir)).toEqual(['ansokan.pdf']);
  expect(await snapshot(app)).toEqual(before);
  return lines[0]!;
}

describe('qm pdf stops cleanly', () => {
  it('at a truncated attachment that --draft let through', async () => {
    const app = await copyExample();
    const file = join(app, 'bilagor', 'organisationsmatris.pdf');
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(file));
    await truncate(file, Math.floor(size / 2));
    const check = await qm(['check', app]);
    expect(check.stdout).toContain('bilaga/trasig');
    const line = await failsCleanly(app, ['--draft']);
    expect(line).toBe(
      'qm: Bilagan bilagor/organisationsmatris.pdf kan inte tas med i PDF:en: filen är trasig eller lösenordsskyddad (se qm check). Ingen PDF skrevs.',
    );
  });

  it('at an attachment that passes the check but cannot be parsed', async () => {
    const app = await copyExample();
    await write(
      app,
      'bilagor/avtal-storviks-kommun.pdf',
      Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
    );
    expect((await qm(['check', app])).code).toBe(0);
    const line = await failsCleanly(app, []);
    expect(line).toMatch(
      /^qm: Bilagan bilagor\/avtal-storviks-kommun\.pdf kunde inte läsas \(.+\)\. Ingen PDF skrevs; exportera eller spara filen på nytt\.$/,
    );
  });

  it('at a PNG whose header and end are sound but whose image data is broken', async () => {
    const app = await copyExample();
    // 6000 × 4000 pixels (72 MB decompressed: more than qm check proves) of which the data
    // holds only the first rows.
    await write(app, 'bilagor/karta-arbetsomrade.png', makeShortPng(6000, 4000, 40));
    expect((await qm(['check', app])).code).toBe(0);
    const line = await failsCleanly(app, []);
    expect(line).toMatch(/^qm: Bilagan bilagor\/karta-arbetsomrade\.png kunde inte läsas \(PNG: .+\)\. Ingen PDF skrevs;/);
  });

  it('at a small PNG with broken image data that --draft let through (qm check proves it broken)', async () => {
    const app = await copyExample();
    const png = await readFile(join(app, 'bilagor', 'karta-arbetsomrade.png'));
    // Keep the signature, IHDR and IEND; replace the image data with bytes zlib cannot inflate.
    const idat = png.indexOf('IDAT', 0, 'latin1') - 4;
    const len = png.readUInt32BE(idat);
    const broken = Buffer.from(png);
    broken.fill(0x55, idat + 8, idat + 8 + len);
    await write(app, 'bilagor/karta-arbetsomrade.png', broken);
    expect((await qm(['check', app])).stdout).toContain('bilaga/trasig');
    const line = await failsCleanly(app, ['--draft']);
    expect(line).toBe(
      'qm: Bilagan bilagor/karta-arbetsomrade.png kan inte tas med i PDF:en: filen är trasig eller lösenordsskyddad (se qm check). Ingen PDF skrevs.',
    );
  });

  it('at an attachment whose parsing takes longer than the time limit', async () => {
    const app = await copyExample();
    // The first attachment qm opens (chapter 2): a hundred thousand objects, a limit of 0.3 s.
    await write(app, 'bilagor/nulagesanalys-2026.pdf', makeSlowPdf());
    const line = await failsCleanly(app, [], { QM_PDF_ATTACHMENT_TIMEOUT: '0.3' });
    expect(line).toBe(
      'qm: Bilagan bilagor/nulagesanalys-2026.pdf kunde inte läsas på 0,3 sekunder och avbröts (filen kan vara trasig). Ingen PDF skrevs.',
    );
  }, 60_000);

  it('half-way through writing: a photo that changes after the attachments before it were written', async () => {
    const app = await copyExample();
    const outDir = await tempDir();
    const out = join(outDir, 'ansokan.pdf');
    await writeFile(out, 'den förra, godkända PDF:en');
    // The job runs in this thread from the sources, so the change lands between two attachments:
    // when the first photo is put in, the second one grows.
    const later = join(app, 'bilagor', 'foton', 'storgatan-efter-2026.jpg');
    const steps: string[] = [];
    const run = compilePdf(app, {
      output: out,
      onProgress: (p) => {
        if (p.step === 'merge' && p.file) steps.push(p.file);
        if (p.step === 'merge' && p.file === 'bilagor/foton/storgatan-fore-2023.jpg') appendFileSync(later, Buffer.from([0xff, 0xd9]));
      },
    });
    const error = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ key: 'pdf-attachment-changed', args: { file: 'bilagor/foton/storgatan-efter-2026.jpg' } });
    expect(usageMessage((error as UsageError).key, (error as UsageError).args, 'sv')).toBe(
      'Bilagan bilagor/foton/storgatan-efter-2026.jpg ändrades medan PDF:en skapades. Ingen PDF skrevs; kör qm pdf igen när filen är färdig.',
    );
    // Eleven PDFs and a photo had been written into the temporary file by then.
    expect(steps.indexOf('bilagor/foton/storgatan-efter-2026.jpg')).toBe(12);
    expect(await readFile(out, 'utf8')).toBe('den förra, godkända PDF:en');
    expect(await readdir(outDir)).toEqual(['ansokan.pdf']);
  });

  it('when asked to write over one of the application’s own files', async () => {
    const app = await copyExample();
    const before = await snapshot(app);
    const res = await qm(['pdf', app, '-o', join(app, 'bilagor', 'karta-arbetsomrade.png')]);
    expect(res.code).toBe(2);
    expect(res.stderr.split('\n').filter((l) => l.startsWith('qm:'))).toEqual([
      `qm: ${join(app, 'bilagor', 'karta-arbetsomrade.png')} är, eller skulle bli, en av ansökans egna filer (ett kapitel, ansokan.yaml, qm.config.yaml, en bilaga eller något under bilagor/); qm skriver inte där. Välj en annan fil med -o.`,
    ]);
    expect(await snapshot(app)).toEqual(before);
  });

  it('when the output folder does not exist, before any work', async () => {
    const app = await copyExample();
    const out = join(await tempDir(), 'finns-inte', 'ansokan.pdf');
    const res = await qm(['pdf', app, '-o', out]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`qm: Kan inte skriva ${out} (mappen finns inte, ENOENT).`);
    expect(res.stderr).not.toContain('Sätter text');
  });

  it('when the folder does not exist', async () => {
    const res = await qm(['pdf', join(await tempDir(), 'saknas')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^qm: Mappen .*saknas finns inte\.$/m);
  });
});
