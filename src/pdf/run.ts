/**
 * Runs the typesetting job in a worker thread with a time limit per step, so that an attachment
 * whose parsing never ends (or eats all memory) stops with a one-line message naming it instead
 * of hanging or crashing qm. Run from the TypeScript sources (tests), where there is no built
 * worker, the job runs in this thread without the limit.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import { JobError, type Plan, type Progress } from './plan.js';

export interface RunOptions {
  /** The open file the PDF is written to (a temporary file that the caller renames). */
  fd: number;
  onProgress?: (p: Progress) => void;
  /** Time limit for opening or merging one attachment (ms); by default 60 s plus 2 s per megabyte. */
  attachmentTimeoutMs?: number;
}

export const DEFAULT_ATTACHMENT_TIMEOUT_MS = 60_000;
/** Every megabyte of an attachment (or of the images) adds this much time (ms). */
const PER_MB_MS = 2_000;
/** Typesetting the whole document and saving it (ms). */
const WHOLE_DOCUMENT_MS = 300_000;
/** The worker's JavaScript heap (attachment bytes live outside it). */
const HEAP_MB = 2048;

function workerScript(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, 'pdf-worker.js'), join(here, '..', 'pdf-worker.js')].find((p) => existsSync(p));
}

function limitOf(p: Progress, opts: RunOptions): number {
  if (p.step !== 'inspect' && p.step !== 'merge') return WHOLE_DOCUMENT_MS;
  // A limit the caller sets is the limit; the default grows with the size of the file.
  return opts.attachmentTimeoutMs ?? Math.round(DEFAULT_ATTACHMENT_TIMEOUT_MS + (PER_MB_MS * (p.size ?? 0)) / 1_000_000);
}

export async function runJob(plan: Plan, opts: RunOptions): Promise<{ pages: number }> {
  const script = workerScript();
  if (!script) {
    const { compileJob } = await import('./job.js');
    try {
      return await compileJob(plan, (p) => opts.onProgress?.(p), opts.fd);
    } catch (e) {
      if (e instanceof JobError) throw new UsageError(e.key, e.args);
      throw new UsageError('pdf-internal', { file: '', detail: String((e as Error)?.message ?? e).split('\n')[0]! });
    }
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { plan, fd: opts.fd }, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB }, stdout: true, stderr: true });
    // Library chatter in the worker is not for the user.
    worker.stdout.resume();
    worker.stderr.resume();
    let current: Progress | undefined;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    // The worker writes to the caller's file: it must have stopped before the file is closed
    // (and its descriptor perhaps reused by another file).
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().then(fn, fn);
    };
    const arm = (p: Progress) => {
      clearTimeout(timer);
      const ms = limitOf(p, opts);
      timer = setTimeout(() => {
        const key = p.file ? 'pdf-attachment-timeout' : 'pdf-timeout';
        finish(() => reject(new UsageError(key, { file: p.file ?? '', seconds: Math.round(ms / 100) / 10 })));
      }, ms);
    };
    worker.on('message', (m: { type: string; progress?: Progress; pages?: number; key?: string; args?: Record<string, string | number> }) => {
      if (m.type === 'progress' && m.progress) {
        current = m.progress;
        arm(m.progress);
        opts.onProgress?.(m.progress);
      } else if (m.type === 'done') finish(() => resolve({ pages: m.pages! }));
      else if (m.type === 'fail') finish(() => reject(new UsageError(m.key!, m.args ?? {})));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const key = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'pdf-out-of-memory' : 'pdf-internal';
      finish(() => reject(new UsageError(key, { file: current?.file ?? '', detail: String(e.message).split('\n')[0]! })));
    });
    worker.on('exit', (code) => finish(() => reject(new UsageError('pdf-internal', { file: current?.file ?? '', detail: `worker exited (${code})` }))));
  });
}
