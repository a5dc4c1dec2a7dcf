/**
 * `qm check --watch`: check, then check again whenever a file of the folders changes, until
 * Ctrl-C (exit 0).
 *
 * Changes are noticed by watching every folder (the application, bilagor/ and its subfolders, the
 * folder of a --config file) with fs.watch, never a single file: an editor that saves by writing a
 * new file and renaming it over the old one (vim, many IDEs) replaces the file, and a watch on the
 * file would go on watching the old one, which no one writes again; a folder's watch sees every
 * later save of the new file. Node's own recursive watching is not used: on Linux it misses saves
 * after such a rename. Folders that appear or go are picked up on the next event, and a slow poll
 * (POLL_MS) catches whatever a watch cannot report (a watched folder deleted and made again, a
 * network drive). Bursts of events (an editor's save, a git checkout) are debounced, and a run
 * happens only when the folders' files really differ from the last run (size, modification time,
 * inode), so that reading a file or writing a report into the folder does not start a loop.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { UsageError } from '../util/errors.js';
import { ui, usageMessage } from '../i18n/index.js';
import type { Lang } from '../model/types.js';
import type { Io } from './io.js';

export interface WatchSpec {
  /** Absolute paths of the application folders. */
  dirs: string[];
  /** Absolute paths of single files to watch too (a config given with --config). */
  files: string[];
  /** Absolute paths of the reports qm writes itself. */
  ignore: string[];
  lang: Lang;
}

export const DEBOUNCE_MS = 150;
/** The safety net: how often the folders are compared even without an event. */
export const POLL_MS = 2_000;
const MAX_FILES = 20_000;
/** Folders watched at most (each is one watch; bilagor/ rarely has more than a few). */
const MAX_DIRS = 1_000;

/**
 * Hidden files and folders (.git, .DS_Store), editor backups and swap files, and qm's own reports
 * and their temporary files. `rel` is the path inside the watched folder.
 */
function noise(rel: string, abs: string, ignore: string[]): boolean {
  if (ignore.includes(abs)) return true;
  const parts = rel.split(/[\\/]/);
  const name = parts[parts.length - 1] ?? '';
  if (ignore.some((o) => name.startsWith(`.${basename(o)}.qm-tmp-`))) return true;
  return parts.some((p) => p.startsWith('.') && p !== '.' && p !== '..') || /(~|\.swp|\.swx|\.tmp|\.bak)$/i.test(name) || name === '4913';
}

/** What the folders hold now: every file's path, size, modification time and inode. */
async function signature(spec: WatchSpec): Promise<string> {
  const parts: string[] = [];
  const add = async (file: string) => {
    const st = await stat(file).catch(() => undefined);
    if (st?.isFile()) parts.push(`${file}\0${st.size}\0${st.mtimeMs}\0${st.ino}`);
  };
  for (const p of [...spec.dirs, ...spec.files]) {
    const st = await stat(p).catch(() => undefined);
    if (!st) parts.push(`${p}\0missing`);
    else if (!st.isDirectory()) await add(p);
    else {
      const entries = await readdir(p, { recursive: true }).catch(() => [] as string[]);
      for (const rel of entries.slice(0, MAX_FILES)) {
        const abs = join(p, rel);
        if (!noise(rel, abs, spec.ignore)) await add(abs);
      }
    }
  }
  return parts.sort().join('\n');
}

/** Every folder to watch: each application folder and its (non-hidden) subfolders, and each --config file's folder. */
async function foldersToWatch(spec: WatchSpec): Promise<Map<string, { root: string; only?: string }>> {
  const out = new Map<string, { root: string; only?: string }>();
  for (const root of spec.dirs) {
    const walk = async (dir: string): Promise<void> => {
      if (out.size >= MAX_DIRS) return;
      out.set(dir, { root });
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        if (e.isDirectory() && !noise(e.name, join(dir, e.name), spec.ignore)) await walk(join(dir, e.name));
      }
    };
    if ((await stat(root).catch(() => undefined))?.isDirectory()) await walk(root);
  }
  // A config file is watched through its folder, for the same reason as a chapter.
  for (const file of spec.files) if (!out.has(dirname(file))) out.set(dirname(file), { root: dirname(file), only: basename(file) });
  return out;
}

/** The watches, one per folder, kept in step with the folders on disk by `sync`. */
class FolderWatches {
  private readonly watchers = new Map<string, FSWatcher>();
  private failed = false;

  constructor(
    private readonly spec: WatchSpec,
    private readonly onChange: (rel: string, abs: string) => void,
  ) {}

  /** Whether every folder could be watched (else the poll is all there is). */
  get complete(): boolean {
    return !this.failed;
  }

  async sync(): Promise<void> {
    const wanted = await foldersToWatch(this.spec);
    for (const [dir, w] of this.watchers) {
      if (wanted.has(dir)) continue;
      w.close();
      this.watchers.delete(dir);
    }
    this.failed = false;
    for (const [dir, { root, only }] of wanted) {
      if (this.watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_event, name) => {
          const entry = name ? name.toString() : '';
          if (only && entry !== only) return;
          const abs = join(dir, entry);
          this.onChange(relative(root, abs), abs);
        });
        // A watched folder that is deleted ends its watch; the next sync or the poll notices.
        w.on('error', () => {
          w.close();
          if (this.watchers.get(dir) === w) this.watchers.delete(dir);
          this.onChange('', dir);
        });
        this.watchers.set(dir, w);
      } catch {
        this.failed = true;
      }
    }
  }

  close(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}

export async function watchLoop(spec: WatchSpec, once: () => Promise<number>, io: Io): Promise<number> {
  const t = ui[spec.lang];
  let last = '';
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const runOnce = async () => {
    if (io.stdout.isTTY) io.stdout.write('\x1b[2J\x1b[3J\x1b[H');
    try {
      await once();
    } catch (e) {
      // A broken qm.config.yaml or an unwritable report is said, and watching goes on.
      const msg =
        e instanceof UsageError
          ? usageMessage(e.key, e.args, spec.lang)
          : usageMessage('internal', { message: String((e as Error)?.message ?? e).split('\n')[0] ?? '' }, spec.lang);
      io.stderr.write(`qm: ${msg}\n`);
    }
    io.stderr.write(`${t.ci.watching(spec.dirs.length)}\n`);
  };

  const check = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        // New folders (a subfolder of bilagor/) get a watch, vanished ones lose theirs.
        await watches.sync();
        const now = await signature(spec);
        if (now === last) continue;
        last = now;
        await runOnce();
      } while (again);
    } finally {
      running = false;
    }
  };

  const schedule = (rel: string, abs: string) => {
    if (noise(rel, abs, spec.ignore)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void check(), DEBOUNCE_MS);
  };

  // Watch first, so that a change made while the first report is being written is not missed.
  const watches = new FolderWatches(spec, schedule);
  await watches.sync();
  const poll = setInterval(() => void check(), watches.complete ? POLL_MS : DEBOUNCE_MS * 3);
  await check();

  return new Promise<number>((resolve) => {
    process.once('SIGINT', () => {
      watches.close();
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve(0);
    });
  });
}
