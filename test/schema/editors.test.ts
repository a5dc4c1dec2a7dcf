/**
 * docs/editors.md, kept true: the schema line `qm init --yaml` writes names the schema that
 * `qm schema --out` writes for that file, the `yaml.schemas` settings cover the chapter files,
 * and the VS Code task's problem matchers read every located remark of the plain report.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initApplication } from '../../src/init/index.js';
import { ROOT, check, ids, qm, tempDir } from '../helpers/app.js';

const doc = () => readFile(join(ROOT, 'docs', 'editors.md'), 'utf8');

/** The JSON code blocks of the page. */
async function jsonBlocks(): Promise<unknown[]> {
  return [...(await doc()).matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]!));
}

/** A glob as the YAML extension matches it against a file name: `*`, `?`, `[…]` and `{a,b}`. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i);
      re += `[${glob.slice(i + 1, end).replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '{') {
      const end = glob.indexOf('}', i);
      re += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map((s) => s.replace(/[.+^$()|\\]/g, '\\$&'))
        .join('|')})`;
      i = end;
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

describe('docs/editors.md', () => {
  it('the schema line of every YAML file init writes names the copy init writes beside it, as qm schema --out writes it', async () => {
    const app = await tempDir();
    const files = (await initApplication(app, { yaml: true })).filter((f) => f.endsWith('.yaml'));
    const out = join(await tempDir(), 'scheman');
    expect((await qm(['schema', '--out', out])).code).toBe(0);
    expect(files).toHaveLength(10);
    for (const f of files) {
      const first = (await readFile(join(app, f), 'utf8')).split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f).not.toBeNull();
      const schemaFile = f === 'ansokan.yaml' ? 'ansokan.schema.json' : f.replace(/\.yaml$/, '.schema.json');
      expect(m![1], f).toBe(`.qm-schemas/${schemaFile}`);
      expect(await readFile(join(app, m![1]!), 'utf8')).toBe(await readFile(join(out, schemaFile), 'utf8'));
    }
  });

  it('maps every schema file in yaml.schemas, and its patterns cover the chapter files as init writes them and as they may be named', async () => {
    const settings = (await jsonBlocks()).find((b) => typeof b === 'object' && b !== null && 'yaml.schemas' in b) as {
      'yaml.schemas': Record<string, string>;
    };
    const map = settings['yaml.schemas'];
    const out = join(await tempDir(), 'scheman');
    await qm(['schema', '--out', out]);
    const written = (await readdir(out)).filter((f) => f !== 'common.schema.json').sort();
    expect(
      Object.keys(map)
        .map((k) => k.replace('./.qm-schemas/', ''))
        .sort(),
    ).toEqual(written);
    const app = await tempDir();
    const names = [...(await initApplication(app)), ...(await initApplication(await tempDir(), { yaml: true }))].filter(
      (f) => !f.endsWith('/'),
    );
    for (const name of [...names, '03_var-organisation.yml', 'qm.config.yaml'].filter((n) => !n.endsWith('.md'))) {
      const hits = Object.entries(map).filter(([, glob]) => globToRegExp(glob).test(name));
      expect(hits.length, name).toBe(1);
      const schema = hits[0]![0].replace('./.qm-schemas/', '');
      expect(schema.slice(0, 3), name).toBe(
        name.startsWith('ansokan') ? 'ans' : name.startsWith('qm.config') ? 'qm.' : name.slice(0, 3).replace('_', '-'),
      );
    }
    // Markdown chapters are not YAML files: no pattern claims them.
    for (const name of names.filter((n) => n.endsWith('.md')))
      expect(
        Object.values(map).some((g) => globToRegExp(g).test(name)),
        name,
      ).toBe(false);
  });

  it("the task's problem matchers read every located remark of the plain report, with its message as printed", async () => {
    interface Matcher {
      severity: string;
      fileLocation: [string, string];
      pattern: { regexp: string; file: number; line: number; column: number; message: number; code: number };
    }
    const tasks = (await jsonBlocks()).find((b) => typeof b === 'object' && b !== null && 'tasks' in b) as {
      tasks: { command: string; options: { env: Record<string, string> }; problemMatcher: Matcher[] }[];
    };
    const { command, options, problemMatcher } = tasks.tasks[0]!;
    expect(command).toBe('qm check kunder/storvik');
    expect(problemMatcher.map((m) => m.fileLocation[1])).toEqual(Array(3).fill('${workspaceFolder}/kunder/storvik'));
    // The task runs in a terminal: run it in one (60 columns), so that COLUMNS=0 is what keeps each remark on one line.
    const args = ['check', 'test/fixtures/utkast', '--date', '2026-11-15'];
    const inTerminal = await new Promise<{ stdout: string } | undefined>((done) =>
      execFile(
        'script',
        ['-qec', `stty cols 60; ${[process.execPath, join(ROOT, 'bin', 'qm.js'), ...args].join(' ')}`, '/dev/null'],
        { cwd: ROOT, env: { ...process.env, QM_LANG: '', FORCE_COLOR: '', ...options.env } },
        (e, stdout) => done(e && !stdout ? undefined : { stdout: stdout.replace(/\r\n/g, '\n') }),
      ),
    );
    const res = inTerminal ?? (await qm(args, { env: options.env }));
    const json = JSON.parse((await qm([...args, '--format', 'json'])).stdout);
    const located = json.applications[0].diagnostics.filter(
      (d: { line: number | null; file: string | null; excepted?: unknown }) => d.line !== null && d.file !== null && !d.excepted,
    );
    const matched = res.stdout.split('\n').flatMap((l) =>
      problemMatcher.flatMap((m) => {
        const x = new RegExp(m.pattern.regexp).exec(l);
        return x ? [{ m, x }] : [];
      }),
    );
    expect(matched).toHaveLength(located.length);
    for (const [i, { m, x }] of matched.entries()) {
      const d = located[i];
      expect(x[m.pattern.file]).toBe(d.file);
      expect(Number(x[m.pattern.line])).toBe(d.line);
      expect(Number(x[m.pattern.column])).toBe(d.column);
      expect(x[m.pattern.code]).toBe(d.rule);
      expect(x[m.pattern.message]).toBe(d.message);
      expect(m.severity).toBe(d.severity);
    }
    expect(res.stdout).not.toMatch(/%0A|%25|\x1b\[/);
  });

  it('a .qm-schemas folder inside the application changes nothing for qm check', async () => {
    const app = await tempDir();
    await initApplication(app, { yaml: false });
    const before = await check(app);
    await mkdir(join(app, '.qm-schemas'));
    expect((await qm(['schema', '--out', join(app, '.qm-schemas')])).code).toBe(0);
    const after = await check(app);
    expect(ids(after)).toEqual(ids(before));
    expect(after.diagnostics).toEqual(before.diagnostics);
  });
});
