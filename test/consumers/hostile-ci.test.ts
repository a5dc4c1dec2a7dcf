/**
 * cli.md, "Safe in CI logs": a fork's pull request controls the organisation's name, every value
 * a message quotes, every file name and the justifications. Three applications carry such text
 * (a forged annotation, `::stop-commands::`, `##[add-mask]`, `##vso[…]`, behind spaces that the
 * runner trims, in a value that wrapping brings to a line's start, in a file name and in a folder
 * name), and every format of qm check (to standard output, to files, and the line on standard
 * error), and a usage error that quotes a folder, are read the way the runners read a log
 * (runners.ts). Only `github` may hold commands, and only qm's own: one annotation per
 * diagnostic, with a rule id as its title.
 */
import { cp, mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REF, qm, tempDir } from '../helpers/app.js';
import { runnerCommands } from './runners.js';

const FORGED = '::error file=kunder/alfa/ansokan.yaml,line=1::Godkänd av Svenska Stadskärnor';
const HOSTILE_FOLDER = '::warning file=x::mappnamn ##[add-mask]hemligt';
const ORGANISATIONS = [
  FORGED,
  '\u3000 ::stop-commands::qmtoken',
  'Förening ##[add-mask]hemligt ##vso[task.setvariable variable=GODKAND]ja',
];

let cwd: string;
let folders: string[];
let ruleIds: Set<string>;

beforeAll(async () => {
  cwd = join(await tempDir('qm-hostile-ci-'), 'kunder');
  await mkdir(cwd);
  folders = ['alfa', 'beta', HOSTILE_FOLDER];
  for (const [i, folder] of folders.entries()) {
    const dir = join(cwd, folder);
    await cp(join(FIXTURES, 'utkast'), dir, { recursive: true });
    const meta = await readFile(join(dir, 'ansokan.yaml'), 'utf8');
    await writeFile(join(dir, 'ansokan.yaml'), meta.replace(/^organisation:.*$/m, `organisation: ${JSON.stringify(ORGANISATIONS[i])}`));
    // A value a message quotes, with spaces so that wrapping can bring a command to a line's start.
    const nulage = await readFile(join(dir, '02-nulage.md'), 'utf8');
    await writeFile(
      join(dir, '02-nulage.md'),
      nulage.replace(
        'bilagor/swot-analys.pdf',
        '"bilagor/swot ::error file=a,line=1::förfalskad ##vso[task.complete result=Succeeded;]x.pdf"',
      ),
    );
    // File names: an unused attachment whose name is a command, one with a line break in it.
    await rename(join(dir, 'bilagor', 'logotyp-gammal.png'), join(dir, 'bilagor', '::error file=b::fil.png'));
    await writeFile(join(dir, 'bilagor', 'rad\n::notice::ny rad.pdf'), '%PDF-1.4\n%%EOF\n');
    // A justification over several lines, each a command.
    await writeFile(
      join(dir, 'qm.config.yaml'),
      'undantag:\n  - regel: k3/verksam-tre-ar\n    motivering: "Skäl.\\n::stop-commands::qmtoken2\\n  ##[add-mask]x\\n::error::förfalskat"\n',
    );
  }
  const rules = await qm(['rules', '--format', 'json']);
  ruleIds = new Set((JSON.parse(rules.stdout) as { id: string }[]).map((r) => r.id));
});

const FORMATS = ['pretty', 'json', 'junit', 'sarif', 'gitlab', 'markdown'];

describe('no format lets application text become a runner command', () => {
  it('the applications really are hostile: unguarded, their text would be commands', async () => {
    const json = await qm(['check', ...folders, '--format', 'json', '--date', REF], { cwd });
    const apps = JSON.parse(json.stdout).applications as {
      organisation: string;
      diagnostics: { message: string; file: string | null }[];
    }[];
    expect(apps.map((a) => a.organisation)).toEqual(ORGANISATIONS);
    // As plain lines (what a naive report would print), each organisation is a command.
    expect(runnerCommands(ORGANISATIONS.join('\n')).map((c) => c.command)).toEqual([
      'error',
      'stop-commands',
      'add-mask',
      'task.setvariable',
    ]);
    expect(apps[0]!.diagnostics.some((d) => d.message.includes('::error file=a,line=1::förfalskad'))).toBe(true);
    expect(apps[0]!.diagnostics.some((d) => d.file === 'bilagor/::error file=b::fil.png')).toBe(true);
  });

  for (const format of FORMATS)
    it(`${format}: to standard output, wrapped at 40 columns, in Swedish and English`, async () => {
      for (const lang of ['sv', 'en']) {
        const run = await qm(['check', ...folders, '--format', format, '--date', REF, '--lang', lang], { cwd, env: { COLUMNS: '40' } });
        expect(run.code, run.stderr).toBe(1);
        expect(run.stdout.length).toBeGreaterThan(1000);
        expect(runnerCommands(run.stdout), `${format} ${lang}`).toEqual([]);
        expect(runnerCommands(run.stderr)).toEqual([]);
      }
    });

  it('every report to a file, and the summary line on standard error', async () => {
    const out = await tempDir('qm-hostile-out-');
    const args = FORMATS.map((f) => `${f}=${join(out, `r.${f}`)}`).flatMap((x) => ['--format', x]);
    const run = await qm(['check', ...folders, ...args, '--date', REF], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(runnerCommands(run.stderr)).toEqual([]);
    expect(run.stderr).toContain('ansökningar');
    for (const f of await readdir(out)) expect(runnerCommands(await readFile(join(out, f), 'utf8')), f).toEqual([]);
    // One application alone: the summary line names its organisation.
    const one = await qm(['check', 'alfa', '--format', `json=${join(out, 'one.json')}`, '--date', REF], { cwd });
    expect(one.stderr).toContain('Godkänd av Svenska Stadskärnor');
    expect(runnerCommands(one.stderr)).toEqual([]);
  });

  it('a usage error that quotes a hostile folder name', async () => {
    const run = await qm(['check', '##[add-mask]hemligt', '::error::saknas'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^qm: /);
    expect(runnerCommands(run.stderr)).toEqual([]);
  });

  it('github: only qm’s own annotations, one per diagnostic, and the pretty report beside them adds none', async () => {
    const json = JSON.parse((await qm(['check', ...folders, '--format', 'json', '--date', REF], { cwd })).stdout);
    const count = (json.applications as { diagnostics: unknown[] }[]).reduce((n, a) => n + a.diagnostics.length, 0);
    const run = await qm(['check', ...folders, '--format', 'pretty', '--format', 'github', '--date', REF], { cwd, env: { COLUMNS: '40' } });
    // GitHub's runner reads each of these lines as one annotation (the older `##[` syntax is tried
    // only when a line is not one): an Azure agent, which the github format is not for, would
    // also see a `##vso[` quoted inside an annotation's message; nothing else may be a command.
    const all = runnerCommands(run.stdout);
    const commands = all.filter((c) => c.runner === 'github');
    expect(all.filter((c) => c.runner !== 'github').every((c) => commands.some((g) => g.line === c.line))).toBe(true);
    expect(commands).toHaveLength(count);
    for (const c of commands) {
      expect(c.runner).toBe('github');
      expect(['error', 'warning', 'notice']).toContain(c.command);
      expect(ruleIds.has(c.properties.title!), c.line).toBe(true);
      expect(Object.keys(c.properties).every((k) => ['file', 'line', 'col', 'title'].includes(k))).toBe(true);
    }
    // The forged organisation is not an annotation; the hostile file name is a file property, whole.
    expect(commands.some((c) => c.data.startsWith('Godkänd'))).toBe(false);
    expect(commands.some((c) => c.properties.file === 'alfa/bilagor/::error file=b::fil.png')).toBe(true);
    expect(commands.some((c) => c.properties.file === 'alfa/bilagor/rad\n::notice::ny rad.pdf')).toBe(true);
  });
});
