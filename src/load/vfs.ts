/**
 * The file-system seam: the loader reads the folder's text files (`ansokan.yaml`, the chapters,
 * `qm.config.yaml`) and lists the folder through a `Vfs`, so the same check runs on the disk or
 * on an editor's unsaved buffers laid over it (`overlayVfs`). Attachments are always read from
 * the disk: an editor does not hold a PDF.
 *
 * Synchronous on purpose: qm reads a few small local files, and a thread-pool round trip per call
 * costs more than the read itself.
 */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface DirEntry {
  /** The name as the file system holds it (not normalised). */
  name: string;
  dir: boolean;
  /** A regular file, or a symbolic link (resolved later, by whoever opens it). */
  file: boolean;
}

export type ReadResult = { bytes: Buffer } | { error: 'not-file' | 'too-large' | 'unreadable'; size?: number; code?: string };

export type Kind = 'file' | 'dir' | 'other' | 'missing';

export interface Vfs {
  /** What stands at the path (following links). */
  kind(path: string): Kind;
  /** The real path of an existing folder or file; throws the system's error otherwise. */
  realpath(path: string): string;
  /** The entries of a folder; throws the system's error when it cannot be listed. */
  readdir(path: string): DirEntry[];
  /** At most `limit + 1` bytes of a regular file, or why it cannot be read. */
  read(path: string, limit: number): ReadResult;
}

function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}

export const diskVfs: Vfs = {
  kind(path) {
    try {
      const st = statSync(path);
      return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
    } catch {
      return 'missing';
    }
  },
  realpath: (path) => realpathSync.native(path),
  readdir(path) {
    return readdirSync(path, { withFileTypes: true }).map((e) => ({
      name: e.name,
      dir: e.isDirectory(),
      file: e.isFile() || e.isSymbolicLink(),
    }));
  },
  read(path, limit) {
    let st;
    try {
      st = statSync(path);
    } catch (e) {
      return { error: 'unreadable', code: errno(e) };
    }
    if (!st.isFile()) return { error: 'not-file', code: st.isDirectory() ? 'EISDIR' : 'ESPECIAL' };
    if (st.size > limit) return { error: 'too-large', size: st.size };
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const buf = Buffer.alloc(Math.min(st.size, limit) + 1);
      let total = 0;
      for (;;) {
        const got = readSync(fd, buf, total, buf.length - total, total);
        if (got === 0) break;
        total += got;
        if (total >= buf.length) break;
      }
      if (total > limit) return { error: 'too-large', size: total };
      return { bytes: buf.subarray(0, total) };
    } catch (e) {
      return { error: 'unreadable', code: errno(e) };
    } finally {
      if (fd !== undefined) {
        try {
          closeSync(fd);
        } catch {
          // already closed
        }
      }
    }
  },
};

/**
 * Files held in memory (an editor's unsaved buffers, keyed by path) laid over another Vfs. A
 * file in the overlay exists with that text even when the disk has none (a new, unsaved file) or
 * another version; `null` for a path hides the file (deleted in the editor). Folders come from
 * the disk.
 */
export function overlayVfs(base: Vfs, files: ReadonlyMap<string, string | null>): Vfs {
  // Keyed by the real path of the folder holding the file, so that a link or `..` in either the
  // editor's path or the loader's path does not miss it.
  const real = (path: string): string => {
    const abs = resolve(path);
    try {
      return join(base.realpath(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  };
  const byReal = new Map<string, string | null>();
  for (const [path, text] of files) byReal.set(real(path), text);
  const held = (path: string): string | null | undefined => (byReal.size === 0 ? undefined : byReal.get(real(path)));

  return {
    kind(path) {
      const h = held(path);
      if (h === undefined) return base.kind(path);
      return h === null ? 'missing' : 'file';
    },
    realpath(path) {
      const h = held(path);
      if (h === undefined) return base.realpath(path);
      if (h === null) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return real(path);
    },
    readdir(path) {
      let dir: string;
      try {
        dir = base.realpath(path);
      } catch {
        dir = resolve(path);
      }
      const listed = new Map(base.readdir(path).map((e) => [e.name, e]));
      for (const [p, text] of byReal) {
        if (dirname(p) !== dir) continue;
        const name = basename(p);
        if (text === null) listed.delete(name);
        else listed.set(name, { name, dir: false, file: true });
      }
      return [...listed.values()];
    },
    read(path, limit) {
      const h = held(path);
      if (h === undefined) return base.read(path, limit);
      if (h === null) return { error: 'unreadable', code: 'ENOENT' };
      const bytes = Buffer.from(h, 'utf8');
      if (bytes.length > limit) return { error: 'too-large', size: bytes.length };
      return { bytes };
    },
  };
}
