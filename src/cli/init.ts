/** `qm init` – being built (see the issue); until then it says so. */
import type { Lang } from '../model/types.js';
import type { Io } from './main.js';

export async function runInit(_folder: string, _opts: Record<string, unknown>, io: Io, _lang: Lang): Promise<number> {
  io.stderr.write('qm: init is not available in this build yet.\n');
  return 2;
}
