/**
 * Fuzzing through the built binary: random damage to examples/storvik, `qm check` in a random
 * format and language, killed when a case runs past its time limit. Exit 0, 1 or 2, no stack
 * trace, exit 2 in one line, JSON diagnostics from the catalogue at positions inside the files,
 * and the folder left as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REF } from '../helpers/app.js';
import { assertNoStackTrace, assertOneLineExit2, assertWellFormed, hashTree, runQm } from '../hostile/support.js';
import { mutations } from './mutate.js';
import { announce, BINARY_RUNS, CASE_MS, caseTimeout, params, withDamagedCopy } from './setup.js';

announce('binary.test.ts', BINARY_RUNS);

describe('fuzz: damaged copies of examples/storvik', () => {
  it(`through the binary (${BINARY_RUNS} cases)`, { timeout: caseTimeout(BINARY_RUNS) }, async () => {
    const format = fc.constantFrom('json', 'json', 'json', 'pretty', 'sarif', 'junit', 'github', 'markdown');
    await fc.assert(
      fc.asyncProperty(mutations, format, fc.constantFrom('sv', 'en'), (muts, fmt, lang) =>
        withDamagedCopy(muts, async (dir) => {
          const before = await hashTree(dir);
          const run = await runQm(['check', dir, '--format', fmt, '--date', REF, '--lang', lang], { timeoutMs: CASE_MS });
          expect(run.timedOut, `qm check ran past ${CASE_MS} ms`).toBe(false);
          expect([0, 1, 2]).toContain(run.code);
          assertNoStackTrace(run);
          if (run.code === 2) assertOneLineExit2(run);
          else {
            expect(run.stderr).toBe('');
            if (fmt === 'json') {
              const app = JSON.parse(run.stdout).applications[0];
              expect(run.code).toBe(app.ok ? 0 : 1);
              await assertWellFormed(app, dir);
            } else if (fmt !== 'github' || run.code === 1) expect(run.stdout.length).toBeGreaterThan(0);
          }
          expect(await hashTree(dir), 'the folder was changed').toEqual(before);
        }),
      ),
      params(BINARY_RUNS),
    );
  });
});
