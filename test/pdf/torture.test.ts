/**
 * The worst cases in one application (scripts/torture.mjs: wide tables, long words, twelve goals
 * and indicators, thirty actions, a logo, attachments without titles) compile to a valid PDF; and
 * what the certifier reads never shows a path into the application folder ("bilagor/…"): not in
 * the list of attachments, not in a caption – in the example, the draft fixture and the torture.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REF, tempDir } from '../helpers/app.js';
import { compile, pageBoxes, pageTexts } from './tools.js';
// @ts-expect-error: a plain script without types
import { buildTorture } from '../../scripts/torture.mjs';

describe('the torture application', () => {
  let texts: string[];
  let out: string;
  let stdout: string;

  beforeAll(async () => {
    const dir = await tempDir();
    const app = (buildTorture as (d: string) => string)(join(dir, 'torture'));
    out = join(dir, 'torture.pdf');
    const res = await compile([app, '--date', REF], out);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    stdout = res.stdout;
    texts = await pageTexts(out);
  }, 120_000);

  it('warns about the table that fits no page, and only about it', () => {
    expect(stdout.match(/pdf\/tabell-for-bred/g)).toHaveLength(1);
    expect(stdout).toMatch(/02-nulage\.md:\d+:1 .*40 kolumner/);
  });

  it('puts every column of the 40-column table on landscape pages', async () => {
    const all = texts.join('\n');
    for (let i = 1; i <= 40; i++) expect(all).toMatch(new RegExp(`Kolumn${i}\\b`));
    const boxes = await pageBoxes(out);
    const page = texts.findIndex((t) => t.includes('Kolumn40'));
    expect(boxes[page]!.width).toBeGreaterThan(boxes[page]!.height);
  });

  it('names attachments without a title after their field, never after their path', () => {
    const all = texts.join('\n');
    expect(all).not.toContain('bilagor/');
    expect(all).toContain('Organisationsmatris');
  });
});

describe('no path into the folder where the certifier reads', () => {
  it.each([
    ['storvik', []],
    ['utkast', ['--draft']],
  ])(
    '%s',
    async (name, extra) => {
      const out = join(await tempDir(), `${name}.pdf`);
      const res = await compile([join(FIXTURES, name), '--date', REF, ...extra], out);
      expect(res.code, res.stdout + res.stderr).toBe(0);
      // A draft's page of open errors is for the consultant: its messages name the files to fix.
      const read = (await pageTexts(out)).filter((t) => !t.startsWith('UTKAST\nÖppna fel') && !t.startsWith('Öppna fel'));
      for (const [i, t] of read.entries()) expect(t, `page ${i + 1}`).not.toMatch(/bilagor\//);
    },
    120_000,
  );
});
