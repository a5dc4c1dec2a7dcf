#!/usr/bin/env node
/**
 * Prints the import cycles among the modules of src/ (static imports and re-exports, `import
 * type` included: a type-only cycle still ties two modules together), one per line, and exits 1
 * when there is one. `node scripts/import-cycles.mjs [--runtime]` leaves type-only imports out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const runtimeOnly = process.argv.includes('--runtime');

/** The TypeScript files under a folder. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

/** Each module's local imports. */
export function graph() {
  const edges = new Map();
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    const to = new Set();
    for (const m of text.matchAll(IMPORT)) {
      if (runtimeOnly && m[2]) continue;
      const target = resolve(dirname(file), m[3].replace(/\.js$/, '.ts'));
      to.add(relative(SRC, target));
    }
    edges.set(relative(SRC, file), to);
  }
  return edges;
}

/** The strongly connected components with more than one module (Tarjan), each sorted. */
export function cycles(edges) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!edges.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || edges.get(v)?.has(v)) out.push(comp.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = cycles(graph());
  for (const c of found) console.log(c.join(' ⇄ '));
  console.log(found.length === 0 ? 'no import cycle in src/' : `${found.length} import cycle(s) in src/`);
  process.exitCode = found.length === 0 ? 0 : 1;
}
