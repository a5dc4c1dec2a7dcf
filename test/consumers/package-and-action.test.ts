/**
 * qm installed the way a team installs it, and the GitHub Action run the way the runner runs it.
 *
 * - `npm pack` (its prepack builds dist/ and ships a package.json without lifecycle scripts), in
 *   a copy of the repository so that the working tree is never touched; the tarball installed
 *   globally into an empty prefix: nothing is built or run, npm prints no install-scripts
 *   warning, and `qm --version` and `qm check` work from another folder.
 * - action.yml's steps, each as the runner runs a composite step with `shell: bash` (`bash
 *   --noprofile --norc -eo pipefail FILE`), its `${{ … }}` expressions resolved, and the
 *   runner's files GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_PATH as temporary files; the
 *   log read as the runner reads it (runners.ts).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REF, ROOT, tempDir } from '../helpers/app.js';
import { runnerCommands } from './runners.js';

const exec = promisify(execFile);
let tarball: string;
let prefix: string;

/** PATH without any qm on it. */
const basePath = (process.env.PATH ?? '').split(':').filter((p) => !p.includes('node_modules'));

beforeAll(async () => {
  const copy = join(await tempDir('qm-pack-'), 'qm');
  await mkdir(copy);
  for (const f of await readdir(ROOT)) {
    if (['node_modules', '.git', 'dist', 'coverage'].includes(f) || f.startsWith('dist.')) continue;
    await cp(join(ROOT, f), join(copy, f), { recursive: true });
  }
  await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  const out = join(copy, '..');
  const res = await exec('npm', ['pack', '--pack-destination', out], { cwd: copy, maxBuffer: 64 << 20 });
  tarball = join(out, res.stdout.trim().split('\n').pop()!);
  // The repository's package.json is back as it was after the pack.
  expect(await readFile(join(copy, 'package.json'), 'utf8')).toBe(await readFile(join(ROOT, 'package.json'), 'utf8'));
  prefix = await tempDir('qm-prefix-');
}, 300_000);

describe('the package', () => {
  it('is named qm-kvalitet, ships dist/ built, and has no lifecycle script in it', async () => {
    expect(tarball).toMatch(/qm-kvalitet-\d+\.\d+\.\d+\.tgz$/);
    const { stdout: list } = await exec('tar', ['tzf', tarball]);
    expect(list).toContain('package/dist/cli.js');
    expect(list).toContain('package/dist/index.js');
    expect(list).toContain('package/bin/qm.js');
    expect(list).not.toContain('package/src/');
    const { stdout: manifest } = await exec('tar', ['xzf', tarball, '-O', 'package/package.json']);
    const pkg = JSON.parse(manifest);
    expect(pkg.name).toBe('qm-kvalitet');
    expect(pkg.bin).toEqual({ qm: 'bin/qm.js' });
    expect(pkg.scripts).toBeUndefined();
    expect(pkg.exports['.']).toMatchObject({ import: './dist/index.js', require: './dist/index.js', default: './dist/index.js' });
  });

  it('installs globally into an empty prefix without building or warning; qm works from another folder', async () => {
    const res = await exec('npm', ['install', '--global', '--prefix', prefix, '--no-fund', '--no-audit', tarball], {
      env: { ...process.env, npm_config_loglevel: 'warn' },
      maxBuffer: 64 << 20,
    });
    const said = res.stdout + res.stderr;
    expect(said).not.toMatch(/install-scripts|allowScripts|prepare|build/i);
    const qm = join(prefix, 'bin', 'qm');
    const away = await tempDir('qm-away-');
    const env = { ...process.env, PATH: [join(prefix, 'bin'), ...basePath].join(':'), NO_COLOR: '1' };
    const version = await exec(qm, ['--version'], { cwd: away, env });
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).version);
    await cp(join(FIXTURES, 'storvik'), join(away, 'storvik'), { recursive: true });
    const check = await exec('qm', ['check', 'storvik', '--date', REF], { cwd: away, env });
    expect(check.stdout).toContain('Centrumsamverkan Storvik');
    expect(check.stdout).toContain('0 fel, 0 varningar');
  }, 300_000);
});

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}

interface ActionRun {
  code: number;
  log: string;
  summary: string;
  outputs: Record<string, Record<string, string>>;
}

/** Runs action.yml's steps as the runner runs a composite action. */
async function runAction(inputs: Record<string, string>, cwd: string): Promise<ActionRun> {
  const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: Step[] };
  };
  expect(action.runs.using).toBe('composite');
  const values = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default]));
  const outputs: Record<string, Record<string, string>> = {};
  const path = [...basePath];
  const work = await tempDir('qm-runner-');
  let log = '';
  let summary = '';
  let failed = false;
  let code = 0;
  const expr = (s: string) =>
    s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
      let m: RegExpExecArray | null;
      if ((m = /^inputs\.([\w-]+)$/.exec(e))) return values[m[1]!] ?? '';
      if (e === 'github.action_path') return ROOT;
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e))) return outputs[m[1]!]?.[m[2]!] ?? '';
      throw new Error(`expression not known to the test: ${e}`);
    });
  for (const [i, step] of action.runs.steps.entries()) {
    if (failed && !(step.if ?? '').includes('always()')) continue;
    expect(step.shell).toBe('bash');
    // Inputs reach the script through env only: nothing of an input is pasted into the code.
    expect(step.run).not.toContain('${{');
    const files = {
      GITHUB_OUTPUT: join(work, `output-${i}`),
      GITHUB_STEP_SUMMARY: join(work, `summary-${i}`),
      GITHUB_PATH: join(work, `path-${i}`),
    };
    for (const f of Object.values(files)) await writeFile(f, '');
    const script = join(work, `step-${i}.sh`);
    await writeFile(script, step.run);
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      ...files,
      PATH: path.join(':'),
      npm_config_prefix: prefix,
      RUNNER_TEMP: work,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      QM_LANG: '',
      NO_COLOR: '',
      FORCE_COLOR: '',
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expr(v);
    const res = await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, maxBuffer: 64 << 20 }).then(
      (r) => ({ code: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    log += res.out;
    if (res.code !== 0) {
      failed = true;
      code = res.code;
    }
    if (step.id)
      outputs[step.id] = Object.fromEntries(
        (await readFile(files.GITHUB_OUTPUT, 'utf8'))
          .split('\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
    summary += await readFile(files.GITHUB_STEP_SUMMARY, 'utf8');
    path.unshift(...(await readFile(files.GITHUB_PATH, 'utf8')).split('\n').filter(Boolean).reverse());
  }
  return { code, log, summary, outputs };
}

describe('action.yml, its steps run as the runner runs them', () => {
  let repo: string;
  beforeAll(async () => {
    repo = await tempDir('qm-repo-');
    await mkdir(join(repo, 'kunder'));
    await cp(join(FIXTURES, 'storvik'), join(repo, 'kunder', 'storvik'), { recursive: true });
    await cp(join(FIXTURES, 'utkast'), join(repo, 'kunder', 'utkast'), { recursive: true });
    await writeFile(
      join(repo, 'kunder', 'utkast', 'qm.config.yaml'),
      'undantag:\n  - regel: k3/verksam-tre-ar\n    motivering: Ägarna finansierar samverkan till och med 2029.\n',
    );
  });

  it('installs qm, checks, writes the job summary, annotates, and writes SARIF without excepted results', async () => {
    const run = await runAction({ folders: 'kunder/*', date: REF, package: tarball }, repo);
    expect(run.code).toBe(1);
    expect(run.outputs.check).toMatchObject({ 'exit-code': '1' });
    expect(run.outputs.sarif).toEqual({ sarif: 'qm.sarif' });
    // The job summary: the markdown report.
    expect(run.summary).toMatch(/^## Sammanfattning\n/);
    expect(run.summary).toContain('| ✅ | `kunder/storvik` | Centrumsamverkan Storvik | 0 | 0 | 100 % |');
    // Annotations, as the runner reads the log: one per diagnostic of the draft.
    const json = JSON.parse(
      (
        await exec(join(prefix, 'bin', 'qm'), ['check', 'kunder/utkast', '--format', 'json', '--date', REF], { cwd: repo }).catch(
          (e: { stdout: string }) => e,
        )
      ).stdout,
    );
    const annotations = runnerCommands(run.log).filter((c) => c.runner === 'github');
    expect(annotations).toHaveLength(json.applications[0].diagnostics.length);
    expect(annotations.find((a) => a.properties.title === 'k3/karta')).toMatchObject({
      command: 'error',
      properties: { file: 'kunder/utkast/03-organisation.md', line: '2' },
    });
    expect(annotations.find((a) => a.properties.title === 'k3/verksam-tre-ar')!.command).toBe('notice');
    // The pretty report is in the log too.
    expect(run.log).toContain('Handelsföreningen Älvbacka  kunder/utkast');
    // The SARIF to upload: every result but the excepted one, which the full SARIF keeps suppressed.
    const upload = JSON.parse(await readFile(join(repo, 'qm.sarif'), 'utf8'));
    const full = JSON.parse(await readFile(join(repo, 'qm.full.sarif'), 'utf8'));
    const suppressed = full.runs[0].results.filter((r: { suppressions?: unknown[] }) => r.suppressions?.length);
    expect(suppressed.map((r: { ruleId: string }) => r.ruleId)).toEqual(['k3/verksam-tre-ar']);
    expect(upload.runs[0].results).toHaveLength(full.runs[0].results.length - 1);
    expect(upload.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'k3/verksam-tre-ar')).toBe(false);
  }, 300_000);

  it('strict and lang; a complete application passes', async () => {
    const run = await runAction({ folders: 'kunder/storvik', date: REF, strict: 'true', lang: 'en', package: tarball }, repo);
    expect(run.code).toBe(0);
    expect(run.outputs.check).toMatchObject({ 'exit-code': '0' });
    expect(run.summary).toContain('| Chapter | Status | Met | Open points |');
  }, 300_000);

  it('when qm cannot do its job: exit 2, and still a SARIF that says why (upload-sarif finds its file)', async () => {
    const run = await runAction({ folders: 'kunder/finns-inte', package: tarball }, repo);
    expect(run.code).toBe(2);
    expect(run.log).toContain('qm: Mappen kunder/finns-inte finns inte.');
    const upload = JSON.parse(await readFile(join(repo, 'qm.sarif'), 'utf8'));
    expect(upload.runs[0].invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', message: { text: 'Mappen kunder/finns-inte finns inte.' } }],
    });
    expect(upload.runs[0].results).toEqual([]);
  }, 300_000);
});
