/** docs/limits.md lists every case of the hostile corpus with the answer the corpus asserts. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../helpers/app.js';
import { allCases } from './cases.js';

it('docs/limits.md gives each hostile case its exit code and rule ids, and no case it does not test', async () => {
  const doc = await readFile(join(ROOT, 'docs', 'limits.md'), 'utf8');
  const rows = new Map<string, { exit: number; rules: string[] }>();
  for (const m of doc.matchAll(/^\| `([a-z0-9-]+)` \| [^|]* \| ([012]) \| ([^|]*) \|/gm)) {
    expect(rows.has(m[1]!), `${m[1]} listed twice`).toBe(false);
    rows.set(m[1]!, { exit: Number(m[2]), rules: [...m[3]!.matchAll(/`([^`]+)`/g)].map((r) => r[1]!).sort() });
  }
  expect([...rows.keys()].sort()).toEqual(allCases.map((c) => c.id).sort());
  for (const c of allCases) expect(rows.get(c.id), c.id).toEqual({ exit: c.exit, rules: [...c.rules].sort() });
});
