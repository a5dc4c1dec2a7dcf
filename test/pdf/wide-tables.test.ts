/**
 * A table of the prose wider than the page is fitted to it (smaller text, then a landscape page)
 * and nothing of it runs off the page; a table that fits nowhere is the warning
 * `pdf/tabell-for-bred`, naming the chapter and the line, and is still shown whole (in parts).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, read, REF, tempDir, write } from '../helpers/app.js';
import { compile, pageBoxes, pageTexts } from './tools.js';

const run = promisify(execFile);

const MONTHS = ['Januari', 'Februari', 'Mars', 'April', 'Maj', 'Juni', 'Juli', 'Augusti', 'September', 'Oktober', 'November', 'December'];

/** A month-by-month plan: action, twelve months written out, owner, budget – 15 columns. */
const monthPlan = [
  `| Åtgärd | ${MONTHS.join(' | ')} | Ansvarig | Budget |`,
  `|---|${MONTHS.map(() => ':-:').join('|')}|---|--:|`,
  `| Trygghetsvandringar i centrum | ${MONTHS.map((_, i) => (i % 3 === 0 ? 'X' : '')).join(' | ')} | Samhällsbyggnadsförvaltningen | 120 000 kr |`,
  `| Julbelysning på Storgatan | ${MONTHS.map((_, i) => (i > 8 ? 'X' : '')).join(' | ')} | Fastighetsägarföreningen | 2 600 000 kr |`,
].join('\n');

/** Sixty columns of long words: no page is wide enough. */
const absurd = [
  `| ${Array.from({ length: 60 }, (_, i) => `Rubrik${i + 1}`).join(' | ')} |`,
  `|${Array.from({ length: 60 }, () => '---').join('|')}|`,
  `| ${Array.from({ length: 60 }, (_, i) => `värde${i + 1}`).join(' | ')} |`,
].join('\n');

interface Word {
  word: string;
  xMin: number;
  xMax: number;
}

async function wordBoxes(file: string, page: number): Promise<Word[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-bbox', '-f', String(page), '-l', String(page), file, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    xMax: Number(m[2]),
    word: m[3]!,
  }));
}

describe('wide tables in the PDF', () => {
  let pdf: string;
  let stdout: string;
  let pages: string[];
  let absurdLine: number;

  beforeAll(async () => {
    const app = await copyExample();
    const text = await read(app, '02-nulage.md');
    await write(app, '02-nulage.md', `${text}\n## Månadsplan\n\n${monthPlan}\n\n## Alla rubriker\n\n${absurd}\n`);
    absurdLine = (await read(app, '02-nulage.md')).split('\n').findIndex((l) => l.startsWith('| Rubrik1 |')) + 1;
    pdf = join(await tempDir(), 'bred.pdf');
    const res = await compile([app, '--date', REF], pdf);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    stdout = res.stdout;
    pages = await pageTexts(pdf);
  }, 120_000);

  it('shows all 15 columns of a month-by-month plan inside the page', async () => {
    const page = pages.findIndex((p) => p.includes('Månadsplan')) + 1;
    expect(page).toBeGreaterThan(0);
    const width = (await pageBoxes(pdf))[page - 1]!.width;
    const words = await wordBoxes(pdf, page);
    for (const head of ['Åtgärd', ...MONTHS, 'Ansvarig', 'Budget']) {
      const w = words.find((x) => x.word === head);
      expect(w, head).toBeDefined();
      expect(w!.xMin, head).toBeGreaterThanOrEqual(0);
      expect(w!.xMax, head).toBeLessThanOrEqual(width);
    }
    // The last column's values too, and nothing of the page's text past its right edge.
    expect(words.some((w) => w.word === 'kr')).toBe(true);
    for (const w of words) expect(w.xMax, w.word).toBeLessThanOrEqual(width);
  });

  it('warns about a 60-column table with its chapter and line, and still shows every column', async () => {
    expect(stdout).toContain(`02-nulage.md:${absurdLine}:1`);
    expect(stdout).toContain('pdf/tabell-for-bred');
    expect(stdout).toContain(`rad ${absurdLine} i kapitel 2 Nuläge har 60 kolumner`);
    const all = pages.join('\n');
    for (let i = 1; i <= 60; i++) expect(all, `Rubrik${i}`).toMatch(new RegExp(`Rubrik${i}\\b`));
    // On landscape pages, inside them.
    const boxes = await pageBoxes(pdf);
    const first = pages.findIndex((p) => p.includes('Rubrik60')) + 1;
    expect(boxes[first - 1]!.width).toBeGreaterThan(boxes[first - 1]!.height);
    for (const w of await wordBoxes(pdf, first)) expect(w.xMax, w.word).toBeLessThanOrEqual(boxes[first - 1]!.width);
  });

  it('warns once, not about the plan that fits', () => {
    expect(stdout.match(/pdf\/tabell-for-bred/g)).toHaveLength(1);
  });
});
