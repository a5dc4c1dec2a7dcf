/**
 * `qm pdf --draft` on the hostile attachments of the corpus: whatever the attachments are, qm
 * either writes a complete PDF that a reader opens, or says in one line why it cannot (exit 2)
 * and keeps the PDF that was there. It never prints a stack trace, never leaves a partial file
 * and never changes the application folder.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REF, tempDir } from '../helpers/app.js';
import { groups, type HostileCase } from '../hostile/cases.js';
import { assertNoStackTrace, hashTree, runQm } from '../hostile/support.js';

/** The cases about what attachments and prose images are, and where they are. */
const cases: HostileCase[] = [
  ...groups.contents!,
  ...groups.unicode!,
  ...groups.paths!.filter((c) =>
    [
      'attachment-link-inside',
      'path-windows-backslashes',
      'prose-image-outside',
      'attachment-referenced-twice',
      'attachment-two-spellings',
      'attachment-link-to-fifo-outside',
    ].includes(c.id),
  ),
];

const PREVIOUS = Buffer.from('%PDF-1.7\n% förra versionen av ansökan\n%%EOF\n');

describe('qm pdf --draft on hostile attachments', () => {
  for (const c of cases) {
    it(`${c.id}: ${c.what}`, { timeout: 240_000 }, async () => {
      const base = await tempDir('qm-pdf-hostile-');
      const dir = join(base, 'storvik');
      const outside = join(base, 'utanfor');
      const out = join(base, 'ut');
      await cp(join(FIXTURES, 'storvik'), dir, { recursive: true });
      await mkdir(outside);
      await mkdir(out);
      await c.build(dir, outside);
      const target = join(out, 'ansokan.pdf');
      await writeFile(target, PREVIOUS);
      const before = await hashTree(dir);
      const beside = await hashTree(outside);

      const run = await runQm(['pdf', dir, '-o', target, '--draft', '--date', REF], { timeoutMs: 180_000 });
      expect(run.timedOut, 'qm pdf did not finish').toBe(false);
      assertNoStackTrace(run);
      expect([0, 2], run.stderr).toContain(run.code);
      if (run.code === 2) {
        // Progress lines, then one line saying why; the previous PDF is kept.
        const last = run.stderr.trim().split('\n').pop()!;
        expect(last).toMatch(/^qm: /);
        expect(await readFile(target)).toEqual(PREVIOUS);
      } else {
        const bytes = await readFile(target);
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        expect(bytes.subarray(-32).toString('latin1')).toMatch(/%%EOF\s*$/);
        // A reader opens it: poppler reads its page count.
        const info = (await promisify(execFile)('pdfinfo', [target])).stdout;
        expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBeGreaterThan(20);
      }
      expect((await readdir(out)).filter((n) => n !== 'ansokan.pdf')).toEqual([]);
      expect(await hashTree(dir), 'the folder was changed').toEqual(before);
      expect(await hashTree(outside)).toEqual(beside);
    });
  }
});
