import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, copyExample, ROOT, setField } from '../helpers/app.js';

const SUMMARY = /\d+ fel, \d+ (varning|varningar), \d+ info/g;

interface Watcher {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  /** Resolves when the output holds `n` reports, or rejects after `ms`. */
  reports: (n: number, ms: number) => Promise<void>;
  /** The last report: the output after the summary line of the one before it. */
  last: () => string;
  exit: Promise<number | null>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const c of running.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function watch(args: string[]): Watcher {
  const child = spawn(process.execPath, [BIN, 'check', '--watch', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', QM_LANG: '' },
  });
  running.push(child);
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
    waiters.forEach((w) => w());
  });
  child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const reports = (n: number, ms: number) =>
    new Promise<void>((resolve, reject) => {
      const done = () => (out.match(SUMMARY) ?? []).length >= n;
      if (done()) return resolve();
      const timer = setTimeout(() => reject(new Error(`${n} reports not seen within ${ms} ms:\n${out}\n${err}`)), ms);
      waiters.push(() => {
        if (done()) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  const last = () => {
    const ends = [...out.matchAll(SUMMARY)].map((m) => m.index!);
    return ends.length < 2 ? out : out.slice(ends[ends.length - 2]! + 1);
  };
  return { child, out: () => out, err: () => err, reports, last, exit };
}

describe('qm check --watch', () => {
  it('checks again within a second of a change to a chapter, and ends with exit 0 on Ctrl-C', async () => {
    const dir = await copyExample('storvik');
    const w = watch([dir]);
    await w.reports(1, 10_000);
    expect(w.out()).toContain('0 fel, 0 varningar, 0 info');
    await setField(dir, '03-organisation.md', ['bildad'], '2024-05-01');
    await w.reports(2, 1_000);
    const second = w.out().slice(w.out().indexOf('fullständighet') + 1);
    expect(second).toContain('03-organisation.md:2:9');
    expect(second).toContain('k3/verksam-tre-ar');
    expect(w.err()).toContain('Bevakar mappen – kontrollerar igen vid varje ändring. Ctrl-C avslutar.');
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
  });

  it('does not loop on the reports it writes into the folder itself', async () => {
    const dir = await copyExample('storvik');
    const w = watch([dir, '--format', 'pretty', '--format', `json=${join(dir, 'qm-rapport.json')}`]);
    await w.reports(1, 10_000);
    await new Promise((r) => setTimeout(r, 800));
    expect((w.out().match(SUMMARY) ?? []).length).toBe(1);
    expect((await readdir(dir)).filter((f) => f.includes('qm-tmp'))).toEqual([]);
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
  });

  it('keeps watching when qm.config.yaml is broken for a moment, and says why', async () => {
    const dir = await copyExample('storvik');
    const w = watch([dir]);
    await w.reports(1, 10_000);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'qm.config.yaml'), 'regler:\n  k3/karta: av\n');
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no message: ${w.err()}`)), 2_000);
      const poll = setInterval(() => {
        if (w.err().includes('Quality Mark-krav')) {
          clearInterval(poll);
          clearTimeout(t);
          resolve();
        }
      }, 20);
    });
    await writeFile(join(dir, 'qm.config.yaml'), 'regler:\n  k1/startad: info\n');
    await w.reports(2, 2_000);
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
  });

  /** How vim saves (backupcopy=auto): the file renamed to a backup, a new file written, the backup deleted. */
  async function vimSave(file: string, text: string): Promise<void> {
    await rename(file, `${file}~`);
    await writeFile(file, text);
    await rm(`${file}~`);
  }

  /** How many IDEs save: a new hidden file beside it, renamed over it. */
  async function ideSave(file: string, text: string): Promise<void> {
    const tmp = join(file, '..', `.${file.split('/').pop()}.tmp-${Math.random().toString(36).slice(2)}`);
    await writeFile(tmp, text);
    await rename(tmp, file);
  }

  /** Waits long enough that a second save is not merged with the first by the debounce. */
  const pause = () => new Promise((r) => setTimeout(r, 400));

  it('notices every save of a chapter saved by rename, several in a row, and in-place saves of other chapters', async () => {
    const dir = await copyExample('storvik');
    const ch3 = join(dir, '03-organisation.md');
    const good = await readFile(ch3, 'utf8');
    const young = good.replace('bildad: 2016-03-01', 'bildad: 2024-05-01');
    const w = watch([dir]);
    await w.reports(1, 10_000);
    let n = 1;
    for (const [save, text, error] of [
      [vimSave, young, true],
      [vimSave, good, false],
      [ideSave, young, true],
      [vimSave, good, false],
      [ideSave, young, true],
      [ideSave, good, false],
    ] as const) {
      await pause();
      await save(ch3, text);
      await w.reports(++n, 1_500);
      if (error) expect(w.last()).toContain('k3/verksam-tre-ar');
      else expect(w.last()).toContain('0 fel, 0 varningar');
    }
    // In place (truncate and write, as editors with backupcopy=yes and most GUI editors do), another chapter.
    await pause();
    await setField(dir, '01-bakgrund.md', ['startad'], undefined);
    await w.reports(++n, 1_500);
    expect(w.last()).toContain('k1/startad');
    // And the renamed chapter once more, in place this time.
    await pause();
    await writeFile(ch3, young);
    await w.reports(++n, 1_500);
    expect(w.last()).toContain('k3/verksam-tre-ar');
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
  });

  it('notices a chapter deleted and written anew, a new attachment in a new folder, and later saves of it', async () => {
    const dir = await copyExample('storvik');
    const ch9 = join(dir, '09-kommunikation.md');
    const text = await readFile(ch9, 'utf8');
    const w = watch([dir]);
    await w.reports(1, 10_000);
    await rm(ch9);
    await w.reports(2, 1_500);
    expect(w.last()).toContain('kapitel/saknas');
    await pause();
    await writeFile(ch9, text);
    await w.reports(3, 1_500);
    expect(w.last()).toContain('0 fel, 0 varningar');
    // A new folder under bilagor/ and a file in it: an attachment no chapter names.
    await pause();
    await mkdir(join(dir, 'bilagor', 'nytt'));
    await writeFile(join(dir, 'bilagor', 'nytt', 'protokoll.pdf'), '%PDF-1.4\n%%EOF\n');
    await w.reports(4, 1_500);
    expect(w.last()).toContain('bilagor/nytt/protokoll.pdf');
    // A save by rename inside the new folder is noticed too (its folder is watched now).
    await pause();
    await ideSave(join(dir, 'bilagor', 'nytt', 'protokoll.pdf'), '%PDF-1.4\n% ny version\n%%EOF\n');
    await w.reports(5, 1_500);
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
  });
});
