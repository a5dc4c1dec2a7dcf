/**
 * fontkit as the typesetter loads it (its CommonJS build): importing it as a module would load
 * and compile a second copy in the job's thread. (A module of its own, so that the library's
 * type declarations never name fontkit, which ships none.)
 */
import { createRequire } from 'node:module';

export function fontkit(): typeof import('fontkit') {
  return createRequire(import.meta.url)('fontkit') as typeof import('fontkit');
}
