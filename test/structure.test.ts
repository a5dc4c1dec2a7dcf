/**
 * The shape of src/ that docs/design.md describes: no import cycle, nothing loose at src/'s root,
 * and the reports and the command line reading the application only through the engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain script without declarations
import { cycles, graph } from '../scripts/import-cycles.mjs';
import { ROOT } from './helpers/app.js';

describe('src/', () => {
  it('has no import cycle, type-only imports included', () => {
    expect(cycles(graph())).toEqual([]);
  });

  it('finds a cycle when there is one (the finder itself)', () => {
    const edges = new Map([
      ['a.ts', new Set(['b.ts'])],
      ['b.ts', new Set(['c.ts'])],
      ['c.ts', new Set(['a.ts'])],
      ['d.ts', new Set(['a.ts'])],
    ]);
    expect(cycles(edges)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('keeps only index.ts and version.ts at its root', () => {
    const loose = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isFile());
    expect(loose.map((e) => e.name).sort()).toEqual(['index.ts', 'version.ts']);
  });

  it('lets report/ and cli/ read nothing from load/ (they get the engine’s results)', () => {
    for (const dir of ['report', 'cli']) {
      for (const f of readdirSync(join(ROOT, 'src', dir))) {
        const text = readFileSync(join(ROOT, 'src', dir, f), 'utf8');
        expect(text, `src/${dir}/${f}`).not.toMatch(/from '\.\.\/load\//);
      }
    }
  });
});
