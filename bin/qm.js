#!/usr/bin/env node
// The qm command. `qm --version` answers without loading anything else (it must start as fast
// as node itself); every other command loads the bundled CLI, which loads only what it needs.
import { readFileSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else if (module.enableCompileCache && !process.env.QM_NO_CODE_CACHE) {
  // Node 22.1+ keeps compiled code between runs (about a fifth of a cold `qm check`).
  module.enableCompileCache();
  const { main } = await import('../dist/cli.js');
  process.exitCode = await main(process.argv);
} else {
  // Node 20: the same CLI as one CommonJS file, compiled from the V8 code cache shipped beside it
  // (bin/load-cli.mjs); the ESM build when that file is absent or QM_NO_CODE_CACHE is set.
  const { loadCli } = await import('./load-cli.mjs');
  const cached = process.env.QM_NO_CODE_CACHE ? undefined : loadCli(fileURLToPath(new URL('../dist', import.meta.url)));
  const main = cached ?? (await import('../dist/cli.js')).main;
  process.exitCode = await main(process.argv);
}
