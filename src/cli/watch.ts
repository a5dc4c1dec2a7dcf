/** `qm check --watch` – being built; until then it checks once. */
import type { Io } from './main.js';

export async function watchLoop(_folders: string[], once: () => Promise<number>, _io: Io): Promise<number> {
  return once();
}
