import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, copyExample, one, only, qm, setField, tempDir } from '../helpers/app.js';

const REASON =
  'Föreningen bildades 2024 men ägarna har skriftligen åtagit sig att finansiera samverkan till och med 2029, se bilagor/åtaganden.pdf.';

/** Storvik, formed in 2024: its one error is k3/verksam-tre-ar. */
async function young(): Promise<string> {
  const dir = await copyExample('storvik');
  await setField(dir, '03-organisation.md', ['bildad'], '2024-05-01');
  return dir;
}

const config = (dir: string, yaml: string) => writeFile(join(dir, 'qm.config.yaml'), yaml);

describe('qm.config.yaml: regler', () => {
  it('refuses to turn off or down-grade an error rule (exit 2, one line, the honest way named)', async () => {
    const dir = await young();
    for (const setting of ['av', 'varning', 'info']) {
      await config(dir, `# Vi vet att föreningen är ny.\nregler:\n  k3/verksam-tre-ar: ${setting}\n`);
      const res = await qm(['check', dir]);
      expect(res.code).toBe(2);
      expect(res.stdout).toBe('');
      const line = res.stderr.trim();
      expect(line.split('\n')).toHaveLength(1);
      expect(line).toContain('qm.config.yaml:3:22');
      expect(line).toContain('k3/verksam-tre-ar är ett Quality Mark-krav');
      expect(line).toContain('undantag');
      expect(line).toContain('motivering');
    }
    const en = await qm(['check', dir, '--lang', 'en']);
    expect(en.stderr).toContain('is a Quality Mark requirement');
  });

  it('re-grades a warning or info rule, or turns it off', async () => {
    const dir = await copyExample('storvik');
    await setField(dir, '01-bakgrund.md', ['startad'], undefined);
    await setField(dir, '03-organisation.md', ['aktörer', 0, 'andel'], '30 %');
    expect(only(await check(dir), 'k1/startad')[0]!.severity).toBe('warning');
    await config(dir, 'regler:\n  k1/startad: fel\n  k3/andelar-summa: av\n');
    const r = await check(dir);
    expect(one(r, 'k1/startad').severity).toBe('error');
    expect(only(r, 'k3/andelar-summa')).toEqual([]);
    expect(r.ok).toBe(false);
    // A rule that is off does not count in passed/total either.
    expect(r.chapters[2]!.rules.map((x) => x.id)).not.toContain('k3/andelar-summa');
    await config(dir, 'regler:\n  k1/startad: info\n  k3/andelar-summa: varning\n');
    const r2 = await check(dir);
    expect(one(r2, 'k1/startad').severity).toBe('info');
    expect(one(r2, 'k3/andelar-summa').severity).toBe('warning');
    expect((await qm(['check', dir])).code).toBe(0);
  });

  it('names the closest rule or key for a typo, with exit 2', async () => {
    const dir = await copyExample('storvik');
    await config(dir, 'regler:\n  k3/andelar-sum: av\n');
    const rule = await qm(['check', dir]);
    expect(rule.code).toBe(2);
    expect(rule.stderr).toContain('okänd regel k3/andelar-sum — menade du k3/andelar-summa? Se qm rules.');
    await config(dir, 'gränser:\n  text_min_ord: 40\n  k8_max_ords: 900\n');
    const key = await qm(['check', dir]);
    expect(key.code).toBe(2);
    expect(key.stderr.trim()).toBe(`qm: ${join(dir, 'qm.config.yaml')}:3:3: okänt fält \`k8_max_ords\` — menade du \`k8_max_ord\`?`);
    await config(dir, 'stikt: ja\n');
    expect((await qm(['check', dir, '--lang', 'en'])).stderr).toContain('unknown field `stikt` — did you mean `strikt`?');
    // Nothing close: the fields that may stand there.
    await config(dir, 'undantag:\n  - regel: k3/karta\n    motivering: Kartan kommer i december.\n    extra: 1\n');
    expect((await qm(['check', dir])).stderr.trim()).toBe(
      `qm: ${join(dir, 'qm.config.yaml')}:4:5: okänt fält \`extra\`; fälten som kan stå här: regel, motivering.`,
    );
  });
});

describe('qm.config.yaml: undantag', () => {
  it('turns the error into an exception that passes the check and still counts as not met', async () => {
    const dir = await young();
    expect((await qm(['check', dir])).code).toBe(1);
    await config(dir, `undantag:\n  - regel: k3/verksam-tre-ar\n    motivering: >\n      ${REASON}\n`);
    const r = await check(dir);
    const d = one(r, 'k3/verksam-tre-ar');
    expect(d.excepted).toEqual({ reason: REASON });
    expect(r.summary).toMatchObject({ errors: 0, excepted: 1 });
    expect(r.ok).toBe(true);
    expect(r.summary.completeness).toBeLessThan(1);
    expect(r.chapters[2]!.rules.find((x) => x.id === 'k3/verksam-tre-ar')!.met).toBe(false);
  });

  it('appears as an exception in every format', async () => {
    const dir = await young();
    await config(dir, `undantag:\n  - regel: k3/verksam-tre-ar\n    motivering: ${REASON}\n`);
    const out = await tempDir('qm-ut-');
    const res = await qm([
      'check',
      dir,
      '--format',
      'pretty',
      '--format',
      `json=${out}/r.json`,
      '--format',
      `sarif=${out}/r.sarif`,
      '--format',
      `junit=${out}/r.xml`,
      '--format',
      `github=${out}/r.txt`,
      '--format',
      `markdown=${out}/r.md`,
    ]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/03-organisation\.md:2:9 {2}undantag {2}Organisationen bildades 2024-05-01/);
    expect(res.stdout).toContain(`undantag: ${REASON}`);
    expect(res.stdout).toContain('0 fel, 0 varningar, 0 info, 1 undantag');
    const json = JSON.parse(await readFile(join(out, 'r.json'), 'utf8'));
    expect(json.applications[0].diagnostics[0]).toMatchObject({
      rule: 'k3/verksam-tre-ar',
      severity: 'error',
      excepted: { reason: REASON },
    });
    const sarif = JSON.parse(await readFile(join(out, 'r.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: REASON }]);
    const junit = await readFile(join(out, 'r.xml'), 'utf8');
    expect(junit).toMatch(
      new RegExp(`<testcase [^>]*name="k3/verksam-tre-ar"[^>]*>\\s*<skipped message="${REASON.replace(/[.]/g, '\\.')}"`),
    );
    const github = await readFile(join(out, 'r.txt'), 'utf8');
    expect(github).toMatch(
      /^::notice file=.*03-organisation\.md,line=2,col=9,title=k3\/verksam-tre-ar::.*undantag – motivering: Föreningen bildades 2024/,
    );
    const md = await readFile(join(out, 'r.md'), 'utf8');
    expect(md).toContain(`☑️ **undantag** \`k3/verksam-tre-ar\``);
    expect(md).toContain(`*motivering:* ${REASON}`);
  });

  it('reports a stale exception as config/oanvant-undantag at its line; --strict then fails', async () => {
    const dir = await copyExample('storvik');
    await config(dir, `språk: sv\nundantag:\n  - regel: k3/karta\n    motivering: Kartan finns i bilaga 3.\n`);
    const r = await check(dir);
    const d = one(r, 'config/oanvant-undantag');
    expect(d).toMatchObject({ severity: 'warning', file: 'qm.config.yaml', line: 3, column: 5, chapter: null });
    expect(d.message).toContain('k3/karta');
    expect((await qm(['check', dir])).code).toBe(0);
    expect((await qm(['check', dir, '--strict'])).code).toBe(1);
  });

  it('needs a motivering', async () => {
    const dir = await young();
    await config(dir, 'undantag:\n  - regel: k3/verksam-tre-ar\n');
    const missing = await qm(['check', dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('qm.config.yaml:2:5: `motivering` saknas.');
    await config(dir, 'undantag:\n  - regel: k3/verksam-tre-ar\n    motivering: "  "\n');
    const empty = await qm(['check', dir]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('`motivering` är tom');
  });
});

describe('qm.config.yaml: gränser, strikt, språk and --config', () => {
  it('feeds the thresholds to the rules', async () => {
    const dir = await copyExample('storvik');
    await config(dir, 'gränser:\n  text_min_ord: 400\n  k8_max_ord: 100\n  bilaga_max_mb: 0.005\n');
    const r = await check(dir);
    expect(only(r, 'text/kort')).toHaveLength(9);
    expect(one(r, 'k8/koncis').message).toContain('100');
    expect(only(r, 'bilaga/storlek').length).toBeGreaterThan(0);
    await config(dir, 'gränser:\n  bilagor_max_mb: 0.01\n');
    expect(only(await check(dir), 'bilaga/storlek')).toHaveLength(1);
  });

  it('strikt: true fails on warnings, språk: en speaks English', async () => {
    const dir = await copyExample('storvik');
    await setField(dir, '01-bakgrund.md', ['startad'], undefined);
    await config(dir, 'strikt: ja\nspråk: en\n');
    const res = await qm(['check', dir]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('0 errors, 1 warning');
  });

  it('--config FILE is used instead of the folder’s own', async () => {
    const dir = await young();
    await config(dir, 'regler:\n  k3/verksam-tre-ar: av\n');
    expect((await qm(['check', dir])).code).toBe(2);
    const shared = join(await tempDir('qm-conf-'), 'kvalitet.yaml');
    await writeFile(
      shared,
      `undantag:\n  - regel: k3/verksam-tre-ar\n    motivering: ${REASON}\n  - regel: k6/dokument\n    motivering: Dokumentet antas i december.\n`,
    );
    const res = await qm(['check', dir, '--config', shared, '--format', 'json']);
    expect(res.code).toBe(0);
    const app = JSON.parse(res.stdout).applications[0];
    expect(app.summary.excepted).toBe(1);
    const stale = app.diagnostics.find((d: { rule: string }) => d.rule === 'config/oanvant-undantag');
    expect(stale).toMatchObject({ line: 4, column: 5 });
    // The file is named relative to the application folder, like every other file.
    expect(join(dir, stale.file)).toBe(shared);
    const gone = await qm(['check', dir, '--config', join(dir, 'saknas.yaml')]);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('saknas.yaml finns inte');
  });
});
