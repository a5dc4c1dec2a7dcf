/**
 * A worker thread of `qm check` over many folders: checks the folders it is sent, one at a time,
 * and posts each report back (src/engine/pool.ts hands out the work).
 */
import { parentPort } from 'node:worker_threads';
import { checkApplication, type CheckOptions } from './check.js';
import { UsageError } from '../util/errors.js';

parentPort?.on('message', async (job: { i: number; folder: string; options: CheckOptions } | null) => {
  if (job === null) {
    parentPort?.close();
    return;
  }
  try {
    const report = await checkApplication(job.folder, job.options);
    parentPort?.postMessage({ i: job.i, report });
  } catch (e) {
    if (e instanceof UsageError) parentPort?.postMessage({ i: job.i, usage: { key: e.key, args: e.args } });
    else parentPort?.postMessage({ i: job.i, error: (e as Error)?.stack ?? String(e) });
  }
});
