/**
 * Nothing lost: `check`, `init` and `pdf` leave the application folder exactly as it was
 * (every file's bytes, mode and mtime, every link and folder), and an output that cannot be
 * written completely, because the disk fails or qm is killed half-way, leaves no partial file
 * and keeps the file that was there before.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, open, readFile, readdir, rm, stat, symlink, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, FIXTURES, REF, ROOT, check, tempDir } from '../helpers/app.js';
import { main, type Io } from '../../src/cli/main.js';
import { initApplication } from '../../src/init/index.js';
import { assertNoStackTrace, assertOneLineExit2, hashTree, runQm, type Run } from '../hostile/support.js';

/** An application folder (a copy of an example) with a folder `ut/` beside it for outputs. */
async function workspace(example = 'storvik'): Promise<{ base: string; dir: string; out: string }> {
  const base = await tempDir('qm-safety-');
  const dir = join(base, example);
  await cp(join(FIXTURES, example), dir, { recursive: true });
  // What consultants' folders also hold: a link, an editor backup, a hidden file, an empty folder.
  await symlink('bilagor/organisationsmatris.pdf', join(dir, 'matris-genvag.pdf'));
  await writeFile(join(dir, '03-organisation.md~'), 'säkerhetskopia\n');
  await writeFile(join(dir, '.DS_Store'), Buffer.from([0, 0, 0, 1, 66, 117, 100, 49]));
  await mkdir(join(dir, 'bilagor', 'tom-mapp'));
  const out = join(base, 'ut');
  await mkdir(out);
  return { base, dir, out };
}

const leftovers = async (folder: string) => (await readdir(folder)).filter((n) => n.includes('.qm-tmp-'));

/** Makes every FileHandle.writeFile after the first `after` write half of its data and fail with ENOSPC (a full disk). */
async function diskFullAfter<T>(after: number, fn: () => Promise<T>): Promise<T> {
  const probe = await open(process.execPath, 'r');
  const proto = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const original = proto.writeFile;
  let calls = 0;
  proto.writeFile = async function (this: FileHandle, data: string | Uint8Array) {
    if (calls++ < after) return original.call(this, data);
    const bytes = Buffer.from(data);
    await this.write(bytes.subarray(0, bytes.length >> 1));
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  } as FileHandle['writeFile'];
  try {
    return await fn();
  } finally {
    proto.writeFile = original;
  }
}

/**
 * Runs qm with a limit on the size of any file it writes (RLIMIT_FSIZE, `ulimit -f`, in KiB):
 * past it the kernel fails the write with EFBIG, a real write error from the file system,
 * wherever in qm (or in which thread) the writing happens.
 */
function runWithFileSizeLimit(kib: number, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', `ulimit -f ${kib} && exec "$0" "$@"`, process.execPath, BIN, ...args],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number }) | null;
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
          timedOut: false,
        });
      },
    );
  });
}

function captureIo(cwd: string): { io: Io; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  const stream = (add: (s: string) => void) =>
    ({ write: (s: string | Uint8Array) => (add(String(s)), true) }) as unknown as NodeJS.WritableStream;
  return {
    io: { stdout: stream((s) => (out += s)), stderr: stream((s) => (err += s)), env: { NO_COLOR: '1' }, cwd },
    stdout: () => out,
    stderr: () => err,
  };
}

/**
 * Runs qm with a module that stalls the output write half-way, waits until half is on disk, and
 * kills qm with `signal`.
 */
function killMidWrite(args: string[], signal: NodeJS.Signals): Promise<{ stderr: string; killed: boolean }> {
  const stall = pathToFileURL(join(ROOT, 'test', 'safety', 'stall-write.mjs')).href;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', stall, BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', QM_TEST_STALL_WRITE: '1' },
    });
    let stderr = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (stderr.includes('QM-TEST: half written')) child.kill(signal);
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (_code, sig) => {
      clearTimeout(guard);
      resolve({ stderr, killed: sig === signal });
    });
  });
}

/**
 * Runs qm pdf and, as soon as its hidden temporary output has grown past `bytes`, stops it with
 * `signal`: a real interruption in the middle of writing, wherever the writing happens.
 */
function killWhenWriting(args: string[], out: string, bytes: number, signal: NodeJS.Signals): Promise<{ stderr: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.resume();
    const poll = setInterval(async () => {
      for (const name of await leftovers(out)) {
        const size = await stat(join(out, name)).then(
          (st) => st.size,
          () => 0,
        );
        if (size > bytes) {
          clearInterval(poll);
          child.kill(signal);
          return;
        }
      }
    }, 5);
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (_code, sig) => {
      clearInterval(poll);
      clearTimeout(guard);
      resolve({ stderr, killed: sig === signal });
    });
  });
}

describe('qm check leaves the folder as it was', () => {
  for (const example of ['storvik', 'utkast']) {
    it(`${example}: through the library and the binary, in every format, with reports written beside it`, async () => {
      const { base, dir, out } = await workspace(example);
      const before = await hashTree(base);
      await check(dir);
      await check(dir, { lang: 'en', strict: true });
      for (const format of ['pretty', 'json', 'junit', 'sarif', 'github', 'markdown']) {
        const run = await runQm(['check', dir, '--format', format, '--date', REF]);
        expect(run.code).toBe(example === 'storvik' ? 0 : 1);
      }
      const run = await runQm([
        'check',
        dir,
        '--format',
        'pretty',
        '--format',
        `sarif=${join(out, 'qm.sarif')}`,
        '--format',
        `junit=${join(out, 'qm.xml')}`,
        '--output',
        join(out, 'rapport.txt'),
      ]);
      expect(run.code).toBe(example === 'storvik' ? 0 : 1);
      const after = await hashTree(base);
      // Only the three reports were added, beside the folder.
      expect(
        Object.keys(after)
          .filter((k) => !(k in before))
          .sort(),
      ).toEqual(['ut/qm.sarif', 'ut/qm.xml', 'ut/rapport.txt']);
      for (const k of Object.keys(before)) if (k !== 'ut') expect(after[k], k).toBe(before[k]);
    });
  }

  it('a report that cannot be written (full disk) leaves the previous report as it was, and no partial file', async () => {
    const { dir, out } = await workspace('utkast');
    const report = join(out, 'rapport.json');
    await writeFile(report, '{"version":1,"applications":[]}\n');
    const before = await hashTree(out);
    const folder = await hashTree(dir);
    const cap = captureIo(out);
    const code = await diskFullAfter(0, () =>
      main(['node', 'qm', 'check', dir, '--format', 'json', '--output', report, '--date', REF], cap.io),
    );
    expect(code).toBe(2);
    expect(cap.stderr().trim().split('\n')).toHaveLength(1);
    expect(cap.stderr()).toMatch(/^qm: .*rapport\.json.*ENOSPC/);
    expect(await hashTree(out)).toEqual(before);
    expect(await leftovers(out)).toEqual([]);
    expect(await hashTree(dir)).toEqual(folder);
  });

  it('a report into a folder that does not exist: exit 2 in one line, nothing written', async () => {
    const { base, dir, out } = await workspace();
    const before = await hashTree(base);
    const run = await runQm(['check', dir, '--output', join(out, 'saknas', 'rapport.txt')]);
    assertOneLineExit2(run);
    assertNoStackTrace(run);
    expect(await hashTree(base)).toEqual(before);
  });

  it('stopped or killed while writing its report: the previous report is kept whole', async () => {
    const { dir, out } = await workspace('utkast');
    const report = join(out, 'rapport.txt');
    await writeFile(report, 'förra veckans rapport\n');
    const folder = await hashTree(dir);
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const res = await killMidWrite(['check', dir, '--output', report, '--date', REF], signal);
      expect(res.killed).toBe(true);
      expect(await readFile(report, 'utf8')).toBe('förra veckans rapport\n');
    }
    // SIGTERM cleaned up after itself; SIGKILL's half-written file is removed by the next report.
    expect(await leftovers(out)).toHaveLength(1);
    expect((await runQm(['check', dir, '--output', report, '--date', REF])).code).toBe(1);
    expect(await leftovers(out)).toEqual([]);
    expect(await readFile(report, 'utf8')).toContain('utkast');
    expect(await hashTree(dir)).toEqual(folder);
  });
});

describe('qm init on an existing folder is refused and changes nothing', () => {
  it('on a complete application: exit 2 naming a file, every byte as it was', async () => {
    const { base, dir } = await workspace();
    const before = await hashTree(base);
    for (const extra of [[], ['--yaml'], ['--typ', 'förnyelse']]) {
      const run = await runQm(['init', dir, ...extra]);
      assertOneLineExit2(run);
      assertNoStackTrace(run);
      expect(run.stderr).toContain(dir);
    }
    expect(await hashTree(base)).toEqual(before);
  });

  it('on a folder holding only ansokan.yaml and bilagor/: refused, nothing added', async () => {
    const { base, dir } = await workspace();
    for (const name of await readdir(dir)) if (/^0\d/.test(name)) await rm(join(dir, name));
    const before = await hashTree(base);
    const run = await runQm(['init', dir]);
    assertOneLineExit2(run);
    expect(run.stderr).toContain('ansokan.yaml');
    expect(await hashTree(base)).toEqual(before);
  });

  it('a full disk half-way through a new folder: no folder and nothing beside it', async () => {
    const base = await tempDir('qm-safety-');
    await writeFile(join(base, 'annat.txt'), 'annat\n');
    const before = await hashTree(base);
    await expect(
      diskFullAfter(4, () => initApplication(join(base, 'ny-ansokan'), { organisation: 'Centrumsamverkan Storvik' })),
    ).rejects.toMatchObject({
      name: 'UsageError',
    });
    expect(await hashTree(base)).toEqual(before);
  });

  it('a full disk half-way into a folder of notes and attachments: the folder is as it was', async () => {
    const base = await tempDir('qm-safety-');
    const dir = join(base, 'ansokan');
    await mkdir(join(dir, 'bilagor'), { recursive: true });
    await writeFile(join(dir, 'anteckningar.txt'), 'Möte med kommunen 12 mars\n');
    await cp(join(FIXTURES, 'storvik', 'bilagor', 'karta-arbetsomrade.png'), join(dir, 'bilagor', 'karta.png'));
    const before = await hashTree(base);
    await expect(diskFullAfter(6, () => initApplication(dir, {}))).rejects.toMatchObject({ name: 'UsageError' });
    expect(await hashTree(base)).toEqual(before);
  });
});

describe('qm pdf leaves the folder as it was and never a partial PDF', () => {
  it('writes the PDF beside the folder and changes nothing in it (binary, default output name)', async () => {
    const { base, dir } = await workspace();
    const before = await hashTree(dir);
    const run = await runQm(['pdf', 'storvik'], { cwd: base, timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    assertNoStackTrace(run);
    expect((await readFile(join(base, 'storvik.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await hashTree(dir)).toEqual(before);
  });

  it('refused because of errors: exit 1, no PDF, the folder unchanged', async () => {
    const { base, dir, out } = await workspace('utkast');
    const before = await hashTree(base);
    const run = await runQm(['pdf', dir, '-o', join(out, 'utkast.pdf')], { timeoutMs: 120_000 });
    expect(run.code).toBe(1);
    assertNoStackTrace(run);
    expect(await hashTree(base)).toEqual(before);
  });

  it('a write error half-way (the file system refuses to grow the file): one line, the previous PDF kept byte for byte, no partial file', async () => {
    const { dir, out } = await workspace();
    const target = join(out, 'ansokan.pdf');
    const previous = Buffer.from('%PDF-1.7\n% förra versionen av ansökan\n%%EOF\n');
    await writeFile(target, previous);
    const before = await hashTree(out);
    const folder = await hashTree(dir);
    // The PDF is written as it is assembled; the file system refuses it past 64 KiB.
    const run = await runWithFileSizeLimit(64, ['pdf', dir, '-o', target, '--date', REF]);
    expect(run.code, run.stderr).toBe(2);
    assertNoStackTrace(run);
    const last = run.stderr.trim().split('\n').pop()!;
    expect(last).toMatch(/^qm: .*EFBIG/);
    expect(await hashTree(out)).toEqual(before);
    expect(await leftovers(out)).toEqual([]);
    expect(await hashTree(dir)).toEqual(folder);
  });

  it('the same for a report: qm check --output past the limit keeps the previous report', async () => {
    const { dir, out } = await workspace('utkast');
    const report = join(out, 'rapport.json');
    await writeFile(report, '{"version":1,"applications":[]}\n');
    const before = await hashTree(out);
    const run = await runWithFileSizeLimit(4, ['check', dir, '--format', 'json', '--output', report, '--date', REF]);
    assertOneLineExit2(run);
    expect(run.stderr).toMatch(/EFBIG/);
    expect(await hashTree(out)).toEqual(before);
    expect(await leftovers(out)).toEqual([]);
  });

  it('stopped half-way through writing (SIGTERM, Ctrl-C): the previous PDF is kept byte for byte, no partial file', async () => {
    const { dir, out } = await workspace();
    const target = join(out, 'ansokan.pdf');
    const previous = Buffer.from('%PDF-1.7\n% förra versionen av ansökan\n%%EOF\n');
    await writeFile(target, previous);
    const folder = await hashTree(dir);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const res = await killWhenWriting(['pdf', dir, '-o', target, '--date', REF], out, 16 * 1024, signal);
      expect(res.killed, res.stderr).toBe(true);
      expect(await readFile(target)).toEqual(previous);
      expect(await leftovers(out)).toEqual([]);
    }
    expect(await hashTree(dir)).toEqual(folder);
  });

  it('killed half-way through writing (SIGKILL): the previous PDF is kept, and the next run removes the half-written file', async () => {
    const { dir, out } = await workspace();
    const target = join(out, 'ansokan.pdf');
    const previous = Buffer.from('%PDF-1.7\n% förra versionen av ansökan\n%%EOF\n');
    await writeFile(target, previous);
    const folder = await hashTree(dir);
    const res = await killWhenWriting(['pdf', dir, '-o', target, '--date', REF], out, 16 * 1024, 'SIGKILL');
    expect(res.killed, res.stderr).toBe(true);
    expect(await readFile(target)).toEqual(previous);
    // A killed process cannot clean up: its hidden half-written file is there until qm writes this target again.
    const left = await leftovers(out);
    expect(left).toHaveLength(1);
    expect((await stat(join(out, left[0]!))).size).toBeGreaterThan(16 * 1024);
    const again = await runQm(['pdf', dir, '-o', target, '--date', REF], { timeoutMs: 120_000 });
    expect(again.code, again.stderr).toBe(0);
    expect(await leftovers(out)).toEqual([]);
    const bytes = await readFile(target);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.subarray(-6).toString()).toMatch(/%%EOF\s*$/);
    expect(await hashTree(dir)).toEqual(folder);
  });
});
