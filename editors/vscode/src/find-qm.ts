/** Which qm the extension starts, and for which files (no VS Code API here: tested on its own). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The files of an application folder that qm reads. */
export const DOCUMENTS = [
  { scheme: 'file', pattern: '**/0[1-9][-_]*.{md,yaml,yml}' },
  { scheme: 'file', pattern: '**/{ansokan,ansökan}.{yaml,yml}' },
  { scheme: 'file', pattern: '**/qm.config.{yaml,yml}' },
];

/**
 * The qm to start: the one configured (`qm.path`), else the first workspace folder's installed
 * one (`node_modules/.bin/qm`, a pinned dependency of a repository of applications), else `qm`
 * from the PATH.
 */
export function findQm(
  folders: string[],
  configured: string | undefined,
  platform: string = process.platform,
  exists: (path: string) => boolean = existsSync,
): { command: string; source: 'setting' | 'workspace' | 'path' } {
  if (configured && configured.trim() !== '') return { command: configured.trim(), source: 'setting' };
  const name = platform === 'win32' ? 'qm.cmd' : 'qm';
  for (const folder of folders) {
    const local = join(folder, 'node_modules', '.bin', name);
    if (exists(local)) return { command: local, source: 'workspace' };
  }
  return { command: name, source: 'path' };
}
