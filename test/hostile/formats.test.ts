/**
 * A report with 100,000 diagnostics, in every format: each written in bounded time (the JUnit
 * report once copied its list of diagnostics for every diagnostic, and took minutes).
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { FIXTURES, REF, tempDir } from '../helpers/app.js';
import { assertNoStackTrace, hashTree, runQm } from './support.js';

it('100,000 working marks: every format is written, in one run each', { timeout: 180_000 }, async () => {
  const dir = join(await tempDir('qm-hostile-'), 'storvik');
  await cp(join(FIXTURES, 'storvik'), dir, { recursive: true });
  const file = join(dir, '01-bakgrund.md');
  await writeFile(file, `${await readFile(file, 'utf8')}\n${'TODO '.repeat(100_000)}\n`);
  const before = await hashTree(dir);
  for (const format of ['json', 'pretty', 'junit', 'sarif', 'github', 'markdown']) {
    const run = await runQm(['check', dir, '--format', format, '--date', REF], { timeoutMs: 60_000 });
    expect(run.timedOut, `${format} did not finish`).toBe(false);
    assertNoStackTrace(run);
    // Working marks are warnings: the check passes.
    expect([format, run.code, run.stderr]).toEqual([format, 0, '']);
    if (format === 'json') expect(JSON.parse(run.stdout).applications[0].summary.warnings).toBe(100_000);
    else expect(run.stdout.split('text/arbetsmarkering').length - 1, format).toBeGreaterThanOrEqual(format === 'markdown' ? 1 : 100_000);
  }
  expect(await hashTree(dir)).toEqual(before);
});
