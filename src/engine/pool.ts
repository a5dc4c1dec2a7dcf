/**
 * Checking many folders at once: the folders are shared out over worker threads, one per core,
 * each checking one folder at a time; the reports come back in the order of the folders. A few
 * folders are checked in this thread (starting a worker costs more than it saves).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkApplication, type CheckOptions } from './check.js';
import { UsageError } from '../util/errors.js';
import { bundledScript } from '../util/worker-script.js';
import type { Report } from '../model/types.js';

/** Below this many folders the check stays in one thread. */
export const POOL_THRESHOLD = 16;

export async function checkMany(folders: string[], options: CheckOptions): Promise<Report[]> {
  const script = bundledScript(import.meta.url, 'check-worker.js');
  const threads = Math.min(availableParallelism(), 4, Math.ceil(folders.length / 8));
  if (!script || folders.length < POOL_THRESHOLD || threads < 2) {
    const reports: Report[] = [];
    for (const folder of folders) reports.push(await checkApplication(folder, options));
    return reports;
  }
  const reports: Report[] = new Array(folders.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const give = (w: Worker) => {
        if (next < folders.length) {
          const i = next++;
          w.postMessage({ i, folder: folders[i], options });
        } else w.postMessage(null);
      };
      for (let t = 0; t < threads; t++) {
        const w = new Worker(script);
        workers.push(w);
        w.on(
          'message',
          (m: { i: number; report?: Report; usage?: { key: string; args: Record<string, string | number> }; error?: string }) => {
            if (m.usage) return fail(new UsageError(m.usage.key, m.usage.args));
            if (m.error !== undefined) return fail(new Error(m.error));
            reports[m.i] = m.report!;
            if (++done === folders.length) resolve();
            else give(w);
          },
        );
        w.on('error', fail);
        w.on('exit', (code) => {
          if (code !== 0 && done < folders.length) fail(new Error(`check worker exited with ${code}`));
        });
        give(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return reports;
}
