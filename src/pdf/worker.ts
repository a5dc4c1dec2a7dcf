/** Entry of the worker thread that runs the typesetting job (bundled as dist/pdf-worker.js). */
import { parentPort, workerData } from 'node:worker_threads';
import { compileJob } from './job.js';
import { JobError, type Plan } from './plan.js';

const port = parentPort!;
const { plan, fd } = workerData as { plan: Plan; fd: number };
try {
  const { pages } = await compileJob(plan, (progress) => port.postMessage({ type: 'progress', progress }), fd);
  port.postMessage({ type: 'done', pages });
} catch (e) {
  const detail = String((e as Error)?.message ?? e).split('\n')[0]!;
  port.postMessage(e instanceof JobError ? { type: 'fail', key: e.key, args: e.args } : { type: 'fail', key: 'pdf-internal', args: { detail } });
}
