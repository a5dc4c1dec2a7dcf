/**
 * `--format gitlab`: GitLab's Code Quality report (docs.gitlab.com, "Code Quality report
 * format"). Every issue has the fields GitLab requires, with the types and values it accepts;
 * the fingerprints are unique within a report and the same in the next run, also when lines
 * were added above a finding (GitLab compares fingerprints to tell new findings from fixed ones).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, REF, qm } from '../helpers/app.js';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

async function gitlab(dir: string, extra: string[] = []): Promise<Issue[]> {
  const run = await qm(['check', 'app', '--format', 'gitlab', '--date', REF, ...extra], { cwd: join(dir, '..') });
  expect(run.code).toBe(1);
  return JSON.parse(run.stdout) as Issue[];
}

describe('--format gitlab', () => {
  it('gives each finding the documented fields; the fingerprints are unique and stable across runs and moved lines', async () => {
    const dir = await copyExample('utkast');
    const { rename } = await import('node:fs/promises');
    const app = join(dir, '..', 'app');
    await rename(dir, app);
    const json = JSON.parse((await qm(['check', 'app', '--format', 'json', '--date', REF], { cwd: join(app, '..') })).stdout);
    const diagnostics = json.applications[0].diagnostics as {
      rule: string;
      file: string | null;
      line: number | null;
      message: string;
      severity: string;
    }[];
    const issues = await gitlab(app);
    expect(issues).toHaveLength(diagnostics.length);
    for (const [i, issue] of issues.entries()) {
      const d = diagnostics[i]!;
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(issue.check_name).toBe(d.rule);
      expect(issue.description).toContain(d.message);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.severity).toBe({ error: 'major', warning: 'minor', info: 'info' }[d.severity]);
      expect(issue.location.path).toBe(`app/${d.file ?? 'ansokan.yaml'}`);
      expect(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1).toBe(true);
      if (d.line !== null) expect(issue.location.lines.begin).toBe(d.line);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(issues.map((x) => x.fingerprint)).size).toBe(issues.length);
    // The next run: the same fingerprints.
    expect((await gitlab(app)).map((x) => x.fingerprint)).toEqual(issues.map((x) => x.fingerprint));
    // Lines added above every finding of chapter 2: its findings move, their fingerprints stay.
    const file = join(app, '02-nulage.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('---\n', '---\n# en kommentar\n# en till\n'));
    const moved = await gitlab(app);
    const before = issues.filter((x) => x.location.path === 'app/02-nulage.md');
    const after = moved.filter((x) => x.location.path === 'app/02-nulage.md');
    expect(after.map((x) => x.location.lines.begin)).toEqual(before.map((x) => x.location.lines.begin + 2));
    expect(after.map((x) => x.fingerprint)).toEqual(before.map((x) => x.fingerprint));
  });

  it('marks an exception as info with its justification; --quiet keeps errors only', async () => {
    const dir = await copyExample('utkast');
    const { rename } = await import('node:fs/promises');
    const app = join(dir, '..', 'app');
    await rename(dir, app);
    await writeFile(
      join(app, 'qm.config.yaml'),
      'undantag:\n  - regel: k3/verksam-tre-ar\n    motivering: Ägarna har åtagit sig att finansiera samverkan.\n',
    );
    const issues = await gitlab(app);
    const excepted = issues.find((x) => x.check_name === 'k3/verksam-tre-ar')!;
    expect(excepted.severity).toBe('info');
    expect(excepted.description).toContain('undantag – motivering: Ägarna har åtagit sig att finansiera samverkan.');
    const quiet = await gitlab(app, ['--quiet']);
    expect(quiet.every((x) => x.severity === 'major')).toBe(true);
    expect(quiet.length).toBe(issues.filter((x) => x.severity === 'major').length);
  });
});
