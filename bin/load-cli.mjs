// Loads the command line from dist/cli.cjs through V8's code cache (dist/cli.cjs.cache), so that a
// cold `qm check` on Node 20 does not compile the bundle again (scripts/code-cache.mjs makes it).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

/** Compiles the bundle (with the cache, when given and V8 accepts it) and returns its `main`. */
export function compileBundle(file, cachedData) {
  const source = readFileSync(file, 'utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, dirname(file));
  return { script, main: mod.exports.main, rejected: Boolean(cachedData && script.cachedDataRejected) };
}

/** `main` of dist/cli.cjs with its code cache; undefined when the bundle is not there. */
export function loadCli(distDir) {
  const file = `${distDir}/cli.cjs`;
  if (!existsSync(file)) return undefined;
  let cache;
  try {
    cache = readFileSync(`${file}.cache`);
  } catch {
    cache = undefined;
  }
  return compileBundle(file, cache).main;
}
