import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, qm, tempDir } from '../helpers/app.js';

describe('qm check over many folders (worker threads)', () => {
  it('checks 24 folders in parallel and reports them in the order of the folders, exit 1 for the worst', async () => {
    const root = await tempDir();
    const names: string[] = [];
    for (let i = 0; i < 24; i++) {
      const name = `kund-${String(i).padStart(2, '0')}`;
      names.push(name);
      await cp(join(FIXTURES, i % 5 === 3 ? 'utkast' : 'storvik'), join(root, name), { recursive: true });
    }
    const res = await qm(['check', 'kund-*', '--format', 'json', '--date', '2026-11-15'], { cwd: root });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(1);
    const doc = JSON.parse(res.stdout) as {
      applications: { path: string; ok: boolean; organisation: string; summary: { errors: number } }[];
    };
    expect(doc.applications.map((a) => a.path)).toEqual(names);
    doc.applications.forEach((a, i) => {
      expect(a.ok, a.path).toBe(i % 5 !== 3);
      expect(a.organisation).toBe(i % 5 === 3 ? 'Handelsföreningen Älvbacka' : 'Centrumsamverkan Storvik');
    });
    expect(doc.applications[3]!.summary.errors).toBe(28);
  });

  it('a bad qm.config.yaml in one of many folders is exit 2 with one line', async () => {
    const root = await tempDir();
    for (let i = 0; i < 20; i++) await cp(join(FIXTURES, 'storvik'), join(root, `a${String(i).padStart(2, '0')}`), { recursive: true });
    await writeFile(join(root, 'a07', 'qm.config.yaml'), 'regler:\n  k3/karta: av\n');
    await mkdir(join(root, 'tom'), { recursive: true });
    const res = await qm(['check', 'a*', '--format', 'json'], { cwd: root });
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('k3/karta');
    expect(res.stdout).toBe('');
  });
});
