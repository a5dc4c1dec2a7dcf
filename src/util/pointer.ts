/**
 * JSON pointers (RFC 6901), as qm uses them: every finding names the value it is about by a
 * pointer into its file's data, with the canonical (Swedish) key names.
 */
import type { Json, JsonObject } from '../model/types.js';

/** A key as one token of a pointer (`/` → `~1`, `~` → `~0`). */
export function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** One token of a pointer as the key it stands for. */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** One token of a schema path, which is also percent-encoded (a URI fragment). */
export function unescapeFragmentToken(token: string): string {
  return unescapeToken(decodeURIComponent(token));
}

/** The keys and indices of a pointer, unescaped: '/a~1b/0' → ['a/b', '0']. */
export function tokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeToken);
}

/** The pointer of the value holding this one ('' for the root and its direct children). */
export function parentPointer(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}

/** A pointer and every pointer that holds it: '/a/b', '/a', ''. */
export function* selfAndHolders(pointer: string): Generator<string> {
  yield pointer;
  for (let i = pointer.lastIndexOf('/'); i >= 0; i = i === 0 ? -1 : pointer.lastIndexOf('/', i - 1)) yield pointer.slice(0, i);
}

/** The value at a pointer, or undefined when nothing stands there. */
export function getAt(data: Json | undefined, pointer: string): Json | undefined {
  let cur: Json | undefined = data;
  for (const t of tokens(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[Number(t)] : cur[t];
  }
  return cur;
}

/** Removes the value at a pointer (a list item is spliced out, so later items move up). */
export function removeAt(data: JsonObject, pointer: string): void {
  const toks = tokens(pointer);
  const holder = getAt(data, toks.length <= 1 ? '' : parentPointer(pointer));
  const last = toks.at(-1);
  if (last === undefined) return;
  if (Array.isArray(holder)) holder.splice(Number(last), 1);
  else if (holder !== null && typeof holder === 'object') delete holder[last];
}

/** The field name a person would recognise: the last key that is not a list index. */
export function fieldName(pointer: string): string {
  const toks = tokens(pointer);
  for (let i = toks.length - 1; i >= 0; i--) if (!/^\d+$/.test(toks[i]!)) return toks[i]!;
  return '';
}
