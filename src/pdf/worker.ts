/** Entry of the worker thread that runs the typesetting job (bundled as dist/pdf-worker.js). */
import { parentPort, workerData } from 'node:worker_threads';
import { compileJob } from './job.js';
import { JobError, type Plan } from './plan.js';

const port = parentPort!;
try {
  const { bytes, pages } = await compileJob(workerData as Plan, (progress) => port.postMessage({ type: 'progress', progress }));
  // Hand the bytes over without copying them.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  port.postMessage({ type: 'done', bytes: own, pages }, [own.buffer as ArrayBuffer]);
} catch (e) {
  const detail = String((e as Error)?.message ?? e).split('\n')[0]!;
  port.postMessage(e instanceof JobError ? { type: 'fail', key: e.key, args: e.args } : { type: 'fail', key: 'pdf-internal', args: { detail } });
}
