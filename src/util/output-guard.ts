/**
 * `check` and `pdf` never modify the application folder: a report or PDF is not written over
 * one of its files, nor where it would become one (a chapter file, ansokan.yaml, qm.config.yaml,
 * anything under bilagor/, which would be an unreferenced attachment the next time).
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CHAPTER_FILE, META_FILE } from '../load/folder.js';

function real(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** Whether writing `output` would change what one of the application `folders` holds. */
export function isApplicationFile(output: string, folders: string[]): boolean {
  const dir = real(dirname(resolve(output)));
  if (dir === undefined) return false;
  const target = join(dir, basename(output));
  for (const folder of folders) {
    const root = real(resolve(folder));
    if (root === undefined) continue;
    const rel = relative(root, target);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) continue;
    const parts = rel.split(sep).map((p) => p.normalize('NFC'));
    if (parts[0] === 'bilagor') return true;
    if (parts.length === 1 && (CHAPTER_FILE.test(parts[0]!) || META_FILE.test(parts[0]!) || /^qm\.config\.ya?ml$/i.test(parts[0]!)))
      return true;
  }
  return false;
}

/** The same file, however it is written (`a.json`, `./a.json`, through a link to its folder). */
export function sameFile(a: string, b: string): boolean {
  const ra = join(real(dirname(resolve(a))) ?? dirname(resolve(a)), basename(a)).normalize('NFC');
  const rb = join(real(dirname(resolve(b))) ?? dirname(resolve(b)), basename(b)).normalize('NFC');
  return ra === rb;
}
