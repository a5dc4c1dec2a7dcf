/**
 * Writing files so that a reader never sees half of one: write a temporary file beside the
 * target, flush it, then rename it over the target. On any failure the temporary file is
 * removed and an existing target is left as it was; so it is when qm is interrupted (Ctrl-C,
 * SIGTERM), and what a killed qm (SIGKILL) left half-written is removed by the next write.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.qm-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of this target left by a qm that was killed while writing (SIGKILL cannot be caught). */
async function removeStaleTemps(target: string): Promise<void> {
  const prefix = `.${basename(target)}.qm-tmp-`;
  for (const name of await readdir(dirname(target)).catch(() => [] as string[])) {
    const pid = name.startsWith(prefix) ? Number(/^(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length))?.[1]) : 0;
    if (pid && pid !== process.pid && !alive(pid)) await unlink(join(dirname(target), name)).catch(() => undefined);
  }
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array | ((fh: import('node:fs/promises').FileHandle) => Promise<void>),
): Promise<void> {
  await removeStaleTemps(target);
  const tmp = tempPathFor(target);
  // Interrupted while writing: remove the half-written file, then let the signal do what it
  // would have done (unless someone else, e.g. --watch, already handles it).
  const handled = new Set(SIGNALS.filter((s) => process.listenerCount(s) > 0));
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(tmp);
    } catch {
      // not created yet, or already renamed
    }
    for (const s of SIGNALS) process.off(s, onSignal);
    if (!handled.has(signal)) process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.once(s, onSignal);
  let fh;
  try {
    fh = await open(tmp, 'wx');
    if (typeof data === 'function') await data(fh);
    else await fh.writeFile(data);
    await fh.sync();
    await fh.close();
    fh = undefined;
    await rename(tmp, target);
  } catch (e) {
    await fh?.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    if (e instanceof UsageError) throw e;
    throw new UsageError('output-unwritable', { file: target, code: (e as NodeJS.ErrnoException).code ?? String((e as Error).message) });
  } finally {
    for (const s of SIGNALS) process.off(s, onSignal);
  }
}
