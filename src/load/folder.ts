/**
 * Finds the files of an application folder and reads them: `ansokan.yaml`, the chapter files
 * 01–09, and the list of files under `bilagor/`. The only directory reads of the core.
 */
import { join } from 'node:path';
import type { Application, AttachmentRef, ChapterFile, Finding, LoadedFile } from '../model/types.js';
import { ansokanSchema, chapterSchema } from '../schema/registry.js';
import { UsageError } from '../util/errors.js';
import { readSourceFile } from './files.js';
import { PositionMap } from './normalize.js';
import type { SourceText } from './text.js';
import { diskVfs, type DirEntry, type Vfs } from './vfs.js';

/** A chapter file: two digits 01–09, `-` or `_`, any name, and .md, .yaml or .yml. */
export const CHAPTER_FILE = /^0([1-9])[-_].*\.(md|ya?ml)$/i;
/** ansokan.yaml, also as ansökan.yml and in another case. */
export const META_FILE = /^ans[oö]kan\.ya?ml$/i;

export const LIST_LIMITS = {
  /** Files listed under bilagor/ (a folder with more is reported only this far). */
  maxFiles: 10_000,
  maxDepth: 12,
};

export interface Loaded {
  app: Application;
  findings: Finding[];
  sources: Map<string, SourceText>;
}

function emptyFile(file: string, status: 'missing' | 'unparsed'): LoadedFile {
  return { file, status, data: {}, map: new PositionMap(undefined), placeholders: [] };
}

/**
 * Reads the application in `folder`: its text files through `fs` (the disk unless an editor's
 * buffers are laid over it), the list of attachments from the disk.
 */
export async function loadApplication(folder: string, fs: Vfs = diskVfs): Promise<Loaded> {
  let root: string;
  try {
    // realpath first: it says why a folder cannot be reached (ENOENT, EACCES).
    root = fs.realpath(folder);
    if (fs.kind(root) !== 'dir') throw new UsageError('not-a-folder', { folder });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? 'folder-missing' : 'folder-unreadable', { folder, code: code ?? '' });
  }
  let entries: DirEntry[];
  try {
    entries = fs.readdir(root);
  } catch (e) {
    throw new UsageError('folder-unreadable', { folder, code: (e as NodeJS.ErrnoException).code ?? '' });
  }
  const findings: Finding[] = [];
  const sources = new Map<string, SourceText>();
  const attachments: AttachmentRef[] = [];
  const names = entries
    .map((e) => ({ name: e.name, nfc: e.name.normalize('NFC'), dir: e.dir }))
    .sort((a, b) => (a.nfc < b.nfc ? -1 : a.nfc > b.nfc ? 1 : 0));

  // ansokan.yaml
  const metaEntry = names.find((n) => n.nfc === 'ansokan.yaml') ?? names.find((n) => META_FILE.test(n.nfc));
  let meta: LoadedFile;
  if (!metaEntry) {
    findings.push({ rule: 'ansokan/saknas', file: 'ansokan.yaml', chapter: null, pointer: null, position: null });
    meta = emptyFile('ansokan.yaml', 'missing');
  } else {
    const r = await readSourceFile({
      abs: join(root, metaEntry.name),
      file: metaEntry.nfc,
      chapter: null,
      schema: ansokanSchema,
      format: 'yaml',
      fs,
    });
    findings.push(...r.findings);
    meta = r.loaded;
    if (r.source) sources.set(metaEntry.nfc, r.source);
  }

  // Chapters
  const byNumber = new Map<number, { name: string; nfc: string; dir: boolean }[]>();
  for (const n of names) {
    if (n.nfc.startsWith('.')) continue;
    const m = CHAPTER_FILE.exec(n.nfc);
    if (!m) continue;
    const num = Number(m[1]);
    const same = byNumber.get(num);
    if (same) same.push(n);
    else byNumber.set(num, [n]);
  }
  const chapters: ChapterFile[] = [];
  for (let num = 1; num <= 9; num++) {
    // A folder named like a chapter (`03-arkiv.md/`) is not a chapter file beside a real one; alone,
    // it is the chapter that cannot be read (fil/olasbar).
    const all = byNumber.get(num) ?? [];
    const regular = all.filter((f) => !f.dir);
    const files = regular.length > 0 ? regular : all;
    if (files.length === 0) {
      findings.push({ rule: 'kapitel/saknas', file: null, chapter: num, pointer: null, position: null, args: { chapter: num } });
      continue;
    }
    for (const extra of files.slice(1)) {
      findings.push({
        rule: 'kapitel/dubblett',
        file: extra.nfc,
        chapter: num,
        pointer: null,
        position: null,
        args: { chapter: num, first: files[0]!.nfc },
      });
    }
    const chosen = files[0]!;
    const format = /\.md$/i.test(chosen.nfc) ? 'md' : 'yaml';
    const r = await readSourceFile({
      abs: join(root, chosen.name),
      file: chosen.nfc,
      chapter: num,
      schema: chapterSchema(num),
      format,
      fs,
    });
    findings.push(...r.findings);
    if (r.source) sources.set(chosen.nfc, r.source);
    chapters.push({ ...r.loaded, number: num });
    for (const a of r.attachments) attachments.push({ chapter: num, from: chosen.nfc, pointer: a.pointer, path: a.path, title: a.title });
  }

  const bilagorFiles = listBilagor(root, entries);
  const app: Application = {
    folder,
    root,
    meta,
    chapters,
    chapter: (n) => chapters.find((c) => c.number === n),
    attachments,
    bilagorFiles,
  };
  return { app, findings, sources };
}

/** The files under bilagor/, from the disk (attachments are never an editor's buffers). */
function listBilagor(root: string, rootEntries: DirEntry[]): string[] {
  const out: string[] = [];
  const top = rootEntries.find((e) => e.name.normalize('NFC') === 'bilagor' && e.dir);
  if (!top) return out;
  function walk(rel: string, depth: number): void {
    if (depth > LIST_LIMITS.maxDepth || out.length >= LIST_LIMITS.maxFiles) return;
    let entries;
    try {
      entries = diskVfs.readdir(join(root, rel));
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (out.length >= LIST_LIMITS.maxFiles) return;
      const name = e.name.normalize('NFC');
      if (name.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(name) || name.endsWith('~')) continue;
      const childRel = `${rel}/${e.name}`;
      if (e.dir) walk(childRel, depth + 1);
      else if (e.file) out.push(`${rel}/${name}`.normalize('NFC'));
    }
  }
  walk(top.name, 0);
  return out;
}
