/**
 * cli.md, "Installing": the registry's `qm` is an unrelated package, so no recipe runs qm through
 * npx; README and docs/ci.md say how to install qm-kvalitet globally and how to pin it, and every
 * CI recipe runs the pinned `./node_modules/.bin/qm` or the GitHub Action (which installs it).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/app.js';

const read = (f: string) => readFile(join(ROOT, f), 'utf8');

describe('installing, as README and docs/ci.md say it', () => {
  it('never runs qm through npx, and names the package qm-kvalitet', async () => {
    for (const f of ['README.md', 'docs/ci.md', 'docs/editors.md', 'docs/library.md', 'action.yml']) {
      const text = await read(f);
      expect(text, f).not.toMatch(/npx\s+(--\S+\s+)*qm\b/);
      expect(text, f).not.toMatch(/npm (exec|x)\b[^\n]*\bqm\b/);
    }
    for (const f of ['README.md', 'docs/ci.md']) {
      const text = await read(f);
      expect(text, f).toContain('npm install --global qm-kvalitet');
      expect(text, f).toContain('npm install --save-dev --save-exact qm-kvalitet');
    }
  });

  it('every CI recipe runs the pinned qm or the action', async () => {
    for (const f of ['README.md', 'docs/ci.md']) {
      const blocks = [...(await read(f)).matchAll(/```(?:yaml|sh)\n([\s\S]*?)```/g)].map((m) => m[1]!);
      const ci = blocks.filter((b) => /runs-on:|image:|hooks:|pre-commit|#!\/bin\/sh/.test(b));
      expect(ci.length, f).toBeGreaterThan(1);
      for (const b of ci) {
        const runs = b
          .split('\n')
          .filter((l) => !/^\s*(-\s*)?(name|entry):\s*qm check$/.test(l) && /\bqm check\b/.test(l.replace(/(^|\s)#.*$/, '')));
        const action = /uses: qm-kvalitet\/qm@v\d/.test(b);
        expect(runs.length > 0 || action, b).toBe(true);
        for (const l of runs) expect(l, `${f}: ${l}`).toMatch(/\.\/node_modules\/\.bin\/qm check/);
      }
    }
  });
});
