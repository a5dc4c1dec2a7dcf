import { fmt, type DateOrYear } from '../util/dates.js';
import type { Json } from '../model/types.js';
import { asArray, asObject, str } from './define.js';

export function dateText(d: DateOrYear): string {
  return d.kind === 'date' ? fmt(d.date) : String(d.year);
}

/** Items of a list field with their index (so pointers stay right). */
export function items(v: Json | undefined): { i: number; item: Record<string, Json> }[] {
  const out: { i: number; item: Record<string, Json> }[] = [];
  asArray(v).forEach((x, i) => {
    const o = asObject(x);
    if (o) out.push({ i, item: o });
  });
  return out;
}

/**
 * Where a list refers to goals (`/strategier/0/mål/1`, …). A finding that a goal is not served
 * involves them all: while one of them is invalid or a placeholder, that cannot be judged.
 */
export function references(
  file: string | null,
  list: Json | undefined,
  listKey: string,
  refKey: string,
): { file: string | null; pointer: string }[] {
  return items(list).flatMap(({ i, item }) => asArray(item[refKey]).map((_, j) => ({ file, pointer: `/${listKey}/${i}/${refKey}/${j}` })));
}

/** A name compared as format.md says: case-insensitive, NFC, trimmed. */
export function sameName(a: string, b: string): boolean {
  return a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();
}

export function idOf(o: Record<string, Json>): string | undefined {
  const id = str(o.id);
  return id?.trim() || undefined;
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
