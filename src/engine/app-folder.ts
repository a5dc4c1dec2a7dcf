/**
 * Whether a folder holds an application at all: a chapter file (01–09) or `ansokan.yaml`. A folder
 * without either (a client's archive, `node_modules`, a typo'd path that happens to exist) is not
 * checked chapter by chapter: `check` and `pdf` say so in one line instead of ten findings.
 */
import { readdirSync } from 'node:fs';
import { CHAPTER_FILE, META_FILE } from '../load/folder.js';

/**
 * True when `dir` lists a chapter file or ansokan.yaml, false when it lists neither, undefined when
 * it cannot be listed (missing, not a folder, unreadable: the check says which, as before).
 */
export function looksLikeApplication(dir: string): boolean | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  return names.some((n) => {
    const nfc = n.normalize('NFC');
    return !nfc.startsWith('.') && (CHAPTER_FILE.test(nfc) || META_FILE.test(nfc));
  });
}
