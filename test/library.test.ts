/**
 * qm as a library, the way a program uses it: `import … from 'qm'` resolved through
 * package.json's `exports` to the built output (dist/), and its type declarations checked by
 * TypeScript in a project of its own.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from './helpers/app.js';

const run = promisify(execFile);
let project: string;

/** Runs an ES module in a project that has qm installed (node_modules/qm → this repository). */
async function node(code: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: project, env: { ...process.env, ...env } });
  return stdout;
}

beforeAll(async () => {
  project = await tempDir('qm-consumer-');
  await mkdir(join(project, 'node_modules'));
  await symlink(ROOT, join(project, 'node_modules', 'qm'), 'dir');
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'qm-consumer', private: true, type: 'module' }));
});

describe("import … from 'qm'", () => {
  it('resolves to the built output and checks examples/storvik', async () => {
    const out = await node(
      `import { checkApplication } from 'qm';
       const report = await checkApplication(process.env.APP, { date: '2026-11-15' });
       console.log(JSON.stringify({ ok: report.ok, organisation: report.organisation, diagnostics: report.diagnostics.length, completeness: report.summary.completeness, chapters: report.chapters.map((c) => c.passed + '/' + c.total) }));
       console.log(import.meta.resolve('qm'));`,
      { APP: join(FIXTURES, 'storvik') },
    );
    const [json, resolved] = out.trim().split('\n');
    expect(JSON.parse(json!)).toMatchObject({ ok: true, organisation: 'Centrumsamverkan Storvik', diagnostics: 0, completeness: 1 });
    expect(resolved).toMatch(/\/dist\/index\.js$/);
  });

  it('reports the mistakes of examples/utkast with positions and Swedish messages', async () => {
    const out = await node(
      `import { checkApplication } from 'qm';
       const r = await checkApplication(process.env.APP);
       const d = r.diagnostics.find((x) => x.rule === 'k3/verksam-tre-ar');
       console.log(JSON.stringify({ ok: r.ok, file: d.file, line: d.line, column: d.column, message: d.message }));`,
      { APP: join(FIXTURES, 'utkast') },
    );
    expect(JSON.parse(out)).toEqual({
      ok: false,
      file: '03-organisation.md',
      line: 2,
      column: 9,
      message:
        'Organisationen bildades 2024-05-01 och har varit verksam i 2 år och 6 månader. Kravet är minst tre år; det uppfylls 2027-05-01.',
    });
  });

  it('initialises a folder, lists the rules and gives the schemas', async () => {
    const target = join(await tempDir(), 'kunder', 'alvbacka');
    const out = await node(
      `import { initApplication, checkApplication, rules, schemas } from 'qm';
       const files = await initApplication(process.env.TARGET, { organisation: 'Handelsföreningen Älvbacka', typ: 'förnyelse' });
       const r = await checkApplication(process.env.TARGET, { date: '2026-11-15' });
       console.log(JSON.stringify({
         files,
         organisation: r.organisation,
         ruleIds: [...new Set(r.diagnostics.map((d) => d.rule))].sort(),
         rules: rules.map((x) => x.id),
         schemas: schemas.map((s) => s.file + ' ' + s.schema.$id),
       }));`,
      { TARGET: target },
    );
    const got = JSON.parse(out);
    expect(got.files).toEqual([
      'ansokan.yaml',
      '01-bakgrund.md',
      '02-nulage.md',
      '03-organisation.md',
      '04-finansiering.md',
      '05-vision.md',
      '06-mal-och-strategi.md',
      '07-verksamhetsplan.md',
      '08-uppfoljning.md',
      '09-kommunikation.md',
      'bilagor/',
    ]);
    expect(got.organisation).toBe('Handelsföreningen Älvbacka');
    expect(got.ruleIds).toEqual(['bilaga/saknas', 'text/platshallare']);
    expect(got.rules).toEqual(expect.arrayContaining(['k3/verksam-tre-ar', 'text/platshallare', 'bilaga/saknas', 'k9/medborgare']));
    expect(got.schemas).toContain('03-organisation.schema.json https://qm-schemas.github.io/v1/03-organisation.schema.json');
    expect(got.schemas).toContain('qm.config.schema.json https://qm-schemas.github.io/v1/qm.config.schema.json');
  });

  it('throws a UsageError, not a crash, for a folder that does not exist', async () => {
    const out = await node(
      `import { checkApplication, UsageError } from 'qm';
       try { await checkApplication('finns-inte'); } catch (e) { console.log(e instanceof UsageError, e.key); }`,
    );
    expect(out.trim()).toBe('true folder-missing');
  });

  it('runs the example of docs/library.md as it stands', async () => {
    const md = await readFile(join(ROOT, 'docs', 'library.md'), 'utf8');
    const code = /```js\n([\s\S]*?)\n```/.exec(md)![1]!;
    expect(code.split('\n').filter((l) => l.trim()).length).toBeLessThanOrEqual(10);
    await cp(join(FIXTURES, 'storvik'), join(project, 'kunder', 'storvik'), { recursive: true });
    expect(await node(code)).toBe('11 filer i kunder/alvbacka\nklar att lämna in 100 %\n');
    // Run again, the new folder is there: the library refuses as the command line does.
    await expect(node(code)).rejects.toThrow(/UsageError: init-exists/);
  });

  it('ships type declarations that TypeScript resolves through package.json exports', async () => {
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['check.ts'],
      }),
    );
    await writeFile(
      join(project, 'check.ts'),
      `import { checkApplication, initApplication, rules, schemas, type Application, type Diagnostic, type Report, type InitOptions } from 'qm';

const options: InitOptions = { typ: 'förnyelse', yaml: true };
const written: string[] = await initApplication('ny-ansokan', options);
const report: Report = await checkApplication('ansokan', { date: '2026-11-15', lang: 'en' });
const first: Diagnostic | undefined = report.diagnostics[0];
const where: string = \`\${first?.file}:\${first?.line}:\${first?.column} \${first?.rule}\`;
const ids: string[] = rules.map((r) => r.id);
const files: string[] = schemas.map((s) => s.file);
const app: Application | undefined = undefined;
// @ts-expect-error: ok is a boolean, so the declarations are real types, not any
const wrong: string = report.ok;
// @ts-expect-error: typ is ny or förnyelse
await initApplication('x', { typ: 'fortsättning' });
export { written, where, ids, files, app, wrong };
`,
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const res = await run(process.execPath, [tsc, '-p', join(project, 'tsconfig.json')], { cwd: project }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(res.out).toBe('');
    expect(res.code).toBe(0);
  });
});
