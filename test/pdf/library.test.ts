/**
 * `compilePdf` as a library function (the built package, whose job runs in a worker thread; and
 * the sources, where it runs in the calling thread): what it returns and the steps it reports.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePdf as fromSources } from '../../src/pdf/index.js';
import { FIXTURES, REF, ROOT, tempDir } from '../helpers/app.js';
import { expectValidPdf, pageCount } from './tools.js';

type Api = typeof import('../../src/index.js');

describe('compilePdf', () => {
  it('writes the PDF and reports each step, each attachment by name', async () => {
    const { compilePdf } = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Api;
    const out = join(await tempDir(), 'storvik.pdf');
    const steps: string[] = [];
    const result = await compilePdf(join(FIXTURES, 'storvik'), {
      output: out,
      onProgress: (p) => steps.push('file' in p && p.file ? `${p.step} ${p.file}` : p.step),
    });
    expect(result.written).toBe(true);
    expect(result.file).toBe(out);
    expect(result.attachments).toBe(18);
    expect(result.pages).toBe(await pageCount(out));
    expect(result.report.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
    await expectValidPdf(out);
    expect(steps[0]).toBe('check');
    expect(steps).toContain('inspect bilagor/organisationsmatris.pdf');
    expect(steps).toContain('merge bilagor/pressklipp-2026.pdf');
    expect(steps.slice(-3)).toEqual(['merge bilagor/pressklipp-2026.pdf', 'save', `write ${out}`]);
    expect(steps.indexOf('typeset')).toBeGreaterThan(steps.lastIndexOf('inspect bilagor/pressklipp-2026.pdf'));
  }, 60_000);

  it('refuses an application with errors without writing, and returns the report', async () => {
    const out = join(await tempDir(), 'utkast.pdf');
    const result = await fromSources(join(FIXTURES, 'utkast'), { output: out, date: REF });
    expect(result.written).toBe(false);
    expect(result.report.summary.errors).toBe(28);
    await expect(readFile(out)).rejects.toThrow();
  });

  it('gives the same bytes from the sources as from the built package', async () => {
    const { compilePdf } = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Api;
    const dir = await tempDir();
    await compilePdf(join(FIXTURES, 'storvik'), { output: join(dir, 'a.pdf') });
    await fromSources(join(FIXTURES, 'storvik'), { output: join(dir, 'b.pdf') });
    expect((await readFile(join(dir, 'a.pdf'))).equals(await readFile(join(dir, 'b.pdf')))).toBe(true);
  }, 60_000);
});
