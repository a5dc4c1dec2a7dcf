/**
 * Writing files so that a reader never sees half of one: write a temporary file beside the
 * target, flush it, then rename it over the target. On any failure the temporary file is
 * removed and an existing target is left as it was.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.qm-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

export async function writeFileAtomic(target: string, data: string | Uint8Array | ((fh: import('node:fs/promises').FileHandle) => Promise<void>)): Promise<void> {
  const tmp = tempPathFor(target);
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
  }
}
