/**
 * Runs hostile cases through the library and through the built binary, and checks that the
 * folder (and what lies beside it) is left exactly as it was.
 */
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FIXTURES, REF, check, tempDir } from '../helpers/app.js';
import type { HostileCase } from './cases.js';
import { assertNoStackTrace, assertOneLineExit2, assertWellFormed, hashTree, ruleIds, runQm } from './support.js';

export function runCases(cases: HostileCase[]): void {
  for (const c of cases) {
    it(`${c.id}: ${c.what}`, { timeout: c.heavy ? 180_000 : 60_000 }, async () => {
      const base = await tempDir('qm-hostile-');
      const dir = join(base, 'storvik');
      const outside = join(base, 'utanfor');
      await cp(join(FIXTURES, 'storvik'), dir, { recursive: true });
      await mkdir(outside);
      const built = (await c.build(dir, outside)) ?? {};
      const folder = built.folder ?? dir;
      const want = built.expect ?? c;
      const rules = [...want.rules].sort();
      const before = await hashTree(base);

      if (want.exit === 2) {
        await expect(check(folder)).rejects.toMatchObject({ name: 'UsageError', key: want.usage });
      } else {
        const r = await check(folder);
        expect(
          ruleIds(r.diagnostics),
          JSON.stringify(r.diagnostics.slice(0, 20).map((d) => [d.rule, d.file, d.line, d.column, d.args])),
        ).toEqual(rules);
        expect(r.ok ? 0 : 1).toBe(want.exit);
        await assertWellFormed(r, folder);
        await c.verify?.(r, folder);
      }

      const run = await runQm(['check', folder, '--format', 'json', '--date', REF], { timeoutMs: c.heavy ? 120_000 : 30_000 });
      expect(run.timedOut, 'qm check did not finish in time').toBe(false);
      assertNoStackTrace(run);
      if (want.exit === 2) assertOneLineExit2(run);
      else {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(want.exit);
        const app = JSON.parse(run.stdout).applications[0];
        expect(ruleIds(app.diagnostics)).toEqual(rules);
        await assertWellFormed(app, folder);
      }

      expect(await hashTree(base), 'the folder was changed').toEqual(before);
    });
  }
}
