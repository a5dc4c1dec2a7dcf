/**
 * Entry of the worker thread that runs the typesetting job (bundled as dist/pdf-worker.js). It
 * waits for the attachments to open (`inspect`, while the main thread builds the content) and for
 * the plan and the file to write (`run`); src/pdf/job/run.ts is the other side.
 */
import { parentPort } from 'node:worker_threads';
import { JobError, type Plan, type Progress } from '../plan.js';
import { inspectFiles, type InspectFile, type Inspection } from './inspect.js';
import { compileJob } from './job.js';

const port = parentPort!;
const progress = (p: Progress) => port.postMessage({ type: 'progress', progress: p });
const fail = (e: unknown) => {
  const detail = String((e as Error)?.message ?? e).split('\n')[0]!;
  port.postMessage(
    e instanceof JobError ? { type: 'fail', key: e.key, args: e.args } : { type: 'fail', key: 'pdf-internal', args: { detail } },
  );
};

let inspected: Promise<Inspection> | undefined;
port.on('message', (m: { type: 'inspect'; files: InspectFile[] } | { type: 'run'; plan: Plan; fd: number }) => {
  if (m.type === 'inspect') {
    inspected = inspectFiles(m.files, progress);
    // A file that cannot be opened stops the job now, not once the plan is ready.
    inspected.catch(fail);
  } else {
    compileJob(m.plan, progress, m.fd, inspected).then(({ pages }) => port.postMessage({ type: 'done', pages }), fail);
  }
});
