import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
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
  return { child, out: () => out, err: () => err, reports, exit };
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
});
