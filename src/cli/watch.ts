/**
 * `qm check --watch`: check, then check again whenever a file of the folders changes, until
 * Ctrl-C (exit 0). Changes are noticed with fs.watch (recursive; on Linux since Node 20) or, where
 * that is not available, by polling. Bursts of events (an editor's save, a git checkout) are
 * debounced, and a run happens only when the folders' files really differ from the last run
 * (size and modification time), so that reading a file or writing a report into the folder does
 * not start an endless loop.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../util/errors.js';
import { ui, usageMessage } from '../i18n/index.js';
import type { Lang } from '../model/types.js';
import type { Io } from './main.js';

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
const POLL_MS = 500;
const MAX_FILES = 20_000;

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

/** What the folders hold now: every file's path, size and modification time. */
async function signature(spec: WatchSpec): Promise<string> {
  const parts: string[] = [];
  const add = async (file: string) => {
    const st = await stat(file).catch(() => undefined);
    if (st?.isFile()) parts.push(`${file}\0${st.size}\0${st.mtimeMs}`);
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

function watchAll(spec: WatchSpec, onChange: (rel: string, abs: string) => void): FSWatcher[] | undefined {
  const watchers: FSWatcher[] = [];
  try {
    for (const p of [...spec.dirs, ...spec.files]) {
      const isDir = spec.dirs.includes(p);
      // A config file is watched through its folder: editors replace the file when they save.
      const target = isDir ? p : dirname(p);
      const w = watch(target, { recursive: isDir }, (_event, name) => {
        const rel = name ? name.toString() : '';
        const full = join(target, rel);
        if (isDir || full === p) onChange(isDir ? rel : '', full);
      });
      w.on('error', () => undefined);
      watchers.push(w);
    }
    return watchers;
  } catch {
    for (const w of watchers) w.close();
    return undefined;
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
  const watchers = watchAll(spec, schedule);
  const poll = watchers ? undefined : setInterval(() => void check(), POLL_MS);
  await check();

  return new Promise<number>((resolve) => {
    process.once('SIGINT', () => {
      for (const w of watchers ?? []) w.close();
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve(0);
    });
  });
}
