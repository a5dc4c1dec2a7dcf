/**
 * Fuzzing through the library: random damage to examples/storvik, checked by the built library
 * in a worker thread that is stopped when a case runs past its time limit. Whatever the damage,
 * only diagnostics from the catalogue at positions inside the files come back (or a UsageError),
 * and the folder is left as it was.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { assertWellFormed, hashTree } from '../hostile/support.js';
import { mutations } from './mutate.js';
import { announce, CASE_MS, caseTimeout, LIBRARY_RUNS, LibraryRunner, params, withDamagedCopy } from './setup.js';

announce('library.test.ts', LIBRARY_RUNS);
const library = new LibraryRunner();
afterAll(() => library.close());

describe('fuzz: damaged copies of examples/storvik', () => {
  it(`through the library (${LIBRARY_RUNS} cases)`, { timeout: caseTimeout(LIBRARY_RUNS) }, async () => {
    await fc.assert(
      fc.asyncProperty(mutations, (muts) =>
        withDamagedCopy(muts, async (dir) => {
          const before = await hashTree(dir);
          const res = await library.run(dir);
          expect(res.timedOut ?? false, `the check ran past ${CASE_MS} ms`).toBe(false);
          // Only a UsageError (exit 2) may leave the library; anything else is a crash.
          if (res.thrown) expect(res.thrown.name, res.thrown.stack).toBe('UsageError');
          else await assertWellFormed(res.report!, dir);
          expect(await hashTree(dir), 'the folder was changed').toEqual(before);
        }),
      ),
      params(LIBRARY_RUNS),
    );
  });
});
