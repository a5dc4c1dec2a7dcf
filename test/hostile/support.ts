/**
 * What every hostile case and every fuzz case must show: qm answers with diagnostics from its
 * catalogue at positions that exist, or with one line and exit 2; it never prints a stack trace,
 * never hangs, and leaves the folder exactly as it was.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, open, readFile, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BIN, ROOT } from '../helpers/app.js';
import { ruleById } from '../../src/rules/index.js';
import type { Diagnostic, Report } from '../../src/model/types.js';

/** Files larger than this (sparse files of gigabytes) are hashed by their first and last mebibyte, with size and mtime. */
const HASH_WHOLE = 256 * 1024 * 1024;

async function hashEnds(abs: string, size: number): Promise<string> {
  const fh = await open(abs, 'r');
  try {
    const head = Buffer.alloc(1 << 20);
    const tail = Buffer.alloc(1 << 20);
    await fh.read(head, 0, head.length, 0);
    await fh.read(tail, 0, tail.length, size - tail.length);
    return `ends:${createHash('sha256').update(head).update(tail).digest('hex')}`;
  } finally {
    await fh.close();
  }
}

/** Every entry under a folder (links not followed): type, mode, size, mtime, and content hash or link target. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(rel: string): Promise<void> {
    const abs = rel ? join(dir, rel) : dir;
    const st = await lstat(abs);
    const head = `${st.mode.toString(8)} ${st.size} ${st.mtimeMs}`;
    if (st.isSymbolicLink()) out[rel] = `link ${head} -> ${await readlink(abs)}`;
    else if (st.isDirectory()) {
      out[rel] = `dir ${st.mode.toString(8)}`;
      for (const name of (await readdir(abs)).sort()) await walk(rel ? `${rel}/${name}` : name);
    } else if (st.isFile()) {
      const content =
        st.size > HASH_WHOLE
          ? await hashEnds(abs, st.size)
          : await readFile(abs).then(
              (b) => createHash('sha256').update(b).digest('hex'),
              (e: NodeJS.ErrnoException) => `unreadable:${e.code}`,
            );
      out[rel] = `file ${head} ${content}`;
    } else out[rel] = `special ${head}`;
  }
  await walk('');
  return out;
}

/** The lines of a text file as an editor shows them (BOM dropped, any line ending). */
export async function editorLines(abs: string): Promise<string[] | undefined> {
  const bytes = await readFile(abs).catch(() => undefined);
  if (!bytes) return undefined;
  const text = new TextDecoder('utf-8').decode(bytes);
  return (text.startsWith('\ufeff') ? text.slice(1) : text).split(/\r\n|\r|\n/);
}

/** Every diagnostic names a rule of the catalogue and a position inside its file, or none. */
export async function assertWellFormed(report: Pick<Report, 'diagnostics'>, dir: string): Promise<void> {
  const lines = new Map<string, string[] | undefined>();
  for (const d of report.diagnostics as Diagnostic[]) {
    expect(ruleById.has(d.rule), `unknown rule ${d.rule}`).toBe(true);
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(typeof d.message === 'string' && d.message.length > 0, `${d.rule} has no message`).toBe(true);
    expect(d.line === null, `${d.rule}: line and column are both set or both null`).toBe(d.column === null);
    if (d.line === null || d.column === null) continue;
    expect(d.file, `${d.rule} has a position but no file`).not.toBeNull();
    if (!lines.has(d.file!)) lines.set(d.file!, await editorLines(join(dir, d.file!)));
    const file = lines.get(d.file!);
    expect(file, `${d.rule}: ${d.file} cannot be read back`).toBeDefined();
    expect(d.line, `${d.rule} at ${d.file}:${d.line}:${d.column}`).toBeGreaterThanOrEqual(1);
    expect(d.line, `${d.rule} at ${d.file}:${d.line}:${d.column}: the file has ${file!.length} lines`).toBeLessThanOrEqual(file!.length);
    const len = file![d.line - 1]!.length;
    expect(d.column, `${d.rule} at ${d.file}:${d.line}:${d.column}`).toBeGreaterThanOrEqual(1);
    expect(d.column, `${d.rule} at ${d.file}:${d.line}:${d.column}: the line has ${len} characters`).toBeLessThanOrEqual(len + 1);
  }
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Killed because it ran past the time limit. */
  timedOut: boolean;
}

/** Runs the built binary with a time limit (a hang is a failure, not a stuck test run). */
export function runQm(
  args: string[],
  opts: { timeoutMs?: number; cwd?: string; env?: Record<string, string>; uid?: number } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: opts.cwd ?? ROOT,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', QM_LANG: '', ...opts.env },
        timeout: opts.timeoutMs ?? 20_000,
        killSignal: 'SIGKILL',
        maxBuffer: 256 * 1024 * 1024,
        ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
      },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number | string; killed?: boolean }) | null;
        resolve({
          code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
          timedOut: Boolean(e?.killed),
        });
      },
    );
  });
}

/** No stack trace: no `    at …` frames and no `Error:` dump, on either stream. */
export function assertNoStackTrace(run: Pick<Run, 'stdout' | 'stderr'>): void {
  for (const text of [run.stderr, run.stdout]) {
    expect(text).not.toMatch(/^\s+at\s+\S.*(\(|:\d+:\d+)/m);
    expect(text).not.toMatch(/^(\w*Error|TypeError|RangeError)\b.*\n/m);
  }
}

/** Exit 2 is one line on stderr, in Swedish unless asked otherwise, beginning `qm:`. */
export function assertOneLineExit2(run: Run): void {
  expect(run.code).toBe(2);
  const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^qm: /);
}

/** The distinct rule ids of a report, sorted. */
export function ruleIds(diagnostics: { rule: string }[]): string[] {
  return [...new Set(diagnostics.map((d) => d.rule))].sort();
}
