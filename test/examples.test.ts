import { describe, expect, it } from 'vitest';
import { EXAMPLES, check, ids, qm } from './helpers/app.js';
import { join } from 'node:path';

describe('examples/storvik', () => {
  it('passes every rule: no errors, warnings or infos', async () => {
    const r = await check(join(EXAMPLES, 'storvik'));
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.summary.completeness).toBe(1);
    expect(r.referenceDateSource).toBe('option');
  });

  it('exits 0 through the binary and names ansökningsdatum as the reference date', async () => {
    const res = await qm(['check', 'examples/storvik']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Centrumsamverkan Storvik');
    expect(res.stdout).toContain('Referensdatum 2026-11-15 (ansökningsdatum)');
    expect(res.stdout).toContain('fullständighet 100 % av kraven');
    expect(res.stdout).not.toMatch(/\x1b\[/);
  });
});

describe('examples/utkast', () => {
  it('shows an error in each of the nine chapters', async () => {
    const r = await check(join(EXAMPLES, 'utkast'));
    for (let n = 1; n <= 9; n++) expect(r.chapters[n - 1]!.errors, `chapter ${n}`).toBeGreaterThan(0);
    expect(r.ok).toBe(false);
    expect(ids(r)).toEqual(
      expect.arrayContaining([
        'k3/verksam-tre-ar',
        'k4/offentlig-och-privat',
        'k5/vision-tre-ar',
        'k6/langsiktiga-mal',
        'k7/tidplan',
        'k8/metod',
        'k9/medborgare',
        'schema/decimalkomma',
      ]),
    );
  });

  it('exits 1 through the binary', async () => {
    const res = await qm(['check', 'examples/utkast']);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('03-organisation.md:2:9');
    expect(res.stdout).toContain('k3/verksam-tre-ar');
  });
});
