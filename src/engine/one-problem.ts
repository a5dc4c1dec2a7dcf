/**
 * One problem, one diagnostic (rules.md): what a placeholder stands for, a value the schema
 * already refused, and an empty item of a list a rule already reports are not reported again.
 * What is silenced still counts as a requirement not met (`failing`).
 */
import type { Application, Finding } from '../model/types.js';
import { parentPointer, selfAndHolders } from '../util/pointer.js';

export interface Sifted {
  /** The findings that become diagnostics. */
  kept: Finding[];
  /** How many findings each rule had in each chapter (`rule|chapter`), silenced ones included. */
  failing: Map<string, number>;
}

export function sift(app: Application, raw: Finding[]): Sifted {
  const failing = new Map<string, number>();
  const kept: Finding[] = [];
  const invalid = invalidValues(raw);
  // An empty item of a list that a rule already reports as empty (`hot: [""]`, k2/swot-tom-del).
  const ruled = new Set(raw.filter((f) => !f.rule.startsWith('schema/') && f.pointer).map((f) => `${f.file}|${f.pointer}`));
  const emptyItemRuled = (f: Finding) =>
    f.rule === 'schema/tomt-varde' &&
    typeof f.pointer === 'string' &&
    /\/\d+$/.test(f.pointer) &&
    ruled.has(`${f.file}|${parentPointer(f.pointer)}`);
  const placeholders = placeholderIndex(app);
  for (const f of raw) {
    if (emptyItemRuled(f)) continue;
    const key = `${f.rule}|${f.chapter ?? ''}`;
    failing.set(key, (failing.get(key) ?? 0) + 1);
    if (!placeholderSilenced(placeholders, f) && !invalidSilenced(f, invalid)) kept.push(f);
  }
  return { kept, failing };
}

/**
 * Where a file's placeholders are, to find in constant time whether a finding is at one, inside
 * one, or holds one (comparing every finding with every placeholder took minutes for 20,000 each).
 */
interface PlaceholderIndex {
  at: Set<string>;
  /** Every non-root pointer that holds a placeholder. */
  holding: Set<string>;
}

function placeholderIndex(app: Application): (file: string | null) => PlaceholderIndex | undefined {
  const cache = new Map<string, PlaceholderIndex>();
  return (file) => {
    if (file === null) return undefined;
    const lf = file === app.meta.file ? app.meta : app.chapters.find((c) => c.file === file);
    if (!lf || lf.placeholders.length === 0) return undefined;
    let index = cache.get(file);
    if (!index) {
      index = { at: new Set(lf.placeholders.map((p) => p.pointer)), holding: new Set() };
      for (const q of index.at) for (const h of selfAndHolders(q)) if (h !== q && h !== '') index.holding.add(h);
      cache.set(file, index);
    }
    return index;
  };
}

function placeholderSilenced(placeholders: ReturnType<typeof placeholderIndex>, f: Finding): boolean {
  if (f.rule === 'text/platshallare') return false;
  const hit = (file: string | null, pointer: string | null | undefined) => {
    if (pointer === null || pointer === undefined) return false;
    const index = placeholders(file);
    if (!index) return false;
    if (index.at.has(pointer) || (pointer !== '' && index.holding.has(pointer))) return true;
    for (const h of selfAndHolders(pointer)) if (h !== pointer && h !== '' && index.at.has(h)) return true;
    return false;
  };
  if (hit(f.file, f.pointer)) return true;
  return (f.involves ?? []).some((i) => hit(i.file, i.pointer));
}

/** Schema findings that a value is invalid: what a rule would say about that value is not said. */
const INVALID_VALUE = new Set([
  'schema/fel-typ',
  'schema/okant-varde',
  'schema/fel-format',
  'schema/tomt-varde',
  'schema/utanfor-intervall',
  'schema/ogiltigt-varde',
  'schema/decimalkomma',
]);

function invalidValues(raw: Finding[]): Map<string | null, Set<string>> {
  const invalid = new Map<string | null, Set<string>>();
  for (const f of raw) {
    if (!INVALID_VALUE.has(f.rule) || f.pointer === null || f.pointer === undefined) continue;
    if (!invalid.has(f.file)) invalid.set(f.file, new Set());
    invalid.get(f.file)!.add(f.pointer);
  }
  return invalid;
}

function invalidSilenced(f: Finding, invalid: Map<string | null, Set<string>>): boolean {
  // A placeholder is reported whatever stands in its place (a list keeps it as null).
  if (f.rule.startsWith('schema/') || f.rule === 'text/platshallare') return false;
  const at = (file: string | null, pointer: string | null | undefined) => {
    const here = invalid.get(file);
    if (!here || pointer === null || pointer === undefined) return false;
    for (const h of selfAndHolders(pointer)) if (here.has(h)) return true;
    return false;
  };
  return at(f.file, f.pointer) || (f.involves ?? []).some((i) => at(i.file, i.pointer));
}
