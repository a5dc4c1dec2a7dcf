// Runs checkApplication of the built library (the package's entry, dist/index.js) in a worker
// thread, so that the fuzz test can stop a case that runs past its time limit: a loop inside
// the check would block the test's own thread and its timers.
import { parentPort } from 'node:worker_threads';

const { checkApplication } = await import(new URL('../../dist/index.js', import.meta.url).href);

parentPort.on('message', async ({ id, folder, date }) => {
  try {
    const r = await checkApplication(folder, { date });
    parentPort.postMessage({ id, report: { ok: r.ok, diagnostics: r.diagnostics } });
  } catch (e) {
    parentPort.postMessage({ id, thrown: { name: e?.name, key: e?.key, message: String(e?.message ?? e), stack: String(e?.stack ?? '') } });
  }
});
