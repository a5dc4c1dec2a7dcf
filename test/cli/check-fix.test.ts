/**
 * `qm check --fix`: the fixes that only change how something is spelled, applied to the files
 * with every other byte kept (comments, CRLF line endings, a byte-order mark, decomposed
 * letters), listed, then checked. Without --fix nothing is written.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, copyExample, qm, REF } from '../helpers/app.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

async function bytes(dir: string, file: string): Promise<Buffer> {
  return readFile(join(dir, file));
}

/** Chapter 8 with ascii keys, a decimal comma in a flow mapping, comments, written with `eol` and perhaps a BOM. */
async function brokenChapter8(dir: string, eol: '\n' | '\r\n', bom: boolean): Promise<{ before: Buffer; expected: Buffer }> {
  const original = await readFile(join(dir, '08-uppfoljning.md'), 'utf8');
  const head = '# Kommentar överst: lämnas som den är\n';
  const broken = original
    .replace('---\n', `---\n${head}`)
    .replace(/^ {4}målgrupp: företag$/m, '    malgrupp: företag   # en kommentar efter')
    .replace(
      '    värden:\n      2023: 11,4\n      2024: 10,1\n      2025: 8,7\n      2026: 7,9\n',
      '    värden: {2023: 11,4, 2024: 10,1, 2025: 8,7, 2026: 7,9} # från enkäten\n',
    );
  const fixed = original
    .replace('---\n', `---\n${head}`)
    .replace(/^ {4}målgrupp: företag$/m, '    målgrupp: företag   # en kommentar efter')
    .replace('    värden:\n', '    värden: # från enkäten\n');
  expect(broken).not.toBe(original);
  const encode = (s: string) => Buffer.concat([bom ? BOM : Buffer.alloc(0), Buffer.from(s.replace(/\n/g, eol), 'utf8')]);
  const before = encode(broken);
  await writeFile(join(dir, '08-uppfoljning.md'), before);
  return { before, expected: encode(fixed) };
}

async function everyFile(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const f of await readdir(dir, { recursive: true })) {
    if ((await stat(join(dir, f))).isFile()) out.set(f, await readFile(join(dir, f)));
  }
  return out;
}

describe('qm check --fix', () => {
  for (const [eol, bom] of [
    ['\n', false],
    ['\r\n', false],
    ['\r\n', true],
    ['\n', true],
  ] as const) {
    it(`rewrites only the spelling, byte for byte (${eol === '\n' ? 'LF' : 'CRLF'}${bom ? ', BOM' : ''})`, async () => {
      const dir = await copyExample('storvik');
      const { expected } = await brokenChapter8(dir, eol, bom);
      const others = await everyFile(dir);
      others.delete('08-uppfoljning.md');
      const res = await qm(['check', dir, '--date', REF, '--fix']);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(await bytes(dir, '08-uppfoljning.md')).toEqual(expected);
      // The list of what changed comes before the report.
      const list = res.stdout.slice(0, res.stdout.indexOf('Centrumsamverkan Storvik'));
      expect(list).toMatch(/^qm check --fix ändrade 2 ställen i 1 fil:\n/);
      expect(list).toMatch(/08-uppfoljning\.md:7:5 {2}malgrupp → målgrupp\n/);
      expect(list).toMatch(
        /08-uppfoljning\.md:10:13 {2}\{2023: 11,4, 2024: 10,1, 2025: 8,7, 2026: 7,9\} → 2023: 11,4 · 2024: 10,1 · 2025: 8,7 · 2026: 7,9\n/,
      );
      expect(res.stdout).toContain('0 fel, 0 varningar, 0 info');
      // Nothing else was touched.
      const after = await everyFile(dir);
      for (const [f, b] of others) expect(after.get(f), f).toEqual(b);
      // A second run has nothing to fix.
      const again = await qm(['check', dir, '--date', REF, '--fix']);
      expect(again.stdout).toMatch(/^qm check --fix: inget att rätta\.\n/);
      expect(await bytes(dir, '08-uppfoljning.md')).toEqual(expected);
    });
  }

  it('keeps decomposed letters and every other line of the file as they were', async () => {
    const dir = await copyExample('storvik');
    const original = await readFile(join(dir, '05-vision.md'), 'utf8');
    // The file as macOS may save it: decomposed å ä ö, and one key without them.
    const nfd = original.normalize('NFD').replace(/^affärsidé:/m, 'affarside:');
    await writeFile(join(dir, '05-vision.md'), nfd);
    const res = await qm(['check', dir, '--date', REF, '--fix']);
    expect(res.code).toBe(0);
    expect(await readFile(join(dir, '05-vision.md'), 'utf8')).toBe(nfd.replace(/^affarside:/m, 'affärsidé:'));
  });

  it('without --fix writes nothing; the check reports what --fix would change', async () => {
    const dir = await copyExample('storvik');
    const { before } = await brokenChapter8(dir, '\r\n', true);
    const res = await qm(['check', dir, '--date', REF]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('schema/decimalkomma');
    expect(res.stdout).toContain('schema/ascii-nyckel');
    expect(await bytes(dir, '08-uppfoljning.md')).toEqual(before);
  });

  it('with a JSON report on standard output, the list goes to standard error and the JSON stays whole', async () => {
    const dir = await copyExample('storvik');
    await brokenChapter8(dir, '\n', false);
    const res = await qm(['check', dir, '--date', REF, '--fix', '--format', 'json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).applications[0].ok).toBe(true);
    expect(res.stderr).toMatch(/^qm check --fix ändrade 2 ställen i 1 fil:/);
  });

  it('fixes ansokan.yaml too, and leaves what is not a spelling fix (an unknown key, a split title) to the consultant', async () => {
    const dir = await copyExample('storvik');
    const meta = (await readFile(join(dir, 'ansokan.yaml'), 'utf8')).replace(/^stadskärna:/m, 'stadskarna:');
    await writeFile(join(dir, 'ansokan.yaml'), meta);
    const ch3 = (await readFile(join(dir, '03-organisation.md'), 'utf8')).replace(/^organisationsform:/m, 'organisationsfrom:');
    await writeFile(join(dir, '03-organisation.md'), ch3);
    const res = await qm(['check', dir, '--date', REF, '--fix']);
    expect(await readFile(join(dir, 'ansokan.yaml'), 'utf8')).toBe(meta.replace(/^stadskarna:/m, 'stadskärna:'));
    expect(await readFile(join(dir, '03-organisation.md'), 'utf8')).toBe(ch3);
    // A misspelt required key is one diagnostic at the typo, naming the field (issue 13); --fix leaves it.
    expect(res.stdout).toMatch(/här står `organisationsfrom`, troligen en felstavning\. Skriv `organisationsform`\..*schema\/saknat-falt/);
    expect((await check(dir)).diagnostics.map((d) => d.rule)).not.toContain('schema/ascii-nyckel');
  });

  it('a folder that does not exist is exit 2, as without --fix', async () => {
    const res = await qm(['check', '/nonexistent/qm-folder', '--fix']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^qm: /);
  });
});
