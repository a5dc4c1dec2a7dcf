/**
 * What the fuzz tests share: how many cases, the seed, the time limit per case, a worker that
 * runs the built library, and damaged copies of examples/storvik.
 *
 * `npm test` runs a few cases with a fixed seed; `npm run fuzz` (QM_FUZZ_RUNS=10000) runs many
 * with a new seed each time. The seed is printed; QM_FUZZ_SEED replays a run.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FIXTURES, REF } from '../helpers/app.js';
import type { Diagnostic } from '../../src/model/types.js';
import { apply, type Mutation } from './mutate.js';

export const RUNS = Number(process.env.QM_FUZZ_RUNS) || 0;
export const LIBRARY_RUNS = RUNS || 100;
export const BINARY_RUNS = Number(process.env.QM_FUZZ_BIN_RUNS) || (RUNS ? Math.max(20, Math.round(RUNS / 10)) : 20);
export const SEED = process.env.QM_FUZZ_SEED ? Number(process.env.QM_FUZZ_SEED) : RUNS ? Math.floor(Math.random() * 0x7fffffff) : 20261115;
/** The time one case may take, as a limit (the case is stopped), not a measure of speed. */
export const CASE_MS = 5_000;

/** Prints the seed and how to replay this file's run. */
export function announce(file: string, cases: number): void {
  console.log(
    `fuzz ${file}: seed ${SEED}, ${cases} cases. Replay: QM_FUZZ_SEED=${SEED} QM_FUZZ_RUNS=${RUNS || LIBRARY_RUNS} npx vitest run test/fuzz/${file}`,
  );
}

export const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: false });

export interface LibraryResult {
  report?: { ok: boolean; diagnostics: Diagnostic[] };
  thrown?: { name: string; key?: string; stack: string };
  timedOut?: boolean;
}

/** One worker thread running the built library; a case past its time limit ends the worker. */
export class LibraryRunner {
  private worker: Worker | undefined;
  private next = 0;

  run(folder: string): Promise<LibraryResult> {
    const worker = (this.worker ??= new Worker(new URL('./library-worker.mjs', import.meta.url)));
    const id = this.next++;
    return new Promise((resolve) => {
      const done = (result: LibraryResult) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(result);
      };
      const stop = () => {
        this.worker = undefined;
        void worker.terminate();
      };
      const timer = setTimeout(() => {
        stop();
        done({ timedOut: true });
      }, CASE_MS);
      const onMessage = (msg: LibraryResult & { id: number }) => {
        if (msg.id === id) done(msg);
      };
      // The worker itself failed (e.g. dist/ not built: run `npm run build`), not the check.
      const onError = (e: Error) => {
        stop();
        done({ thrown: { name: 'WorkerError', stack: String(e.stack ?? e) } });
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, folder, date: REF });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

/** A damaged copy of storvik in a folder of its own, removed after the case. */
export async function withDamagedCopy<T>(muts: Mutation[], fn: (dir: string) => Promise<T>): Promise<T> {
  const base = await mkdtemp(join(tmpdir(), 'qm-fuzz-'));
  try {
    const dir = join(base, 'storvik');
    await cp(join(FIXTURES, 'storvik'), dir, { recursive: true });
    for (const m of muts) await apply(dir, m);
    return await fn(dir);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

export const caseTimeout = (runs: number) => runs * 8_000 + 60_000;
