/**
 * One engine, one truth: what the PDF states about each goal and attachment is what the check
 * decided (src/engine/facts.ts), for both fixture applications and variants that make the two
 * derivations differ (a goal three years ahead declared long-term, an attachment without `titel`).
 * Read back with poppler's pdftotext.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine/index.js';
import { FIXTURES, REF, copyExample, replace, tempDir } from '../helpers/app.js';
import { compile, flat, layoutText, pageTexts } from './tools.js';

interface Case {
  name: string;
  folder: () => Promise<string>;
  draft?: boolean;
}

const CASES: Case[] = [
  { name: 'storvik', folder: async () => join(FIXTURES, 'storvik') },
  { name: 'utkast (draft)', folder: async () => join(FIXTURES, 'utkast'), draft: true },
  {
    name: 'storvik, a goal three years ahead declared long-term (the check counts it as lång)',
    folder: async () => {
      const dir = await copyExample('storvik');
      await replace(dir, '06-mal-och-strategi.md', /år: 2035/, 'år: 2029\n    horisont: lång');
      return dir;
    },
  },
  {
    name: 'storvik, attachments without titel (named after their fields)',
    folder: async () => {
      const dir = await copyExample('storvik');
      await replace(
        dir,
        '03-organisation.md',
        /^organisationsmatris:\n.*\n.*\n/m,
        'organisationsmatris: bilagor/organisationsmatris.pdf\n',
      );
      await replace(dir, '04-finansiering.md', /avtal:\n\s+fil: (\S+)\n\s+titel: .*\n/, 'avtal: $1\n');
      return dir;
    },
  },
];

describe('the PDF states the facts the check decided', () => {
  for (const c of CASES) {
    it(
      c.name,
      async () => {
        const folder = await c.folder();
        const { facts, report } = await check(folder, { date: REF });
        const out = join(await tempDir(), 'ansokan.pdf');
        const res = await compile([folder, ...(c.draft ? ['--draft'] : [])], out);
        expect(res.code, res.stderr).toBe(0);
        const pages = await pageTexts(out);

        // Goals: the horizon the check counted, and how far ahead, in the goal table of chapter 6.
        const goals = facts.goals.filter((g) => g.id && g.horizon && g.ahead !== undefined);
        if (report.chapters[5]!.file) expect(goals.length).toBeGreaterThan(0);
        // A row, laid out as on the page: the goal's id first, then (on the same line) its year,
        // the horizon and the years ahead.
        const lines = (await layoutText(out)).split('\n');
        for (const g of goals) {
          const row = new RegExp(`^\\s*${g.id}\\s.*\\s${g.year}\\s+(kort|lång)\\s+\\((\\d+) år\\)`);
          const m = lines.map((l) => row.exec(l)).find(Boolean);
          expect(m, `goal ${g.id} in the goal table`).toBeTruthy();
          expect([m![1], Number(m![2])], `goal ${g.id} (${g.year})`).toEqual([g.horizon, g.ahead]);
        }

        // Attachments: each numbered label in the list of attachments, and never a path in its place.
        expect(facts.attachments.list.length).toBeGreaterThan(0);
        const list = flat(pages.find((p) => p.startsWith('Bilagor\n')) ?? '');
        for (const a of facts.attachments.list) {
          expect(list, a.label).toContain(`${a.number} ${flat(a.title)}`);
          expect(a.title).not.toMatch(/bilagor\/|\.(pdf|png|jpe?g)$/i);
        }
      },
      180_000,
    );
  }
});
