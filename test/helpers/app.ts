/**
 * Test fixtures: a copy of an example application in a temporary folder, edited the way a
 * consultant would edit it, checked through the library or through the built `qm` binary.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { afterAll } from 'vitest';
import { checkApplication, type CheckOptions } from '../../src/engine/check.js';
import type { Diagnostic, Report } from '../../src/model/types.js';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
/**
 * Frozen copies of the examples (test/fixtures/storvik, test/fixtures/utkast): the tests' positions
 * and counts are pinned to these, so examples/ (the README's application) can change freely.
 * test/examples.test.ts checks examples/ itself.
 */
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const EXAMPLES = join(ROOT, 'examples');
export const BIN = join(ROOT, 'bin', 'qm.js');
/** The reference date of the examples. */
export const REF = '2026-11-15';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

export async function tempDir(prefix = 'qm-test-'): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/** A fresh copy of the fixture application test/fixtures/<name> in a temporary folder. */
export async function copyExample(name = 'storvik'): Promise<string> {
  const d = await tempDir();
  const dest = join(d, name);
  await cp(join(FIXTURES, name), dest, { recursive: true });
  return dest;
}

export async function read(dir: string, file: string): Promise<string> {
  return readFile(join(dir, file), 'utf8');
}

export async function write(dir: string, file: string, text: string | Buffer): Promise<void> {
  await writeFile(join(dir, file), text);
}

/** Replaces text in a file; fails the test if the text is not there. */
export async function replace(dir: string, file: string, from: string | RegExp, to: string): Promise<void> {
  const text = await read(dir, file);
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file}: ${String(from)} not found`);
  await write(dir, file, next);
}

function splitFrontMatter(text: string): { fm: string; body: string; md: boolean } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!m) return { fm: text, body: '', md: false };
  return { fm: m[1]!, body: text.slice(m[0].length), md: true };
}

/** Edits the front matter (or YAML file) as data: set a path to a value, or delete it (undefined). */
export async function setField(dir: string, file: string, path: (string | number)[], value: unknown): Promise<void> {
  const text = await read(dir, file);
  const { fm, body, md } = splitFrontMatter(text);
  const doc = parseDocument(fm);
  if (value === undefined) doc.deleteIn(path);
  else doc.setIn(path, value);
  const out = doc.toString();
  await write(dir, file, md ? `---\n${out}---\n${body}` : out);
}

export async function check(dir: string, options: CheckOptions = {}): Promise<Report> {
  return checkApplication(dir, { date: REF, ...options });
}

export function ids(report: Report): string[] {
  return [...new Set(report.diagnostics.map((d) => d.rule))].sort();
}

export function only(report: Report, rule: string): Diagnostic[] {
  return report.diagnostics.filter((d) => d.rule === rule);
}

/** The one diagnostic of a rule; fails if there is none or more than one. */
export function one(report: Report, rule: string): Diagnostic {
  const found = only(report, rule);
  if (found.length !== 1)
    throw new Error(
      `expected one ${rule}, got ${found.length}: ${JSON.stringify(report.diagnostics.map((d) => [d.rule, d.file, d.line, d.column, d.pointer]))}`,
    );
  return found[0]!;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built binary (npm test builds first). */
export async function qm(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', QM_LANG: '', ...options.env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}
