import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's script, bundled beside the code that starts it (dist/check-worker.js,
 * dist/pdf-worker.js): next to the calling chunk, or one folder up from dist/chunks/. Undefined
 * when running from the TypeScript sources (tests), where the work stays in the calling thread.
 */
export function bundledScript(callerUrl: string, name: string): string | undefined {
  const here = dirname(fileURLToPath(callerUrl));
  return [join(here, name), join(here, '..', name)].find((p) => existsSync(p));
}
