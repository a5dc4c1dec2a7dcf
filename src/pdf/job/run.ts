/**
 * Runs the typesetting job in a worker thread with a time limit per step, so that an attachment
 * whose parsing never ends (or eats all memory) stops with a one-line message naming it instead
 * of hanging or crashing qm. The worker is started first thing, so that it loads the typesetter
 * while the application is checked, and opens the attachments while the content is built. Run
 * from the TypeScript sources (tests), where there is no built worker, the job runs in this
 * thread without the limit.
 */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../../util/errors.js';
import { bundledScript } from '../../util/worker-script.js';
import { JobError, type Plan, type Progress } from '../plan.js';
import type { InspectFile } from './inspect.js';

export interface RunOptions {
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
/**
 * The worker's young generation, kept small: typesetting and merging make short-lived objects by
 * the page (layout nodes, pdf-lib dictionaries, zlib buffers), and a large young generation lets
 * them pile up between collections. 8 MB took the peak of 5,000 attachment pages from 476 to
 * 400 MB, and of the example from 240 to 215 MB, at no cost in time (bench/README.md).
 */
const YOUNG_MB = 8;
const HEAP_GROWING_PERCENT = 20;

function limitOf(p: Progress, opts: RunOptions): number {
  if (p.step !== 'inspect' && p.step !== 'merge') return WHOLE_DOCUMENT_MS;
  // A limit the caller sets is the limit; the default grows with the size of the file.
  return opts.attachmentTimeoutMs ?? Math.round(DEFAULT_ATTACHMENT_TIMEOUT_MS + (PER_MB_MS * (p.size ?? 0)) / 1_000_000);
}

interface WorkerMessage {
  type: string;
  progress?: Progress;
  pages?: number;
  key?: string;
  args?: Record<string, string | number>;
}

/** The job, started before its plan is ready; `stop` it when it will not be run. */
export class JobRunner {
  private readonly worker: Worker | undefined;
  private current: Progress | undefined;
  private timer: NodeJS.Timeout | undefined;
  private failure: UsageError | undefined;
  private ended = false;
  private pending: { resolve: (r: { pages: number }) => void; reject: (e: UsageError) => void } | undefined;

  constructor(private readonly opts: RunOptions = {}) {
    const script = bundledScript(import.meta.url, 'pdf-worker.js');
    if (!script) return;
    // The heap grows by a fifth, not by V8's default of up to double, before a full collection:
    // each attachment's parsed objects outlive the young generation and become garbage only when
    // the next one is read. 5,002 attachment pages: 330 → 215 MB peak (bench/README.md).
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    const worker = new Worker(script, {
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: YOUNG_MB },
      stdout: true,
      stderr: true,
    });
    this.worker = worker;
    // Until it is run, the worker does not keep qm alive (a refused application just ends).
    worker.unref();
    // Library chatter in the worker is not for the user.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress' && m.progress) {
        this.current = m.progress;
        this.arm(m.progress);
        opts.onProgress?.(m.progress);
      } else if (m.type === 'done') void this.end(undefined, m.pages);
      else if (m.type === 'fail') void this.end(new UsageError(m.key!, m.args ?? {}));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const key = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'pdf-out-of-memory' : 'pdf-internal';
      void this.end(new UsageError(key, { file: this.current?.file ?? '', detail: String(e.message).split('\n')[0]! }));
    });
    worker.on(
      'exit',
      (code) => void this.end(new UsageError('pdf-internal', { file: this.current?.file ?? '', detail: `worker exited (${code})` })),
    );
  }

  private arm(p: Progress): void {
    clearTimeout(this.timer);
    const ms = limitOf(p, this.opts);
    this.timer = setTimeout(() => {
      const key = p.file ? 'pdf-attachment-timeout' : 'pdf-timeout';
      void this.end(new UsageError(key, { file: p.file ?? '', seconds: Math.round(ms / 100) / 10 }));
    }, ms);
  }

  /**
   * Stops the worker and settles the run. The worker writes to the caller's file: it must have
   * stopped before the file is closed (and its descriptor perhaps reused by another file).
   */
  private async end(error?: UsageError, pages?: number): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    await this.worker?.terminate();
    if (error) {
      this.failure = error;
      this.pending?.reject(error);
    } else this.pending?.resolve({ pages: pages ?? 0 });
  }

  /** Lets the job open the attachments (those of the plan to come) while the plan is built. */
  inspect(files: InspectFile[]): void {
    if (!this.ended) this.worker?.postMessage({ type: 'inspect', files });
  }

  /** Runs the job: the PDF is written into `fd`, an open (temporary) file the caller renames. */
  async run(plan: Plan, fd: number): Promise<{ pages: number }> {
    if (!this.worker) return this.inThread(plan, fd);
    if (this.failure) throw this.failure;
    if (this.ended) throw new UsageError('pdf-internal', { file: '', detail: 'the job was stopped' });
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker!.ref();
      this.worker!.postMessage({ type: 'run', plan, fd });
    });
  }

  async stop(): Promise<void> {
    await this.end();
  }

  private async inThread(plan: Plan, fd: number): Promise<{ pages: number }> {
    const { compileJob } = await import('./job.js');
    try {
      return await compileJob(plan, (p) => this.opts.onProgress?.(p), fd);
    } catch (e) {
      if (e instanceof JobError) throw new UsageError(e.key, e.args);
      throw new UsageError('pdf-internal', { file: '', detail: String((e as Error)?.message ?? e).split('\n')[0]! });
    }
  }
}
