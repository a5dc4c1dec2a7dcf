/**
 * `initApplication`: a new application folder from the templates. All or nothing: every target
 * is checked before anything is written, the files are written into a staging folder and then
 * moved into place, and a failure half-way removes what was moved (and puts back what --force
 * replaced), so a folder never holds half a file or half a template.
 */
import { randomBytes } from 'node:crypto';
import { copyFile, link, lstat, mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic.js';
import { CHAPTER_FILE, META_FILE } from '../load/folder.js';
import { ansokanTemplate, chapterFileName, chapterTemplate, type ApplicationType } from './templates.js';

export type { ApplicationType } from './templates.js';

export interface InitOptions {
  /** `ny` (default) or `förnyelse`; a renewal adds `tidigare_certifiering`. */
  typ?: ApplicationType;
  organisation?: string;
  kommun?: string;
  /** Chapters as YAML files (`03-organisation.yaml`, prose under `text: |`). */
  yaml?: boolean;
  /** Overwrite files that are already there. */
  force?: boolean;
  /** The year the indicator values are asked for (the three years before it); default: this year. */
  year?: number;
}

/** Reads `--typ` as a person writes it (`förnyelse`, `Fornyelse`, `NY`). */
export function parseTyp(value: string | undefined): ApplicationType | undefined {
  if (value === undefined) return 'ny';
  const v = value.normalize('NFC').trim().toLowerCase();
  if (v === 'ny') return 'ny';
  if (v === 'förnyelse' || v === 'fornyelse') return 'förnyelse';
  return undefined;
}

const exists = (p: string) =>
  lstat(p).then(
    (s) => s,
    (e: NodeJS.ErrnoException) => {
      // ENOTDIR: a file stands where a parent folder should be; creating the folder will say so.
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
      throw new UsageError('folder-unreadable', { folder: p, code: e.code ?? '' });
    },
  );

function unwritable(file: string, e: unknown): UsageError {
  if (e instanceof UsageError) return e;
  return new UsageError('output-unwritable', { file, code: (e as NodeJS.ErrnoException).code ?? String((e as Error).message) });
}

/** Files the template consists of, by their path relative to the folder. */
export function templateFiles(options: InitOptions = {}): Map<string, string> {
  const typ = options.typ ?? 'ny';
  if (typ !== 'ny' && typ !== 'förnyelse') throw new UsageError('bad-typ', { value: String(typ) });
  const o = {
    typ,
    organisation: options.organisation?.trim() || undefined,
    kommun: options.kommun?.trim() || undefined,
    yaml: Boolean(options.yaml),
    year: options.year ?? new Date().getFullYear(),
  };
  const files = new Map<string, string>([['ansokan.yaml', ansokanTemplate(o)]]);
  for (let n = 1; n <= 9; n++) files.set(chapterFileName(n, o.yaml), chapterTemplate(n, o));
  return files;
}

/**
 * Files already in the folder that the template would clash with: the same name (refused unless
 * `force`), or the same chapter under another name (always refused: it would be a second file for
 * the chapter, and qm never deletes a consultant's file).
 */
async function conflicts(folder: string, names: string[], force: boolean): Promise<void> {
  let entries: string[];
  try {
    entries = (await readdir(folder)).map((e) => e.normalize('NFC'));
  } catch (e) {
    throw new UsageError('folder-unreadable', { folder, code: (e as NodeJS.ErrnoException).code ?? '' });
  }
  const mine = new Set(names);
  const same = names.filter((n) => entries.includes(n));
  for (const entry of entries) {
    if (mine.has(entry) || entry.startsWith('.')) continue;
    const m = CHAPTER_FILE.exec(entry);
    if (m) throw new UsageError('init-chapter-exists', { file: join(folder, entry), chapter: Number(m[1]) });
    if (META_FILE.test(entry)) throw new UsageError('init-chapter-exists', { file: join(folder, entry), chapter: 0 });
  }
  if (same.length > 0 && !force) throw new UsageError('init-exists', { file: join(folder, same[0]!), others: same.length - 1 });
  // A bilagor/ that links to a folder elsewhere (a shared drive) is a folder.
  const bilagor = await exists(join(folder, 'bilagor'));
  const isFolder = bilagor?.isSymbolicLink()
    ? (await stat(join(folder, 'bilagor')).catch(() => undefined))?.isDirectory()
    : bilagor?.isDirectory();
  if (bilagor && !isFolder) throw new UsageError('not-a-folder', { folder: join(folder, 'bilagor') });
}

/** Moves a staged file to its place without replacing anything that appeared meanwhile. */
async function placeNew(staged: string, target: string): Promise<void> {
  try {
    await link(staged, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError('init-exists', { file: target, others: 0 });
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (await exists(target)) throw new UsageError('init-exists', { file: target, others: 0 });
    await rename(staged, target);
    return;
  }
  await unlink(staged);
}

/** Keeps a copy of a file --force replaces, so a failure can put it back. */
async function backup(target: string, to: string): Promise<boolean> {
  if (!(await exists(target))?.isFile()) return false;
  await link(target, to).catch(() => copyFile(target, to));
  return true;
}

/**
 * Writes a new application folder: `ansokan.yaml`, the nine chapter files and `bilagor/`.
 * Returns the paths written, relative to the folder (`bilagor/` when it was created).
 */
export async function initApplication(folder: string, options: InitOptions = {}): Promise<string[]> {
  const files = templateFiles(options);
  const names = [...files.keys()];
  const force = Boolean(options.force);
  const st = await exists(folder);
  if (st && !st.isDirectory()) throw new UsageError('not-a-folder', { folder });

  if (!st) {
    // A new folder is built beside its place and renamed into it: it appears whole or not at all.
    const parent = dirname(resolve(folder));
    const staging = join(parent, `.${basename(resolve(folder))}.qm-init-${process.pid}-${randomBytes(4).toString('hex')}`);
    for (let up = parent; ; up = dirname(up)) {
      const there = await exists(up);
      if (there && !there.isDirectory()) throw new UsageError('not-a-folder', { folder: up });
      if (there || dirname(up) === up) break;
    }
    let moving = false;
    try {
      await mkdir(parent, { recursive: true });
      await mkdir(staging);
      for (const [name, text] of files) await writeFileAtomic(join(staging, name), text);
      await mkdir(join(staging, 'bilagor'));
      moving = true;
      await rename(staging, folder);
    } catch (e) {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
      // The folder appeared meanwhile, with something in it.
      const code = (e as NodeJS.ErrnoException).code;
      if (moving && (code === 'ENOTEMPTY' || code === 'EEXIST')) throw new UsageError('init-exists', { file: folder, others: 0 });
      throw unwritable(folder, e);
    }
    return [...names, 'bilagor/'];
  }

  await conflicts(folder, names, force);
  const staging = join(folder, `.qm-init-${process.pid}-${randomBytes(4).toString('hex')}`);
  const placed: string[] = [];
  const replaced: string[] = [];
  let madeBilagor = false;
  try {
    try {
      await mkdir(staging);
    } catch (e) {
      throw unwritable(folder, e);
    }
    for (const [name, text] of files) await writeFileAtomic(join(staging, name), text);
    for (const name of names) {
      const target = join(folder, name);
      try {
        if (force) {
          if (await backup(target, join(staging, `${name}.orig`))) replaced.push(name);
          await rename(join(staging, name), target);
        } else await placeNew(join(staging, name), target);
      } catch (e) {
        throw unwritable(target, e);
      }
      placed.push(name);
    }
    if (!(await exists(join(folder, 'bilagor')))) {
      try {
        await mkdir(join(folder, 'bilagor'));
      } catch (e) {
        throw unwritable(join(folder, 'bilagor'), e);
      }
      madeBilagor = true;
    }
  } catch (e) {
    for (const name of placed) {
      const target = join(folder, name);
      if (replaced.includes(name)) await rename(join(staging, `${name}.orig`), target).catch(() => undefined);
      else await unlink(target).catch(() => undefined);
    }
    throw e;
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
  return madeBilagor ? [...names, 'bilagor/'] : names;
}
